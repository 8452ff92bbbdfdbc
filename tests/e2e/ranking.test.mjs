// Browser tests of the ranking view (bar chart / bar race) and the named
// carriers view, against the production build served under a sub-path.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openPage, waitChart, canvasStats, chartOption } from './helpers.mjs';

const CHART = 'ranking-chart';
const EVIL = '<img src=x onerror=alert(1)>';
let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

/** Page coordinates of the middle of the bar of a province (by code). */
async function barCentre(page, code) {
  return page.evaluate(([id, c]) => {
    const el = document.querySelector(`[data-testid="${id}"]`);
    const data = el.__chart.getModel().getSeriesByIndex(0).getData();
    const idx = data.indexOfName(c);
    if (idx < 0) return null;
    const l = data.getItemLayout(idx);
    const r = el.querySelector('canvas').getBoundingClientRect();
    return [r.left + l.x + l.width / 2, r.top + l.y + l.height / 2];
  }, [CHART, code]);
}

async function hoverBar(page, code) {
  const pt = await barCentre(page, code);
  assert.ok(pt, `no bar for ${code}`);
  await page.mouse.move(pt[0] - 4, pt[1] - 3);
  await page.mouse.move(pt[0], pt[1], { steps: 3 });
  await page.waitForFunction((id) => [...document.querySelectorAll(`[data-testid="${id}"] div`)]
    .some((d) => d.style.position === 'absolute' && d.style.display !== 'none' && d.style.opacity !== '0' && d.textContent), CHART, { timeout: 5000 });
  return page.evaluate((id) => {
    const tips = [...document.querySelectorAll(`[data-testid="${id}"] div`)].filter((d) => d.style.position === 'absolute' && d.textContent);
    const tip = tips[tips.length - 1];
    return { text: tip.textContent, html: tip.innerHTML };
  }, CHART);
}

const names = (opt) => opt.series[0].data.map((d) => d.name);

test('ranking: bars largest first, no-data provinces listed, not drawn', async () => {
  const { page, context, log } = await openPage(env.browser, `${env.srv.base}?view=ranking&metric=incubators_national&year=2023`);
  await waitChart(page, 1, CHART);
  const stats = await canvasStats(page, CHART);
  assert.ok(stats.colours > 4, `canvas looks blank: ${stats.colours} colours`);
  const opt = await chartOption(page, CHART);
  // Jiangsu 244, Hubei 84, Henan 71, Anhui 67, Hebei 47, Hunan 42
  assert.deepEqual(names(opt), ['320000', '420000', '410000', '340000', '130000', '430000']);
  assert.deepEqual(opt.series[0].data.map((d) => d.value), [244, 84, 71, 67, 47, 42]);
  assert.deepEqual(opt.yAxis[0].data, names(opt));
  assert.equal(opt.series[0].realtimeSort, true);
  assert.equal(opt.yAxis[0].inverse, true);
  assert.match(opt.title[0].text, /2023/);
  assert.equal(opt.graphic[0].elements.find((g) => g.id === 'ranking-year').style.text, '2023');
  assert.match(opt.aria.label.description, /江苏: 244 · 15\.2%\*/);
  const noData = await page.getByTestId('ranking-nodata').textContent();
  assert.match(noData, /无数据/);
  assert.match(noData, /西藏/);
  assert.match(noData, /青海/);
  assert.doesNotMatch(noData, /江苏/);
  assert.ok(!names(opt).includes('540000'), 'Tibet is not a bar');
  assert.match(await page.getByTestId('national-figure').textContent(), /1606 家/);
  const box = await page.getByTestId(CHART).boundingBox();
  assert.ok(box.height >= 420, `chart too short: ${box.height}`);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('ranking: top N from the URL and from the control', async () => {
  const { page, context } = await openPage(env.browser, `${env.srv.base}?view=ranking&metric=incubators_national&year=2023&top=3`);
  await waitChart(page, 1, CHART);
  let opt = await chartOption(page, CHART);
  assert.deepEqual(names(opt), ['320000', '420000', '410000']);
  assert.match(opt.title[0].text, /前 3 名/);
  assert.equal(await page.getByTestId('top-select').inputValue(), '3');
  await page.getByTestId('top-select').selectOption('5');
  await page.waitForURL(/top=5/);
  await page.waitForFunction((id) => document.querySelector(`[data-testid="${id}"]`).__chart.getOption().series[0].data.length === 5, CHART);
  await page.getByTestId('top-select').selectOption('');
  await page.waitForURL((u) => !u.search.includes('top='));
  await page.waitForFunction((id) => document.querySelector(`[data-testid="${id}"]`).__chart.getOption().series[0].data.length === 6, CHART);
  opt = await chartOption(page, CHART);
  assert.doesNotMatch(opt.title[0].text, /前/);
  await context.close();
});

test('ranking: tooltip shows the value, the share of the national figure (indicative) and the source', async () => {
  const { page, context } = await openPage(env.browser, `${env.srv.base}?view=ranking&metric=incubators_national&year=2023`);
  await waitChart(page, 1, CHART);
  await page.waitForTimeout(600);
  const tip = await hoverBar(page, '320000');
  assert.match(tip.text, /江苏/);
  assert.match(tip.text, /244 家/);
  assert.match(tip.text, /截至 2023-02/);
  assert.match(tip.text, /第 1 位/);
  assert.match(tip.text, /全国数据 \(2023\): 1606 家/);
  assert.match(tip.text, /占全国: 15\.2%\*/);
  assert.match(tip.text, /仅供参考/);
  assert.match(tip.text, /来源/);
  await context.close();
});

test('ranking: where sources disagree the label and tooltip say so and show both', async () => {
  const { page, context } = await openPage(env.browser, `${env.srv.base}?view=ranking&metric=incubators_total&year=2019`);
  await waitChart(page, 1, CHART);
  const opt = await chartOption(page, CHART);
  assert.match(opt.aria.label.description, /江苏: 848 · [\d.]+%\* ⚠ 来源不一致/);
  await page.waitForTimeout(600);
  const tip = await hoverBar(page, '320000');
  assert.match(tip.text, /来源不一致/);
  assert.match(tip.text, /848/);
  assert.match(tip.text, /832/);
  await context.close();
});

test('ranking: clicking a bar opens the province profile', async () => {
  const { page, context } = await openPage(env.browser, `${env.srv.base}?view=ranking&metric=incubators_national&year=2023`);
  await waitChart(page, 1, CHART);
  await page.waitForTimeout(600);
  const pt = await barCentre(page, '420000');
  await page.mouse.click(pt[0], pt[1]);
  await page.waitForURL(/view=province/);
  const u = new URL(page.url());
  assert.equal(u.searchParams.get('view'), 'province');
  assert.equal(u.searchParams.get('region'), '湖北');
  await context.close();
});

test('ranking: play advances the year as a bar race, and pauses', async () => {
  const { page, context } = await openPage(env.browser, `${env.srv.base}?view=ranking&metric=incubators_national&year=2021`);
  await waitChart(page, 1, CHART);
  const before = await chartOption(page, CHART);
  assert.equal(before.animationDurationUpdate, 500);
  await page.getByTestId('play').click();
  await page.waitForURL(/year=2022/, { timeout: 5000 });
  // while playing, updates take the play interval, linearly
  await page.waitForFunction((id) => {
    const o = document.querySelector(`[data-testid="${id}"]`).__chart.getOption();
    return o.animationDurationUpdate >= 1000 && /2022/.test(o.title[0].text);
  }, CHART, { timeout: 5000 });
  const during = await chartOption(page, CHART);
  assert.equal(during.animationEasingUpdate, 'linear');
  assert.equal(during.graphic[0].elements.find((g) => g.id === 'ranking-year').style.text, '2022');
  await page.waitForURL(/year=2023/, { timeout: 5000 });
  await page.getByTestId('play').click();
  assert.equal(await page.getByTestId('play').getAttribute('aria-pressed'), 'false');
  const paused = new URL(page.url()).searchParams.get('year');
  await page.waitForTimeout(1800);
  assert.equal(new URL(page.url()).searchParams.get('year'), paused, 'year moved after pause');
  await context.close();
});

test('carriers: the 2024 report top-10 returnee bases, with source links; province filter', async () => {
  const { page, context, log } = await openPage(env.browser, `${env.srv.base}?view=carriers`);
  const group = page.locator('[data-testid="ranked-group"][data-kind="returnee_park_base"][data-year="2023"]');
  await group.waitFor();
  assert.match(await group.locator('caption').textContent(), /2024 竞争力报告/);
  const rows = group.locator('tbody tr');
  assert.equal(await rows.count(), 10);
  assert.match(await rows.nth(0).textContent(), /^1上海漕河泾留学人员创业园/);
  assert.match(await rows.nth(9).textContent(), /^10无锡留学人员创业园/);
  // the ranking's source (shared by all ten, so named once above the table): a citation, as it has no URL
  assert.match(await group.locator('caption .carriers-caption-source').textContent(), /引文.*科技日报.*2024中国留学人员创业园区孵化基地竞争力报告/);
  // the 2020 ranking's source has a URL: a real link
  const g2020all = page.locator('[data-testid="ranked-group"][data-kind="returnee_park_base"][data-year="2020"]');
  assert.equal(await g2020all.locator('tbody tr').count(), 10);
  assert.equal(await g2020all.locator('caption a[href="http://m.panansia.cn/content/details3_1253.html"]').count(), 1);
  // counts per kind
  assert.match(await page.getByTestId('kind-filter').textContent(), /中国留学人员创业园区孵化基地\s*\d+/);

  await page.getByTestId('carriers-province').selectOption('320000');
  await page.waitForURL(/region=/);
  assert.equal(new URL(page.url()).searchParams.get('region'), '江苏');
  const jsRows = group.locator('tbody tr');
  assert.equal(await jsRows.count(), 3);
  const ranks = await group.locator('tbody .carriers-rank').allTextContents();
  assert.deepEqual(ranks, ['2', '8', '10'], 'published ranks are kept, not renumbered');
  // the year filter
  await page.getByTestId('carriers-year').selectOption('2020');
  assert.equal(await group.count(), 0);
  const g2020 = page.locator('[data-testid="ranked-group"][data-year="2020"]');
  assert.equal(await g2020.locator('tbody tr').count(), 1);
  assert.match(await g2020.textContent(), /苏州留学人员创业园/);
  // another kind: unranked entities in a sortable table
  await page.getByTestId('carriers-year').selectOption('');
  await page.getByTestId('carriers-province').selectOption('');
  await page.locator('[data-kind="national_incubator"]').click();
  const list = page.getByTestId('carriers-list');
  await list.waitFor();
  assert.ok((await list.locator('tbody tr').count()) >= 30);
  await list.getByRole('button', { name: /年份/ }).click();
  const years = (await list.locator('tbody tr td[data-label="年份"]').allTextContents());
  const known = years.filter((y) => y !== '—').map(Number);
  assert.deepEqual(known, [...known].sort((a, b) => a - b), 'sorted by year ascending');
  assert.equal(years.at(-1), '—', 'unknown years last');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('carriers: untrusted names from entities.csv are shown as text, never as HTML', async () => {
  const { page, context, log } = await openPage(env.browser, `${env.srv.base}?view=carriers`, {
    route: (p) => p.route('**/data/entities.csv', async (r) => {
      const res = await r.fetch();
      const body = (await res.text()).replace(/^(e[0-9a-f]+),returnee_park_base,上海漕河泾留学人员创业园/gm, `$1,returnee_park_base,"${EVIL}"`).replace(/中山张企科技企业孵化器/g, `${EVIL.replace('x', 'x2')}`);
      await r.fulfill({ response: res, body });
    }),
  });
  const group = page.locator('[data-testid="ranked-group"][data-year="2023"]');
  await group.waitFor();
  assert.equal((await group.locator('tbody tr').nth(0).locator('.carriers-name').textContent()), EVIL);
  assert.equal(await page.locator('img[src="x"]').count(), 0);
  await page.locator('[data-kind="national_incubator"]').click();
  await page.getByTestId('carriers-list').waitFor();
  assert.ok((await page.getByTestId('carriers-list').textContent()).includes('<img src=x2'));
  assert.equal(await page.locator('img').count(), 0);
  await page.waitForTimeout(300);
  assert.deepEqual(log.dialogs, []);
  await context.close();
});

for (const [w, h] of [[1920, 1080], [1280, 800], [390, 844]]) {
  for (const lang of ['zh', 'en']) {
    test(`ranking and carriers at ${w}×${h} in ${lang}: no sideways scrolling`, async () => {
      const { page, context, log } = await openPage(env.browser, `${env.srv.base}?view=ranking&metric=incubators_national&year=latest&lang=${lang}`, { viewport: { width: w, height: h } });
      await waitChart(page, 1, CHART);
      const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok((await overflow()) <= 0, 'ranking page scrolls sideways');
      const box = await page.getByTestId(CHART).boundingBox();
      assert.ok(box.height >= 420 && box.width <= w);
      const opt = await chartOption(page, CHART);
      assert.ok(opt.series[0].data.length >= 20, 'latest: most provinces have a figure in some year');
      await page.getByTestId('nav-carriers').click();
      await page.getByTestId('ranked-group').first().waitFor();
      assert.ok((await overflow()) <= 0, 'carriers page scrolls sideways');
      assert.deepEqual(log.errors, []);
      await context.close();
    });
  }
}
