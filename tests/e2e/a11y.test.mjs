// Accessibility, resilience and security (issue 8): axe-core on every view in
// both languages and themes, a strict CSP, hostile URLs, and no growth of
// listeners or memory over many view switches, resizes and year steps.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { setup, openPage, waitChart } from './helpers.mjs';
import { startServer } from './server.mjs';
import { DIST } from './helpers.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const VIEWS = [
  ['overview', '', '.headline'],
  ['map', 'view=map&metric=incubators_national&year=2023', '[data-testid="map-chart"][data-rendered]'],
  ['ranking', 'view=ranking&metric=incubators_national&year=2023', '[data-testid="ranking-chart"][data-rendered]'],
  ['trend', 'view=trend&metric=incubators_national', '[data-testid="trend-chart"][data-rendered]'],
  ['table', 'view=table&metric=incubators_total&year=2019', 'table'],
  ['province', 'view=province&region=江苏', '.metric-card'],
  ['carriers', 'view=carriers', 'table'],
  ['coverage', 'view=coverage&metric=incubators_national', '[data-testid="coverage-across-matrix"]'],
  ['map, latest with old figures', 'view=map&metric=incubators_national&year=latest', '[data-testid="hide-stale"]'],
];

async function axe(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
}

for (const theme of ['light', 'dark']) {
  for (const lang of ['zh', 'en']) {
    test(`axe: no serious violations on any view (${lang}, ${theme})`, async () => {
      const { page, context } = await openPage(env.browser, `${env.srv.base}?lang=${lang}&theme=${theme}`);
      const found = [];
      for (const [name, q, sel] of VIEWS) {
        await page.goto(`${env.srv.base}?${q}${q ? '&' : ''}lang=${lang}&theme=${theme}`);
        await page.locator(sel).first().waitFor({ timeout: 20000 });
        await page.waitForTimeout(200);
        for (const v of await axe(page)) found.push(`${name}: ${v}`);
      }
      assert.deepEqual(found, []);
      await context.close();
    });
  }
}

test('axe: presentation mode and the embed have no serious violations', async () => {
  const { page, context } = await openPage(env.browser, `${env.srv.base}?present=1&view=map&metric=incubators_national&year=2023`);
  await waitChart(page);
  const found = (await axe(page)).map((v) => `present: ${v}`);
  await page.goto(`${env.srv.base}?embed=1&view=map&metric=incubators_national&year=2023`);
  await waitChart(page);
  found.push(...(await axe(page)).map((v) => `embed: ${v}`));
  assert.deepEqual(found, []);
  await context.close();
});

test('keyboard alone: skip link, nav, metric, year, play, and a visible focus ring', async () => {
  const { page, context } = await openPage(env.browser, `${env.srv.base}?view=map&metric=incubators_national&year=2016`);
  await waitChart(page);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none', 'focus is visible');
  // every interactive control has an accessible name
  const unnamed = await page.evaluate(() =>
    [...document.querySelectorAll('button, select, input, a[href]')]
      .filter((el) => el.offsetParent !== null)
      // not exposed (a control's place held until it arrives: aria-hidden, invisible, not focusable)
      .filter((el) => !el.closest('[aria-hidden="true"]') && getComputedStyle(el).visibility !== 'hidden')
      .filter((el) => !(el.getAttribute('aria-label') || el.textContent.trim() || el.closest('label') || el.getAttribute('title') || (el.id && document.querySelector(`label[for="${el.id}"]`))))
      .map((el) => el.outerHTML.slice(0, 80)));
  assert.deepEqual(unnamed, []);
  // the slider moves the year with the arrow keys
  await page.getByTestId('year-slider').focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForURL(/year=2017/);
  await context.close();
});

test('hostile URLs give a sensible view and a notice, never a blank page or console error', async () => {
  const many = Array.from({ length: 10000 }, (_, i) => `地区${i}`).join(',');
  for (const q of [
    `?view=map&year=abc&metric=${encodeURIComponent('<script>alert(1)</script>')}`,
    `?view=trend&regions=${encodeURIComponent(many)}`,
    '?view=%3Cimg%20src%3Dx%3E&lang=xx&theme=neon&top=-1&deck=!!!&slide=0',
    '?view=province&region=%E7%81%AB%E6%98%9F',
  ]) {
    const { page, context, log } = await openPage(env.browser, env.srv.base + q);
    await page.locator('[data-rendered], .headline, .metric-card').first().waitFor({ timeout: 20000 });
    await page.getByTestId('view-notices').waitFor();
    assert.equal(await page.locator('img[src="x"]').count(), 0);
    assert.deepEqual(log.errors, [], q.slice(0, 60));
    assert.deepEqual(log.dialogs, []);
    await context.close();
  }
});

test('the app works under a strict Content-Security-Policy (no inline script, no eval, no other origins)', async () => {
  const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; worker-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'";
  const srv = await startServer({ dir: DIST, headers: { 'content-security-policy': CSP } });
  try {
    const { page, context, log } = await openPage(env.browser, `${srv.base}?view=map&metric=incubators_national&year=2023`);
    await page.exposeFunction('__cspViolation', (v) => log.errors.push(`CSP: ${v}`));
    await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => window.__cspViolation(`${e.violatedDirective} ${e.blockedURI}`)));
    await page.reload();
    await waitChart(page);
    for (const v of ['ranking', 'trend', 'table', 'province', 'carriers', 'overview', 'map']) {
      await page.getByTestId(`nav-${v}`).click();
      await page.locator('[data-rendered], .metric-card, table, .headline').first().waitFor({ timeout: 20000 });
    }
    // export and the carrier layer under the policy
    await page.getByTestId('carriers-toggle').check();
    await page.getByTestId('unplaced-carriers').waitFor();
    await page.getByTestId('export-menu').locator('summary').click();
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png2').click()]);
    assert.match(dl.suggestedFilename(), /\.png$/);
    assert.deepEqual(log.errors, []);
    await context.close();
  } finally {
    await srv.close();
  }
});

test('no growth of listeners, DOM nodes or memory over 100 view switches, resizes and year steps', async () => {
  const { page, context } = await openPage(env.browser, `${env.srv.base}?view=map&metric=incubators_national&year=2011`);
  await waitChart(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics: m } = await cdp.send('Performance.getMetrics');
    const get = (n) => m.find((x) => x.name === n)?.value ?? 0;
    return { listeners: get('JSEventListeners'), nodes: get('Nodes'), heap: get('JSHeapUsedSize') };
  };
  const views = ['ranking', 'trend', 'table', 'map'];
  const cycle = async (n) => {
    for (let i = 0; i < n; i++) {
      await page.getByTestId(`nav-${views[i % views.length]}`).click();
      await page.locator('[data-rendered], table').first().waitFor({ timeout: 20000 });
    }
  };
  await cycle(12); // warm up: every view's code loaded once
  const before = await metrics();
  await cycle(100);
  for (let i = 0; i < 20; i++) await page.setViewportSize({ width: i % 2 ? 390 : 1280, height: i % 2 ? 844 : 800 });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByTestId('nav-map').click();
  await waitChart(page);
  for (let i = 0; i < 120; i++) await page.keyboard.press(i % 26 < 13 ? 'ArrowRight' : 'ArrowLeft');
  await page.waitForTimeout(500);
  const after = await metrics();
  assert.ok(after.listeners - before.listeners <= 40, `listeners grew ${before.listeners} → ${after.listeners}`);
  assert.ok(after.nodes - before.nodes <= 600, `DOM nodes grew ${before.nodes} → ${after.nodes}`);
  assert.ok(after.heap - before.heap <= 6 * 1024 * 1024, `heap grew ${(before.heap / 1e6).toFixed(1)} → ${(after.heap / 1e6).toFixed(1)} MB`);
  await context.close();
});
