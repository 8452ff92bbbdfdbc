import { startServer } from './server.mjs';
import { launch } from './browser.mjs';
import { existsSync, readFileSync } from 'node:fs';
import { svgPoint } from '../../scripts/geo-svg.mjs';
import { createServer } from 'node:http';

export const DIST = process.env.E2E_DIST || 'dist';

/** Start the static server (app under a sub-path) and Chromium once per test file. */
export async function setup() {
  if (!existsSync(`${DIST}/index.html`)) throw new Error(`${DIST}/index.html missing: run "npm run build" first`);
  const srv = await startServer({ dir: DIST });
  const browser = await launch();
  return { srv, browser, close: async () => { await browser.close(); await srv.close(); } };
}

/**
 * For the embed tests: the app served with cross-origin reads allowed (a sandboxed frame has an
 * opaque origin), a host page on another port whose HTML a test sets (`setHostHtml`), and Chromium.
 */
export async function setupEmbedHost() {
  const app = await startServer({ dir: DIST, headers: { 'access-control-allow-origin': '*' } });
  let html = '';
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const browser = await launch();
  return {
    app,
    browser,
    host: { base: `http://127.0.0.1:${server.address().port}/` },
    setHostHtml: (h) => { html = h; },
    close: async () => {
      await browser.close();
      await app.close();
      await new Promise((c) => server.close(c));
    },
  };
}

/**
 * A new page that records console errors, page errors, dialogs and every
 * request, and fails the test on any of the first three unless allowed.
 */
export async function openPage(browser, url, { viewport = { width: 1280, height: 800 }, route } = {}) {
  // the service worker is tested on its own (offline.test.mjs); here it would bypass page.route
  const context = await browser.newContext({ viewport, locale: 'zh-CN', serviceWorkers: 'block' });
  const page = await context.newPage();
  const log = { errors: [], dialogs: [], requests: [] };
  page.on('console', (m) => { if (m.type() === 'error') log.errors.push(m.text()); });
  page.on('pageerror', (e) => log.errors.push(`pageerror: ${e.message}`));
  page.on('dialog', async (d) => { log.dialogs.push(d.message()); await d.dismiss(); });
  page.on('request', (r) => log.requests.push(r.url()));
  if (route) await route(page);
  await page.goto(url);
  return { page, context, log };
}

/**
 * Wait until the chart has drawn and what loads after the first chart (code, quotes and notes) has
 * arrived and been drawn: no request for 500 ms, and a live chart. For tests that measure or click
 * the chart (it may be redrawn, or created again with new parts, as that arrives). Not for a page
 * with a request held back.
 */
export async function waitSettled(page, testId = 'map-chart') {
  await waitChart(page, 1, testId);
  await page.waitForLoadState('networkidle');
  await page.waitForFunction((id) => {
    const inst = document.querySelector(`[data-testid="${id}"]`)?.__chart;
    return Boolean(inst && !inst.isDisposed() && inst.getZr()?.storage);
  }, testId, { timeout: 20000 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Wait until the chart has finished drawing at least `n` times. */
export async function waitChart(page, n = 1, testId = 'map-chart') {
  await page.waitForFunction(
    ([id, k]) => Number(document.querySelector(`[data-testid="${id}"]`)?.dataset.rendered ?? 0) >= k,
    [testId, n],
    { timeout: 20000 },
  );
}

export async function renderCount(page, testId = 'map-chart') {
  return page.evaluate((id) => Number(document.querySelector(`[data-testid="${id}"]`)?.dataset.rendered ?? 0), testId);
}

/** Distinct colours and non-background share of the chart canvas: a blank canvas has ~1 colour. */
export async function canvasStats(page, testId = 'map-chart') {
  return page.evaluate((id) => {
    const c = document.querySelector(`[data-testid="${id}"] canvas`);
    const ctx = c.getContext('2d');
    const { data } = ctx.getImageData(0, 0, c.width, c.height);
    const colours = new Set();
    let painted = 0;
    for (let i = 0; i < data.length; i += 4 * 7) {
      const key = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
      colours.add(key);
      if (data[i + 3] > 0 && key !== 0xffffff) painted++;
    }
    return { colours: colours.size, painted, samples: data.length / 28, hash: c.toDataURL().length + ':' + c.toDataURL().slice(-200) };
  }, testId);
}

/** The ECharts option currently set on the chart. */
export async function chartOption(page, testId = 'map-chart') {
  return page.evaluate((id) => {
    const inst = document.querySelector(`[data-testid="${id}"]`).__chart;
    const o = inst.getOption();
    return JSON.parse(JSON.stringify(o, (k, v) => (typeof v === 'function' ? '[fn]' : v)));
  }, testId);
}

const toSvg = svgPoint(JSON.parse(readFileSync(new URL('../../public/data/geo/china.json', import.meta.url), 'utf8')));
/**
 * A point of the map by longitude and latitude, in both of the units its map series may take:
 * `svg` for a year drawn from the SVG outlines (series map 'china-svg'), `ll` for the GeoJSON
 * (latest available, patterns). In the page: `inst.getOption().series[0].map === 'china-svg' ? p.svg : p.ll`.
 */
export const mapPoint = (ll) => ({ ll, svg: toSvg(ll) });

/** Where a geographic point [lng, lat] of the map is on the page, once the chart has stopped moving (lazily loaded controls above it). */
export async function mapPixel(page, lnglat, testId = 'map-chart') {
  const where = () => page.evaluate(([id, ll]) => {
    const el = document.querySelector(`[data-testid="${id}"]`);
    const inst = el.__chart;
    const [x, y] = inst.convertToPixel({ seriesIndex: 0 }, inst.getOption().series[0].map === 'china-svg' ? ll.svg : ll.ll);
    const r = el.querySelector('canvas').getBoundingClientRect();
    return [r.left + x, r.top + y];
  }, [testId, mapPoint(lnglat)]);
  let pt = await where();
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(100);
    const again = await where();
    if (Math.abs(again[0] - pt[0]) <= 1 && Math.abs(again[1] - pt[1]) <= 1) return again;
    pt = again;
  }
  return pt;
}

/** Move the mouse over a geographic point [lng, lat] of the map and return the tooltip text and HTML. */
export async function hoverGeo(page, lnglat, testId = 'map-chart') {
  await page.evaluate((id) => document.querySelector(`[data-testid="${id}"]`).scrollIntoView({ block: 'center' }), testId);
  const where = () => mapPixel(page, lnglat, testId);
  const pt = await where();
  await page.mouse.move(pt[0] - 5, pt[1] - 5);
  await page.mouse.move(pt[0], pt[1], { steps: 3 });
  // if something above the chart arrived meanwhile (a lazily loaded control), point again
  const again = await where();
  if (Math.abs(again[0] - pt[0]) > 1 || Math.abs(again[1] - pt[1]) > 1) await page.mouse.move(again[0], again[1], { steps: 2 });
  await page.waitForFunction((id) => {
    const tips = [...document.querySelectorAll(`[data-testid="${id}"] div`)].filter((d) => d.style.position === 'absolute' && d.style.display !== 'none' && d.textContent);
    return tips.some((d) => d.style.opacity !== '0');
  }, testId, { timeout: 5000 });
  return page.evaluate((id) => {
    const tips = [...document.querySelectorAll(`[data-testid="${id}"] div`)].filter((d) => d.style.position === 'absolute' && d.textContent);
    const tip = tips[tips.length - 1];
    return { text: tip.textContent, html: tip.innerHTML };
  }, testId);
}

export const GEO = {
  jiangsu: [119.6, 33.2],
  xinjiang: [85, 42],
  guangdong: [113.3, 23.4],
  tibet: [88, 31.5],
  heilongjiang: [127.5, 47.5],
};

/**
 * The texts ECharts has drawn on a chart (title, labels, legend, source line…), each with its
 * font size and box in the chart's CSS pixels — what a reader sees, not what the option asks.
 * `page` may be a Page or a Frame.
 */
export async function drawnTexts(page, testId = 'map-chart') {
  return page.evaluate((id) => {
    const inst = document.querySelector(`[data-testid="${id}"]`).__chart;
    const out = [];
    for (const el of inst.getZr().storage.getDisplayList(true)) {
      if (el.invisible || !el.style || typeof el.style.text !== 'string' || !el.style.text.trim()) continue;
      const r = el.getBoundingRect().clone();
      const m = el.getComputedTransform();
      if (m) r.applyTransform(m);
      const size = Number(/(\d+(?:\.\d+)?)px/.exec(el.style.font ?? '')?.[1] ?? el.style.fontSize ?? 12);
      // the lines of one label (rich text) are drawn as several spans of one text element
      const host = el.parent && el.parent.type !== 'group' ? el.parent.id : el.id;
      out.push({ text: el.style.text, size, x: r.x, y: r.y, w: r.width, h: r.height, host });
    }
    return out;
  }, testId);
}

/** Pairs of drawn texts that overlap (spans of one label are not compared with each other). */
export function overlappingTexts(texts, slack = 1) {
  const out = [];
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      if (texts[i].host !== texts[j].host && overlaps(texts[i], texts[j], slack)) out.push(`"${texts[i].text}" × "${texts[j].text}"`);
    }
  }
  return out;
}

/** Whether two boxes ({x, y, w, h}) overlap by more than `slack` px in both directions. */
export function overlaps(a, b, slack = 1) {
  return a.x + a.w - slack > b.x && b.x + b.w - slack > a.x && a.y + a.h - slack > b.y && b.y + b.h - slack > a.y;
}
