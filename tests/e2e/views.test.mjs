// Browser tests of the overview, the province profile, the carrier layer and
// the click-through map → province profile → trend.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openPage, waitChart, waitSettled, chartOption, canvasStats, GEO, mapPixel } from './helpers.mjs';

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
  await waitSettled(page);
  const pt = await mapPixel(page, GEO.jiangsu);
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

/** Scatter points of the carrier layer as drawn: how many have a position, and how many show their series' colour on the canvas. */
async function drawnCarrierPoints(page) {
  return page.evaluate(() => {
    const box = document.querySelector('[data-testid="map-chart"]');
    const inst = box.__chart;
    const canvas = box.querySelector('canvas');
    const ctx = canvas.getContext('2d');
    const k = canvas.width / canvas.getBoundingClientRect().width;
    const hex = (c) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
    let laidOut = 0;
    let sampled = 0;
    let coloured = 0;
    const series = inst.getModel().getSeriesByType('scatter').filter((s) => !/^map-/.test(s.id)); // not the labels' series
    const kinds = series.map((s) => hex(s.getData().getVisual('style').fill));
    for (const s of series) {
      const data = s.getData();
      const pts = [...Array(data.count()).keys()].map((i) => data.getItemLayout(i)).filter((p) => p && Number.isFinite(p[0]) && Number.isFinite(p[1]));
      laidOut += pts.length;
      for (let i = 0; i < pts.length; i += 3) {
        // the 5×5 pixels around the point: some have a carrier colour (its own, or a neighbour's
        // drawn over it), drawn at ECharts' scatter opacity of 0.8 over whatever is below it,
        // i.e. within 0.2 × 255 of 0.8 × the colour
        const px = ctx.getImageData(Math.round(pts[i][0] * k) - 2, Math.round(pts[i][1] * k) - 2, 5, 5).data;
        sampled++;
        let hit = false;
        for (let q = 0; q < px.length && !hit; q += 4) hit = kinds.some((c) => Math.max(...[0, 1, 2].map((j) => Math.abs(px[q + j] - 0.8 * c[j]))) <= 56);
        if (hit) coloured++;
      }
    }
    return { laidOut, sampled, coloured };
  });
}

test('carrier layer: points at cities, kinds in a legend, unplaced carriers listed', async () => {
  const { page, context, log } = await openPage(env.browser, `${env.srv.base}?view=map&metric=incubators_national&year=latest`);
  await waitChart(page);
  await page.getByTestId('carriers-toggle').check();
  await page.waitForURL(/layer=carriers/);
  await page.getByTestId('unplaced-carriers').waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid="map-chart"]').__chart.getOption().series.length > 1);
  const opt = await chartOption(page);
  // the carriers' series (in latest mode the labels' series, map-labels and map-callouts, are scatter series too)
  const scatter = opt.series.filter((s) => s.type === 'scatter' && !/^map-/.test(s.id ?? ''));
  assert.ok(scatter.length >= 4, 'one series per kind');
  const points = scatter.reduce((n, s) => n + s.data.length, 0);
  assert.ok(points >= 80, `expected ≥ 80 placed carriers, got ${points}`);
  assert.ok(opt.legend[0].data.length >= 4);
  const maker = scatter.find((s) => s.name === '国家备案众创空间');
  assert.ok(maker && maker.data.length > 0, 'nationally filed maker spaces have their own series');
  assert.equal(maker.itemStyle.color, '#a6761d');
  // the points are drawn, not only in the option: each placed carrier has a symbol at its city,
  // and the canvas there has its kind's colour (the layer's ECharts parts load after the map
  // was created; a chart made before them drew the legend but no point)
  const drawn = await drawnCarrierPoints(page);
  assert.equal(drawn.laidOut, points, `laid out ${drawn.laidOut} of ${points} points`);
  assert.ok(drawn.coloured >= 0.8 * drawn.sampled, `only ${drawn.coloured} of ${drawn.sampled} sampled points show their colour on the canvas`);
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
