import { startServer } from '../tests/e2e/server.mjs';
import { launch } from '../tests/e2e/browser.mjs';
const srv = await startServer({ dir: 'dist', prefix: '/' });
const browser = await launch();
const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
await ctx.addInitScript(() => {
  window.__mt = [];
  const orig = CanvasRenderingContext2D.prototype.measureText;
  CanvasRenderingContext2D.prototype.measureText = function (t) { const s = performance.now(); const r = orig.call(this, t); window.__mt.push([this.font, t, performance.now() - s]); return r; };
});
const page = await ctx.newPage();
await page.goto(srv.base + '?view=map&metric=incubators_national&year=2011');
await page.waitForSelector('[data-testid="map-chart"][data-rendered]');
const mt = await page.evaluate(() => window.__mt);
for (const [f, t, d] of mt) if (d > 1) console.log(f, JSON.stringify(t.slice(0, 20)), d.toFixed(1));
const byFont = {};
for (const [f, t, d] of mt) { byFont[f] ??= { n: 0, ms: 0, sample: [] }; byFont[f].n++; byFont[f].ms += d; if (byFont[f].sample.length < 6) byFont[f].sample.push(t.slice(0, 30)); }
console.log(JSON.stringify(byFont, null, 1));
await browser.close(); await srv.close?.();
