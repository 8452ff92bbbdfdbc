// Browser tests of the province map (issue 2), against the production build
// served under a sub-path, in Debian's Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openPage, waitChart, canvasStats, chartOption, hoverGeo, renderCount, GEO, drawnTexts } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

test('the map draws with a legend, and no console errors under StrictMode', async () => {
  const { page, context, log } = await openPage(env.browser, `${env.srv.base}?view=map`);
  await waitChart(page);
  const stats = await canvasStats(page);
  assert.ok(stats.colours > 8, `canvas looks blank: ${stats.colours} colours`);
  // China's outlines (their own shape, centred) cover ≈ 20 % of a 1280×800 page's chart; a blank canvas none
  assert.ok(stats.painted > stats.samples * 0.12, `too little of the canvas is painted: ${(stats.painted / stats.samples * 100).toFixed(1)} %`);
  const opt = await chartOption(page);
  assert.equal(opt.visualMap.length, 1, 'legend (visualMap) present');
  // a year: drawn from the SVG outlines (tests/e2e/mapsvg.test.mjs)
  assert.equal(opt.series[0].map, 'china-svg');
  // the default view is written to the URL so that the link is exact
  assert.match(page.url(), /metric=incubators_national&year=\d{4}/);
  // sub-path: the app was served from /hatch/atlas/ and its data loaded from there
  assert.ok(log.requests.some((u) => u.includes('/hatch/atlas/data/figures.csv')));
  assert.ok(log.requests.some((u) => u.includes('/hatch/atlas/data/geo/china.svg')));
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('changing the year changes what is drawn; arrow keys and slider step years', async () => {
  const { page, context } = await openPage(env.browser, `${env.srv.base}?view=map&metric=incubators_national&year=2016`);
  await waitChart(page);
  const before = await canvasStats(page);
  const n = await renderCount(page);
  await page.locator('body').press('ArrowRight');
  await page.waitForURL(/year=2017/);
  await waitChart(page, n + 1);
  await page.waitForTimeout(500); // let the colour transition end
  const after = await canvasStats(page);
  assert.notEqual(after.hash, before.hash, 'canvas unchanged after the year changed');
  assert.equal(await page.getByTestId('year-value').textContent(), '2017');
  await page.locator('body').press('ArrowLeft');
  await page.waitForURL(/year=2016/);
  // only years with data are offered: 2013 has no figures for this metric
  const opt = await chartOption(page);
  assert.match(opt.title[0].text, /2016/);
  await page.getByTestId('year-slider').fill('0');
  await page.waitForURL(/year=2011/);
  await page.getByRole('button', { name: '下一年' }).click();
  await page.waitForURL(/year=2012/);
  await page.getByRole('button', { name: '下一年' }).click();
  await page.waitForURL(/year=2014/); // 2013 skipped: no data
  await context.close();
});

test('the year control follows the chart within a few frames, and the slider is never set back under the thumb', async () => {
  const { page, context, log } = await openPage(env.browser, `${env.srv.base}?view=map&metric=incubators_national&year=2016`);
  await waitChart(page);
  // every frame after the key: the chart title's year (the drawn option) and the control's year text, slider and buttons
  await page.evaluate(() => {
    const box = document.querySelector('[data-testid="map-chart"]');
    const rec = (window.__frames = []);
    const t0 = performance.now();
    const tick = () => {
      const title = box.__chart.getOption().title[0].text;
      const slider = document.querySelector('[data-testid="year-slider"]');
      rec.push({ t: performance.now() - t0, title, text: document.querySelector('[data-testid="year-value"]').textContent, slider: slider.value, valuetext: slider.getAttribute('aria-valuetext') });
      if (rec.length < 40) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.locator('body').press('ArrowRight');
  await page.waitForFunction(() => window.__frames.length >= 40);
  const frames = await page.evaluate(() => window.__frames);
  const chartAt = frames.findIndex((f) => /2017/.test(f.title));
  const controlAt = frames.findIndex((f) => f.text === '2017');
  assert.ok(chartAt >= 0 && controlAt >= 0, `chart at frame ${chartAt}, control at ${controlAt}`);
  // the chart first or with it; the control at most a few frames (and 250 ms) later
  assert.ok(controlAt >= chartAt && controlAt - chartAt <= 4, `control ${controlAt - chartAt} frames after the chart`);
  assert.ok(frames[controlAt].t - frames[chartAt].t <= 250, `control ${Math.round(frames[controlAt].t - frames[chartAt].t)} ms after the chart`);
  // once it shows the year, slider, its spoken value and the text agree, and stay so
  const years = [2011, 2012, 2014, 2015, 2016, 2017];
  for (const f of frames.slice(controlAt)) assert.deepEqual([f.text, f.slider, f.valuetext], ['2017', String(years.indexOf(2017)), '2017']);
  // the slider moved by its own keys, fast: each press moves on from where the thumb is (the
  // year shown a frame later never puts it back), and the map ends at the thumb's year
  // (on a slow CPU, where the year shown lags several presses behind the thumb)
  await page.getByTestId('year-slider').focus();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
  await page.waitForURL(/year=2012/);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await page.waitForFunction(() => document.querySelector('[data-testid="year-value"]').textContent === '2012');
  assert.equal(await page.getByTestId('year-slider').inputValue(), '1');
  await page.waitForFunction(() => /2012/.test(document.querySelector('[data-testid="map-chart"]').__chart.getOption().title[0].text));
  assert.equal(await page.getByRole('button', { name: '上一年' }).isDisabled(), false);
  await page.getByRole('button', { name: '上一年' }).click();
  await page.waitForURL(/year=2011/);
  await page.waitForFunction(() => document.querySelector('[data-testid="year-value"]').textContent === '2011');
  assert.equal(await page.getByRole('button', { name: '上一年' }).isDisabled(), true);
  assert.equal(await page.getByTestId('year-slider').inputValue(), '0');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('play animates through the years and stops at the last one', async () => {
  const { page, context } = await openPage(env.browser, `${env.srv.base}?view=map&metric=incubators_national&year=2022`);
  await waitChart(page);
  await page.getByTestId('play').click();
  await page.waitForURL(/year=2023/, { timeout: 5000 });
  await page.waitForURL(/year=2024/, { timeout: 5000 });
  await page.waitForFunction(() => document.querySelector('[data-testid="play"]').getAttribute('aria-pressed') === 'false', null, { timeout: 5000 });
  // Space toggles play; playing from the last year restarts at the first
  await page.locator('body').press('Space');
  await page.waitForURL(/year=2011/, { timeout: 5000 });
  await page.locator('body').press('Space');
  assert.equal(await page.getByTestId('play').getAttribute('aria-pressed'), 'false');
  await context.close();
});

/** What is below the chart once settled: the national figure and the ids of the sources listed for the chart. */
async function belowChart(page) {
  await page.getByTestId('sources-panel').locator('.source-item').first().waitFor();
  return page.evaluate(() => ({
    national: document.querySelector('[data-testid="national-figure"]').textContent,
    sources: [...document.querySelectorAll('[data-testid="sources-panel"] .source-item')].map((e) => e.dataset.sourceId).sort(),
  }));
}

test('a year change paints the chart first; what is below it then follows the year shown (keys and playing)', async () => {
  const { page, context, log } = await openPage(env.browser, `${env.srv.base}?view=map&metric=incubators_national&year=2016`);
  await waitChart(page);
  const at2016 = await belowChart(page);
  assert.match(at2016.national, /2016/);
  // in the frame that paints the new year's chart: its title says 2017, the national figure under it is still 2016's
  const atFrame = page.evaluate(
    () =>
      new Promise((done) => {
        const box = document.querySelector('[data-testid="map-chart"]');
        box.__chart.on('rendered', function once() {
          box.__chart.off('rendered', once);
          requestAnimationFrame(() => done({ title: box.__chart.getOption().title[0].text, national: document.querySelector('[data-testid="national-figure"]').textContent }));
        });
      }),
  );
  await page.locator('body').press('ArrowRight');
  const frame = await atFrame;
  assert.match(frame.title, /2017/);
  assert.match(frame.national, /2016/, 'what is below the chart waits for the paint');
  // then it follows: the same national figure and sources as a page opened at 2017
  await page.waitForFunction(() => /2017/.test(document.querySelector('[data-testid="national-figure"]').textContent), null, { timeout: 5000 });
  const fresh = await openPage(env.browser, `${env.srv.base}?view=map&metric=incubators_national&year=2017`);
  await waitChart(fresh.page);
  const want2017 = await belowChart(fresh.page);
  assert.deepEqual(await belowChart(page), want2017);
  assert.notDeepEqual(want2017, at2016);
  // playing: each year's figure and sources follow the year shown
  await page.getByTestId('play').click();
  await page.waitForURL(/year=2018/, { timeout: 5000 });
  await page.getByTestId('play').click();
  await page.waitForFunction(() => /2018/.test(document.querySelector('[data-testid="national-figure"]').textContent), null, { timeout: 5000 });
  assert.equal(await page.getByTestId('year-value').textContent(), '2018');
  await fresh.page.goto(`${env.srv.base}?view=map&metric=incubators_national&year=2018`);
  await waitChart(fresh.page);
  assert.deepEqual(await belowChart(page), await belowChart(fresh.page));
  assert.deepEqual(log.errors, []);
  await fresh.context.close();
  await context.close();
});

test('the URL round-trips a view and back/forward restore it', async () => {
  const { page, context } = await openPage(env.browser, `${env.srv.base}?view=map&metric=incubators_total&year=2019&lang=en`);
  await waitChart(page);
  assert.equal(await page.getByTestId('metric-select').inputValue(), 'incubators_total');
  assert.equal(await page.getByTestId('year-value').textContent(), '2019');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  const opt = await chartOption(page);
  assert.match(opt.title[0].text, /2019/);
  await page.getByTestId('metric-select').selectOption('maker_spaces_national');
  await page.waitForURL(/metric=maker_spaces_national/);
  await page.goBack();
  await page.waitForURL(/metric=incubators_total&year=2019/);
  assert.equal(await page.getByTestId('metric-select').inputValue(), 'incubators_total');
  await page.goForward();
  await page.waitForURL(/metric=maker_spaces_national/);
  assert.equal(await page.getByTestId('metric-select').inputValue(), 'maker_spaces_national');
  await context.close();
});

test('the language toggle switches the whole UI and uses 万 in Chinese', async () => {
  const { page, context } = await openPage(env.browser, `${env.srv.base}?view=map&metric=incubating_enterprises&year=2022`);
  await waitChart(page);
  assert.equal(await page.locator('h1').textContent(), '孵化图谱');
  const tipZh = await hoverGeo(page, GEO.jiangsu);
  assert.match(tipZh.text, /≥ 4万 家/);
  await page.getByTestId('lang-toggle').click();
  await page.waitForURL(/lang=en/);
  assert.equal(await page.locator('h1').textContent(), 'Hatch Atlas');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await page.waitForTimeout(300);
  const tipEn = await hoverGeo(page, GEO.jiangsu);
  assert.match(tipEn.text, /≥ 40,000 enterprises/);
  await context.close();
});

test('tooltip: value, qualifier, as-of, rank, change, no data, conflicting sources', async () => {
  const { page, context } = await openPage(env.browser, `${env.srv.base}?view=map&metric=incubators_national&year=2018`);
  await waitChart(page);
  const js = await hoverGeo(page, GEO.jiangsu);
  assert.match(js.text, /江苏/);
  assert.match(js.text, /175 家/);
  assert.match(js.text, /第 1 位/);
  assert.match(js.text, /较 2016 年.*\+39/);
  const tibet = await hoverGeo(page, GEO.tibet);
  assert.match(tibet.text, /西藏/);
  assert.match(tibet.text, /无数据/);
  assert.doesNotMatch(tibet.text, /\b0 家/);

  await page.goto(`${env.srv.base}?view=map&metric=incubators_total&year=2019`);
  await waitChart(page);
  const conflict = await hoverGeo(page, GEO.jiangsu);
  assert.match(conflict.text, /来源不一致/);
  assert.match(conflict.text, /848/);
  assert.match(conflict.text, /832/);

  await page.goto(`${env.srv.base}?view=map&metric=incubators_national&year=2016`);
  await waitChart(page);
  const asOf = await hoverGeo(page, GEO.jiangsu);
  assert.match(asOf.text, /截至 2016-03/);
  assert.match(asOf.text, /此前无数据/);
  await context.close();
});

test('latest available: each province at its own year, labelled, legend says years vary', async () => {
  const { page, context } = await openPage(env.browser, `${env.srv.base}?view=map&metric=incubators_national&year=latest`);
  await waitChart(page);
  const opt = await chartOption(page);
  assert.match(opt.title[0].text, /最新可得/);
  assert.match(opt.title[0].text, /年份不一/);
  const data = opt.series[0].data;
  assert.ok(data.length >= 20, `expected ≥ 20 provinces in latest mode, got ${data.length}`);
  // the year of each figure is written on its province by the labels layer (loaded on demand),
  // small provinces beside the map (rooms.test.mjs); the map series itself draws no label
  await page.waitForFunction(() => document.querySelector('[data-testid="map-chart"]').__chart.getOption().series.some((s) => s.id === 'map-labels'));
  const labelled = await chartOption(page);
  assert.equal(labelled.series[0].data.find((d) => d.name === '320000').label.show, false);
  const years = labelled.series.find((s) => s.id === 'map-labels').data;
  assert.match(years.find((d) => d.name === '320000').label.formatter, /^\{y\|2023\}$/);
  assert.ok(years.length >= 15, `${years.length} provinces labelled with their year`);
  const drawn = (await drawnTexts(page)).map((t) => t.text.trim());
  assert.ok(drawn.filter((t) => t === '2023').length >= 3, `the years are drawn: ${drawn.join(' ')}`);
  const tip = await hoverGeo(page, GEO.xinjiang);
  assert.match(tip.text, /2021 年数据/);
  assert.equal(await page.getByTestId('latest-toggle').isChecked(), true);
  await context.close();
});

test('national figure and sources are shown under the chart, with quotes', async () => {
  const { page, context } = await openPage(env.browser, `${env.srv.base}?view=map&metric=incubators_national&year=2016`);
  await waitChart(page);
  assert.match(await page.getByTestId('national-figure').textContent(), /863 家/);
  const panel = page.getByTestId('sources-panel');
  const items = panel.locator('.source-item');
  // the panel's code loads once the chart is drawn
  await items.nth(4).waitFor();
  assert.ok((await items.count()) >= 5);
  // the quotes follow the first chart (while they load the panel says so: details.test.mjs)
  await panel.locator('.source-item .quote').first().waitFor({ timeout: 15000 });
  const first = await items.first().textContent();
  assert.ok(first.includes('“'), 'quote shown');
  assert.ok((await panel.locator('a[href^="http"]').count()) >= 1, 'links to sources');
  await panel.getByRole('tab', { name: /全部来源/ }).click();
  assert.ok((await items.count()) >= 60);
  await context.close();
});

test('a broken data file shows a message naming it; the rest keeps working', async () => {
  const { page, context, log } = await openPage(env.browser, `${env.srv.base}?view=map`, {
    route: (p) => p.route('**/data/figures.csv', (r) => r.fulfill({ status: 500, body: 'oops' })),
  });
  const alert = page.getByTestId('load-errors');
  await alert.waitFor();
  assert.match(await alert.textContent(), /figures\.csv/);
  assert.ok(log.errors.some((e) => e.includes('figures.csv')), 'console names the file');
  await page.getByTestId('lang-toggle').click();
  // English strings load on demand
  await page.getByText(/Data file data\/figures\.csv could not be loaded/).waitFor();
  await context.close();

  // a corrupt CSV: rows skipped and reported, the valid ones still drawn
  const { page: p2, context: c2 } = await openPage(env.browser, `${env.srv.base}?view=map`, {
    route: (p) => p.route('**/data/figures.csv', async (r) => {
      const res = await r.fetch();
      const text = (await res.text()).split('\n');
      text.splice(5, 0, 'bad,row,with,too,few');
      await r.fulfill({ response: res, body: text.join('\n') });
    }),
  });
  await waitChart(p2);
  assert.match(await p2.getByTestId('load-errors').textContent(), /figures\.csv/);
  await c2.close();

  // broken map geometry: a message, but the controls and sources still work
  const { page: p3, context: c3 } = await openPage(env.browser, `${env.srv.base}?view=map`, {
    route: (p) => p.route('**/data/geo/china.json', (r) => r.fulfill({ status: 404, body: 'nope' })),
  });
  await p3.getByText(/china\.json/).first().waitFor();
  await p3.getByTestId('sources-panel').waitFor();
  await c3.close();
});

test('untrusted text from data files is never rendered as HTML', async () => {
  const evil = '<img src=x onerror=alert(1)>';
  const { page, context, log } = await openPage(env.browser, `${env.srv.base}?view=map&metric=incubators_national&year=2018`, {
    route: async (p) => {
      await p.route('**/data/sources.csv', async (r) => {
        const res = await r.fetch();
        const lines = (await res.text()).split('\n');
        // every publisher and quote becomes an injection attempt
        const out = lines.map((l, i) => (i === 0 || !l ? l : l.replace(/^(s[0-9a-f]+),([^,]*),([^,]*),([^,]*),/, `$1,$2,$3,"${evil}""><script>alert(2)</script>",`)));
        await r.fulfill({ response: res, body: out.join('\n') });
      });
    },
  });
  await waitChart(page);
  const tip = await hoverGeo(page, GEO.jiangsu);
  assert.ok(tip.text.includes('<img src=x onerror=alert(1)>'), 'the name is shown as text');
  assert.ok(!/<img/i.test(tip.html), 'no <img> element inside the tooltip');
  assert.equal(await page.locator('img[src="x"]').count(), 0);
  assert.equal(await page.locator('script:has-text("alert(2)")').count(), 0);
  await page.waitForTimeout(300);
  assert.deepEqual(log.dialogs, []);
  await context.close();
});

test('unknown URL parameters give a sensible view and a notice', async () => {
  const { page, context, log } = await openPage(env.browser, `${env.srv.base}?view=map&metric=%3Cscript%3E&year=abc&lang=fr`);
  await waitChart(page);
  assert.match(page.url(), /metric=incubators_national/);
  const notes = await page.getByTestId('view-notices').textContent();
  assert.match(notes, /year=abc/);
  assert.match(notes, /lang=fr/);
  assert.match(notes, /<script>/, 'the rejected value is shown as text');
  const { page: p2, context: c2 } = await openPage(env.browser, `${env.srv.base}?view=map&metric=no_such_metric&year=1999`);
  await waitChart(p2);
  assert.match(await p2.getByTestId('view-notices').textContent(), /no_such_metric/);
  assert.deepEqual(log.errors, []);
  await context.close();
  await c2.close();
});

for (const [w, h] of [[1920, 1080], [1280, 800], [390, 844]]) {
  for (const lang of ['zh', 'en']) {
    test(`renders at ${w}×${h} in ${lang} without horizontal overflow`, async () => {
      const { page, context, log } = await openPage(env.browser, `${env.srv.base}?view=map&metric=incubators_national&year=latest&lang=${lang}`, { viewport: { width: w, height: h } });
      await waitChart(page);
      const stats = await canvasStats(page);
      assert.ok(stats.colours > 8, 'canvas not blank');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
      const box = await page.getByTestId('map-chart').boundingBox();
      assert.ok(box.height >= 400, `chart too short: ${box.height}`);
      assert.ok(box.width <= w, 'chart wider than the screen');
      assert.deepEqual(log.errors, []);
      await context.close();
    });
  }
}

test('the map does not move once drawn: what loads after the first chart (controls, quotes, carriers, toolbar) takes no room above it', async () => {
  const sizes = [[390, 844], [1280, 800], [1920, 1080]];
  for (const [viewport, lang] of sizes.flatMap(([width, height]) => ['zh', 'en'].map((l) => [{ width, height }, l]))) {
    // the measure control's code held back for a moment: the chart is drawn with its place, not with it
    // (the English control was wider than its place, and the chart moved 10 px down when it came)
    const route = (p) => p.route(/\/assets\/PerControl-[\w-]+\.js$/, async (r) => { await new Promise((x) => setTimeout(x, 1200)); await r.continue(); });
    const { page, context } = await openPage(env.browser, `${env.srv.base}?view=map&lang=${lang}`, { viewport, route });
    await page.waitForSelector('[data-testid="map-chart"][data-rendered]');
    assert.equal(await page.locator('.per-place').count(), 1, `${viewport.width} ${lang}: the measure's place is there at the first chart`);
    const top = () => page.evaluate(() => Math.round(document.querySelector('[data-testid="map-chart"]').getBoundingClientRect().top));
    const first = await top();
    // the scale control and the sources panel with its quotes are there: everything after the first chart has arrived
    await page.waitForSelector('[data-testid="scale-select"]');
    await page.waitForSelector('.per-field:not(.per-place)');
    await page.waitForFunction(() => document.querySelector('.quote') !== null, null, { timeout: 15000 });
    await page.waitForTimeout(500);
    assert.equal(await top(), first, `${viewport.width}×${viewport.height} ${lang}: the chart moved after it was drawn`);
    await context.close();
  }
});

test('on a wide screen the map is centred in its box, beside the legend, with the same room left and right; on a 4:3 one it fills the width', async () => {
  for (const [width, height, most] of [[1920, 1080, 0.12], [1024, 768, 0.3]]) {
    const { page, context } = await openPage(env.browser, `${env.srv.base}?view=map&metric=incubators_national&year=2016`, { viewport: { width, height } });
    await waitChart(page);
    await page.waitForTimeout(300);
    // the outlines' painted columns in the map's band (below the title, above the source line), right of the legend
    const m = await page.evaluate(() => {
      const c = document.querySelector('[data-testid="map-chart"] canvas');
      const k = c.width / c.getBoundingClientRect().width;
      const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
      const from = Math.round(200 * k), to = Math.round(c.width - 24 * k);
      let left = Infinity, right = -1;
      for (let y = Math.round(c.height * 0.2); y < c.height * 0.85; y += 3) {
        for (let x = from; x < to; x++) {
          const i = (y * c.width + x) * 4;
          // the grey of a province without data, or a coloured one: not the white box, not faint antialiasing
          if (data[i + 3] > 200 && data[i] + data[i + 1] + data[i + 2] < 690) {
            left = Math.min(left, x);
            right = Math.max(right, x);
          }
        }
      }
      return { left: (left - from) / k, right: (to - right) / k, box: (to - from) / k };
    });
    assert.ok(m.right > 0 && m.left > 0, JSON.stringify(m));
    // room left and right of the map differ by at most a few per cent of the box (it was all on the right: 500 px at 1920)
    assert.ok(Math.abs(m.left - m.right) < m.box * 0.06, `${width}×${height}: ${m.left.toFixed(0)} px left of the map, ${m.right.toFixed(0)} px right of it, in ${m.box.toFixed(0)}`);
    // and the map is not a small picture in a large box
    assert.ok(m.left + m.right < m.box * (most + 0.35), `${width}×${height}: the map takes ${((1 - (m.left + m.right) / m.box) * 100).toFixed(0)} % of its box's width`);
    await context.close();
  }
});
