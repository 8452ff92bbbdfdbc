// Browser tests of the trend view, against the production build served under
// a sub-path, in Debian's Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openPage, waitChart, chartOption, canvasStats } from './helpers.mjs';

const ID = 'trend-chart';
let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const series = (opt, id) => opt.series.find((s) => s.id === id);
const values = (s) => s.data.map((d) => (d === null || d === '-' ? null : typeof d === 'object' ? d.value : d));

/** Hover the chart at a year (category) and return the tooltip's text and HTML. */
async function hoverYear(page, year) {
  await page.evaluate((id) => document.querySelector(`[data-testid="${id}"]`).scrollIntoView({ block: 'end' }), ID);
  const pt = await page.evaluate(([id, y]) => {
    const el = document.querySelector(`[data-testid="${id}"]`);
    const inst = el.__chart;
    const idx = inst.getOption().xAxis[0].data.indexOf(String(y));
    if (idx < 0) throw new Error(`year ${y} not on the axis`);
    const x = inst.convertToPixel({ xAxisIndex: 0 }, idx);
    const top = inst.convertToPixel({ yAxisIndex: 0 }, 0);
    const r = el.querySelector('canvas').getBoundingClientRect();
    return [r.left + x, r.top + top - 40];
  }, [ID, year]);
  await page.mouse.move(pt[0] - 6, pt[1]);
  await page.mouse.move(pt[0], pt[1], { steps: 3 });
  await page.waitForFunction((id) => {
    const tips = [...document.querySelectorAll(`[data-testid="${id}"] div`)].filter((d) => d.style.position === 'absolute' && d.style.display !== 'none' && d.textContent);
    return tips.some((d) => d.style.opacity !== '0');
  }, ID, { timeout: 5000 });
  return page.evaluate((id) => {
    const tips = [...document.querySelectorAll(`[data-testid="${id}"] div`)].filter((d) => d.style.position === 'absolute' && d.textContent);
    const tip = tips[tips.length - 1];
    return { text: tip.textContent, html: tip.innerHTML };
  }, ID);
}

test('national and chosen provinces are drawn with gaps, never joined across missing years', async () => {
  const { page, context, log } = await openPage(env.browser, `${env.srv.base}?view=trend&metric=incubators_national&regions=江苏,湖南`);
  await waitChart(page, 1, ID);
  const stats = await canvasStats(page, ID);
  assert.ok(stats.colours > 8, 'canvas looks blank');
  const opt = await chartOption(page, ID);
  const years = opt.xAxis[0].data;
  // every year between the first and the last figure is on the axis
  assert.equal(years[0], '2000');
  assert.equal(years.length, Number(years[years.length - 1]) - 2000 + 1);
  assert.deepEqual(opt.series.map((s) => s.id), ['CN', '320000', '430000']);
  for (const s of opt.series) {
    assert.equal(s.connectNulls, false);
    assert.equal(s.showSymbol, true);
  }
  const js = values(series(opt, '320000'));
  // Jiangsu: figures for 2016, 2018–2020, 2022–2023; 2017 and 2021 are gaps (null), not 0
  assert.equal(js[years.indexOf('2016')], 136);
  assert.equal(js[years.indexOf('2017')], null);
  assert.equal(js[years.indexOf('2021')], null);
  assert.equal(js[years.indexOf('2018')], 175);
  assert.ok(!js.includes(0), 'no invented zeros');
  const hn = values(series(opt, '430000'));
  assert.equal(hn[years.indexOf('2018')], 19);
  assert.equal(hn[years.indexOf('2019')], null);
  assert.equal(hn[years.indexOf('2020')], null);
  const nat = values(series(opt, 'CN'));
  assert.equal(nat[years.indexOf('2013')], null);
  assert.equal(nat[years.indexOf('2015')], 600);
  // 2015's "600余家" is a lower bound: a triangle
  assert.equal(series(opt, 'CN').data[years.indexOf('2015')].symbol, 'triangle');
  // title, unit, span and source line inside the chart
  assert.match(opt.title[0].text, /国家级科技企业孵化器.*历年数值.*2000–20\d\d/);
  assert.match(opt.title[0].subtext, /单位：家/);
  assert.ok(opt.graphic[0].elements.some((g) => /来源：/.test(g.style?.text ?? '')), 'source line');
  assert.ok(opt.graphic[0].elements.some((g) => /▲ ≥ 下限/.test(g.style?.text ?? '')), 'marker legend');
  // the URL keeps the chosen provinces; chips show them
  assert.match(decodeURIComponent(page.url()), /regions=江苏,湖南/);
  assert.deepEqual(await page.locator('[data-testid="trend-chips"] .trend-chip-name').allTextContents(), ['江苏', '湖南']);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the multi-select adds a province by typing "Hubei" + Enter, and removes with Backspace and ×', async () => {
  const { page, context } = await openPage(env.browser, `${env.srv.base}?view=trend&metric=incubators_national&regions=江苏,湖南`);
  await waitChart(page, 1, ID);
  const input = page.getByTestId('region-search');
  assert.equal(await input.getAttribute('role'), 'combobox');
  await input.click();
  assert.equal(await input.getAttribute('aria-expanded'), 'true');
  await input.fill('Hubei');
  // the active option is announced through aria-activedescendant and says how much data it has
  const activeId = await input.getAttribute('aria-activedescendant');
  assert.ok(activeId, 'aria-activedescendant set');
  const active = page.locator(`[id="${activeId}"]`);
  assert.equal(await active.getAttribute('role'), 'option');
  assert.match(await active.textContent(), /湖北.*2 年有数据|Hubei/);
  await input.press('Enter');
  await page.waitForURL(/regions=[^&]*%E6%B9%96%E5%8C%97|regions=[^&]*湖北/);
  assert.match(decodeURIComponent(page.url()), /regions=江苏,湖南,湖北/);
  await page.waitForFunction((id) => document.querySelector(`[data-testid="${id}"]`).__chart.getOption().series.some((s) => s.id === '420000'), ID);
  assert.deepEqual(await page.locator('[data-testid="trend-chips"] .trend-chip-name').allTextContents(), ['江苏', '湖南', '湖北']);
  // ↓ moves the active option
  await input.fill('hu');
  const first = await input.getAttribute('aria-activedescendant');
  await input.press('ArrowDown');
  assert.notEqual(await input.getAttribute('aria-activedescendant'), first);
  // Backspace in the empty field removes the last chip
  await input.fill('');
  await input.press('Backspace');
  await page.waitForURL((u) => decodeURIComponent(u.toString()).includes('regions=江苏,湖南') && !decodeURIComponent(u.toString()).includes('湖北'));
  // × removes a chip (labelled for screen readers)
  await page.getByRole('button', { name: '移除 湖南' }).click();
  await page.waitForURL((u) => /regions=江苏(&|$)/.test(decodeURIComponent(u.toString())));
  // the removed line is really gone from the chart (not left behind by a merging update)
  await page.waitForFunction((id) => {
    const ids = document.querySelector(`[data-testid="${id}"]`).__chart.getOption().series.map((s) => s.id);
    return ids.join() === 'CN,320000';
  }, ID);
  // mouse: pick from the list
  await input.click();
  await input.fill('广');
  await page.getByRole('option', { name: /广东/ }).click();
  await page.waitForURL((u) => decodeURIComponent(u.toString()).includes('regions=江苏,广东'));
  await context.close();
});

test('with no provinces chosen: national + 3 provinces with most data, not written into the URL', async () => {
  const { page, context, log } = await openPage(env.browser, `${env.srv.base}?view=trend&metric=incubators_national`);
  await waitChart(page, 1, ID);
  const opt = await chartOption(page, ID);
  assert.equal(opt.series.length, 4);
  assert.equal(opt.series[0].id, 'CN');
  assert.equal(opt.series[1].id, '320000', 'Jiangsu has most years of data');
  assert.doesNotMatch(page.url(), /regions=/);
  assert.equal(await page.locator('.trend-chip.default').count(), 3);
  // "add provinces with most data" writes the selection
  await page.getByTestId('add-most').click();
  await page.waitForURL(/regions=/);
  const n = decodeURIComponent(page.url()).match(/regions=([^&]*)/)[1].split(',').length;
  assert.equal(n, 8);
  // clear goes back to the default
  await page.getByTestId('regions-clear').click();
  await page.waitForURL((u) => !/regions=/.test(u.toString()));
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('mode=yoy switches the y axis to % and only compares consecutive years', async () => {
  const { page, context } = await openPage(env.browser, `${env.srv.base}?view=trend&metric=incubators_national&regions=江苏,湖南`);
  await waitChart(page, 1, ID);
  assert.equal(await page.getByTestId('mode-abs').isChecked(), true);
  await page.getByText('同比变化').click();
  await page.waitForURL(/mode=yoy/);
  await page.waitForFunction((id) => /%/.test(document.querySelector(`[data-testid="${id}"]`).__chart.getOption().yAxis[0].name), ID);
  const opt = await chartOption(page, ID);
  assert.match(opt.yAxis[0].name, /%/);
  assert.equal(opt.yAxis[0].axisLabel.formatter, '{value}%');
  assert.match(opt.title[0].text, /同比/);
  const years = opt.xAxis[0].data;
  const js = values(series(opt, '320000'));
  // 2018 follows a missing 2017: no change; 2019 vs 2018: 175 → 201
  assert.equal(js[years.indexOf('2018')] ?? null, null);
  assert.ok(Math.abs(js[years.indexOf('2019')] - ((201 - 175) / 175) * 100) < 1e-6);
  // Hunan 2018, 2022, 2023: only 2022→2023 is a change
  const hn = values(series(opt, '430000'));
  assert.equal(hn.filter((v) => v !== null).length, 1);
  // share mode: no national line
  await page.getByTestId('mode-share').check();
  await page.waitForURL(/mode=share/);
  await page.waitForFunction((id) => !document.querySelector(`[data-testid="${id}"]`).__chart.getOption().series.some((s) => s.id === 'CN'), ID);
  const sh = await chartOption(page, ID);
  assert.match(sh.yAxis[0].name, /%/);
  await context.close();
});

test('conflicting sources: the tooltip lists both figures with their sources (江苏 2019: 848 vs 832)', async () => {
  const { page, context } = await openPage(env.browser, `${env.srv.base}?view=trend&metric=incubators_total&regions=江苏`);
  await waitChart(page, 1, ID);
  const opt = await chartOption(page, ID);
  const idx = opt.xAxis[0].data.indexOf('2019');
  const p = series(opt, '320000').data[idx];
  assert.equal(p.label.formatter, '!');
  const tip = await hoverYear(page, 2019);
  assert.match(tip.text, /来源不一致/);
  assert.match(tip.text, /848 家/);
  assert.match(tip.text, /832 家/);
  assert.match(tip.text, /全国: 5206 家/);
  // ≥ and 截至 in the tooltip
  const t22 = await hoverYear(page, 2022);
  assert.match(t22.text, /≥ 1000 家（下限）/);
  await context.close();
});

test('untrusted source names are never rendered as HTML in the tooltip', async () => {
  const evil = '<img src=x onerror=alert(1)>';
  const { page, context, log } = await openPage(env.browser, `${env.srv.base}?view=trend&metric=incubators_total&regions=江苏`, {
    route: async (p) => {
      await p.route('**/data/sources.csv', async (r) => {
        const res = await r.fetch();
        const lines = (await res.text()).split('\n');
        const out = lines.map((l, i) => (i === 0 || !l ? l : l.replace(/^(s[0-9a-f]+),([^,]*),([^,]*),([^,]*),/, `$1,$2,$3,"${evil}",`)));
        await r.fulfill({ response: res, body: out.join('\n') });
      });
    },
  });
  await waitChart(page, 1, ID);
  const tip = await hoverYear(page, 2019);
  assert.ok(tip.text.includes(evil), 'the name is shown as text');
  assert.ok(!/<img/i.test(tip.html), 'no <img> element inside the tooltip');
  assert.equal(await page.locator('img[src="x"]').count(), 0);
  await page.waitForTimeout(300);
  assert.deepEqual(log.dialogs, []);
  await context.close();
});

test('a province link opens its profile', async () => {
  const { page, context } = await openPage(env.browser, `${env.srv.base}?view=trend&metric=incubators_national&regions=江苏,湖南`);
  await waitChart(page, 1, ID);
  await page.getByTestId('profile-430000').click();
  await page.waitForURL((u) => /view=province/.test(u.toString()) && decodeURIComponent(u.toString()).includes('region=湖南'));
  await context.close();
});

for (const [w, h] of [[1920, 1080], [1280, 800], [390, 844]]) {
  for (const lang of ['zh', 'en']) {
    test(`trend renders at ${w}×${h} in ${lang} without horizontal overflow`, async () => {
      const { page, context, log } = await openPage(env.browser, `${env.srv.base}?view=trend&metric=incubators_total&lang=${lang}`, { viewport: { width: w, height: h } });
      await waitChart(page, 1, ID);
      const stats = await canvasStats(page, ID);
      assert.ok(stats.colours > 8, 'canvas not blank');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
      const box = await page.getByTestId(ID).boundingBox();
      assert.ok(box.height >= 400, `chart too short: ${box.height}`);
      assert.ok(box.width <= w, 'chart wider than the screen');
      // open list stays on screen
      await page.getByTestId('region-search').click();
      const lb = await page.getByTestId('region-listbox').boundingBox();
      assert.ok(lb && lb.x >= 0 && lb.x + lb.width <= w, 'listbox inside the screen');
      assert.deepEqual(log.errors, []);
      await context.close();
    });
  }
}
