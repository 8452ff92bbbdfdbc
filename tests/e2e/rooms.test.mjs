// Charts in a meeting room (issues 14 and 20): presentation mode fills 4:3, 16:10 and 16:9
// screens with type sized from the screen height; maps write their values; trends on a
// projector; slides, exports and file names name the metric; smaller defects of the map view.
// Everything is measured from what is drawn (ECharts' drawn texts, canvas and page pixels).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { setup, openPage, waitChart, waitSettled, chartOption, drawnTexts, overlappingTexts } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const SIZES = [[1024, 768], [1280, 800], [1920, 1080]];
const VIEWS = [['map', 'year=latest'], ['ranking', 'year=2023'], ['trend', '']];

/** The stage's place on the screen and its scale (screen px per stage px). */
async function stageOf(page) {
  return page.getByTestId('stage').evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, scale: r.height / el.offsetHeight, w: el.offsetWidth, h: el.offsetHeight, sw: innerWidth, sh: innerHeight };
  });
}

for (const [w, h] of SIZES) {
  for (const lang of ['zh', 'en']) {
    test(`presentation at ${w}×${h} (${lang}): no letterbox, title ≥ 3.5 % and every text ≥ 2.2 % of the screen height, nothing overlaps`, async () => {
      const { page, context, log } = await openPage(env.browser, `${env.srv.base}?present=1&lang=${lang}`, { viewport: { width: w, height: h } });
      for (const [view, q] of VIEWS) {
        await page.goto(`${env.srv.base}?present=1&lang=${lang}&view=${view}&metric=incubators_national${q ? `&${q}` : ''}`);
        const id = `${view}-chart`;
        await waitChart(page, 1, id);
        await page.waitForTimeout(view === 'ranking' ? 700 : 200); // the bars' entry animation
        const st = await stageOf(page);
        const at = `${view} ${w}×${h} ${lang}`;
        // the stage fills the screen: no band over 5 % of its height (nor its width)
        assert.ok(Math.max(st.top, st.sh - st.bottom) <= 0.05 * st.sh, `${at}: letterbox ${JSON.stringify(st)}`);
        assert.ok(Math.max(st.left, st.sw - st.right) <= 0.05 * st.sw, `${at}: pillarbox ${JSON.stringify(st)}`);
        // the chart fills the stage above its footer
        const canvas = await page.evaluate((i) => document.querySelector(`[data-testid="${i}"] canvas`).getBoundingClientRect().height, id);
        assert.ok(canvas >= 0.9 * st.sh, `${at}: chart ${canvas} px of ${st.sh}`);
        const texts = (await drawnTexts(page, id)).filter((t) => t.size < 60); // not the ranking's year watermark
        const share = (t) => (t.size * st.scale) / st.sh;
        const title = texts.find((t) => /^(国家级科技企业孵化器|National-level incubators)/.test(t.text));
        assert.ok(title, `${at}: no title drawn`);
        assert.ok(share(title) >= 0.035, `${at}: title ${(share(title) * 100).toFixed(2)} % of the screen height`);
        const small = texts.filter((t) => share(t) < 0.022).map((t) => `${t.text} (${(share(t) * 100).toFixed(2)} %)`);
        assert.deepEqual(small, [], `${at}: texts under 2.2 % of the screen height`);
        assert.ok(texts.some((t) => /^(来源|Source)/.test(t.text)), `${at}: no source line`);
        assert.deepEqual(overlappingTexts(texts), [], `${at}: overlapping texts`);
        if (view === 'trend') {
          // lines scale with the stage: at least 2.5 screen px
          const widths = await page.evaluate((i) => document.querySelector(`[data-testid="${i}"]`).__chart.getOption().series.filter((s) => s.type === 'line' && s.lineStyle).map((s) => s.lineStyle.width), id);
          assert.ok(Math.min(...widths) * st.scale >= 2.5, `${at}: lines ${widths.map((x) => (x * st.scale).toFixed(1)).join(', ')} px`);
        }
        if (view === 'map') {
          // the map says its numbers: every province's value is drawn, on it or beside it
          const missing = await missingValues(page, texts);
          assert.ok(missing.expected >= 15, `${at}: ${missing.expected} labelled provinces`);
          assert.deepEqual(missing.notDrawn, [], `${at}: values not drawn`);
        }
      }
      assert.deepEqual(log.errors, []);
      await context.close();
    });
  }
}

/** The values the map's label series write (from their formatters), and those of them not found among the drawn texts. */
async function missingValues(page, texts) {
  const opt = await chartOption(page);
  const want = opt.series.filter((s) => s.id === 'map-labels' || s.id === 'map-callouts').flatMap((s) => s.data.map((d) => /\{v\|([^}]*)\}/.exec(d.label.formatter)?.[1]?.trim())).filter(Boolean);
  const drawn = texts.map((t) => t.text.trim());
  const notDrawn = [];
  for (const v of want) {
    const i = drawn.indexOf(v);
    if (i < 0) notDrawn.push(v);
    else drawn.splice(i, 1);
  }
  return { expected: want.length, notDrawn };
}

test("latest mode: small provinces' labels sit beside the map with a leader — Hong Kong's not on 广东", async () => {
  const { page, context } = await openPage(env.browser, `${env.srv.base}?present=1&view=map&metric=incubators_national&year=latest`, { viewport: { width: 1280, height: 800 } });
  await waitSettled(page);
  const texts = await drawnTexts(page);
  const hk = texts.find((t) => t.text.trim() === '香港');
  assert.ok(hk, 'Hong Kong has a label');
  const { coast, hkPoint } = await page.evaluate(() => {
    const inst = document.querySelector('[data-testid="map-chart"]').__chart;
    const px = (ll) => inst.convertToPixel({ seriesId: 'map-callouts' }, ll);
    // 广东's coast south of Hong Kong runs at about 22.1°N (east of it, further north)
    return { coast: Math.max(px([114.2, 22.1])[1], px([116.5, 22.6])[1]), hkPoint: px([114.17, 22.32]) };
  });
  assert.ok(hk.y > coast, `the label (y ${hk.y}) is over the sea, south of 广东's coast (y ${coast})`);
  // and a leader line runs from Hong Kong to it
  const opt = await chartOption(page);
  const callouts = opt.series.find((s) => s.id === 'map-callouts');
  const hkIndex = callouts.data.findIndex((d) => d.name === '810000');
  assert.ok(hkIndex >= 0);
  const leader = callouts.markLine.data[hkIndex];
  assert.deepEqual(leader[1].coord, callouts.data[hkIndex].value);
  const start = await page.evaluate((c) => document.querySelector('[data-testid="map-chart"]').__chart.convertToPixel({ seriesId: 'map-callouts' }, c), leader[0].coord);
  assert.ok(Math.hypot(start[0] - hkPoint[0], start[1] - hkPoint[1]) < 15, 'the leader starts at Hong Kong');
  await context.close();
});

test('the map view: a Values toggle writes labels=1/0 and the values appear and go', async () => {
  const { page, context } = await openPage(env.browser, `${env.srv.base}?view=map&metric=incubators_national&year=2023`);
  await waitChart(page);
  const values = async () => (await chartOption(page)).series.some((s) => s.id === 'map-labels') ? await missingValues(page, await drawnTexts(page)) : null;
  const has244 = async () => (await drawnTexts(page)).some((t) => t.text === '244');
  assert.equal(await values(), null, 'no values by default in the interactive map');
  assert.equal(await has244(), false);
  const toggle = page.getByTestId('labels-toggle');
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  await toggle.click();
  await page.waitForURL(/labels=1/);
  await page.waitForFunction(() => document.querySelector('[data-testid="map-chart"]').__chart.getOption()?.series.some((s) => s.id === 'map-labels'));
  await page.waitForTimeout(300);
  const on = await values();
  assert.ok(on.expected >= 6, `${on.expected} values`);
  assert.deepEqual(on.notDrawn, []);
  assert.equal(await has244(), true, 'Jiangsu 244 written on the map');
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  await toggle.click();
  await page.waitForURL(/labels=0/);
  await page.waitForTimeout(300);
  assert.equal(await values(), null);
  assert.equal(await has244(), false);
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
    let dark = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] < 80 && d[i + 1] < 80 && d[i + 2] < 80) dark++;
    return { width: img.width, height: img.height, dark };
  }, b64);
}

async function download(page, id) {
  await page.getByTestId('export-menu').locator('summary').click();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(id).click()]);
  return { name: dl.suggestedFilename(), path: await dl.path() };
}

test('exports: the map image writes its values (unless labels=0); slide images 16:9 and 4:3; English file names name the metric', async () => {
  const { page, context } = await openPage(env.browser, `${env.srv.base}?view=map&metric=incubators_national&year=latest&lang=en`);
  await waitChart(page);
  await page.getByTestId('export-menu').waitFor();
  const labelled = await download(page, 'export-png2');
  assert.equal(labelled.name, 'National-level_incubators-latest-2x-map.png');
  const svg = await download(page, 'export-svg');
  const svgText = await readFile(svg.path, 'utf8');
  for (const s of ['244', 'Hong Kong', 'Tianjin', '2016']) assert.ok(svgText.includes(s), `the SVG writes ${s}`);
  for (const [id, w, h] of [['export-slide-16x9', 1920, 1080], ['export-slide-4x3', 1440, 1080]]) {
    const f = await download(page, id);
    assert.equal(f.name, `National-level_incubators-latest-${id.replace('export-', '')}-map.png`);
    const info = await pngInfo(page, f.path);
    assert.deepEqual([info.width, info.height], [w, h]);
    assert.ok(info.dark > 2000, `slide image has text: ${info.dark} dark pixels`);
  }
  // with labels=0 the same image has no values: fewer dark (text) pixels
  await page.goto(`${env.srv.base}?view=map&metric=incubators_national&year=latest&lang=en&labels=0`);
  await waitChart(page);
  await page.getByTestId('export-menu').waitFor();
  const plain = await download(page, 'export-png2');
  const [a, b] = [await pngInfo(page, labelled.path), await pngInfo(page, plain.path)];
  assert.deepEqual([a.width, a.height], [b.width, b.height]);
  assert.ok(a.dark > b.dark + 500, `labelled ${a.dark} vs plain ${b.dark} dark pixels`);
  await context.close();
});

test('slides are titled with the metric in the slide language, in the deck and on the stage', async () => {
  const { page, context } = await openPage(env.browser, `${env.srv.base}?view=map&metric=incubators_national&year=2023&lang=en`);
  await waitChart(page);
  await page.getByTestId('deck-open').click();
  await page.getByTestId('deck-add').click();
  assert.equal(await page.getByLabel(/Title 1/).inputValue(), 'Map · National-level incubators · 2023');
  await page.getByTestId('deck-present').click();
  await page.getByTestId('stage').waitFor();
  assert.equal(await page.getByTestId('slide-title').textContent(), 'Map · National-level incubators · 2023');
  await context.close();
});

test('trend: national=0 hides the national line — from the control, in the URL, a slide, presentation and the embed', async () => {
  const { page, context } = await openPage(env.browser, `${env.srv.base}?view=trend&metric=incubators_national&regions=江苏,湖北`);
  await waitChart(page, 1, 'trend-chart');
  const names = async () => (await chartOption(page, 'trend-chart')).series.map((s) => s.name);
  assert.ok((await names()).includes('全国'));
  const maxWith = (await page.evaluate(() => document.querySelector('[data-testid="trend-chart"]').__chart.getModel().getComponent('yAxis', 0).axis.scale.getExtent()[1]));
  await page.getByTestId('national-toggle').uncheck();
  await page.waitForURL(/national=0/);
  await page.waitForFunction(() => !document.querySelector('[data-testid="trend-chart"]').__chart.getOption().series.some((s) => s.name === '全国'));
  const maxWithout = await page.evaluate(() => document.querySelector('[data-testid="trend-chart"]').__chart.getModel().getComponent('yAxis', 0).axis.scale.getExtent()[1]);
  assert.ok(maxWithout < maxWith / 3, `the axis is scaled to the provinces: ${maxWith} → ${maxWithout}`);
  // a slide keeps it
  await page.getByTestId('deck-open').click();
  await page.getByTestId('deck-add').click();
  assert.match(await page.getByTestId('deck-list').locator('code').first().textContent(), /national=0/);
  await page.keyboard.press('Escape');
  // presentation and embed read it
  for (const q of ['present=1', 'embed=1']) {
    await page.goto(`${env.srv.base}?view=trend&metric=incubators_national&regions=江苏,湖北&national=0&${q}`);
    await waitChart(page, 1, 'trend-chart');
    assert.ok(!(await names()).includes('全国'), q);
  }
  await context.close();
});

test('the map tab opens on recent figures (2023), not on 2016', async () => {
  const { page, context } = await openPage(env.browser, `${env.srv.base}?view=map`);
  await waitChart(page);
  await page.waitForURL(/year=2023/);
  assert.match((await chartOption(page)).title[0].text, /2023/);
  await context.close();
});

test('on a phone the tab row shows that it scrolls: a shadow at the edge with more tabs', async () => {
  const { page, context } = await openPage(env.browser, `${env.srv.base}?view=map`, { viewport: { width: 390, height: 844 } });
  await page.locator('nav').waitFor();
  const edges = async () => {
    const box = await page.locator('nav').boundingBox();
    const png = await page.screenshot({ clip: { x: box.x, y: box.y + 2, width: box.width, height: 4 } });
    return page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      [c.width, c.height] = [img.width, img.height];
      const ctx = c.getContext('2d');
      ctx.drawImage(img, 0, 0);
      const lum = (x) => { const d = ctx.getImageData(x, 1, 1, 1).data; return (d[0] + d[1] + d[2]) / 3; };
      return { left: lum(1), right: lum(img.width - 2), middleBg: lum(Math.round(img.width / 2)) };
    }, png.toString('base64'));
  };
  assert.ok(await page.locator('nav').evaluate((n) => n.scrollWidth > n.clientWidth), 'the tabs do not fit');
  const start = await edges();
  assert.ok(start.right < 225, `a shadow at the right edge: ${JSON.stringify(start)}`);
  assert.ok(start.left > 235, `no shadow at the left edge yet: ${JSON.stringify(start)}`);
  await page.locator('nav').evaluate((n) => { n.scrollLeft = n.scrollWidth; });
  await page.waitForTimeout(100);
  const end = await edges();
  assert.ok(end.left < 225 && end.right > 235, `scrolled to the end: shadow at the left only ${JSON.stringify(end)}`);
  await context.close();
});
