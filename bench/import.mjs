// The import measurement (row 4): a 100,000-row CSV chosen in the app's
// import dialog, against plain papaparse on the same File in the same page.
import { createRequire } from 'node:module';
import { newPage, waitFirst } from './probe.mjs';

const PAPAPARSE = createRequire(import.meta.url).resolve('papaparse/papaparse.min.js');
export const PAPAPARSE_VERSION = createRequire(import.meta.url)('papaparse/package.json').version;


/**
 * In the page, before a file is chosen in the import dialog: the time of the
 * input's `change` event, when the report is inserted, when it has been
 * painted (the first task after the next frame) and when the dialog has
 * settled (its last DOM change before 500 ms without any: work the report
 * leaves for later counts too), the long tasks (PerformanceObserver
 * 'longtask', ≥ 50 ms) and the requestAnimationFrame timestamps in between.
 */
function watchImport() {
  const W = { t0: NaN, inserted: NaN, shown: NaN, complete: NaN, lastChange: NaN, via: null, records: null, figures: null, longtasks: [], frames: [] };
  window.__imp = W;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) W.longtasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask' });
  const loop = (ts) => {
    W.frames.push(ts);
    if (Number.isNaN(W.shown) || performance.now() - W.lastChange < 500) requestAnimationFrame(loop);
  };
  new MutationObserver(() => {
    W.lastChange = performance.now();
  }).observe(document.querySelector('[data-testid="import-dialog"]'), { childList: true, subtree: true, attributes: true, characterData: true });
  document.addEventListener('change', (e) => {
    if (e.target?.dataset?.testid !== 'import-file' || !Number.isNaN(W.t0)) return;
    W.t0 = e.timeStamp;
    requestAnimationFrame(loop);
  }, { capture: true });
  /** the time after the next frame has been painted */
  const afterPaint = (set) =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => set(performance.now());
      ch.port2.postMessage(null);
    });
  let completing = false;
  const mo = new MutationObserver(() => {
    const rep = document.querySelector('[data-testid="import-report"]');
    if (!rep || Number.isNaN(W.t0)) return;
    if (Number.isNaN(W.inserted)) {
      W.inserted = performance.now();
      W.via = rep.dataset.via ?? null;
      W.records = document.querySelector('[data-testid="import-records"]')?.textContent ?? null;
      W.figures = document.querySelector('[data-testid="import-usable"]')?.dataset.figures ?? null;
      afterPaint((t) => (W.shown = t));
    }
    // every part drawn (a large report is drawn a part per frame; the lists of the metrics' selects may still be filling in)
    if (!completing && rep.dataset.complete !== 'false' && !rep.querySelector('[aria-busy="true"]:not([data-testid="import-report"])')) {
      completing = true;
      mo.disconnect();
      afterPaint((t) => (W.complete = t));
    }
  });
  mo.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-complete', 'aria-busy'] });
}

/**
 * The longest task of the busiest renderer main thread in a Chromium trace (category `toplevel`:
 * every task the thread ran, whoever posted it: `from` names where it was posted), and how many
 * took 50 ms or more; ms.
 */
export function longestTracedTask(buf) {
  const data = JSON.parse(buf.toString('utf8'));
  const events = Array.isArray(data) ? data : data.traceEvents;
  const mains = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const byThread = new Map();
  for (const e of events) {
    const k = `${e.pid}:${e.tid}`;
    if (e.ph !== 'X' || e.name !== 'ThreadControllerImpl::RunTask' || !mains.has(k)) continue;
    if (!byThread.has(k)) byThread.set(k, []);
    byThread.get(k).push({ ms: e.dur / 1000, from: e.args?.src_func ?? '', ts: e.ts });
  }
  const total = (ts) => ts.reduce((x, t) => x + t.ms, 0);
  const busiestKey = [...byThread.entries()].sort((a, b) => total(b[1]) - total(a[1]))[0]?.[0];
  const busiest = byThread.get(busiestKey) ?? [];
  const top = busiest.reduce((a, t) => (t.ms > a.ms ? t : a), { ms: 0, from: '', ts: 0 });
  // V8's garbage collection inside that task (category disabled-by-default-v8.gc; nested phases
  // counted once): the same code can be long or not depending on what the page left to collect
  let gc = 0;
  let end = top.ts;
  const gcs = events
    .filter((e) => e.ph === 'X' && `${e.pid}:${e.tid}` === busiestKey && e.name.startsWith('V8.GC') && e.ts >= top.ts && e.ts < top.ts + top.ms * 1000)
    .sort((a, b) => a.ts - b.ts);
  for (const e of gcs) {
    const from = Math.max(e.ts, end);
    const to = Math.min(e.ts + e.dur, top.ts + top.ms * 1000);
    if (to > from) gc += (to - from) / 1000;
    end = Math.max(end, to);
  }
  if (process.env.BENCH_TOP) console.log('TOP', [...busiest].sort((a, b) => b.ms - a.ms).slice(0, 6).map((t) => `${t.ms.toFixed(0)}@${((t.ts - busiest[0].ts) / 1000).toFixed(0)} ${t.from}`).join(' | '));
  return { longest: top.ms, from: top.from, gc, over50: busiest.filter((t) => t.ms >= 50).length };
}

/** The baseline in the same page: the same file read, decoded and parsed by papaparse on the main thread. */
async function papaBaseline() {
  const f = document.getElementById('bench-file').files[0];
  const t0 = performance.now();
  const buf = await f.arrayBuffer();
  const t1 = performance.now();
  const text = new TextDecoder('utf-8').decode(buf);
  const t2 = performance.now();
  const r = window.Papa.parse(text, { header: true });
  const t3 = performance.now();
  return { read: t1 - t0, decode: t2 - t1, parse: t3 - t2, total: t3 - t0, rows: r.data.length, fields: r.meta.fields.length };
}

/**
 * One page: load the map, open the import dialog, then (order alternating by
 * run) choose the file in the dialog and wait for the report, and run the
 * papaparse baseline on the same file. `cpu`: 4× throttling of the page's
 * main thread (Chromium does not throttle workers).
 */
export async function importRun(browser, base, url, file, { cpu, papaFirst }) {
  const { context, page, errors } = await newPage(browser, { cpu });
  try {
    await page.goto(base + url, { timeout: 120000 });
    await waitFirst(page, 'map-chart');
    await page.addScriptTag({ path: PAPAPARSE });
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.type = 'file';
      input.id = 'bench-file';
      input.hidden = true;
      document.body.append(input);
    });
    await page.setInputFiles('#bench-file', file);
    await page.click('[data-testid="import-open"]');
    await page.waitForSelector('[data-testid="import-dialog"]');
    await page.waitForTimeout(500);
    const papa = async () => {
      const r = await page.evaluate(papaBaseline);
      await page.waitForTimeout(300);
      return r;
    };
    const baseline1 = papaFirst ? await papa() : null;
    await page.evaluate(watchImport);
    // a trace of the page's main thread from choosing the file until the dialog settled: the Long
    // Tasks API does not report every task (it missed Chromium's autofill tasks, bench/DIAGNOSIS.md)
    if (cpu) await browser.startTracing(page, { categories: ['toplevel', 'disabled-by-default-v8.gc'] });
    await page.setInputFiles('[data-testid="import-file"]', file);
    await page.waitForFunction(() => !Number.isNaN(window.__imp.shown) && !Number.isNaN(window.__imp.complete), null, { timeout: 120000, polling: 50 });
    await page.waitForFunction(() => performance.now() - window.__imp.lastChange > 500, null, { timeout: 60000, polling: 100 });
    await page.waitForTimeout(300); // long-task entries arrive late
    const traced = cpu ? longestTracedTask(await browser.stopTracing()) : null;
    const W = await page.evaluate(() => window.__imp);
    const baseline = baseline1 ?? (await papa());
    const settled = Math.max(W.complete, W.lastChange);
    const during = W.longtasks.filter(([s, d]) => s + d > W.t0 && s < settled);
    const points = [W.t0, ...W.frames.filter((t) => t > W.t0 && t < settled), settled];
    let gap = 0;
    for (let k = 1; k < points.length; k++) gap = Math.max(gap, points[k] - points[k - 1]);
    return {
      shown: W.shown - W.t0,
      whole: W.complete - W.t0,
      inserted: W.inserted - W.t0,
      settled: settled - W.t0,
      via: W.via,
      records: W.records,
      figures: W.figures,
      longest: Math.max(0, ...during.map(([, d]) => d)),
      traced,
      longTasks: during.length,
      gap,
      papa: baseline,
      errors,
    };
  } finally {
    await context.close();
  }
}
