// Embeds draw at the size of their frame (issue 14): in the light and dark theme, for the map,
// ranking and trend, at 300×250 to 1200×700, with and without controls, opened directly, inside
// an <iframe> and in the Embed dialog's preview, the chart's canvas fills the space the frame
// leaves it, and the title and the source line sit at its top and bottom (not piled up in a
// 100 px strip, the bug this file was written for).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { drawnTexts, overlappingTexts, setupEmbedHost } from './helpers.mjs';

let env, app, host, browser;
before(async () => {
  env = await setupEmbedHost();
  ({ app, host, browser } = env);
});
after(async () => { await env?.close(); });

const THEMES = ['light', 'dark'];
const VIEWS = ['map', 'ranking', 'trend'];
const SIZES = [[300, 250], [600, 400], [900, 500], [1200, 700]];
const TITLE = /^国家级科技企业孵化器/;

function embedUrl(view, theme, controls) {
  const year = view === 'trend' ? '' : '&year=2023';
  return `${app.base}?view=${view}&metric=incubators_national${year}&embed=1&theme=${theme}&controls=${controls ? 1 : 0}`;
}

/**
 * In an embed (a Page or a Frame): the frame's size, the space the embed leaves its chart
 * (frame height minus controls, footer, padding and gaps, and the chart box's border), and
 * the drawn canvas.
 */
async function measure(target, view) {
  await target.waitForSelector(`[data-testid="${view}-chart"][data-rendered]`, { timeout: 30000 });
  // controls that load after the first drawing (the measure select) can take a second row and
  // the chart is drawn again at its new size: give it up to 3 s to fill its box (the 100 px bug
  // never does), then measure
  await target
    .waitForFunction((v) => {
      const box = document.querySelector(`[data-testid="${v}-chart"]`);
      return Math.abs(box.querySelector('canvas').getBoundingClientRect().height - box.clientHeight) <= 2;
    }, view, { timeout: 3000 })
    .catch(() => undefined);
  const m = await target.evaluate((v) => {
    const root = document.querySelector('[data-testid="embed-root"]');
    const box = document.querySelector(`[data-testid="${v}-chart"]`);
    const canvas = box.querySelector('canvas').getBoundingClientRect();
    const cs = getComputedStyle(root);
    const kids = [...root.children];
    const chrome = kids.filter((k) => !k.classList.contains('embed-chart')).reduce((h, k) => h + k.getBoundingClientRect().height, 0);
    const gaps = (kids.length - 1) * (parseFloat(cs.rowGap) || 0);
    const pad = parseFloat(cs.paddingTop) + parseFloat(cs.paddingBottom);
    const border = box.offsetHeight - box.clientHeight;
    const inst = box.__chart;
    return {
      frameW: window.innerWidth, frameH: window.innerHeight,
      spaceH: window.innerHeight - chrome - gaps - pad - border,
      spaceW: window.innerWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - (box.offsetWidth - box.clientWidth),
      canvasW: canvas.width, canvasH: canvas.height, chartH: inst.getHeight(), chartW: inst.getWidth(),
      controls: document.querySelector('.embed .controls')?.getBoundingClientRect().height ?? 0,
      footBottom: document.querySelector('.embed-foot').getBoundingClientRect().bottom,
      scroll: document.documentElement.scrollHeight > window.innerHeight + 1 || document.documentElement.scrollWidth > window.innerWidth + 1,
    };
  }, view);
  m.texts = await drawnTexts(target, `${view}-chart`);
  return m;
}

/** The chart fills the space the frame leaves it, and its title and source line are at its top and bottom. */
function checkFills(m, what, titleRe = TITLE) {
  const at = `${what}: ${JSON.stringify({ ...m, texts: undefined })}`;
  assert.ok(m.canvasH >= m.spaceH - 4 && m.canvasH <= m.spaceH + 1, `canvas ${m.canvasH} px high, the frame leaves ${m.spaceH} px — ${at}`);
  assert.ok(m.canvasW >= m.spaceW - 4, `canvas ${m.canvasW} px wide, the frame leaves ${m.spaceW} px — ${at}`);
  assert.ok(Math.abs(m.chartH - m.canvasH) <= 1 && Math.abs(m.chartW - m.canvasW) <= 1, `the chart is laid out for ${m.chartW}×${m.chartH}, drawn ${m.canvasW}×${m.canvasH} — ${at}`);
  assert.ok(m.footBottom <= m.frameH + 1, `footer cut off — ${at}`);
  assert.ok(!m.scroll, `scrollbars — ${at}`);
  const title = m.texts.find((t) => titleRe.test(t.text));
  const source = m.texts.find((t) => /^来源/.test(t.text));
  assert.ok(title, `no title drawn — ${at}`);
  assert.ok(source, `no source line drawn — ${at}`);
  assert.ok(title.y < 30, `title at y=${title.y} — ${at}`);
  assert.ok(source.y + source.h > m.canvasH - 30, `source line at y=${source.y} in a ${m.canvasH} px chart — ${at}`);
}

test('opened directly: every theme, view, size, with and without controls', async () => {
  for (const [w, h] of SIZES) {
    const ctx = await browser.newContext({ viewport: { width: w, height: h }, serviceWorkers: 'block' });
    const p = await ctx.newPage();
    for (const theme of THEMES) {
      for (const view of VIEWS) {
        for (const controls of [true, false]) {
          await p.goto(embedUrl(view, theme, controls));
          checkFills(await measure(p, view), `${theme} ${view} ${w}×${h} controls=${controls} (direct)`);
        }
      }
    }
    await ctx.close();
  }
});

// every theme × view × size in a frame, with controls on at two sizes and off at the other two
// (alternating by view), so that each size is seen in a frame with and without controls; the
// whole matrix is opened directly above (each case a page load: 48 more would cost minutes)
test('inside an <iframe> of a host page: every theme, view and size, with and without controls', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1300, height: 800 }, serviceWorkers: 'block' });
  const p = await ctx.newPage();
  // a fixed-size, sandboxed frame on another origin (no host script: the frame keeps its size)
  env.setHostHtml(`<!doctype html><html><head><meta charset="utf-8"><title>host</title></head><body style="margin:0">
<p>Host page</p><iframe id="f" title="chart" width="300" height="250" style="border:0;display:block" sandbox="allow-scripts"></iframe></body></html>`);
  await p.goto(host.base);
  for (const theme of THEMES) {
    for (const view of VIEWS) {
      for (const [si, [w, h]] of SIZES.entries()) {
        {
          const controls = (si + VIEWS.indexOf(view)) % 2 === 0;
          const src = embedUrl(view, theme, controls);
          await p.evaluate(([s, fw, fh]) => {
            const f = document.getElementById('f');
            f.width = String(fw);
            f.height = String(fh);
            f.src = s;
          }, [src, w, h]);
          const frame = await (await p.$('#f')).contentFrame();
          await frame.waitForURL(src);
          checkFills(await measure(frame, view), `${theme} ${view} ${w}×${h} controls=${controls} (iframe)`);
        }
      }
    }
  }
  await ctx.close();
});

test("the Embed dialog's live preview draws at its full size", async () => {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const p = await ctx.newPage();
  for (const view of VIEWS) {
    await p.goto(`${app.base}?view=${view}&metric=incubators_national${view === 'trend' ? '' : '&year=2023'}`);
    await p.waitForSelector(`[data-testid="${view}-chart"][data-rendered]`, { timeout: 30000 });
    await p.getByTestId('embed-open').click();
    await p.getByTestId('embed-dialog').waitFor();
    for (const theme of THEMES) {
      await p.getByTestId('embed-theme').selectOption(theme);
      await p.waitForFunction((t) => document.querySelector('[data-testid="embed-preview"]').src.includes(`theme=${t}`), theme);
      const frame = await (await p.$('[data-testid="embed-preview"]')).contentFrame();
      await frame.waitForURL(new RegExp(`theme=${theme}`));
      checkFills(await measure(frame, view), `${theme} ${view} (Embed dialog preview)`);
    }
    await p.keyboard.press('Escape');
  }
  await ctx.close();
});

test('small frames: the controls fold behind a button, so the chart keeps most of the frame', async () => {
  for (const [w, h, view] of [[300, 250, 'map'], [300, 250, 'ranking'], [300, 250, 'trend'], [600, 400, 'map']]) {
    const ctx = await browser.newContext({ viewport: { width: w, height: h }, serviceWorkers: 'block' });
    const p = await ctx.newPage();
    await p.goto(embedUrl(view, 'light', true));
    const m = await measure(p, view);
    checkFills(m, `${view} ${w}×${h} small frame`);
    assert.ok(m.canvasH >= 0.75 * h, `${view} ${w}×${h}: the chart has ${m.canvasH} px of ${h}`);
    // the controls are one click away, over the chart, and work there
    const toggle = p.getByTestId('embed-controls-toggle');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    await toggle.click();
    const overlay = p.getByTestId('embed-controls-overlay');
    await overlay.waitFor();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    assert.equal(await overlay.getByTestId('metric-select').count(), 1);
    assert.equal(await p.evaluate(() => document.activeElement?.closest('[data-testid="embed-controls-overlay"]') !== null), true, 'focus moves into the controls');
    // opening them does not shrink the chart
    const canvasH = await p.evaluate((v) => document.querySelector(`[data-testid="${v}-chart"] canvas`).getBoundingClientRect().height, view);
    assert.ok(Math.abs(canvasH - m.canvasH) <= 1, `the chart changed size when the controls opened: ${m.canvasH} → ${canvasH}`);
    if (view !== 'trend') {
      await overlay.getByRole('button', { name: '上一年' }).click();
      await p.waitForURL(/year=2022/);
    }
    await p.keyboard.press('Escape');
    await overlay.waitFor({ state: 'detached' });
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    await ctx.close();
  }
  // a frame where both fit keeps its row of controls
  const ctx = await browser.newContext({ viewport: { width: 900, height: 600 }, serviceWorkers: 'block' });
  const p = await ctx.newPage();
  await p.goto(embedUrl('map', 'light', true));
  await measure(p, 'map');
  assert.equal(await p.getByTestId('embed-controls-toggle').count(), 0);
  assert.equal(await p.getByTestId('metric-select').isVisible(), true);
  await ctx.close();
});

test('the Embed dialog reads as natural Chinese', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const p = await ctx.newPage();
  await p.goto(`${app.base}?view=map&metric=incubators_national&year=2023`);
  await p.waitForSelector('[data-testid="map-chart"][data-rendered]', { timeout: 30000 });
  await p.getByTestId('embed-open').click();
  const text = await p.getByTestId('embed-dialog').innerText();
  assert.match(text, /（可选）/);
  assert.doesNotMatch(text, /可不用|控件/);
  assert.match(text, /显示指标和年份选择/);
  await ctx.close();
});

test('a ranking of 31 provinces in a 300×250 frame shows the top ones that fit, each bar named, nothing overlapping, and says how many there are', async () => {
  // GDP 2022: every province has a figure (shipped data)
  const names = ['广东', '江苏', '山东', '浙江', '河南', '四川', '湖北', '福建'];
  for (const [w, h] of [[300, 250], [400, 300], [600, 900]]) {
    const ctx = await browser.newContext({ viewport: { width: w, height: h }, serviceWorkers: 'block' });
    const p = await ctx.newPage();
    await p.goto(`${app.base}?view=ranking&metric=gdp&year=2022&embed=1&controls=0`);
    const m = await measure(p, 'ranking');
    checkFills(m, `ranking ${w}×${h}`, /^地区生产总值/);
    const o = await p.evaluate(() => {
      const opt = document.querySelector('[data-testid="ranking-chart"]').__chart.getOption();
      return { bars: opt.yAxis[0].data.length, title: opt.title[0].text, subtext: opt.title[0].subtext };
    });
    const texts = await drawnTexts(p, 'ranking-chart');
    const drawnNames = texts.filter((t) => /^[\u4e00-\u9fff]{2,3}$/.test(t.text) && t.x < 80).map((t) => t.text);
    if (h < 900) {
      assert.ok(o.bars >= 3 && o.bars < 31, `${w}×${h}: ${o.bars} bars`);
      assert.match(o.title, new RegExp(`前 ${o.bars} 名`));
      assert.match(o.subtext, /31 个省份有数据/);
    } else assert.equal(o.bars, 31, `${w}×${h}: all 31 fit`);
    // every bar's name is drawn, the largest first, and no two texts overlap
    assert.equal(drawnNames.length, o.bars, `${w}×${h}: ${drawnNames.join(' ')}`);
    assert.deepEqual(drawnNames.slice(0, Math.min(o.bars, names.length)), names.slice(0, Math.min(o.bars, names.length)));
    assert.deepEqual(overlappingTexts(texts.filter((t) => !/^20\d\d$/.test(t.text))), [], `${w}×${h}`);
    await ctx.close();
  }
});

test('in a 300 px wide frame, in English, every text of the map, ranking and trend is drawn inside the chart (long titles wrap, the subtitle and source line end in "…")', async () => {
  for (const [view, q] of [['map', 'year=2023'], ['ranking', 'metric=gdp&year=2022'], ['trend', '']]) {
    const ctx = await browser.newContext({ viewport: { width: 300, height: 250 }, serviceWorkers: 'block' });
    const p = await ctx.newPage();
    await p.goto(`${app.base}?view=${view}&${q}&embed=1&controls=0&lang=en`);
    const m = await measure(p, view);
    // (a legend that scrolls clips its entries at its pager: they are left out here)
    const legend = await p.evaluate((v) => (document.querySelector(`[data-testid="${v}-chart"]`).__chart.getOption().series ?? []).map((x) => x.name), view);
    const outside = m.texts.filter((t) => (t.x < -1 || t.x + t.w > m.canvasW + 1) && !legend.includes(t.text)).map((t) => `"${t.text.slice(0, 40)}" ${Math.round(t.x)}–${Math.round(t.x + t.w)}`);
    assert.deepEqual(outside, [], `${view}: the chart is ${m.canvasW} px wide`);
    const title = m.texts.reduce((a, t) => (t.y < a.y ? t : a));
    assert.ok(title.y < 30, `${view}: the title is on top`);
    await ctx.close();
  }
});

test('a map in a small frame (300×250, 400×300) is drawn as large as the frame allows: the colour bar stands at its right, and no text or legend lies on the outlines', async () => {
  // the map's height before the bar moved: 55 px at 300×250 (the bar, its labels and the scale's name were below it);
  // (in English the title's width is estimated by its letters' shapes, frame.ts titleLines: it no longer costs a line where it fits)
  // and where the title wraps to a second line (a long English name), the map begins below it
  for (const [w, h, least, langs, q] of [[300, 250, { zh: 75, en: 75 }, ['zh', 'en'], 'metric=incubators_national&year=2023'], [400, 300, { zh: 110, en: 110 }, ['zh', 'en'], 'metric=incubators_national&year=2023'], [300, 250, { en: 55 }, ['en'], 'metric=university_science_parks_national_new&year=2005']]) {
    for (const lang of langs) {
      const ctx = await browser.newContext({ viewport: { width: w, height: h }, serviceWorkers: 'block' });
      const p = await ctx.newPage();
      await p.goto(`${app.base}?view=map&${q}&embed=1&controls=0&lang=${lang}`);
      const m = await measure(p, 'map');
      // the outlines' drawn box: the pixels of the "no data" grey and of the scale's blues and greens
      const r = await p.evaluate(() => {
        const c = document.querySelector('[data-testid="map-chart"] canvas');
        const k = c.width / c.getBoundingClientRect().width;
        const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
        const grey = [0xd5, 0xd8, 0xdc];
        let x0 = Infinity, y0 = Infinity, x1 = -1, y1 = -1;
        // (from 30 px: the "no data" swatch, grey too, is at 8–22 px)
        for (let y = 0; y < c.height; y++) for (let x = Math.round(30 * k); x < c.width; x++) {
          const i = (y * c.width + x) * 4;
          if (grey.every((v, j) => Math.abs(data[i + j] - v) <= 2)) {
            x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y);
          }
        }
        const inst = document.querySelector('[data-testid="map-chart"]').__chart;
        const bar = inst.getModel().getComponent('visualMap').getBoxLayoutParams();
        return { x0: x0 / k, y0: y0 / k, x1: x1 / k, y1: y1 / k, bar };
      });
      const texts = m.texts.filter((t) => t.y + t.h > r.y0 + 2 && t.y < r.y1 - 2 && t.x < r.x1 - 2 && t.x + t.w > r.x0 + 2);
      const at = `${w}×${h} ${lang}: ${JSON.stringify(r)}`;
      assert.ok(r.y1 - r.y0 >= least[lang], `the map is ${Math.round(r.y1 - r.y0)} px high — ${at}`);
      // the bar's labels ("500", "1") are drawn right of the outlines
      const barTexts = m.texts.filter((t) => /^[\d,.万]+$/.test(t.text));
      assert.ok(barTexts.length >= 2 && barTexts.every((t) => t.x > r.x1 - 20 || t.y > r.y1 - 20), `${JSON.stringify(barTexts)} — ${at}`);
      assert.deepEqual(texts.filter((t) => !/^[\d,.万]+$/.test(t.text)).map((t) => t.text), [], `texts over the map — ${at}`);
      await ctx.close();
    }
  }
});

test('an embed whose link asks for a metric that is not there says so in at most two lines, and its chart fills the rest of the frame, not cut off', async () => {
  // before: the notice took 80 px of a 300×250 frame, and the chart, created before the notice was shown, kept its
  // first height (212 px) in a box of 170: its bottom (legend, source line) was cut off
  for (const lang of ['zh', 'en']) {
    const ctx = await browser.newContext({ viewport: { width: 300, height: 250 }, serviceWorkers: 'block' });
    const p = await ctx.newPage();
    await p.goto(`${app.base}?view=map&metric=nope_metric&embed=1&lang=${lang}`);
    await p.getByTestId('view-notices').waitFor();
    await measure(p, 'map');
    await p.waitForTimeout(500);
    const r = await p.evaluate(() => {
      const n = document.querySelector('[data-testid="view-notices"] .notice-text');
      const box = document.querySelector('[data-testid="map-chart"]');
      return {
        notice: n.getBoundingClientRect().height,
        line: parseFloat(getComputedStyle(n).lineHeight),
        title: n.getAttribute('title'),
        box: box.clientHeight,
        canvas: box.querySelector('canvas').getBoundingClientRect().height,
        inst: box.__chart.getHeight(),
      };
    });
    const at = `${lang}: ${JSON.stringify(r)}`;
    assert.ok(r.notice <= 2 * r.line + 1, `the notice is at most two lines — ${at}`);
    assert.match(r.title, /nope_metric/, `its whole text is its title — ${at}`);
    assert.ok(Math.abs(r.canvas - r.box) <= 2 && Math.abs(r.inst - r.box) <= 2, `the chart is as high as its box — ${at}`);
    assert.ok(r.box >= 160, `the chart keeps ${r.box} px of the frame — ${at}`);
    // the source line, the last row of the chart, is drawn inside it
    const texts = await drawnTexts(p, 'map-chart');
    const source = texts.find((t) => /^(来源|Source)/.test(t.text));
    assert.ok(source && source.y + source.h <= r.box + 1, `the source line is inside the chart — ${JSON.stringify(source)} ${at}`);
    await ctx.close();
  }
});

test('a trend in a 300×250 frame: the marks\' note sits just above the source line, and the plot keeps the room (at least 34 px; it had 24)', async () => {
  for (const lang of ['zh', 'en']) {
    const ctx = await browser.newContext({ viewport: { width: 300, height: 250 }, serviceWorkers: 'block' });
    const p = await ctx.newPage();
    await p.goto(`${app.base}?view=trend&metric=incubators_national&embed=1&controls=0&lang=${lang}`);
    await measure(p, 'trend');
    const plot = await p.evaluate(() => document.querySelector('[data-testid="trend-chart"]').__chart.getModel().getComponent('grid').coordinateSystem.getRect());
    const texts = await drawnTexts(p, 'trend-chart');
    const note = texts.find((t) => /^▲/.test(t.text));
    const source = texts.find((t) => /^(来源|Source)/.test(t.text));
    const at = `${lang}: ${JSON.stringify({ plot, note, source })}`;
    assert.ok(plot.height >= 34, `the plot is ${Math.round(plot.height)} px high — ${at}`);
    assert.ok(note && source && note.y + note.h <= source.y && source.y - (note.y + note.h) <= 8, `the note just above the source line — ${at}`);
    await ctx.close();
  }
});

test('"latest available" in a small frame: no two texts of the map lie on each other (a label that would lie on a callout is left out)', async () => {
  // before: at 300×250 天津's and 香港's callouts lay on the labels "2023" and "2020 旧"; at 400×300 (en) Hong Kong's on "2016 old"
  for (const [w, h] of [[300, 250], [400, 300]]) {
    for (const lang of ['zh', 'en']) {
      const ctx = await browser.newContext({ viewport: { width: w, height: h }, serviceWorkers: 'block' });
      const p = await ctx.newPage();
      await p.goto(`${app.base}?view=map&metric=incubators_national&year=latest&embed=1&controls=0&lang=${lang}`);
      await measure(p, 'map');
      await p.waitForFunction(() => document.querySelector('[data-testid="map-chart"]').__chart.getOption().series.some((s) => s.id === 'map-callouts'));
      await p.waitForTimeout(300);
      const texts = await drawnTexts(p, 'map-chart');
      assert.ok(texts.some((t) => /天津|Tianjin/.test(t.text)), `the callouts are drawn — ${w}×${h} ${lang}`);
      assert.deepEqual(overlappingTexts(texts).map((pair) => pair.map((x) => x.text)), [], `${w}×${h} ${lang}`);
      await ctx.close();
    }
  }
});
