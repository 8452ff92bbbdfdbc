// Browser tests of issue 13 §1–§4: one colour scale per metric, old figures
// marked, ranks with their base, and the coverage view. Against the build, in
// Chromium, on the bundled data package.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openPage, waitChart, chartOption, hoverGeo, renderCount, mapPoint } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const HUBEI = '420000';
const JIANGSU = '320000';
const SHANDONG = '370000'; // 98 (2020): old beside 2024
const IN_SHANDONG = [116.8, 35.3];

/** The colour ECharts drew a province with (its data item's visual), and the canvas pixel inside it. */
async function provinceColour(page, code, lnglat) {
  return page.evaluate(([c, ll]) => {
    const el = document.querySelector('[data-testid="map-chart"]');
    const inst = el.__chart;
    const data = inst.getModel().getSeriesByIndex(0).getData();
    const i = data.indexOfName(c);
    const style = i >= 0 ? data.getItemVisual(i, 'style') : null;
    // a classed scale colours the item itself (itemStyle.areaColor); a continuous one through the visual map
    const raw = i >= 0 ? data.getRawDataItem(i) : null;
    const area = raw?.itemStyle?.areaColor ?? null;
    const [x, y] = inst.convertToPixel({ seriesIndex: 0 }, inst.getOption().series[0].map === 'china-svg' ? ll.svg : ll.ll);
    const canvas = el.querySelector('canvas');
    const k = canvas.width / canvas.getBoundingClientRect().width;
    const ctx = canvas.getContext('2d');
    const px = ctx.getImageData(Math.round(x * k), Math.round(y * k), 1, 1).data;
    // colour changes along 31 px of a row through the point: a hatched fill changes every few pixels,
    // a plain one at most where a border crosses
    const row = ctx.getImageData(Math.round(x * k) - 15, Math.round(y * k), 31, 1).data;
    let changes = 0;
    for (let p = 4; p < row.length; p += 4) if (Math.abs(row[p] - row[p - 4]) + Math.abs(row[p + 1] - row[p - 3]) + Math.abs(row[p + 2] - row[p - 2]) > 24) changes++;
    return { fill: area ?? style?.fill ?? null, decal: !!raw?.itemStyle?.decal, hatched: changes >= 6, changes, pixel: [px[0], px[1], px[2]].join(','), label: i >= 0 ? data.getItemModel(i).get(['label', 'formatter']) : null };
  }, [code, mapPoint(lnglat)]);
}

// a point inside Hubei away from its label, and one inside Jiangsu
const IN_HUBEI = [111.2, 31.6];
const IN_JIANGSU = [119.0, 33.6];

for (const scale of ['', 'jenks', 'linear']) {
  test(`one scale for all years${scale ? ` (scale=${scale})` : ' (default)'}: 湖北 84 is drawn alike in 2023 and 2024, and lighter than 江苏 244`, async () => {
    const q = `?view=map&metric=incubators_national${scale ? `&scale=${scale}` : ''}`;
    const { page, context, log } = await openPage(env.browser, `${env.srv.base}${q}&year=2023`);
    await waitChart(page);
    const y2023 = await provinceColour(page, HUBEI, IN_HUBEI);
    const js = await provinceColour(page, JIANGSU, IN_JIANGSU);
    const n = await renderCount(page);
    await page.locator('body').press('ArrowRight');
    await page.waitForURL(/year=2024/);
    await waitChart(page, n + 1);
    const y2024 = await provinceColour(page, HUBEI, IN_HUBEI);
    assert.ok(y2023.fill && y2024.fill, 'Hubei is drawn in both years');
    assert.equal(y2024.fill, y2023.fill, 'same value, same colour in 2023 and 2024');
    assert.equal(y2024.pixel, y2023.pixel, 'same pixel colour inside Hubei');
    assert.notEqual(js.fill, y2023.fill, 'Jiangsu 244 is not drawn like Hubei 84');
    assert.notEqual(js.pixel, y2023.pixel, 'nor painted like it');
    // the legend says the scale is one for all years
    const opt = await chartOption(page);
    const texts = JSON.stringify(opt.graphic);
    assert.match(texts, /各年同一色阶/);
    if (scale === 'jenks') {
      assert.equal(opt.visualMap.length, 0, 'a classed scale has no continuous legend');
      assert.match(texts, /及以上/);
      assert.equal(await page.getByTestId('scale-select').inputValue(), 'jenks');
    }
    assert.deepEqual(log.errors, []);
    await context.close();
  });
}

test('the scale select writes scale= to the URL and the legend changes to classes', async () => {
  const { page, context } = await openPage(env.browser, `${env.srv.base}?view=map&metric=gdp&year=2023&lang=en`);
  await waitChart(page);
  // a full map of a skewed metric: natural breaks by default
  assert.equal(await page.getByTestId('scale-select').inputValue(), '');
  assert.match(await page.getByTestId('scale-select').locator('option').first().textContent(), /natural breaks \(default\)/);
  let opt = await chartOption(page);
  assert.match(JSON.stringify(opt.graphic), /or more/);
  await page.getByTestId('scale-select').selectOption('log');
  await page.waitForURL(/scale=log/);
  await page.waitForFunction(() => document.querySelector('[data-testid="map-chart"]').__chart.getOption().visualMap.length === 1);
  opt = await chartOption(page);
  assert.match(JSON.stringify(opt.graphic), /Colour scale: log/);
  await context.close();
});

test('latest available: an old figure is hatched on the map with its year, the title counts provinces per year range, and it can be hidden', async () => {
  const { page, context } = await openPage(env.browser, `${env.srv.base}?view=map&metric=incubators_national&year=latest`);
  await waitChart(page);
  const sd = await provinceColour(page, SHANDONG, IN_SHANDONG);
  assert.ok(sd.decal && sd.hatched, 'Shandong (2020) is hatched, on the canvas too');
  // its year and the old mark are written on it by the labels layer (loaded on demand), not the map series' own label
  await page.waitForFunction(() => document.querySelector('[data-testid="map-chart"]').__chart.getOption().series.some((s) => s.id === 'map-labels'));
  const labelled = (await chartOption(page)).series.find((s) => s.id === 'map-labels').data.find((d) => d.name === SHANDONG);
  assert.match(labelled.label.formatter, /2020 旧/);
  const js = await provinceColour(page, JIANGSU, [118.6, 34.2]);
  assert.equal(js.decal || js.hatched, false, `Jiangsu (2023) is not: ${JSON.stringify(js)}`);
  const opt = await chartOption(page);
  assert.match(opt.title[0].subtext, /\d{4}–\d{4}：\d+ 省；\d{4}–\d{4}：\d+ 省（旧数据）/);
  const tip = await hoverGeo(page, IN_SHANDONG);
  assert.match(tip.text, /旧数据：比最新数据（20\d\d 年）早 \d+ 年/);
  // one control hides them: not coloured, not ranked
  const n = await renderCount(page);
  await page.getByTestId('hide-stale').check();
  await page.waitForURL(/hidestale=1/);
  await waitChart(page, n + 1);
  const hidden = await provinceColour(page, SHANDONG, IN_SHANDONG);
  assert.equal(hidden.fill, '#f4f5f6');
  assert.equal(hidden.decal, false);
  assert.match(JSON.stringify((await chartOption(page)).graphic), /已隐藏/);
  // stale= changes the threshold: 20 years, nothing is old
  await page.goto(`${env.srv.base}?view=map&metric=incubators_national&year=latest&stale=20`);
  await waitChart(page);
  assert.equal((await provinceColour(page, SHANDONG, IN_SHANDONG)).decal, false);
  await context.close();
});

test('ranking, latest available: an old figure is a lighter, hatched bar labelled with its year; hidden, it leaves the ranking', async () => {
  const { page, context } = await openPage(env.browser, `${env.srv.base}?view=ranking&metric=incubators_national&year=latest`);
  await waitChart(page, 1, 'ranking-chart');
  const bar = (code) => page.evaluate((c) => {
    const inst = document.querySelector('[data-testid="ranking-chart"]').__chart;
    const data = inst.getModel().getSeriesByIndex(0).getData();
    const i = data.indexOfName(c);
    if (i < 0) return null;
    return { fill: data.getItemVisual(i, 'style').fill, decal: !!data.getRawDataItem(i).itemStyle?.decal };
  }, code);
  const sd = await bar(SHANDONG);
  const js = await bar(JIANGSU);
  assert.ok(sd.decal, 'old bar hatched');
  assert.notEqual(sd.fill, js.fill, 'old bar lighter than a recent one');
  assert.equal(js.decal, false);
  const opt = await chartOption(page, 'ranking-chart');
  assert.match(JSON.stringify(opt.series[0].label), /fn/);
  const labels = await page.evaluate(() => {
    const inst = document.querySelector('[data-testid="ranking-chart"]').__chart;
    const o = inst.getOption();
    return o.series[0].data.map((d) => o.series[0].label.formatter({ name: d.name }));
  });
  assert.ok(labels.some((l) => /^98 \(2020, 旧数据\)/.test(l)), labels.join(' | '));
  const n = await renderCount(page, 'ranking-chart');
  await page.getByTestId('hide-stale').check();
  await waitChart(page, n + 1, 'ranking-chart');
  assert.equal(await bar(SHANDONG), null, 'hidden old figure is not a bar');
  assert.match(await page.getByTestId('ranking-hidden').textContent(), /山东 98 家 \(2020\)/);
  await context.close();
});

/** A rank as shown must name its base, and carry the caution under 5 provinces. */
function assertRankText(s, where) {
  if (/无排名|no rank/.test(s)) return;
  const m = s.match(/共 (\d+)|of (\d+)/);
  assert.ok(m, `${where}: rank without its base: "${s}"`);
  const base = Number(m[1] ?? m[2]);
  if (base < 5) assert.match(s, /意义有限|样本少|says little|\(few\)/, `${where}: rank over ${base} provinces without caution: "${s}"`);
}

test('no bare rank over fewer than 5 provinces: profile, tooltip, ranking, table', async () => {
  // profile: every card's rank
  const { page, context } = await openPage(env.browser, `${env.srv.base}?view=province&region=江苏`);
  await page.getByTestId('profile-rank').first().waitFor();
  const ranks = await page.getByTestId('profile-rank').allTextContents();
  assert.ok(ranks.length > 5);
  for (const r of ranks) assertRankText(r, 'profile');
  assert.ok(ranks.some((r) => /意义有限/.test(r)), 'some profile rank is over few provinces and says so');
  // tooltip: 2019 has 2 provinces with a figure
  await page.goto(`${env.srv.base}?view=map&metric=incubators_national&year=2019`);
  await waitChart(page);
  const rows = await page.evaluate(() => {
    const data = document.querySelector('[data-testid="map-chart"]').__chart.getModel().getSeriesByIndex(0).getData();
    const out = [];
    data.each((i) => { if (Number.isFinite(data.get('value', i))) out.push(data.getName(i)); });
    return out;
  });
  assert.ok(rows.length > 1 && rows.length < 5, `2019 has ${rows.length} provinces`);
  await page.waitForTimeout(300);
  const tip = await hoverGeo(page, IN_JIANGSU);
  assertRankText(tip.text.match(/排名: ([^<]*?)(较|来源|$)/)?.[1] ?? tip.text, 'tooltip');
  assert.match(tip.text, /仅 \d 个省份有数据，排名意义有限/);
  // ranking: the chart and the list
  await page.goto(`${env.srv.base}?view=ranking&metric=incubators_national&year=2019`);
  await waitChart(page, 1, 'ranking-chart');
  assert.match((await chartOption(page, 'ranking-chart')).title[0].subtext, /排名意义有限/);
  await page.locator('.ranking-list summary').click();
  for (const r of await page.locator('[data-testid="ranking-list"] .ranking-rank').allTextContents()) assertRankText(r, 'ranking list');
  // table
  await page.goto(`${env.srv.base}?view=table&metric=incubators_national&year=2019`);
  await page.getByTestId('table-row').first().waitFor();
  const cells = await page.locator('[data-testid="table-row"] .table-rank').allTextContents();
  assert.ok(cells.length > 0);
  for (const c of cells) assertRankText(c, 'table');
  await context.close();
});

test('the overview marks a national headline figure more than five years older than the newest', async () => {
  const { page, context } = await openPage(env.browser, `${env.srv.base}?view=overview`);
  await page.getByTestId('headlines').waitFor();
  const olds = page.locator('[data-testid="headlines"] [data-old="1"]');
  const n = await olds.count();
  if (n) assert.match(await olds.first().textContent(), /旧数据：比最新的 \d{4} 年早 \d+ 年/);
  const years = await page.locator('[data-testid="headlines"] .headline .card-meta').allTextContents();
  const ys = years.map((s) => Number(s.match(/\((\d{4})/)?.[1])).filter(Boolean);
  const newest = Math.max(...ys);
  assert.equal(n, ys.filter((y) => newest - y > 5).length, 'exactly the headlines more than 5 years older are marked');
  await context.close();
});

for (const lang of ['zh', 'en']) {
  test(`coverage view (${lang}): all 31 provinces, cells by status, counts, a cell opens its source; keyboard`, async () => {
    const { page, context, log } = await openPage(env.browser, `${env.srv.base}?view=coverage&metric=incubators_national&lang=${lang}`);
    await page.getByTestId('coverage-matrix').waitFor();
    const names = await page.locator('[data-testid="coverage-matrix"] [data-testid="coverage-row"] th').allTextContents();
    const must = lang === 'zh'
      ? ['北京', '天津', '河北', '山西', '内蒙古', '辽宁', '吉林', '黑龙江', '上海', '江苏', '浙江', '安徽', '福建', '江西', '山东', '河南', '湖北', '湖南', '广东', '广西', '海南', '重庆', '四川', '贵州', '云南', '西藏', '陕西', '甘肃', '青海', '宁夏', '新疆']
      : ['Beijing', 'Jiangsu', 'Xinjiang', 'Tibet', 'Guangdong'];
    for (const m of must) assert.ok(names.some((n) => n.startsWith(m)), `${m} listed`);
    if (lang === 'zh') assert.ok(names.length >= 31);
    // the counts per year add up to the filled cells
    const perYear = (await page.getByTestId('coverage-per-year').allTextContents()).map(Number);
    const filled = await page.locator('[data-testid="coverage-row"] .cov-cell button').count();
    assert.equal(perYear.reduce((a, b) => a + b, 0), filled);
    const statuses = await page.locator('[data-testid="coverage-row"] .cov-cell button').evaluateAll((bs) => [...new Set(bs.map((b) => b.dataset.status))]);
    assert.ok(statuses.includes('exact'));
    // keyboard: Tab reaches a cell, Enter opens its figure with the source's quote
    const cell = page.locator(`[data-testid="coverage-row"][data-region="${JIANGSU}"] button[data-year="2023"]`);
    await cell.focus();
    await page.keyboard.press('Enter');
    const detail = page.getByTestId('coverage-detail');
    await detail.waitFor();
    assert.match(await detail.textContent(), /244/);
    // (the quotes load with the view; the cell may be opened before they are in)
    await detail.locator('.quote').first().waitFor({ timeout: 15000 });
    assert.ok(await detail.locator('.quote').count() > 0, 'the quote is shown');
    // from there to the map of that year
    await detail.getByRole('link', { name: lang === 'zh' ? /地图/ : /map/ }).click();
    await page.waitForURL(/view=map&metric=incubators_national&year=2023/);
    assert.deepEqual(log.errors, []);
    await context.close();
  });
}

test('coverage view on a phone: the matrix scrolls sideways inside its box with the province column in view; the summary across metrics', async () => {
  const { page, context } = await openPage(env.browser, `${env.srv.base}?view=coverage&metric=incubators_national`, { viewport: { width: 390, height: 844 } });
  await page.getByTestId('coverage-matrix').waitFor();
  const pageWide = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(pageWide <= 392, `the page itself does not scroll sideways (${pageWide})`);
  const box = page.getByTestId('coverage-scroll');
  await box.evaluate((el) => { el.scrollLeft = 400; });
  const { boxLeft, thLeft } = await page.evaluate(() => ({
    boxLeft: document.querySelector('[data-testid="coverage-scroll"]').getBoundingClientRect().left,
    thLeft: document.querySelector('[data-testid="coverage-row"] th').getBoundingClientRect().left,
  }));
  assert.ok(Math.abs(thLeft - boxLeft) <= 2, `province column sticks (${thLeft} vs ${boxLeft})`);
  const across = page.getByTestId('coverage-across-matrix');
  await across.waitFor();
  assert.ok((await across.locator('[data-testid="coverage-across-row"]').count()) >= 31);
  await page.getByTestId('coverage-year').selectOption('2023');
  await page.waitForURL(/year=2023/);
  assert.ok((await across.locator('.cov-cell a').count()) > 0);
  await context.close();
});

test('the coverage view is embedded whole', async () => {
  const { page, context, log } = await openPage(env.browser, `${env.srv.base}?view=coverage&metric=incubators_national&embed=1&lang=en`);
  await page.getByTestId('coverage-matrix').waitFor();
  assert.ok((await page.locator('[data-testid="coverage-row"]').count()) >= 31);
  assert.equal(await page.locator('[data-testid="nav-map"]').count(), 0, 'no app navigation in the embed');
  assert.deepEqual(log.errors, []);
  await context.close();
});
