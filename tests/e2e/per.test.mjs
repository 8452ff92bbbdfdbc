// Per resident and per GDP (issue 19): the measure select, `per=` in the URL,
// the ratios drawn on the map, the ranking, the trend and the table with their
// formulas, a link asking for a ratio that a metric does not offer, embeds and slides.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openPage, waitChart, chartOption, hoverGeo, GEO } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

// scale=linear: the series carries the figures themselves (a log scale draws log10 of them)
const PER_MAP = 'view=map&metric=incubators_national&year=2022&per=capita&scale=linear';
// 2022, year-end resident population (万人): 江苏 8515, 浙江 6577, 河南 9872, 湖南 6604; 全国 (年末总人口) 141175
const JS_FORMULA = '江苏 2022：244 家 ÷ 8515 万人 = 2.87 家/百万人';

// the provinces drawn with a value (ECharts lists every outline; those without a figure have none)
const byName = (opt) => new Map(opt.series[0].data.filter((d) => typeof d.value === 'number').map((d) => [d.name, d.value]));

test('map per million residents: values, title, national figure, the formula in the tooltip, both sources', async () => {
  const { page, context, log } = await openPage(env.browser, `${env.srv.base}?${PER_MAP}`);
  await waitChart(page);
  const opt = await chartOption(page);
  const v = byName(opt);
  assert.equal(v.get('320000'), 2.87);
  assert.equal(v.get('330000'), 1.66);
  assert.equal(v.get('410000'), 0.598);
  assert.equal(v.get('430000'), 0.469);
  assert.equal(v.size, 4, 'only provinces with a figure and a population of the same year');
  // the colour scale is the ratio's, over every year of the ratio (not the counts' 0–250)
  assert.ok(opt.visualMap[0].max > 2.87 && opt.visualMap[0].max <= 10, `scale max ${opt.visualMap[0].max}`);
  assert.match(opt.title[0].text, /国家级科技企业孵化器（每百万常住人口） · 2022/);
  assert.match(opt.title[0].subtext ?? JSON.stringify(opt.graphic), /家\/百万人/);
  // the colour scale is the ratio's, not the count's
  assert.ok(opt.visualMap[0].max < 10, `scale max ${opt.visualMap[0].max}`);
  assert.match(await page.getByTestId('national-figure').textContent(), /1\.01 家\/百万人/);

  const tip = await hoverGeo(page, GEO.jiangsu);
  assert.ok(tip.text.includes(JS_FORMULA), tip.text);
  assert.match(tip.text, /分母为 2022 年末常住人口/, 'the as-of figure says which denominator it is divided by');
  assert.match(tip.text, /来源: www\.dingqianjf\.com ÷ 国家统计局/);
  // a province without a ratio is no data, not 0
  const gd = await hoverGeo(page, GEO.guangdong);
  assert.match(gd.text, /无数据/);

  // the control shows the measure and the URL keeps it
  assert.equal(await page.getByTestId('per-select').inputValue(), 'capita');
  assert.match(page.url(), /per=capita/);
  // the sources panel names the population's source with what it supports
  const panel = await page.getByTestId('sources-panel').textContent();
  assert.match(panel, /江苏 2022: 8515 万人/);
  assert.match(panel, /江苏 2022: 244 家 \(截至 2022-04\)/);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the measure select: per GDP, back to absolute; the URL follows', async () => {
  const { page, context } = await openPage(env.browser, `${env.srv.base}?view=map&metric=incubators_national&year=2022&scale=linear`);
  await waitChart(page);
  assert.equal(byName(await chartOption(page)).get('320000'), 244);
  await page.getByTestId('per-select').selectOption('gdp');
  await page.waitForURL(/per=gdp/);
  await page.waitForFunction(() => document.querySelector('[data-testid="map-chart"]').__chart.getOption().title[0].text.includes('每千亿元地区生产总值'));
  const v = byName(await chartOption(page));
  // 244 家 ÷ 124564.2 亿元 GDP (2022) × 1000
  assert.equal(v.get('320000'), 1.96);
  const tip = await hoverGeo(page, GEO.jiangsu);
  assert.match(tip.text, /江苏 2022：244 家 ÷ \d+(\.\d+)? 亿元 = 1\.96 家\/千亿元/);
  await page.getByTestId('per-select').selectOption('abs');
  await page.waitForFunction(() => !location.search.includes('per='));
  await page.waitForFunction(() => document.querySelector('[data-testid="map-chart"]').__chart.getOption().series[0].data.some((d) => d.value === 244));
  await context.close();
});

test('ranking per resident: bars by the ratio, title says the measure, formula in the tooltip, no share of the national figure', async () => {
  const { page, context } = await openPage(env.browser, `${env.srv.base}?view=ranking&metric=incubators_national&year=2022&per=capita`);
  await waitChart(page, 1, 'ranking-chart');
  const opt = await chartOption(page, 'ranking-chart');
  assert.deepEqual(opt.series[0].data.map((d) => [d.name, d.value]), [['320000', 2.87], ['330000', 1.66], ['410000', 0.598], ['430000', 0.469]]);
  assert.match(opt.title[0].text, /每百万常住人口/);
  assert.doesNotMatch(opt.aria.label.description, /%/, 'no share of the national ratio');
  // hover the first bar
  const pt = await page.evaluate(() => {
    const el = document.querySelector('[data-testid="ranking-chart"]');
    const data = el.__chart.getModel().getSeriesByIndex(0).getData();
    const l = data.getItemLayout(data.indexOfName('320000'));
    const r = el.querySelector('canvas').getBoundingClientRect();
    return [r.left + l.x + l.width / 2, r.top + l.y + l.height / 2];
  });
  await page.mouse.move(pt[0] - 4, pt[1] - 3);
  await page.mouse.move(pt[0], pt[1], { steps: 3 });
  const text = await page.waitForFunction(() => {
    const d = [...document.querySelectorAll('[data-testid="ranking-chart"] div')].find((x) => x.style.position === 'absolute' && x.style.display !== 'none' && x.style.opacity !== '0' && x.textContent);
    return d?.textContent;
  }, null, { timeout: 5000 }).then((h) => h.jsonValue());
  assert.ok(text.includes(JS_FORMULA), text);
  assert.match(text, /全国数据 \(2022\): 1\.01 家\/百万人/);
  assert.doesNotMatch(text, /份额|占全国/);
  await context.close();
});

test('trend per resident: lines of ratios, share of the national figure refused', async () => {
  const { page, context } = await openPage(env.browser, `${env.srv.base}?view=trend&metric=incubators_national&regions=江苏&per=capita&mode=share`);
  await waitChart(page, 1, 'trend-chart');
  // the link's share mode is dropped with a notice: a ratio of ratios is not a share
  await page.waitForFunction(() => !location.search.includes('mode=share'));
  assert.match(await page.locator('.notice, [role="status"], [data-testid="notices"]').allTextContents().then((a) => a.join(' ')), /不计算占全国比重/);
  assert.equal(await page.getByTestId('mode-share').isDisabled(), true);
  const opt = await chartOption(page, 'trend-chart');
  assert.match(opt.title[0].text, /每百万常住人口/);
  const js = opt.series.find((s) => s.name === '江苏' || s.id === '320000');
  const values = js.data.map((d) => (d && typeof d === 'object' ? d.value : d)).filter((x) => x !== null && x !== undefined);
  const flat = values.map((x) => (Array.isArray(x) ? x[1] : x));
  assert.ok(flat.includes(2.87), `Jiangsu 2022 per million: ${JSON.stringify(flat)}`);
  assert.ok(flat.every((x) => x < 5), 'ratios, not counts');
  await context.close();
});

test('table per resident: the calculation column and the population source', async () => {
  const { page, context } = await openPage(env.browser, `${env.srv.base}?view=table&metric=incubators_national&year=2022&per=capita`);
  await page.getByTestId('data-table').waitFor({ timeout: 20000 });
  const js = page.locator('[data-testid="table-row"][data-region="320000"]');
  assert.equal(await js.locator('[data-testid="table-formula"]').textContent().then((t) => t.startsWith(JS_FORMULA)), true);
  assert.match(await js.locator('.table-value').textContent(), /^2\.87$/);
  assert.match(await js.locator('.table-unit').textContent(), /家\/百万人/);
  assert.match(await js.getByTestId('denominator-source').textContent(), /分母来源[\s\S]*国家统计局/);
  assert.equal(await page.getByTestId('per-select').inputValue(), 'capita');
  await context.close();
});

test('a link asking for a ratio of a metric that has none: dropped with the reason, the select disabled', async () => {
  const { page, context } = await openPage(env.browser, `${env.srv.base}?view=map&metric=population_resident&year=2022&per=capita`);
  await waitChart(page);
  await page.waitForFunction(() => !location.search.includes('per='));
  const notices = await page.locator('body').textContent();
  assert.match(notices, /“年末常住人口”不提供“每百万常住人口”口径/);
  // the map shows the population itself
  assert.equal(byName(await chartOption(page)).get('320000'), 8515);
  await page.getByTestId('per-select').waitFor();
  assert.equal(await page.locator('[data-testid="per-select"] option[value="capita"]').isDisabled(), true);
  assert.equal(await page.locator('[data-testid="per-select"] option[value="gdp"]').isDisabled(), true);
  assert.match(await page.getByTestId('per-reason').textContent(), /年平均人口/);
  await context.close();
});

test('English: units and formula in words', async () => {
  const { page, context } = await openPage(env.browser, `${env.srv.base}?${PER_MAP}&lang=en`);
  await waitChart(page);
  const opt = await chartOption(page);
  assert.match(opt.title[0].text, /\(per million residents\) · 2022/);
  const tip = await hoverGeo(page, GEO.jiangsu);
  assert.ok(tip.text.includes('Jiangsu 2022: 244 institutions ÷ 85.15 million residents = 2.87 institutions per million residents'), tip.text);
  await context.close();
});

test('embeds and slides keep the measure', async () => {
  const { page, context } = await openPage(env.browser, `${env.srv.base}?${PER_MAP}`);
  await waitChart(page);
  // the Embed dialog's snippet
  await page.getByTestId('embed-open').click();
  const code = await page.getByTestId('embed-snippet').inputValue();
  assert.match(code, /per=capita/);
  await page.keyboard.press('Escape');
  // a slide of this view
  await page.getByTestId('deck-open').click();
  await page.getByTestId('deck-add').click();
  await page.getByTestId('deck-list').locator('li').first().waitFor();
  await page.keyboard.press('Escape');
  await page.waitForURL(/deck=/);
  const deck = new URL(page.url()).searchParams.get('deck');
  const slides = JSON.parse(Buffer.from(deck.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8'));
  assert.match(JSON.stringify(slides), /per=capita/);

  // the embed itself draws the ratio, and its link to the full view keeps it
  const { page: e, context: ec } = await openPage(env.browser, `${env.srv.base}?${PER_MAP}&embed=1`, { viewport: { width: 800, height: 600 } });
  await waitChart(e);
  assert.equal(byName(await chartOption(e)).get('320000'), 2.87);
  const back = await e.locator('a[href*="view=map"]').first().getAttribute('href');
  assert.match(back, /per=capita/);
  await ec.close();

  // the presentation of a slide with the measure
  const { page: p, context: pc } = await openPage(env.browser, `${env.srv.base}?present=1&deck=${deck}&slide=1`, { viewport: { width: 1280, height: 720 } });
  await waitChart(p);
  assert.match((await chartOption(p)).title[0].text, /每百万常住人口/);
  assert.equal(byName(await chartOption(p)).get('320000'), 2.87);
  await pc.close();
  await context.close();
});
