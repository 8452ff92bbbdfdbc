// The two outline files (data/geo/china.svg, china.json): a page loads the one its first chart
// draws with, and the other only after that chart (src/state/mapFiles.ts, public/preload-outlines.js).
// Each test holds back the file the first chart must not need: the chart has to be drawn without it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { setup, openPage, waitChart, canvasStats, chartOption, hoverGeo, GEO } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

/** Hold back every request for `file` until `release()` is called; `asked()` says whether it was requested. */
async function holdBack(page, file) {
  let open;
  const gate = new Promise((r) => (open = r));
  const state = { asked: 0 };
  await page.route(`**/data/geo/${file}`, async (route) => {
    state.asked++;
    await gate;
    await route.continue();
  });
  return { release: () => open(), asked: () => state.asked };
}

const preloads = (page) => page.evaluate(() => [...document.querySelectorAll('link[rel="preload"]')].map((l) => l.getAttribute('href')).filter((h) => h.includes('geo/')));

test("a year's map is drawn from the SVG without waiting for the GeoJSON, which is loaded after it", async () => {
  let held;
  const { page, context, log } = await openPage(env.browser, `${env.srv.base}?view=map&metric=incubators_national&year=2018`, {
    route: async (p) => { held = await holdBack(p, 'china.json'); },
  });
  await waitChart(page);
  assert.deepEqual(await preloads(page), ['data/geo/china.svg']);
  const opt = await chartOption(page);
  assert.equal(opt.series[0].map, 'china-svg');
  const stats = await canvasStats(page);
  assert.ok(stats.painted > stats.samples * 0.12, `the outlines are drawn: ${(stats.painted / stats.samples * 100).toFixed(1)} % painted`);
  // the GeoJSON is asked for once the first chart is drawn (for "latest available", values, carriers)
  for (let i = 0; i < 100 && !held.asked(); i++) await page.waitForTimeout(100);
  assert.ok(held.asked() >= 1, 'the GeoJSON is requested after the first chart');
  held.release();
  // switching to "latest available" then draws from it, without a reload
  await page.getByTestId('latest-toggle').click();
  await page.waitForURL(/year=latest/);
  await page.waitForFunction(() => document.querySelector('[data-testid="map-chart"]')?.__chart?.getOption()?.series?.[0]?.map === 'china', null, { timeout: 20000 });
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the overview is drawn from the GeoJSON without waiting for the SVG; a year\'s map opened before the SVG arrives draws from the GeoJSON, then from the SVG', async () => {
  let held;
  const { page, context, log } = await openPage(env.browser, `${env.srv.base}`, {
    route: async (p) => { held = await holdBack(p, 'china.svg'); },
  });
  await waitChart(page, 1, 'overview-map');
  assert.deepEqual(await preloads(page), ['data/geo/china.json']);
  const ov = await page.evaluate(() => document.querySelector('[data-testid="overview-map"]').__chart.getOption().series[0].map);
  assert.equal(ov, 'china');
  // to the year's map while the SVG is still held back: drawn at once, from the GeoJSON
  await page.getByTestId('nav-map').click();
  await waitChart(page);
  assert.equal((await chartOption(page)).series[0].map, 'china');
  const before = await canvasStats(page);
  assert.ok(before.painted > before.samples * 0.12);
  held.release();
  // then the SVG arrives and the same map is drawn from it
  await page.waitForFunction(() => document.querySelector('[data-testid="map-chart"]')?.__chart?.getOption()?.series?.[0]?.map === 'china-svg', null, { timeout: 20000 });
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('values written on a year\'s map (a static embed) wait for both files; other views preload neither', async () => {
  const { page, context, log } = await openPage(env.browser, `${env.srv.base}?view=map&metric=incubators_national&year=2018&embed=1&static=1`);
  await waitChart(page);
  assert.deepEqual((await preloads(page)).sort(), ['data/geo/china.json', 'data/geo/china.svg']);
  const opt = await chartOption(page);
  assert.equal(opt.series[0].map, 'china-svg');
  // the labels' own geo (on the GeoJSON) carries the values
  assert.ok(opt.geo?.some((g) => g.map === 'china'), 'the labels are placed on the GeoJSON');
  assert.deepEqual(log.errors, []);
  await page.goto(`${env.srv.base}?view=trend&metric=incubators_national`);
  await page.getByTestId('trend-chart').waitFor();
  assert.deepEqual(await preloads(page), []);
  await context.close();
});

test("an image of a year's map, exported before the GeoJSON has come, waits for it and writes the values", async () => {
  let held;
  const { page, context, log } = await openPage(env.browser, `${env.srv.base}?view=map&metric=incubators_national&year=2018`, {
    route: async (p) => { held = await holdBack(p, 'china.json'); },
  });
  await waitChart(page);
  await page.getByTestId('export-menu').waitFor();
  await page.getByTestId('export-menu').locator('summary').click();
  const download = page.waitForEvent('download');
  await page.getByTestId('export-svg').click();
  await page.waitForTimeout(300);
  held.release();
  const svg = await readFile(await (await download).path(), 'utf8');
  // 江苏 175, 辽宁 30, 湖南 19 (2018): written on the map, on the GeoJSON's places
  for (const v of ['175', '30', '19']) assert.ok(new RegExp(`>${v}<`).test(svg), `the image writes ${v}`);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("after the first chart a year's map is drawn once more, for the details (quotes, notes): the tooltip's code and the other outline file arriving do not redraw it", async () => {
  const { page, context, log } = await openPage(env.browser, `${env.srv.base}?view=map&metric=incubators_national&year=2018`);
  await waitChart(page);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1000);
  const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  assert.ok(loaded.some((u) => u.includes('china.json')) && loaded.some((u) => /mapTooltip-.*\.js$/.test(u)) && loaded.some((u) => u.includes('source_quotes.csv')), 'all three came');
  assert.equal(await page.evaluate(() => document.querySelector('[data-testid="map-chart"]').dataset.rendered), '2');
  // and the tooltip is the full one (built by its code, not just the province's name)
  const js = await hoverGeo(page, GEO.jiangsu);
  assert.match(js.text, /175 家/);
  assert.match(js.text, /第 1 位/);
  assert.deepEqual(log.errors, []);
  await context.close();
});
