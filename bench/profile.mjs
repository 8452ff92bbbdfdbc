#!/usr/bin/env node
// `npm run bench:profile`: where a year change's time goes, app against floor.
// Builds both WITHOUT minifying (function names kept; source maps map every
// frame to its source file), then opens a page of each at CPU 4× and, after
// warm-up steps, steps the year with ←/→ four times over, the two pages'
// presses alternating (passes 0–2) so that both meet the same machine load:
//   0. without a profiler: the Event Timing interaction split at setOption,
//      setOption's parts timed by wrapping them on the chart instance, the
//      history writes, and the Long Animation Frame that painted the step;
//   1. with the V8 sampling profiler (CDP Profiler, 250 µs): milliseconds per
//      step by phase (history write, ECharts setOption by part, React, store,
//      browser work, GC) and across phases (text measuring, labels, …);
//   2. with precise coverage call counts (CDP Profiler.startPreciseCoverage):
//      calls per step of the app's functions and a few library ones;
//   3. with a Chromium trace (devtools.timeline): main-thread time per step by
//      kind (script, style, layout, paint, GC) and the tasks per step.
// Prints the tables and writes $BENCH_OUT/bench-profile.{md,json} and the last
// round's CPU profiles (bench-prof-app.cpuprofile, …; DevTools can load them).
// Diagnosis, not a budget: the figures are inflated by the profilers and the machine's load.
//
// Options: --steps N (per pass and round, default 30), --rounds N (default 2), --no-build,
// --floor-svg (against the floor drawing the SVG outlines, as the app draws a year: run.mjs --floor-svg).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from '../tests/e2e/server.mjs';
import { launch } from '../tests/e2e/browser.mjs';
import { buildTarget, distPathOf, OUT, sourceMapLookup, table, TARGETS } from './lib.mjs';
import { mapUrl, mapYears, stepper, stepYears } from './map.mjs';
import { networkQuiet, newPage, waitFirst } from './probe.mjs';
import { classify, CROSS, frameOf, traceSummary } from './profile-parts.mjs';

const argv = process.argv.slice(2);
const arg = (k, d) => (argv.includes(k) ? Math.max(1, Number(argv[argv.indexOf(k) + 1]) || d) : d);
const STEPS = arg('--steps', 30);
const ROUNDS = arg('--rounds', 2);
const SIDES = ['app', 'floor'];
const T = Object.fromEntries(SIDES.map((s) => [s, { ...TARGETS[s], outDir: join(OUT, `bench-prof-${s}`) }]));
const log = (...a) => console.log(`[profile]`, ...a);

const FLOOR_SVG = argv.includes('--floor-svg');
if (!argv.includes('--no-build')) {
  await buildTarget(T.app, { minify: false });
  if (FLOOR_SVG) process.env.VITE_FLOOR_SVG = '1';
  await buildTarget(T.floor, { minify: false });
  delete process.env.VITE_FLOOR_SVG;
}
const years = mapYears(T.app.outDir);

/** source-map lookups per script URL (built lazily) */
const maps = new Map();
function lookupFor(side, url) {
  if (!maps.has(url)) {
    let f = null;
    try {
      const rel = distPathOf(T[side].outDir, new URL(url).pathname);
      if (rel) {
        const map = JSON.parse(readFileSync(join(T[side].outDir, `${rel}.map`), 'utf8'));
        const text = readFileSync(join(T[side].outDir, rel), 'utf8');
        const starts = [0];
        for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
        f = { lookup: sourceMapLookup(map), starts };
      }
    } catch {
      f = null;
    }
    maps.set(url, f);
  }
  return maps.get(url);
}

/** ms per step by phase and across phases, from a CPU profile */
function profileBuckets(side, profile, steps) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stacks = new Map();
  const stackOf = (id) => {
    if (stacks.has(id)) return stacks.get(id);
    const p = parent.get(id);
    const st = [...(p ? stackOf(p) : []), frameOf(byId.get(id).callFrame, (url) => lookupFor(side, url))];
    stacks.set(id, st);
    return st;
  };
  const self = new Map();
  for (let i = 0; i < profile.samples.length; i++) self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
  const phases = new Map();
  const cross = new Map();
  const add = (m, k, us) => m.set(k, (m.get(k) ?? 0) + us / 1000 / steps);
  for (const [id, us] of self) {
    const st = stackOf(id);
    const c = classify(st);
    if (!c) continue;
    add(phases, c.phase, us);
    if (c.detail) add(phases, `${c.phase} › ${c.detail}`, us);
    for (const [name, pred] of CROSS) if (pred(st)) add(cross, name, us);
  }
  return { phases: Object.fromEntries(phases), cross: Object.fromEntries(cross) };
}

/** calls per step of the app's functions and of a few library ones, from precise coverage */
function callCounts(side, coverage, steps) {
  const out = {};
  for (const script of coverage) {
    const lf = lookupFor(side, script.url);
    if (!lf) continue;
    for (const fn of script.functions) {
      const r = fn.ranges[0];
      if (!r || !r.count) continue;
      let line = 0;
      let lo = 0;
      let hi = lf.starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (lf.starts[mid] <= r.startOffset) lo = mid;
        else hi = mid - 1;
      }
      line = lo;
      const pos = lf.lookup(line, r.startOffset - lf.starts[line]);
      const f = frameOf({ functionName: fn.functionName, url: script.url, lineNumber: line, columnNumber: r.startOffset - lf.starts[line] }, () => lf, pos);
      const key = `${f.file}:${(pos?.line ?? 0) + 1} ${fn.functionName || f.name || '(anonymous)'}`;
      out[key] = (out[key] ?? 0) + r.count / steps;
    }
  }
  return out;
}

/**
 * Pass 0, without a profiler: per step, the Event Timing interaction split at
 * the map chart's setOption (whose parts the probe times), the history writes,
 * and the Long Animation Frame that painted the step (the tasks that ran
 * before its rendering, and the rendering itself).
 */
async function timedStart(page) {
  await page.evaluate(() => window.__bench.instrument());
  return page.evaluate(() => window.__bench.keys.length);
}

async function timedCollect(page, k0) {
  await page.waitForTimeout(500);
  const B = await page.evaluate(() => ({ keys: window.__bench.keys, events: window.__bench.events, timing: window.__bench.timing, hist: window.__bench.hist, loaf: window.__bench.loaf }));
  const keys = B.keys.slice(k0).filter((k) => k.key === 'ArrowRight' || k.key === 'ArrowLeft');
  const rows = [];
  keys.forEach((k, i) => {
    const kd = B.events.find((e) => e.name === 'keydown' && Math.abs(e.start - k.t) < 1);
    if (!kd) return;
    const dur = Math.max(...B.events.filter((e) => e.id && e.id === kd.id).map((e) => e.duration), kd.duration);
    const paint = kd.start + dur;
    const next = keys[i + 1]?.t ?? Infinity;
    const r = { 'Event Timing: key press → next paint': dur, 'input delay': kd.pStart - kd.start };
    const so = B.timing.find((t) => t.t0 >= kd.pStart && t.t0 <= kd.pEnd);
    if (so) {
      r['handlers until setOption (key handler, store writes, selectors, React render)'] = so.t0 - kd.pStart;
      const total = so.t1 - so.t0;
      r['setOption, all'] = total;
      let parts = 0;
      for (const [label, d] of Object.entries(so.parts)) {
        r[`  setOption: ${label}`] = d;
        parts += d;
      }
      r['  setOption: the rest (update flow, data, visual encoding, label layout)'] = total - parts;
      r['after setOption until the handlers end (React commit, effects)'] = kd.pEnd - so.t1;
    } else {
      r['handlers (no setOption seen)'] = kd.pEnd - kd.pStart;
    }
    r['after the handlers until the paint'] = paint - kd.pEnd;
    const f = B.loaf.find((x) => x.start <= kd.pStart && kd.pStart <= x.start + x.duration);
    if (f) {
      for (const x of f.scripts) {
        if (x.start + x.duration <= kd.pEnd + 0.5) continue; // the key's own task
        if (x.start >= f.renderStart) continue;
        const label = `  task before the frame: ${x.invoker}${x.fn ? ` (${x.fn})` : ''}`;
        r[label] = (r[label] ?? 0) + x.duration;
      }
      r['  the frame: requestAnimationFrame callbacks'] = f.styleAndLayoutStart - f.renderStart;
      r['  the frame: style, layout, paint (main thread)'] = f.start + f.duration - f.styleAndLayoutStart;
      r['  after the frame until presented'] = paint - (f.start + f.duration);
    }
    // long frames (≥ 50 ms) after the paint, before the next key press: work the step left for later
    for (const g of B.loaf.filter((x) => x.start >= paint && x.start < next)) {
      for (const x of g.scripts) {
        const label = `after the paint, in long frames: ${x.invoker}${x.fn ? ` (${x.fn})` : ''}`;
        r[label] = (r[label] ?? 0) + x.duration;
      }
    }
    const h = B.hist.filter((x) => x.t0 >= k.t && x.t0 < next);
    r['history write (pushState/replaceState), wherever it ran'] = h.reduce((a, x) => a + x.d, 0);
    r['  of which before the paint'] = h.filter((x) => x.t0 < paint).reduce((a, x) => a + x.d, 0);
    rows.push(r);
  });
  // medians per key over the steps (a step without a part counts as 0 for it)
  const keysAll = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return { rows, median: Object.fromEntries(keysAll.map((key) => [key, median(rows.map((r) => r[key] ?? 0))])), mean: Object.fromEntries(keysAll.map((key) => [key, rows.reduce((a, r) => a + (r[key] ?? 0), 0) / rows.length])) };
}

/** Steps on both pages, alternating press by press (the side first alternates too). */
async function interleaved(pages, steps) {
  const st = {};
  for (const s of SIDES) st[s] = await stepper(pages[s].page, years);
  for (let i = 0; i < steps; i++) for (const s of i % 2 ? [...SIDES].reverse() : SIDES) await st[s].step();
  const out = {};
  for (const s of SIDES) out[s] = await st[s].collect();
  return out;
}

/**
 * One round: both sides' pages open at once, their steps alternating press by
 * press in passes 0–2 (so that both meet the same machine load); the trace
 * (pass 3, browser-wide) one side after the other.
 */
async function round(browser, bases) {
  const P = {};
  try {
    for (const s of SIDES) {
      P[s] = await newPage(browser, { cpu: true });
      await P[s].page.goto(mapUrl(bases[s], s === 'floor' && FLOOR_SVG ? 'floor-svg' : s, years), { timeout: 120000 });
      await waitFirst(P[s].page, 'map-chart');
      await networkQuiet(P[s].page, 1000);
    }
    await interleaved(P, 2 * (years.length - 1)); // warm-up: every year shown once each way
    const out = Object.fromEntries(SIDES.map((s) => [s, {}]));
    // 0. timed parts, no profiler
    const k0 = {};
    for (const s of SIDES) k0[s] = await timedStart(P[s].page);
    await interleaved(P, STEPS);
    for (const s of SIDES) out[s].timed = await timedCollect(P[s].page, k0[s]);
    // 1. sampling profile
    for (const s of SIDES) {
      await P[s].cdp.send('Profiler.enable');
      await P[s].cdp.send('Profiler.setSamplingInterval', { interval: 250 });
      await P[s].cdp.send('Profiler.start');
    }
    const st = await interleaved(P, STEPS);
    for (const s of SIDES) {
      const { profile } = await P[s].cdp.send('Profiler.stop');
      // for a look in DevTools (Performance panel: load profile); the last round's is kept
      writeFileSync(join(OUT, `bench-prof-${s}.cpuprofile`), JSON.stringify(profile));
      out[s].buckets = profileBuckets(s, profile, st[s].steps.length);
      out[s].eventTiming = st[s].steps.map((x) => x.duration);
    }
    // 2. call counts
    for (const s of SIDES) {
      await P[s].cdp.send('Profiler.startPreciseCoverage', { callCount: true, detailed: false });
      await P[s].cdp.send('Profiler.takePreciseCoverage');
    }
    const st2 = await interleaved(P, STEPS);
    for (const s of SIDES) {
      const { result } = await P[s].cdp.send('Profiler.takePreciseCoverage');
      await P[s].cdp.send('Profiler.stopPreciseCoverage');
      out[s].counts = callCounts(s, result, st2[s].steps.length);
    }
    // 3. trace, one side at a time (the other page is idle meanwhile)
    for (const s of SIDES) {
      await browser.startTracing(P[s].page, { categories: ['devtools.timeline', 'toplevel'] });
      const st3 = await stepYears(P[s].page, years, STEPS);
      out[s].trace = traceSummary(JSON.parse((await browser.stopTracing()).toString('utf8')), st3.steps.length);
    }
    return out;
  } finally {
    for (const s of Object.keys(P)) await P[s].context.close();
  }
}

const servers = {};
for (const s of SIDES) servers[s] = await startServer({ dir: T[s].outDir, prefix: '/' });
const browser = await launch();
const runs = { app: [], floor: [] };
try {
  const bases = Object.fromEntries(SIDES.map((s) => [s, servers[s].base]));
  for (let r = 0; r < ROUNDS; r++) {
    const out = await round(browser, bases);
    for (const s of SIDES) runs[s].push(out[s]);
    log(`round ${r + 1}/${ROUNDS} done`);
  }
} finally {
  await browser.close();
  for (const s of Object.values(servers)) await s.close();
}

// averages over the rounds
const avg = (list) => {
  const keys = new Set(list.flatMap((o) => Object.keys(o)));
  return Object.fromEntries([...keys].map((k) => [k, list.reduce((a, o) => a + (o[k] ?? 0), 0) / list.length]));
};
const R = Object.fromEntries(SIDES.map((s) => [s, {
  timed: avg(runs[s].map((r) => r.timed.median)),
  timedMean: avg(runs[s].map((r) => r.timed.mean)),
  phases: avg(runs[s].map((r) => r.buckets.phases)),
  cross: avg(runs[s].map((r) => r.buckets.cross)),
  counts: avg(runs[s].map((r) => r.counts)),
  trace: avg(runs[s].map((r) => r.trace)),
  eventTiming: runs[s].flatMap((r) => r.eventTiming),
}]));
writeFileSync(join(OUT, 'bench-profile.json'), JSON.stringify({ steps: STEPS, rounds: ROUNDS, R }, null, 1));

const f1 = (v) => (v ? v.toFixed(1) : '·');
const sideBySide = (a, b, min = 0.2, sort = true) => {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => (a[k] ?? 0) >= min || (b[k] ?? 0) >= min);
  if (sort) keys.sort((p, q) => (b[q] ?? 0) + (a[q] ?? 0) - (a[p] ?? 0) - (b[p] ?? 0));
  return table(['', 'app', 'floor', 'app − floor'], keys.map((k) => [k, f1(a[k]), f1(b[k]), f1((a[k] ?? 0) - (b[k] ?? 0))]));
};
const top = Object.keys(R.app.phases).filter((k) => !k.includes(' › ')).sort();
const md = [];
md.push(`# Year change profile (${ROUNDS} rounds × ${STEPS} steps per pass and side, CPU 4×, unminified builds)\n`);
md.push(`Event Timing during the sampling pass, median: app ${median(R.app.eventTiming)} ms, floor ${median(R.floor.eventTiming)} ms (inflated by the profiler)\n`);
md.push('## ms per step, timed without a profiler (medians over the steps; averaged over the rounds)\n');
md.push('Medians of each part do not add up to the median of the whole. Mean per step in brackets.\n');
{
  const keys = [...new Set([...Object.keys(R.app.timed), ...Object.keys(R.floor.timed)])];
  md.push(table(['', 'app', 'floor', 'app − floor'], keys.map((k) => [k, `${f1(R.app.timed[k])} (${f1(R.app.timedMean[k])})`, `${f1(R.floor.timed[k])} (${f1(R.floor.timedMean[k])})`, f1((R.app.timed[k] ?? 0) - (R.floor.timed[k] ?? 0))])));
}
md.push('\n## ms per step by phase (CPU profile)\n');
for (const p of top) {
  md.push(`\n### ${p}: app ${f1(R.app.phases[p])}, floor ${f1(R.floor.phases[p])}\n`);
  const sub = (o) => Object.fromEntries(Object.entries(o).filter(([k]) => k.startsWith(`${p} › `)).map(([k, v]) => [k.slice(p.length + 3), v]));
  const [a, b] = [sub(R.app.phases), sub(R.floor.phases)];
  if (Object.keys(a).length + Object.keys(b).length) md.push(sideBySide(a, b, 0.3));
}
md.push('\n## ms per step across phases (inclusive, CPU profile)\n');
md.push(sideBySide(R.app.cross, R.floor.cross, 0, false));
md.push('\n## main thread per step (trace, ms; tasks per step)\n');
md.push(sideBySide(R.app.trace, R.floor.trace, 0, false));
md.push('\n## calls per step (precise coverage; app functions and selected library ones)\n');
const interesting = (k) => /^(src|bench\/floor)\//.test(k) || /zustand.*setState|echarts\/lib\/core\/echarts\.js:\d+ (setOption|ECharts\.setOption)|model\/Model\.js:\d+ Model\b|getItemModel|contain\/text\.js|urlSync/.test(k);
const cnt = (o) => Object.fromEntries(Object.entries(o).filter(([k]) => interesting(k)));
md.push(sideBySide(cnt(R.app.counts), cnt(R.floor.counts), 0.5));
const text = md.join('\n');
console.log(text);
writeFileSync(join(OUT, 'bench-profile.md'), text);
log(`wrote ${join(OUT, 'bench-profile.json')} and bench-profile.md`);

function median(xs) {
  const a = [...xs].sort((p, q) => p - q);
  return a.length ? a[a.length >> 1] : NaN;
}
