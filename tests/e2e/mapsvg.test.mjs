// The province map of one year is drawn from the SVG outlines (public/data/geo/china.svg), which
// ECharts parses once and only restyles on a year change: it must look exactly as the GeoJSON map
// did — same outlines in the same place, the ≥ mark on the same spot, the value labels (placed on
// a geo of the GeoJSON) on their provinces — and a year change must not rebuild the outlines.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openPage, waitSettled, hoverGeo, mapPixel, GEO } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

/** The chart's canvas pixels (RGBA), redrawn at once. */
async function pixels(page) {
  return page.evaluate(() => {
    const el = document.querySelector('[data-testid="map-chart"]');
    el.__chart.getZr().refreshImmediately();
    const c = el.querySelector('canvas');
    return Array.from(c.getContext('2d').getImageData(0, 0, c.width, c.height).data);
  });
}

/** Share of pixels that differ by more than `tol` in a channel, and where they are. */
function diff(a, b, width, tol = 48) {
  let n = 0;
  let box = null;
  for (let i = 0; i < a.length; i += 4) {
    if (Math.abs(a[i] - b[i]) > tol || Math.abs(a[i + 1] - b[i + 1]) > tol || Math.abs(a[i + 2] - b[i + 2]) > tol) {
      n++;
      const x = (i / 4) % width;
      const y = Math.floor(i / 4 / width);
      box = box ? [Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x), Math.max(box[3], y)] : [x, y, x, y];
    }
  }
  return { share: n / (a.length / 4), n, box };
}

for (const [labels, what] of [[0, 'the ≥ mark'], [1, 'the value labels']]) {
  test(`a year is drawn from the SVG outlines, pixel for pixel where the GeoJSON map drew it (${what})`, async () => {
    // Jiangsu's 2022 figure is a lower bound (≥ 1100) and two sources disagree (dashed outline)
    const { page, context, log } = await openPage(env.browser, `${env.srv.base}?view=map&metric=incubators_total&year=2022&labels=${labels}`);
    await waitSettled(page);
    const map = await page.evaluate(() => document.querySelector('[data-testid="map-chart"]').__chart.getOption().series[0].map);
    assert.equal(map, 'china-svg');
    const width = await page.evaluate(() => document.querySelector('[data-testid="map-chart"] canvas').width);
    const svg = await pixels(page);
    // the same option on the GeoJSON outlines
    await page.evaluate(() => document.querySelector('[data-testid="map-chart"]').__chart.setOption({ series: [{ map: 'china' }] }));
    const json = await pixels(page);
    const d = diff(svg, json, width);
    // antialiasing along the borders only (0.05 %); a shift of the map by one pixel differs in ≈ 2 %
    assert.ok(d.share < 0.003, `SVG and GeoJSON maps differ in ${(d.share * 100).toFixed(2)} % of the pixels (${d.n}, in ${d.box})`);
    // and the SVG map is not blank: it has the provinces' colours
    const colours = new Set();
    for (let i = 0; i < svg.length; i += 4 * 13) colours.add((svg[i] << 16) | (svg[i + 1] << 8) | svg[i + 2]);
    assert.ok(colours.size > 20, `${colours.size} colours`);
    assert.deepEqual(log.errors, []);
    await context.close();
  });
}

test('a year change restyles the outlines without rebuilding them; hover and tooltip name the province', async () => {
  const { page, context, log } = await openPage(env.browser, `${env.srv.base}?view=map&metric=incubators_national&year=2021`);
  await waitSettled(page);
  // the outline drawn at a point inside Jiangsu (what the mouse would hit there)
  const [px, py] = await mapPixel(page, GEO.jiangsu);
  const outline = () => page.evaluate(([x, y]) => {
    const el = document.querySelector('[data-testid="map-chart"]');
    const r = el.querySelector('canvas').getBoundingClientRect();
    const hit = el.__chart.getZr().handler.findHover(x - r.left, y - r.top).target;
    window.__js = window.__js ?? hit;
    return { n: hit ? 1 : 0, same: hit === window.__js, fill: hit?.style.fill };
  }, [px, py]);
  const before = await outline();
  assert.equal(before.n, 1, 'an outline under the point in Jiangsu');
  await page.getByTestId('year-slider').focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => /2022/.test(document.querySelector('[data-testid="map-chart"]').__chart.getOption().title[0].text));
  const after = await outline();
  assert.ok(after.same, 'the same path object after the year change');
  assert.notEqual(after.fill, before.fill, `Jiangsu's colour changed with its figure (${before.fill} → ${after.fill})`);
  const tip = await hoverGeo(page, GEO.jiangsu);
  assert.match(tip.text, /江苏/);
  assert.deepEqual(log.errors, []);
  await context.close();
});
