// Offline (issue 5): the single-file build opened via file:// with networking
// disabled draws the map and every view; the hosted build keeps working when
// the network drops after the first load; no request leaves the app's origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setup, waitChart, canvasStats } from './helpers.mjs';

const OFFLINE = resolve(process.env.E2E_OFFLINE || 'dist-offline/hatch-atlas-offline.html');
let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

test('the offline HTML opens from file:// with no network and shows every view', async () => {
  assert.ok(existsSync(OFFLINE), `${OFFLINE} missing: run "npm run build:offline"`);
  const ctx = await env.browser.newContext({ offline: true, viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const page = await ctx.newPage();
  const errors = [];
  const requests = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('request', (r) => requests.push(r.url()));
  const base = pathToFileURL(OFFLINE).toString();
  await page.goto(`${base}?view=map&metric=incubators_national&year=2023`);
  await waitChart(page);
  assert.ok((await canvasStats(page)).colours > 8, 'map drawn');
  for (const [v, sel] of [
    ['overview', '.headline'],
    ['ranking', '[data-testid="ranking-chart"][data-rendered]'],
    ['trend', '[data-testid="trend-chart"][data-rendered]'],
    ['table', 'table'],
    ['province', '.metric-card'],
    ['carriers', 'table'],
  ]) {
    await page.getByTestId(`nav-${v}`).click();
    await page.locator(sel).first().waitFor({ timeout: 15000 });
  }
  // presentation and export work too
  await page.getByTestId('nav-map').click();
  await waitChart(page);
  await page.getByTestId('export-menu').locator('summary').click();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png2').click()]);
  assert.match(dl.suggestedFilename(), /\.png$/);
  await page.getByTestId('present').click();
  await page.getByTestId('stage').waitFor();
  await waitChart(page);
  const outside = requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:') && !u.startsWith('blob:'));
  assert.deepEqual(outside, [], 'no network requests');
  assert.deepEqual(errors.filter((e) => !/address bar/.test(e)), []);
  await ctx.close();
});

test('the hosted build keeps working when the network drops after the first load', async () => {
  const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  await page.goto(`${env.srv.base}?view=map&metric=incubators_national&year=2016`);
  await waitChart(page);
  // the service worker installs (pre-caching app and data) and takes control
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 20000 });
  await ctx.setOffline(true);
  await page.reload();
  await waitChart(page);
  assert.ok((await canvasStats(page)).colours > 8);
  // a lazily loaded view also comes from the cache
  await page.getByTestId('nav-trend').click();
  await waitChart(page, 1, 'trend-chart');
  await ctx.close();
});

test('no page load requests anything from another origin (fonts, CDNs, analytics)', async () => {
  const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  const origins = new Set();
  page.on('request', (r) => origins.add(new URL(r.url()).origin));
  for (const q of ['', '?view=map&layer=carriers', '?view=ranking', '?view=trend', '?view=table', '?view=province&region=江苏', '?view=carriers', '?view=map&embed=1', '?present=1&view=map']) {
    await page.goto(env.srv.base + q);
    await page.locator('[data-rendered], .metric-card, table').first().waitFor({ timeout: 15000 });
  }
  const own = new URL(env.srv.base).origin;
  assert.deepEqual([...origins].filter((o) => o !== own && o !== 'null'), []);
  await ctx.close();
});
