// Embedding (issue 4): a host page on one localhost port embeds the app from
// another port in a sandboxed iframe; the chart draws, the height message
// arrives and the shipped host script resizes the frame; URL parameters work.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setupEmbedHost } from './helpers.mjs';

let env, app, host, browser;
before(async () => {
  env = await setupEmbedHost();
  ({ app, host, browser } = env);
});
after(async () => { await env?.close(); });

function page(src, { sandbox = 'allow-scripts', height = 300, hostScript = true, extra = '', allow = 'fullscreen; clipboard-write' } = {}) {
  return `<!doctype html><html><head><meta charset="utf-8"><title>host</title></head><body style="margin:0">
<p>Host page on another origin</p>
<iframe id="f" src="${src}" title="Hatch Atlas chart" loading="lazy" width="100%" height="${height}" style="border:0;width:100%"
  ${sandbox === null ? '' : `sandbox="${sandbox}"`} ${allow ? `allow="${allow}"` : ''} data-hatch-atlas></iframe>
<script>
  window.messages = [];
  window.addEventListener('message', function (e) { window.messages.push(e.data); });
</script>
${hostScript ? `<script src="${app.base}embed-host.js"></script>` : ''}
${extra}
</body></html>`;
}

async function frameOf(p) {
  await p.waitForFunction(() => document.getElementById('f').contentWindow, null, { timeout: 10000 });
  let f;
  for (let i = 0; i < 100 && !f; i++) {
    f = p.frames().find((x) => x.url().includes('/hatch/atlas/'));
    if (!f) await p.waitForTimeout(100);
  }
  return f;
}

test('sandboxed cross-origin embed draws, posts its height, and the host script resizes the frame', async () => {
  env.setHostHtml(page(`${app.base}?view=map&metric=incubators_national&year=2023&embed=1&lang=en`));
  const ctx = await browser.newContext({ viewport: { width: 900, height: 800 } });
  const p = await ctx.newPage();
  const errors = [];
  p.on('pageerror', (e) => errors.push(e.message));
  p.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await p.goto(host.base);
  const f = await frameOf(p);
  await f.waitForSelector('[data-testid="map-chart"][data-rendered]', { timeout: 20000 });
  // only chart, title in the chart, back link; no nav or panels
  assert.equal(await f.locator('nav').count(), 0);
  assert.equal(await f.locator('[data-testid="sources-panel"]').count(), 0);
  assert.match(await f.getByTestId('embed-backlink').getAttribute('href'), /view=map&metric=incubators_national&year=2023/);
  assert.doesNotMatch(await f.getByTestId('embed-backlink').getAttribute('href'), /embed=1/);
  const title = await f.evaluate(() => document.querySelector('[data-testid="map-chart"]').__chart.getOption().title[0].text);
  assert.match(title, /National-level incubators · 2023/);
  // the message arrived in the documented format
  await p.waitForFunction(() => window.messages.some((m) => m && m.type === 'hatch-atlas:resize'), null, { timeout: 10000 });
  const msg = await p.evaluate(() => window.messages.find((m) => m.type === 'hatch-atlas:resize'));
  assert.equal(msg.version, 1);
  assert.ok(msg.height > 300 && msg.height < 1200, `height ${msg.height}`);
  // and the host script applied it
  await p.waitForFunction(() => document.getElementById('f').getBoundingClientRect().height > 400, null, { timeout: 10000 });
  await p.waitForTimeout(800); // the frame's width may change once (host scrollbar): a second message follows
  const { h, last } = await p.evaluate(() => ({
    h: document.getElementById('f').getBoundingClientRect().height,
    last: window.messages.filter((m) => m.type === 'hatch-atlas:resize').pop(),
  }));
  assert.ok(Math.abs(h - last.height) <= 2, `frame ${h} vs last message ${last.height}`);
  // no storage in this sandbox, yet the app runs; full screen is allowed by the snippet's allow attribute
  assert.equal(await f.getByTestId('fullscreen').count(), 1);
  assert.equal(await f.evaluate(() => { try { localStorage.getItem('x'); return 'storage'; } catch { return 'no storage'; } }), 'no storage');
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('the embed fills any frame size from 300×250 to 1920×1080 without scrollbars', async () => {
  for (const [w, hgt] of [[300, 250], [640, 480], [1920, 1080]]) {
    const ctx = await browser.newContext({ viewport: { width: w, height: hgt } });
    const p = await ctx.newPage();
    await p.goto(`${app.base}?view=map&metric=incubators_national&year=latest&embed=1&controls=${w < 400 ? 0 : 1}`);
    await p.waitForSelector('[data-testid="map-chart"][data-rendered]', { timeout: 20000 });
    const m = await p.evaluate(() => ({
      sw: document.documentElement.scrollWidth, cw: document.documentElement.clientWidth,
      sh: document.documentElement.scrollHeight, ch: document.documentElement.clientHeight,
      chart: document.querySelector('[data-testid="map-chart"]').getBoundingClientRect().height,
      foot: document.querySelector('.embed-foot').getBoundingClientRect().bottom,
    }));
    assert.ok(m.sw <= m.cw && m.sh <= m.ch, `${w}×${hgt}: scrollbars ${JSON.stringify(m)}`);
    assert.ok(m.chart >= hgt * 0.5, `${w}×${hgt}: chart only ${m.chart}px high`);
    assert.ok(m.foot <= hgt + 1, `${w}×${hgt}: footer clipped`);
    await ctx.close();
  }
});

test('URL parameters take effect in the embed: lang, theme, controls, static', async () => {
  const ctx = await browser.newContext({ viewport: { width: 800, height: 600 } });
  const p = await ctx.newPage();
  await p.goto(`${app.base}?view=map&metric=maker_spaces_national&year=2018&embed=1&lang=en&theme=dark&controls=0`);
  await p.waitForSelector('[data-testid="map-chart"][data-rendered]', { timeout: 20000 });
  assert.equal(await p.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await p.evaluate(() => document.documentElement.dataset.theme), 'dark');
  assert.equal(await p.getByTestId('metric-select').count(), 0, 'controls hidden');
  const bg = await p.evaluate(() => document.querySelector('[data-testid="map-chart"]').__chart.getOption().backgroundColor);
  assert.equal(bg, '#16191d');
  const t = await p.evaluate(() => document.querySelector('[data-testid="map-chart"]').__chart.getOption().title[0].text);
  assert.match(t, /2018/);

  await p.goto(`${app.base}?view=map&metric=maker_spaces_national&year=2018&embed=1&static=1`);
  await p.waitForSelector('[data-testid="map-chart"][data-rendered]', { timeout: 20000 });
  const st = await p.evaluate(() => {
    const el = document.querySelector('[data-testid="map-chart"]');
    const o = el.__chart.getOption();
    return { tooltip: o.tooltip[0].show, anim: o.animation, pe: getComputedStyle(el).pointerEvents };
  });
  assert.deepEqual(st, { tooltip: false, anim: false, pe: 'none' });
  assert.equal(await p.getByTestId('metric-select').count(), 0, 'static has no controls');

  // with controls (the default), the year slider works inside the embed
  await p.goto(`${app.base}?view=map&metric=incubators_national&year=2022&embed=1`);
  await p.waitForSelector('[data-testid="map-chart"][data-rendered]', { timeout: 20000 });
  await p.getByRole('button', { name: '下一年' }).click();
  await p.waitForURL(/year=2023/);
  assert.match(p.url(), /embed=1/);
  await ctx.close();
});

test('inbound messages: the documented one changes the year; anything else is ignored', async () => {
  env.setHostHtml(page(`${app.base}?view=map&metric=incubators_national&year=2016&embed=1`, { sandbox: 'allow-scripts allow-same-origin allow-popups', allow: '' }));
  const ctx = await browser.newContext({ viewport: { width: 900, height: 800 } });
  const p = await ctx.newPage();
  await p.goto(host.base);
  const f = await frameOf(p);
  await f.waitForSelector('[data-testid="map-chart"][data-rendered]', { timeout: 20000 });
  const title = () => f.evaluate(() => document.querySelector('[data-testid="map-chart"]').__chart.getOption().title[0].text);
  // a frame without allow="fullscreen": the button falls back to opening a new tab
  assert.equal(await f.getByTestId('fullscreen').count(), 0);
  assert.equal(await f.getByTestId('open-new-tab').count(), 1);
  for (const bad of [
    { type: 'hatch-atlas:set', version: 1, year: '<img src=x onerror=alert(1)>' },
    { type: 'hatch-atlas:set', version: 2, year: 2018 },
    { type: 'hatch-atlas:set', version: 1, year: 2018, evil: 1 },
    'hatch-atlas:set',
    { type: 'other', year: 2018 },
  ]) {
    await p.evaluate((m) => document.getElementById('f').contentWindow.postMessage(m, '*'), bad);
  }
  await p.waitForTimeout(500);
  assert.match(await title(), /2016/);
  await p.evaluate(() => document.getElementById('f').contentWindow.postMessage({ type: 'hatch-atlas:set', version: 1, year: 2018, lang: 'en' }, '*'));
  // the year changes at once; the English title follows when the English strings have loaded
  await f.waitForFunction(() => /National-level incubators · 2018/.test(document.querySelector('[data-testid="map-chart"]').__chart.getOption().title[0].text), null, { timeout: 5000 });
  assert.match(await title(), /National-level incubators · 2018/);
  assert.equal(await f.locator('img[src="x"]').count(), 0);
  await ctx.close();
});

test('the Embed dialog gives a ready snippet and a live preview', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const p = await ctx.newPage();
  await p.goto(`${app.base}?view=map&metric=incubators_national&year=2023`);
  await p.waitForSelector('[data-testid="map-chart"][data-rendered]', { timeout: 20000 });
  await p.getByTestId('embed-open').click();
  const dialog = p.getByTestId('embed-dialog');
  await dialog.waitFor();
  await p.getByTestId('embed-lang').selectOption('en');
  await p.getByTestId('embed-static').check();
  const code = await p.getByTestId('embed-snippet').inputValue();
  assert.match(code, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/hatch\/atlas\/\?view=map&amp;metric=incubators_national&amp;year=2023&amp;lang=en&amp;embed=1&amp;controls=0&amp;static=1"/);
  assert.match(code, /title="Hatch Atlas: /);
  assert.match(code, /loading="lazy"/);
  assert.match(code, /width="100%"/);
  assert.match(code, /allow="fullscreen; clipboard-write"/);
  assert.match(code, /<script src="http:\/\/127\.0\.0\.1:\d+\/hatch\/atlas\/embed-host\.js" async><\/script>/);
  const preview = p.frameLocator('[data-testid="embed-preview"]');
  await preview.locator('[data-testid="map-chart"][data-rendered]').waitFor({ timeout: 20000 });
  // with the key findings: in the code, and in the preview below the chart, in the embed's language
  await p.getByTestId('embed-static').uncheck();
  const height = Number(await dialog.locator('input[type="number"]').inputValue());
  await p.getByTestId('embed-findings').check();
  const withFindings = await p.getByTestId('embed-snippet').inputValue();
  assert.match(withFindings, /&amp;findings=1"/);
  assert.equal(Number(await dialog.locator('input[type="number"]').inputValue()), height + 240, 'the suggested height makes room for them');
  const sentences = preview.locator('[data-testid="findings-list"] li');
  await sentences.first().waitFor({ timeout: 20000 });
  assert.ok((await sentences.count()) >= 2, 'key findings listed');
  assert.match(await sentences.first().textContent(), /National-level incubators|Jiangsu/);
  const box = await preview.locator('[data-testid="findings-panel"]').boundingBox();
  const chart = await preview.locator('[data-testid="map-chart"]').boundingBox();
  assert.ok(box && chart && box.height > 60 && chart.height > 200, `findings ${JSON.stringify(box)}, chart ${JSON.stringify(chart)}`);
  await p.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  await ctx.close();
});

test('copy link copies the exact view URL', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
  const p = await ctx.newPage();
  await p.goto(`${app.base}?view=map&metric=incubators_national&year=2016&lang=en`);
  await p.waitForSelector('[data-testid="map-chart"][data-rendered]', { timeout: 20000 });
  await p.getByTestId('copy-link').click();
  await p.getByText('Copied').waitFor();
  const text = await p.evaluate(() => navigator.clipboard.readText());
  assert.equal(text, p.url());
  await ctx.close();
});
