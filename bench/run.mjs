#!/usr/bin/env node
// `npm run bench`: builds the app and the floor (bench/floor), measures both in
// headless Chromium under 4× CPU throttling and a slow network, prints a table
// of medians with PASS/FAIL per budget, writes bench/RESULTS.md and exits 1 if
// a budget fails. See bench/README.md for what is measured and how.
//
// Options: --runs N (default 5), --no-build (measure existing builds),
//          --no-write (do not rewrite bench/RESULTS.md),
//          --only import (just row 4, the import; prints, never writes).
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import { join } from 'node:path';
import { startServer } from '../tests/e2e/server.mjs';
import { launch } from '../tests/e2e/browser.mjs';
import { measureBytes, explain, BYTES_BUDGET } from './bytes.mjs';
import { importFixture, IMPORT_ROWS } from './import-fixture.mjs';
import { distPathOf, gzipMirror, gzipSize, kb, median, ms, OUT, percentile, REPO, sizeOf, table, TARGETS } from './lib.mjs';

// ---- settings (stated in the output) ----
const CPU_RATE = 4;
/** Lighthouse's "slow 4G" profile: 1.6 Mbps down, 750 kbps up, 150 ms round trip. */
const NETWORK = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8), uploadThroughput: (750e3 / 8) };
const VIEWPORT = { width: 1280, height: 800 };
const MAP_URL = '?view=map&metric=incubators_national&year=2011';
const RANKING_URL = '?view=ranking&metric=incubators_national&year=2011';
const PLAY_INTERVAL_MS = 1400; // src/components/YearControl.tsx (the floor uses the same)
const PLAY_TICKS = 4; // year changes recorded while playing, per run
const YEAR_STEPS = 8; // ArrowRight presses per run
const SWITCHES = ['ranking', 'trend', 'table', 'map'];
const SWITCH_CYCLES = 3; // 12 view switches, ending on the map again
const IMPORT_URL = MAP_URL;
const PAPAPARSE = createRequire(import.meta.url).resolve('papaparse/papaparse.min.js');

const BUDGET = {
  bytes: BYTES_BUDGET, // × floor
  firstChart: 1.25, // × floor
  yearP95: 50, // ms
  fps: 30,
  heapGrowth: 0.5, // MB of JS objects (compiled code excluded) over the 8 switches after every view was visited once
  importRatio: 1.5, // × plain papaparse (file → rows on the main thread), same file, same page
  importTask: 100, // ms: longest main-thread task from choosing the file to the report, CPU 4×
};

function parseArgs(argv) {
  const o = { runs: 5, build: true, write: true, only: null };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--runs') o.runs = Math.max(1, Number(argv[++i]) || 5);
    else if (argv[i] === '--no-build') o.build = false;
    else if (argv[i] === '--no-write') o.write = false;
    else if (argv[i] === '--only') o.only = argv[++i];
  }
  return o;
}

// ---- in-page probe: runs in every document before its own scripts ----
function probe() {
  const B = { finished: [], rendered: [], keys: [], years: [], frames: [], first: {}, recording: false };
  window.__bench = B;
  const hooked = new WeakSet();
  const hook = (el) => {
    const inst = el.__chart;
    if (!inst || hooked.has(inst)) return;
    hooked.add(inst);
    inst.on('rendered', () => B.rendered.push({ t: performance.now(), id: el.dataset.testid }));
  };
  new MutationObserver((muts) => {
    const t = performance.now();
    for (const m of muts) {
      if (m.type === 'attributes') {
        const el = m.target;
        const id = el.dataset.testid ?? '?';
        B.finished.push({ t, id });
        if (!B.first[id]) {
          const resources = performance.getEntriesByType('resource').filter((e) => e.responseEnd <= t).map((e) => ({ url: e.name, start: e.startTime, end: e.responseEnd }));
          const nav = performance.getEntriesByType('navigation')[0];
          if (nav) resources.unshift({ url: nav.name, start: 0, end: nav.responseEnd });
          B.first[id] = { t, resources };
        }
        hook(el);
      } else {
        const el = m.target.nodeType === 1 ? m.target : m.target.parentElement;
        const out = el && el.closest ? el.closest('[data-testid="year-value"]') : null;
        if (out) {
          const y = out.textContent;
          if (!B.years.length || B.years[B.years.length - 1].y !== y) B.years.push({ t, y });
        }
      }
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-rendered'], childList: true, characterData: true });
  addEventListener('keydown', (e) => B.keys.push({ t: e.timeStamp, key: e.key }), true);
  B.startFrames = () => {
    B.frames = [];
    B.recording = true;
    const loop = (ts) => {
      if (!B.recording) return;
      B.frames.push(ts);
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
    return performance.now();
  };
  B.stopFrames = () => {
    B.recording = false;
    return performance.now();
  };
}

async function newPage(browser, { cpu = false, net = false } = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
  await context.addInitScript(probe);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const cdp = await context.newCDPSession(page);
  if (net) {
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
  }
  if (cpu) await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_RATE });
  return { context, page, cdp, errors };
}

const waitFirst = (page, id, timeout = 120000) =>
  page.waitForFunction((i) => Boolean(window.__bench && window.__bench.first[i]), id, { timeout, polling: 50 });

const finishedCount = (page, id) => page.evaluate((i) => window.__bench.finished.filter((f) => f.id === i).length, id);

/** Record rAF frames while the year plays (PLAY_TICKS changes), then pause. */
async function recordPlay(page, id) {
  await page.evaluate(() => document.activeElement && document.activeElement.blur && document.activeElement.blur());
  const t0 = await page.evaluate(() => window.__bench.startFrames());
  await page.click('[data-testid="play"]');
  await page.waitForTimeout(PLAY_TICKS * PLAY_INTERVAL_MS + 500);
  const tStop = await page.evaluate(() => window.__bench.stopFrames());
  await page.click('[data-testid="play"]'); // pause
  await page.waitForTimeout(300);
  const B = await page.evaluate(() => ({ frames: window.__bench.frames, years: window.__bench.years, finished: window.__bench.finished }));
  return frameStats(B, id, t0, tStop);
}

/**
 * Frame intervals (consecutive requestAnimationFrame timestamps) from the
 * click on play until the recording stops, and how many years were shown.
 */
function frameStats(B, id, t0, tStop) {
  const changes = B.years.filter((y) => y.t > t0 && y.t < tStop).length;
  const intervals = [];
  for (let k = 1; k < B.frames.length; k++) if (B.frames[k - 1] >= t0) intervals.push(B.frames[k] - B.frames[k - 1]);
  return { changes, intervals, redraws: B.finished.filter((f) => f.id === id && f.t > t0 && f.t < tStop).length };
}

/** Press ArrowRight YEAR_STEPS times; per press, time to the chart's first new frame and to 'finished'. */
async function yearSteps(page, id) {
  await page.evaluate(() => document.activeElement && document.activeElement.blur && document.activeElement.blur());
  const k0 = await page.evaluate(() => window.__bench.keys.length);
  for (let i = 0; i < YEAR_STEPS; i++) {
    const n = await finishedCount(page, id);
    await page.keyboard.press('ArrowRight');
    try {
      await page.waitForFunction(([i2, m]) => window.__bench.finished.filter((f) => f.id === i2).length > m, [id, n], { timeout: 15000, polling: 50 });
    } catch {
      break; // no more years
    }
    await page.waitForTimeout(150);
  }
  const B = await page.evaluate(() => ({ keys: window.__bench.keys, rendered: window.__bench.rendered, finished: window.__bench.finished }));
  const out = [];
  for (const k of B.keys.slice(k0).filter((x) => x.key === 'ArrowRight')) {
    const r = B.rendered.find((x) => x.id === id && x.t > k.t);
    const f = B.finished.find((x) => x.id === id && x.t > k.t);
    if (f) out.push({ frame: r ? r.t - k.t : NaN, finished: f.t - k.t });
  }
  return out;
}

async function mapRun(browser, base, target) {
  const { context, page, errors } = await newPage(browser, { cpu: true, net: true });
  try {
    await page.goto(base + (target === 'app' ? MAP_URL : ''), { waitUntil: 'commit', timeout: 120000 });
    await waitFirst(page, 'map-chart');
    const first = await page.evaluate(() => window.__bench.first['map-chart']);
    await page.waitForTimeout(1000);
    const play = await recordPlay(page, 'map-chart');
    const steps = await yearSteps(page, 'map-chart');
    return { firstChart: first.t, resources: first.resources, play, steps, errors };
  } finally {
    await context.close();
  }
}

async function rankingRun(browser, base) {
  const { context, page, errors } = await newPage(browser, { cpu: true });
  try {
    await page.goto(base + RANKING_URL, { timeout: 120000 });
    try {
      await waitFirst(page, 'ranking-chart', 30000);
    } catch {
      return null; // no ranking chart (yet)
    }
    await page.waitForTimeout(1000);
    return { play: await recordPlay(page, 'ranking-chart'), errors };
  } finally {
    await context.close();
  }
}

const READY = {
  map: () => Number(document.querySelector('[data-testid="map-chart"]')?.dataset.rendered ?? 0) >= 1,
  ranking: () => Number(document.querySelector('[data-testid="ranking-chart"]')?.dataset.rendered ?? 0) >= 1,
  trend: () => Number(document.querySelector('[data-testid="trend-chart"]')?.dataset.rendered ?? 0) >= 1,
  table: () => Boolean(document.querySelector('[data-testid="data-table"]')),
};

async function gc(cdp) {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
}

async function heapMB(cdp) {
  await gc(cdp);
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 2 ** 20;
}

/**
 * A heap snapshot reduced to two numbers: compiled code (V8 bytecode and
 * machine code, which grows as more code gets optimised) and everything else
 * (objects, arrays, strings, closures: where a leak would show).
 */
async function heapSplit(cdp) {
  await gc(cdp);
  const chunks = [];
  const onChunk = (e) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const snap = JSON.parse(chunks.join(''));
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const ti = fields.indexOf('type');
  const si = fields.indexOf('self_size');
  let code = 0;
  let other = 0;
  for (let i = 0; i < snap.nodes.length; i += fields.length) {
    if (types[snap.nodes[i + ti]] === 'code') code += snap.nodes[i + si];
    else other += snap.nodes[i + si];
  }
  const dom = await cdp.send('Memory.getDOMCounters');
  return { code: code / 2 ** 20, other: other / 2 ** 20, nodes: dom.nodes, listeners: dom.jsEventListeners };
}

/**
 * JS heap after load, after one cycle of view switches (every view loaded
 * once) and after SWITCH_CYCLES cycles, back on the map each time; no throttling.
 */
async function memoryRun(browser, base, target) {
  const { context, page, cdp, errors } = await newPage(browser);
  try {
    await page.goto(base + (target === 'app' ? MAP_URL : ''), { timeout: 60000 });
    await waitFirst(page, 'map-chart', 60000);
    await page.waitForTimeout(500);
    const r = { load: await heapMB(cdp), errors };
    if (target !== 'app') return r;
    let switches = 0;
    for (let c = 0; c < SWITCH_CYCLES; c++) {
      for (const v of SWITCHES) {
        await page.click(`[data-testid="nav-${v}"]`);
        await page.waitForFunction(READY[v], null, { timeout: 30000, polling: 50 });
        switches++;
      }
      await page.waitForTimeout(500);
      if (c === 0) {
        r.warm = await heapMB(cdp);
        r.warmSplit = await heapSplit(cdp);
      }
    }
    r.after = await heapMB(cdp);
    r.afterSplit = await heapSplit(cdp);
    r.switches = switches;
    return r;
  } finally {
    await context.close();
  }
}

// ---- 4. import of a 100,000-row CSV ----

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
async function importRun(browser, base, file, { cpu, papaFirst }) {
  const { context, page, errors } = await newPage(browser, { cpu });
  try {
    await page.goto(base + IMPORT_URL, { timeout: 120000 });
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
    await page.setInputFiles('[data-testid="import-file"]', file);
    await page.waitForFunction(() => !Number.isNaN(window.__imp.shown) && !Number.isNaN(window.__imp.complete), null, { timeout: 120000, polling: 50 });
    await page.waitForFunction(() => performance.now() - window.__imp.lastChange > 500, null, { timeout: 60000, polling: 100 });
    await page.waitForTimeout(300); // long-task entries arrive late
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
      longTasks: during.length,
      gap,
      papa: baseline,
      errors,
    };
  } finally {
    await context.close();
  }
}

// ---- main ----
const opts = parseArgs(process.argv.slice(2));
const started = performance.now();
const log = (...a) => console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s]`, ...a);

const loadStart = os.loadavg();
if (loadStart[0] > os.cpus().length * 0.75) log(`warning: load average ${loadStart[0].toFixed(1)} on ${os.cpus().length} cores: other work is running, timings will be slower and noisier`);
const bytes = await measureBytes({ build: opts.build, log });
const mirrors = { app: await gzipMirror(TARGETS.app.outDir), floor: await gzipMirror(TARGETS.floor.outDir) };
const servers = {};
for (const k of ['app', 'floor']) servers[k] = await startServer({ dir: mirrors[k], prefix: '/', headers: { 'content-encoding': 'gzip', vary: 'accept-encoding' } });
const browser = await launch();
const chromium = browser.version();

const runs = { app: [], floor: [] };
const ranking = [];
const memory = { app: [], floor: [] };
const imports = { plain: [], cpu: [] };
const importFile = join(OUT, 'bench-import-100k.csv');
const fixture = importFixture();
await writeFile(importFile, fixture.text);
const importBytes = Buffer.byteLength(fixture.text);
try {
  for (let i = 0; i < opts.runs && !opts.only; i++) {
    for (const t of i % 2 ? ['app', 'floor'] : ['floor', 'app']) {
      const r = await mapRun(browser, servers[t].base, t);
      runs[t].push(r);
      log(`map run ${i + 1}/${opts.runs} ${t}: first chart ${ms(r.firstChart)}, ${r.steps.length} year steps, ${r.play.changes} played years`);
    }
  }
  for (let i = 0; i < opts.runs && !opts.only; i++) {
    const r = await rankingRun(browser, servers.app.base);
    if (!r) {
      log('ranking: no [data-testid="ranking-chart"] drew; skipped');
      break;
    }
    ranking.push(r);
    log(`ranking run ${i + 1}/${opts.runs}: ${r.play.changes} played years`);
  }
  for (let i = 0; i < opts.runs; i++) {
    for (const cpu of i % 2 ? [true, false] : [false, true]) {
      const r = await importRun(browser, servers.app.base, importFile, { cpu, papaFirst: i % 2 === 1 });
      imports[cpu ? 'cpu' : 'plain'].push(r);
      log(`import run ${i + 1}/${opts.runs}${cpu ? ` CPU ${CPU_RATE}×` : ', no throttling'}: report shown after ${ms(r.shown)}, whole ${ms(r.whole)} (${r.via}, ${r.records} records, ${r.figures} figures), papaparse ${ms(r.papa.total)}; longest task ${ms(r.longest)}, longest frame gap ${ms(r.gap)}`);
    }
  }
  const memRuns = opts.only ? 0 : Math.min(3, opts.runs);
  for (let i = 0; i < memRuns; i++) {
    for (const t of ['floor', 'app']) memory[t].push(await memoryRun(browser, servers[t].base, t));
    log(`memory run ${i + 1}/${memRuns}`);
  }
} finally {
  await browser.close();
  for (const s of Object.values(servers)) await s.close();
}

// ---- figures ----
const measuredFirst = {};
for (const t of ['app', 'floor']) {
  const paths = new Set();
  for (const r of runs[t]) for (const { url } of r.resources) {
    const p = distPathOf(TARGETS[t].outDir, new URL(url).pathname);
    if (p) paths.add(p);
  }
  measuredFirst[t] = sizeOf(TARGETS[t].outDir, [...paths]);
}
const fc = { app: median(runs.app.map((r) => r.firstChart)), floor: median(runs.floor.map((r) => r.firstChart)) };
const steps = { app: runs.app.flatMap((r) => r.steps), floor: runs.floor.flatMap((r) => r.steps) };
const stepStat = (t, k, p) => (p === 50 ? median(steps[t].map((s) => s[k])) : percentile(steps[t].map((s) => s[k]), p));
const fpsOf = (intervals, p) => 1000 / (p === 50 ? median(intervals) : percentile(intervals, p));
const playIntervals = { app: runs.app.flatMap((r) => r.play.intervals), floor: runs.floor.flatMap((r) => r.play.intervals) };
const rankIntervals = ranking.flatMap((r) => r.play.intervals);
const maxFrame = (xs) => (xs.length ? Math.max(...xs) : NaN);
const mem = (t, k) => median(memory[t].map((m) => m[k]).filter((x) => x !== undefined));
const allErrors = [...new Set([...runs.app, ...runs.floor, ...ranking, ...memory.app, ...memory.floor, ...imports.plain, ...imports.cpu].flatMap((r) => r.errors ?? []))];
const imp = (k, f) => median(imports[k].map(f));
const importRatio = imp('plain', (r) => r.shown) / imp('plain', (r) => r.papa.total);
const importTask = imp('cpu', (r) => r.longest);
const worstTask = Math.max(...imports.cpu.map((r) => r.longest));
const importOk = [...imports.plain, ...imports.cpu].every((r) => r.via === 'worker' && r.records === IMPORT_ROWS.toLocaleString('en-US'));
const papaParts = (k) => `read ${ms(imp(k, (r) => r.papa.read))} + decode ${ms(imp(k, (r) => r.papa.decode))} + parse ${ms(imp(k, (r) => r.papa.parse))}`;

const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : '—');
const fps = (x) => (Number.isFinite(x) ? `${x.toFixed(1)} fps` : '—');
const signed = (x, d = 2) => (Number.isFinite(x) ? `${x >= 0 ? '+' : ''}${x.toFixed(d)}` : '—');
const mb = (x) => (Number.isFinite(x) ? `${x.toFixed(1)} MB` : '—');

const checks = [];
const check = (name, pass) => {
  checks.push({ name, pass });
  return pass ? 'PASS' : 'FAIL';
};

const bytesRatio = measuredFirst.app.gzip / measuredFirst.floor.gzip;
const fcRatio = fc.app / fc.floor;
const yearP95 = stepStat('app', 'frame', 95);
const mapFpsP95 = fpsOf(playIntervals.app, 95);
const rankFpsP95 = rankIntervals.length ? fpsOf(rankIntervals, 95) : NaN;
// rAF timestamps sit on the 60 Hz vsync: one missed frame is 33.3 ms, i.e. 30 fps; allow for timer jitter
const fpsPass = (intervals) => percentile(intervals, 95) <= 1000 / BUDGET.fps + 0.5;
const split = (k, f) => median(memory.app.map((m) => m[k]?.[f]).filter((x) => x !== undefined));
const objGrowth = split('afterSplit', 'other') - split('warmSplit', 'other');
const codeGrowth = split('afterSplit', 'code') - split('warmSplit', 'code');
const domGrowth = { nodes: split('afterSplit', 'nodes') - split('warmSplit', 'nodes'), listeners: split('afterSplit', 'listeners') - split('warmSplit', 'listeners') };
const noLeak = objGrowth <= BUDGET.heapGrowth && domGrowth.nodes <= 0 && domGrowth.listeners <= 0;

const rows = [
  ['1. JS+CSS before the first chart (gzip)', kb(measuredFirst.app.gzip), kb(measuredFirst.floor.gzip), ratio(measuredFirst.app.gzip, measuredFirst.floor.gzip), `≤ ${BUDGET.bytes}× floor`, check('bytes before first chart', bytesRatio <= BUDGET.bytes)],
  ['1. JS+CSS of the whole build (gzip)', kb(bytes.whole.app.gzip), kb(bytes.whole.floor.gzip), ratio(bytes.whole.app.gzip, bytes.whole.floor.gzip), '', ''],
  ['2. navigation → first chart `finished`', ms(fc.app), ms(fc.floor), ratio(fc.app, fc.floor), `≤ ${BUDGET.firstChart}× floor`, check('first chart time', fcRatio <= BUDGET.firstChart)],
  ['3. year change: key → first new frame, median', ms(stepStat('app', 'frame', 50)), ms(stepStat('floor', 'frame', 50)), ratio(stepStat('app', 'frame', 50), stepStat('floor', 'frame', 50)), '', ''],
  ['3. year change: key → first new frame, p95', ms(yearP95), ms(stepStat('floor', 'frame', 95)), ratio(yearP95, stepStat('floor', 'frame', 95)), `≤ ${BUDGET.yearP95} ms`, check('year change p95', yearP95 <= BUDGET.yearP95)],
  ['3. year change: key → `finished`, median', ms(stepStat('app', 'finished', 50)), ms(stepStat('floor', 'finished', 50)), ratio(stepStat('app', 'finished', 50), stepStat('floor', 'finished', 50)), 'info', ''],
  ['3. year change: key → `finished`, p95', ms(stepStat('app', 'finished', 95)), ms(stepStat('floor', 'finished', 95)), ratio(stepStat('app', 'finished', 95), stepStat('floor', 'finished', 95)), 'info', ''],
  ['3. playing years, map: fps, median frame', fps(fpsOf(playIntervals.app, 50)), fps(fpsOf(playIntervals.floor, 50)), '', '', ''],
  ['3. playing years, map: fps, p95 frame', fps(mapFpsP95), fps(fpsOf(playIntervals.floor, 95)), '', `≥ ${BUDGET.fps} fps`, check('map play fps', fpsPass(playIntervals.app))],
  ['3. playing years, map: longest frame', ms(maxFrame(playIntervals.app)), ms(maxFrame(playIntervals.floor)), '', 'info', ''],
  ...(rankIntervals.length
    ? [
        ['3. playing years, ranking: fps, median frame', fps(fpsOf(rankIntervals, 50)), '—', '', '', ''],
        ['3. playing years, ranking: fps, p95 frame', fps(rankFpsP95), '—', '', `≥ ${BUDGET.fps} fps`, check('ranking play fps', fpsPass(rankIntervals))],
        ['3. playing years, ranking: longest frame', ms(maxFrame(rankIntervals)), '—', '', 'info', ''],
      ]
    : [['3. playing years, ranking', 'skipped: no ranking chart drew', '—', '', '', '']]),
  ['4. import of a 100,000-row CSV (no throttling): file chosen → report shown (summary, counts, confirm button) vs plain papaparse', ms(imp('plain', (r) => r.shown)), `papaparse ${ms(imp('plain', (r) => r.papa.total))}`, ratio(imp('plain', (r) => r.shown), imp('plain', (r) => r.papa.total)), `≤ ${BUDGET.importRatio}× papaparse`, check('import vs papaparse', importOk && importRatio <= BUDGET.importRatio)],
  [`4. import (no throttling): file chosen → whole report drawn (all ${fixture.stats.metrics} metrics to match, preview, problem rows)`, ms(imp('plain', (r) => r.whole)), `papaparse ${ms(imp('plain', (r) => r.papa.total))}`, ratio(imp('plain', (r) => r.whole), imp('plain', (r) => r.papa.total)), 'info', ''],
  [`4. import, CPU ${CPU_RATE}× (main thread only): report shown / whole report drawn vs plain papaparse`, `${ms(imp('cpu', (r) => r.shown))} / ${ms(imp('cpu', (r) => r.whole))}`, `papaparse ${ms(imp('cpu', (r) => r.papa.total))}`, `${ratio(imp('cpu', (r) => r.shown), imp('cpu', (r) => r.papa.total))} / ${ratio(imp('cpu', (r) => r.whole), imp('cpu', (r) => r.papa.total))}`, 'info', ''],
  [`4. import, CPU ${CPU_RATE}×: longest main-thread task until the dialog settled, median of runs (worst)`, `${ms(importTask)} (${ms(worstTask)})`, `papaparse ${ms(imp('cpu', (r) => r.papa.parse))}`, '', `≤ ${BUDGET.importTask} ms`, check('import main-thread task', importOk && importTask <= BUDGET.importTask)],
  [`4. import, CPU ${CPU_RATE}×: longest gap between frames until the dialog settled`, ms(imp('cpu', (r) => r.gap)), '—', '', 'info', ''],
  ['5. JS heap after load (after GC)', mb(mem('app', 'load')), mb(mem('floor', 'load')), ratio(mem('app', 'load'), mem('floor', 'load')), 'info', ''],
  ['5. JS heap after 4 view switches (map→ranking→trend→table→map)', mb(mem('app', 'warm')), '—', '', 'info', ''],
  [`5. JS heap after ${SWITCH_CYCLES * SWITCHES.length} view switches`, mb(mem('app', 'after')), '—', '', 'info', ''],
  [`5. growth from 4 to ${SWITCH_CYCLES * SWITCHES.length} switches: JS objects / compiled code / DOM nodes / listeners`,
    `${signed(objGrowth)} MB / ${signed(codeGrowth)} MB / ${signed(domGrowth.nodes, 0)} / ${signed(domGrowth.listeners, 0)}`, '—', '',
    `objects ≤ +${BUDGET.heapGrowth} MB, DOM and listeners ≤ 0`, check('no leak on view switches', noLeak)],
];
const head = ['measure', 'app', 'floor', 'app / floor', 'budget', 'result'];
const resultTable = table(head, rows);
const importRuns = table(['run', 'throttling', 'report inserted', 'report shown', 'whole report drawn', 'dialog settled', 'papaparse: read + decode + parse', 'longest task', 'long tasks', 'longest frame gap', 'via'],
  [...imports.plain.map((r, i) => [i + 1, 'none', r]), ...imports.cpu.map((r, i) => [i + 1, `CPU ${CPU_RATE}×`, r])].map(([i, th, r]) => [i, th, ms(r.inserted), ms(r.shown), ms(r.whole), ms(r.settled), `${ms(r.papa.total)} = ${ms(r.papa.read)} + ${ms(r.papa.decode)} + ${ms(r.papa.parse)}`, ms(r.longest), r.longTasks, ms(r.gap), r.via]));
if (opts.only === 'import') {
  console.log('');
  console.log(table(head, rows.filter((r) => r[0].startsWith('4.'))));
  console.log('');
  console.log(importRuns);
  console.log(`\npapaparse: ${papaParts('plain')} without throttling; ${papaParts('cpu')} at CPU ${CPU_RATE}×`);
  if (allErrors.length) console.log(`\npage errors: ${allErrors.join(' | ')}`);
  for (const c of checks.filter((c) => c.name.startsWith('import'))) console.log(`${c.pass ? 'PASS' : 'FAIL'}  ${c.name}`);
  process.exit(checks.filter((c) => c.name.startsWith('import')).every((c) => c.pass) ? 0 : 1);
}

const extra = explain(measuredFirst.app.files.map((f) => f.path), measuredFirst.floor.files.map((f) => f.path), 20);
/** The run closest to the median first-chart time, as a request waterfall up to its first chart. */
function waterfall(t) {
  const rs = runs[t];
  if (!rs.length) return '';
  const r = [...rs].sort((a, b) => Math.abs(a.firstChart - fc[t]) - Math.abs(b.firstChart - fc[t]))[0];
  const lines = r.resources.map(({ url, start, end }) => {
    const path = new URL(url).pathname.replace(/^\//, '') || 'index.html';
    const rel = distPathOf(TARGETS[t].outDir, '/' + path);
    return [path, rel ? kb(gzipSize(join(TARGETS[t].outDir, rel))) : '', ms(start), ms(end)];
  });
  lines.push(['**first chart `finished`**', '', '', ms(r.firstChart)]);
  return table(['request', 'gzip', 'start', 'end'], lines);
}
const load = { start: loadStart, end: os.loadavg() };
const cpus = os.cpus();
const machine = `${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB memory, ${os.type()} ${os.release()} ${os.arch()}`;
const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
const perRun = table(
  ['run', 'app first chart', 'floor first chart', 'app year steps', 'floor year steps'],
  runs.app.map((r, i) => [i + 1, ms(r.firstChart), ms(runs.floor[i]?.firstChart), r.steps.map((s) => Math.round(s.frame)).join(' '), (runs.floor[i]?.steps ?? []).map((s) => Math.round(s.frame)).join(' ')]),
);

const md = `# Benchmark results

Written by \`npm run bench\` (bench/run.mjs) on ${date}.

- Machine: ${machine}; Node ${process.version}; Chromium ${chromium} (headless). Load average (1 min) ${load.start[0].toFixed(1)} at the start, ${load.end[0].toFixed(1)} at the end (this benchmark's own Chromium included)${load.start[0] > cpus.length * 0.75 ? ' — **the machine was busy with other work: timings are slower and noisier than on an idle machine**' : ''}.
- Runs: ${opts.runs} page loads each of the app and the floor (alternating), ${ranking.length} of the ranking, ${memory.app.length} for memory. Figures are medians over the runs; year-change and frame percentiles pool every sample of every run (${steps.app.length} app / ${steps.floor.length} floor year changes, ${playIntervals.app.length} / ${playIntervals.floor.length} map frames${rankIntervals.length ? `, ${rankIntervals.length} ranking frames` : ''}).
- Throttling: CPU ${CPU_RATE}× (CDP \`Emulation.setCPUThrottlingRate\`) for timings 2 and 3; network (CDP \`Network.emulateNetworkConditions\`) for the first chart only: 1.6 Mbps down, 750 kbps up, 150 ms latency ("slow 4G"), cache disabled. Memory is measured without throttling.
- Import (row 4): a deterministic ${IMPORT_ROWS.toLocaleString('en-US')}-row long CSV (${(importBytes / 2 ** 20).toFixed(1)} MB, bench/import-fixture.mjs: ${fixture.stats.metrics} metrics, ${fixture.stats.qualified} qualified values such as "超过5万", ${fixture.stats.noFigure} "—", ${fixture.stats.bad} bad values) chosen in the import dialog; ${imports.plain.length} runs without throttling and ${imports.cpu.length} with CPU ${CPU_RATE}×, each in a fresh page. Chromium's CPU throttling applies to the page's main thread only, not to the import's Web Worker (CDP refuses \`Emulation.setCPUThrottlingRate\` on worker targets), so the ratio to papaparse (which runs on the main thread) is judged without throttling, where both run at the machine's speed; the main-thread budget (longest task) is judged at ${CPU_RATE}×.
- Served by tests/e2e/server.mjs on 127.0.0.1 with every file gzip -9 encoded (as a static host with gzip on would), viewport ${VIEWPORT.width}×${VIEWPORT.height}.
- App: \`${MAP_URL}\`; ranking: \`${RANKING_URL}\`; the floor is bench/floor (React + echarts-for-react core + echarts/core with MapChart, Title, Tooltip, VisualMapContinuous, Canvas; one province map).

${resultTable}

**${checks.every((c) => c.pass) ? 'All budgets pass.' : `Budgets failing: ${checks.filter((c) => !c.pass).map((c) => c.name).join(', ')}.`}**

## What is loaded before the first chart

App (${kb(measuredFirst.app.gzip)} gzip): ${measuredFirst.app.files.map((f) => `\`${f.path}\` ${kb(f.gzip)}`).join(', ')}.

Floor (${kb(measuredFirst.floor.gzip)} gzip): ${measuredFirst.floor.files.map((f) => `\`${f.path}\` ${kb(f.gzip)}`).join(', ')}.

Static check (\`npm run bench:bytes\`, from index.html without a browser): app ${kb(bytes.first.app.gzip)}, floor ${kb(bytes.first.floor.gzip)}${Math.abs(bytes.first.app.gzip - measuredFirst.app.gzip) > 100 ? ' — differs from what the browser loaded: check the lazy chunks of the first chart' : ' (same as measured)'}.

What the app loads before its first chart beyond the floor's ${kb(measuredFirst.floor.gzip)} (≈ gzip, from the source maps): ${extra.kinds.map((k) => `${k.kind} ${kb(k.gzip)}`).join('; ')}. The largest sources:

${table(['≈ gzip', 'source'], extra.top.map((r) => [kb(r.gzip), r.group]))}

## Requests up to the first chart (the run nearest the median, throttled network)

App:

${waterfall('app')}

Floor:

${waterfall('floor')}

## Per run (ms; year steps = key → first new frame)

${perRun}
${allErrors.length ? `\n## Page errors seen\n\n${allErrors.map((e) => `- ${e}`).join('\n')}\n` : ''}
## Import runs (ms)

${importRuns}

Papaparse medians: ${papaParts('plain')} without throttling; ${papaParts('cpu')} at CPU ${CPU_RATE}×.

## How to read this

- Year change, "first new frame": from the ArrowRight keydown (its event timestamp) to the first ECharts \`rendered\` event after it, i.e. the first frame of the chart drawn with the new year: React render, \`setOption\` and the canvas paint. "\`finished\`" additionally waits for any update animation to end; when the redraw is not animated the two are (almost) equal.
- Playing: requestAnimationFrame timestamps from the click on play through ${PLAY_TICKS} year changes (one every ${PLAY_INTERVAL_MS} ms); each frame interval is read as 1000 / interval fps. "p95 frame" is the 95th-percentile interval: 95 % of frames were at least that fast. "Longest frame" is the hitch when a year is redrawn.
- Import: from the \`change\` event of the dialog's file input (its event timestamp; Playwright's \`setInputFiles\`) to the first task after the frame that paints the validation report \`[data-testid="import-report"]\`: its heading, the summary (encoding, delimiter, layout, rows read, rows and figures usable, empty cells, problem rows) and the confirm button ("report shown", the budget). A large report is then drawn top first, a part per frame, each part sized so that no task holds up the page (see src/import/ImportDialog.tsx): columns, the metrics to match (each with a select and the name and unit fields of a new metric), the preview, the problem rows and what is still missing; "whole report drawn" is the frame after the last part (\`data-complete\`, no \`aria-busy\` list inside). The list in each metric's select (about 80 options) is filled in when the select is reached (focus or pointer), not counted here. The baseline, in the same page and on the same \`File\`, is the least an importer can do: \`file.arrayBuffer()\`, \`TextDecoder\` and \`Papa.parse(text, { header: true })\` (papaparse ${createRequire(import.meta.url)('papaparse/package.json').version}, loaded from node_modules) on the main thread; the two alternate in order from run to run. "Dialog settled" is the last change to the dialog's DOM before 500 ms without any. "Longest main-thread task" is the longest PerformanceObserver 'longtask' entry (tasks of 50 ms or more) overlapping the span from the \`change\` event to the dialog settling (so every part of the report counts), 0 when there was none; the budget takes the median over runs of each run's longest, and the worst run is shown in brackets. "Longest gap between frames" is the longest interval between requestAnimationFrame callbacks in the same span.
- Heap: CDP \`HeapProfiler.collectGarbage\` then \`Runtime.getHeapUsage\` (used size). Leaks are judged from one full cycle of views (every lazy chunk loaded, back on the map) to ${SWITCH_CYCLES} cycles (back on the map again), with heap snapshots split into compiled code (V8 bytecode and optimised code, which keeps growing for a while as more code gets compiled: not a leak) and everything else, plus the DOM node and JS event-listener counts (CDP \`Memory.getDOMCounters\`). A leaked chart or view would show as object, node or listener growth.
`;

console.log('');
console.log(resultTable);
console.log('');
console.log('loaded before the first chart by the app but not the floor (≈ gzip):');
for (const k of extra.kinds) console.log(`  ${kb(k.gzip).padStart(9)}  ${k.kind}`);
console.log('  largest:');
for (const r of extra.top.slice(0, 12)) console.log(`  ${kb(r.gzip).padStart(9)}  ${r.group}`);
if (allErrors.length) console.log(`\npage errors: ${allErrors.join(' | ')}`);
console.log('');
for (const c of checks) console.log(`${c.pass ? 'PASS' : 'FAIL'}  ${c.name}`);
if (opts.write) {
  await writeFile(join(REPO, 'bench/RESULTS.md'), md);
  log('wrote bench/RESULTS.md');
}
log('done');
process.exitCode = checks.every((c) => c.pass) ? 0 : 1;
