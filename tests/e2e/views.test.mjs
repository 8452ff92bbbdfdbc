// Browser tests of the overview, the province profile, the carrier layer and
// the click-through map → province profile → trend.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openPage, waitChart, chartOption, canvasStats, GEO } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

test('overview: headline national figures with year and qualifier, linking to trends; a map', async () => {
  const { page, context, log } = await openPage(env.browser, env.srv.base);
  await waitChart(page, 1, 'overview-map');
  const heads = page.getByTestId('headlines');
  const parks = heads.locator('[data-metric="returnee_parks_total"]');
  assert.match(await parks.textContent(), /327 家/);
  assert.match(await parks.textContent(), /2024-06/);
  assert.match(await heads.locator('[data-metric="returnee_enterprises_cumulative"]').textContent(), /≥ 5万 家/);
  assert.match(await parks.getAttribute('href'), /view=trend&metric=returnee_parks_total/);
  const stats = await canvasStats(page, 'overview-map');
  assert.ok(stats.colours > 8);
  const opt = await chartOption(page, 'overview-map');
  assert.match(opt.title[0].text, /最新可得/);
  await parks.click();
  await page.waitForURL(/view=trend&metric=returnee_parks_total/);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('map → province profile → trend', async () => {
  const { page, context, log } = await openPage(env.browser, `${env.srv.base}?view=map&metric=incubators_national&year=2023`);
  await waitChart(page);
  const pt = await page.evaluate((ll) => {
    const el = document.querySelector('[data-testid="map-chart"]');
    const [x, y] = el.__chart.convertToPixel({ seriesIndex: 0 }, ll);
    const r = el.querySelector('canvas').getBoundingClientRect();
    return [r.left + x, r.top + y];
  }, GEO.jiangsu);
  await page.mouse.click(pt[0], pt[1]);
  await page.waitForURL(/view=province&metric=incubators_national&year=2023&region=江苏|view=province.*region=%E6%B1%9F%E8%8B%8F/);
  const cards = page.getByTestId('profile-metrics');
  await cards.locator('.metric-card').first().waitFor();
  const inc = cards.locator('[data-metric="incubators_total"]');
  assert.match(await inc.textContent(), /≥ 1100 家/);
  assert.match(await inc.textContent(), /2023/);
  assert.ok((await cards.locator('.metric-card').count()) >= 8);
  assert.equal(await page.locator('.metric-card svg.sparkline').count() >= 8, true);
  // named carriers of the province, with sources
  const carriers = page.getByTestId('profile-carriers');
  assert.match(await carriers.textContent(), /苏州留学人员创业园/);
  // back to the map with the browser's back button
  await page.goBack();
  await page.waitForURL(/view=map/);
  await page.goForward();
  await page.waitForURL(/view=province/);
  await inc.getByRole('link', { name: /趋势/ }).click();
  await page.waitForURL(/view=trend&metric=incubators_total.*regions=/);
  assert.match(decodeURIComponent(page.url()), /regions=江苏/);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('province profile in English, chosen from the select', async () => {
  const { page, context } = await openPage(env.browser, `${env.srv.base}?view=province&region=Hubei&lang=en`);
  await page.getByTestId('profile-metrics').locator('.metric-card').first().waitFor();
  assert.match(await page.locator('.view-title').textContent(), /Hubei/);
  await page.getByTestId('province-select').selectOption('610000');
  await page.waitForURL(/region=%E9%99%95%E8%A5%BF|region=陕西/);
  assert.match(await page.locator('.view-title').textContent(), /Shaanxi/);
  await context.close();
});

test('carrier layer: points at cities, kinds in a legend, unplaced carriers listed', async () => {
  const { page, context, log } = await openPage(env.browser, `${env.srv.base}?view=map&metric=incubators_national&year=latest`);
  await waitChart(page);
  await page.getByTestId('carriers-toggle').check();
  await page.waitForURL(/layer=carriers/);
  await page.getByTestId('unplaced-carriers').waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid="map-chart"]').__chart.getOption().series.length > 1);
  const opt = await chartOption(page);
  const scatter = opt.series.filter((s) => s.type === 'scatter');
  assert.ok(scatter.length >= 4, 'one series per kind');
  const points = scatter.reduce((n, s) => n + s.data.length, 0);
  assert.ok(points >= 80, `expected ≥ 80 placed carriers, got ${points}`);
  assert.ok(opt.legend[0].data.length >= 4);
  const maker = scatter.find((s) => s.name === '国家备案众创空间');
  assert.ok(maker && maker.data.length > 0, 'nationally filed maker spaces have their own series');
  assert.equal(maker.itemStyle.color, '#a6761d');
  const summary = await page.getByTestId('unplaced-carriers').locator('summary').textContent();
  const m = summary.match(/标出 (\d+) 个载体；(\d+) 个无法定位/);
  assert.ok(m, summary);
  assert.equal(Number(m[1]), points);
  assert.equal(Number(m[1]) + Number(m[2]), 199, 'every entity is placed or listed');
  assert.deepEqual(log.errors, []);
  await context.close();
});

for (const [w, h] of [[1920, 1080], [390, 844]]) {
  test(`overview and province fit ${w}×${h}`, async () => {
    for (const q of ['', '?view=province&region=江苏', '?lang=en', '?view=province&region=江苏&lang=en']) {
      const { page, context } = await openPage(env.browser, env.srv.base + q, { viewport: { width: w, height: h } });
      await page.locator('.headline, .metric-card').first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${q}: page scrolls sideways by ${overflow}px`);
      await context.close();
    }
  });
}
