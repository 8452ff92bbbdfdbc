// The sources' quotes and the figures' notes load after the first chart: until they are in the
// sources panel says they are loading (not sources without quotes as if they had none); if
// they cannot be loaded it says so, naming what failed, and offers to load them again where
// that can work.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openPage, waitChart } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const MAP = '?view=map&metric=incubators_national&year=2016';
const note = (page, id) => page.locator(`[data-testid="sources-panel"] [data-testid="${id}"]`);
const quotes = (page) => page.locator('[data-testid="sources-panel"] .source-item .quote');

test('while the quotes load the panel says so; then they are shown and the note goes', async () => {
  let release;
  const held = new Promise((r) => { release = r; });
  const { page, context, log } = await openPage(env.browser, env.srv.base + MAP, {
    route: (p) => p.route('**/data/source_quotes.csv', async (route) => { await held; await route.continue(); }),
  });
  try {
    await waitChart(page);
    await note(page, 'quotes-loading').waitFor({ timeout: 15000 });
    assert.match(await note(page, 'quotes-loading').textContent(), /来源原文摘录和数据注释正在加载/);
    assert.ok((await page.locator('[data-testid="sources-panel"] .source-item').count()) > 0, 'the sources are listed meanwhile');
    assert.equal(await quotes(page).count(), 0);
    release();
    await note(page, 'quotes-loading').waitFor({ state: 'detached', timeout: 15000 });
    await quotes(page).first().waitFor({ timeout: 15000 });
    assert.ok((await quotes(page).first().textContent()).length > 10, 'a verbatim quote is shown');
    assert.deepEqual(log.errors, []);
  } finally {
    await context.close();
  }
});

test('a quotes file that cannot be loaded is named, in English too; the sources stay listed', async () => {
  const { page, context, log } = await openPage(env.browser, env.srv.base + MAP + '&lang=en', {
    route: (p) => p.route('**/data/source_quotes.csv', (route) => route.fulfill({ status: 404, body: 'not here' })),
  });
  try {
    await waitChart(page);
    const failed = note(page, 'quotes-failed');
    await failed.waitFor({ timeout: 15000 });
    const text = await failed.textContent();
    assert.match(text, /could not be loaded/);
    assert.match(text, /source_quotes\.csv/);
    assert.match(text, /Reload the page/);
    assert.ok((await page.locator('[data-testid="sources-panel"] .source-item a').count()) > 0, 'the source links are still there');
    // the note is legible: dark red on the panel, not a faint grey
    const color = await failed.evaluate((el) => getComputedStyle(el).color);
    assert.equal(color, 'rgb(180, 35, 24)');
    assert.ok(log.errors.some((e) => /source_quotes\.csv/.test(e)), 'the failure is logged');
  } finally {
    await context.close();
  }
});

test('if the code that loads them fails, the panel offers to load them again, and that works', async () => {
  let failures = 1;
  const { page, context } = await openPage(env.browser, env.srv.base + MAP, {
    route: (p) => p.route(/\/assets\/loadDetails-[\w-]+\.js$/, async (route) => {
      if (failures > 0) {
        failures--;
        await route.abort('internetdisconnected');
      } else await route.continue();
    }),
  });
  try {
    await waitChart(page);
    const failed = note(page, 'quotes-failed');
    await failed.waitFor({ timeout: 15000 });
    const again = failed.getByRole('button', { name: '重新加载' });
    assert.equal(await again.count(), 1);
    await again.click();
    await quotes(page).first().waitFor({ timeout: 15000 });
    assert.equal(await failed.count(), 0);
  } finally {
    await context.close();
  }
});
