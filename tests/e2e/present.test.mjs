// Presenting (issue 5): presentation keyboard flow, decks through the URL and
// a JSON file, high-resolution exports.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { setup, openPage, waitChart, chartOption } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

function b64url(s) {
  return Buffer.from(s, 'utf8').toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
const DECK = b64url(JSON.stringify([
  { t: '地图', q: 'view=map&metric=incubators_national&year=2016' },
  { t: '排名 2023', q: 'view=ranking&metric=incubators_national&year=2023' },
  { t: '江苏', q: 'view=province&region=江苏' },
]));

test('presentation: stage scaled by transform, ←/→ years, Space plays, PageDown/PageUp slides, Esc leaves', async () => {
  const { page, context, log } = await openPage(env.browser, `${env.srv.base}?present=1&deck=${DECK}`, { viewport: { width: 1024, height: 768 } });
  await waitChart(page);
  // a stage of the screen's aspect (4:3 here), 720 px high, scaled to the screen (rooms.test.mjs measures type and bands)
  const stage = await page.getByTestId('stage').evaluate((el) => ({ t: el.style.transform, w: el.offsetWidth, h: el.offsetHeight }));
  assert.equal(stage.w, 960);
  assert.equal(stage.h, 720);
  assert.match(stage.t, /scale\(1\.06/);
  assert.equal(await page.locator('nav').count(), 0, 'no panels or navigation');
  assert.equal(await page.getByTestId('slide-count').textContent(), '1 / 3');
  assert.equal(await page.getByTestId('slide-title').textContent(), '地图');
  // large type: the chart title is sized from the stage height (4.2 %)
  const opt = await chartOption(page);
  assert.ok(opt.title[0].textStyle.fontSize >= 30, `title font ${opt.title[0].textStyle.fontSize}`);
  // the canvas is drawn at a raised pixel ratio? (stage scaled down: ratio ≥ 1)
  await page.keyboard.press('ArrowRight');
  await page.waitForURL(/year=2017/);
  await page.keyboard.press('ArrowLeft');
  await page.waitForURL(/year=2016/);
  await page.keyboard.press('Space');
  await page.waitForURL(/year=2017/, { timeout: 5000 });
  await page.keyboard.press('Space'); // pause
  // a clicker sends PageDown / PageUp
  await page.keyboard.press('PageDown');
  await page.waitForURL(/view=ranking/);
  await waitChart(page, 1, 'ranking-chart');
  assert.equal(await page.getByTestId('slide-count').textContent(), '2 / 3');
  assert.match(page.url(), /slide=2/);
  await page.keyboard.press('ArrowDown');
  await page.waitForURL(/view=province/);
  await page.locator('.metric-card').first().waitFor();
  await page.keyboard.press('PageDown'); // last slide: stays
  assert.equal(await page.getByTestId('slide-count').textContent(), '3 / 3');
  await page.keyboard.press('PageUp');
  await page.waitForURL(/view=ranking/);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !/present=1/.test(location.href));
  await page.locator('nav').waitFor();
  assert.match(page.url(), /deck=/, 'the deck stays in the URL after leaving');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a deck round-trips through the URL and a JSON file', async () => {
  const { page, context } = await openPage(env.browser, `${env.srv.base}?view=map&metric=incubators_national&year=2018`);
  await waitChart(page);
  await page.getByTestId('deck-open').click();
  await page.getByTestId('deck-add').click();
  await page.getByLabel(/标题 1/).fill('第一页：2018 年地图');
  await page.keyboard.press('Escape');
  await page.getByTestId('nav-ranking').click();
  await page.waitForURL(/view=ranking/);
  await page.getByTestId('deck-open').click();
  await page.getByTestId('deck-add').click();
  await page.getByTestId('deck-list').locator('li').nth(1).waitFor();
  assert.equal(await page.getByTestId('deck-list').locator('li').count(), 2);
  const url = page.url();
  assert.match(url, /deck=/);
  // the URL alone brings the deck back
  const { page: p2, context: c2 } = await openPage(env.browser, url);
  await p2.getByTestId('deck-open').click();
  await p2.getByTestId('deck-list').waitFor();
  assert.equal(await p2.getByTestId('deck-list').locator('li').count(), 2);
  assert.equal(await p2.getByLabel(/标题 1/).inputValue(), '第一页：2018 年地图');
  // download the JSON file…
  const [dl] = await Promise.all([p2.waitForEvent('download'), p2.getByTestId('deck-download').click()]);
  const json = JSON.parse(await readFile(await dl.path(), 'utf8'));
  assert.equal(json.format, 'hatch-atlas-deck');
  assert.equal(json.slides.length, 2);
  assert.equal(json.slides[0].title, '第一页：2018 年地图');
  assert.match(json.slides[0].view, /view=map&metric=incubators_national&year=2018/);
  // …and load it on another machine (a fresh page without the deck)
  const { page: p3, context: c3 } = await openPage(env.browser, `${env.srv.base}?view=table`);
  await p3.getByTestId('deck-open').click();
  await p3.getByTestId('deck-file').setInputFiles(await dl.path());
  await p3.getByTestId('deck-list').waitFor();
  assert.equal(await p3.getByTestId('deck-list').locator('li').count(), 2);
  assert.match(p3.url(), /deck=/);
  await c2.close();
  await c3.close();
  await context.close();
});

test('the example deck loads and presents', async () => {
  const { page, context, log } = await openPage(env.browser, `${env.srv.base}`, { viewport: { width: 1920, height: 1080 } });
  await page.getByTestId('deck-open').click();
  await page.getByTestId('deck-example').click();
  await page.getByTestId('deck-list').waitFor();
  assert.ok((await page.getByTestId('deck-list').locator('li').count()) >= 6);
  await page.getByTestId('deck-present').click();
  await page.getByTestId('stage').waitFor();
  assert.match(page.url(), /present=1/);
  await page.locator('.headline').first().waitFor();
  await page.keyboard.press('PageDown');
  await waitChart(page);
  assert.deepEqual(log.errors, []);
  await context.close();
});

async function pngInfo(page, path) {
  const b64 = (await readFile(path)).toString('base64');
  return page.evaluate(async (data) => {
    const img = new Image();
    img.src = `data:image/png;base64,${data}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    const colours = new Set();
    for (let i = 0; i < d.length; i += 4 * 97) colours.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
    return { width: img.width, height: img.height, colours: colours.size };
  }, b64);
}

test('export: PNG at 2× and 3× with the expected pixel size, not blank; SVG; CSV with BOM', async () => {
  const { page, context } = await openPage(env.browser, `${env.srv.base}?view=map&metric=incubators_national&year=2023`, { viewport: { width: 1280, height: 800 } });
  await waitChart(page);
  const size = await page.evaluate(() => {
    const c = document.querySelector('[data-testid="map-chart"]').__chart;
    return { w: c.getWidth(), h: c.getHeight() };
  });
  for (const [id, k] of [['export-png2', 2], ['export-png3', 3]]) {
    await page.getByTestId('export-menu').locator('summary').click();
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(id).click()]);
    assert.equal(dl.suggestedFilename(), `国家级科技企业孵化器-2023-${k}x-map.png`);
    const info = await pngInfo(page, await dl.path());
    assert.equal(info.width, size.w * k);
    assert.equal(info.height, size.h * k);
    assert.ok(info.colours > 10, `blank image? ${info.colours} colours`);
  }
  await page.getByTestId('export-menu').locator('summary').click();
  const [svg] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-svg').click()]);
  assert.equal(svg.suggestedFilename(), '国家级科技企业孵化器-2023-map.svg');
  const svgText = await readFile(await svg.path(), 'utf8');
  assert.match(svgText, /^<svg/);
  assert.ok(svgText.includes('国家级科技企业孵化器'), 'title burned in');
  assert.ok(svgText.includes('孵化图谱'), 'dashboard name burned in');
  assert.ok(svgText.includes('来源'), 'source line burned in');
  await page.getByTestId('export-menu').locator('summary').click();
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  const bytes = await readFile(await csv.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.ok(bytes.toString('utf8').includes('江苏'));
  await context.close();
});

test('printing gives a clean A4 landscape page: chart, table and sources, no controls', async () => {
  const { page, context } = await openPage(env.browser, `${env.srv.base}?view=map&metric=incubators_national&year=2023`);
  await waitChart(page);
  await page.getByTestId('sources-panel').waitFor();
  await page.emulateMedia({ media: 'print' });
  // the print stylesheet loads just after the first chart
  await page.waitForFunction(() => getComputedStyle(document.querySelector('nav')).display === 'none', null, { timeout: 10000 });
  const vis = await page.evaluate(() => {
    const shown = (sel) => { const el = document.querySelector(sel); return !!el && getComputedStyle(el).display !== 'none'; };
    return { nav: shown('nav'), controls: shown('.controls'), toolbar: shown('.chart-toolbar'), chart: shown('[data-testid="map-chart"]'), sources: shown('[data-testid="sources-panel"]') };
  });
  assert.deepEqual(vis, { nav: false, controls: false, toolbar: false, chart: true, sources: true });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const text = pdf.toString('latin1');
  const box = text.match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/);
  assert.ok(box, 'PDF has a MediaBox');
  assert.ok(Math.abs(Number(box[1]) - 842) < 2 && Math.abs(Number(box[2]) - 595) < 2, `A4 landscape expected, got ${box[1]}×${box[2]}`);
  await context.close();
});
