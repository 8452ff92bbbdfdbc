// From the raw runs of bench/run.mjs to the figures, the budgets and the
// summary table (one row per figure: app, floor, ratio, spread, budget, result).
import { BYTES_BUDGET } from './bytes.mjs';
import { CPU_RATE } from './probe.mjs';
import { binnedPercentile, kb, median, ms, percentile, spread } from './lib.mjs';

/** Every budget is a ratio to the floor measured in the same run (papaparse for the import). */
export const BUDGET = {
  bytes: BYTES_BUDGET, // JS+CSS before the first chart
  firstChart: 1.2,
  year: 1.15, // key press → paint, median and p95, CPU 4×
  appear: 1.15, // playing: play tick → the year painted, median
  longestFrame: 2, // playing: the app's longest frame ≤ 2 × the floor's longest
  importRatio: 1.5, // report shown ≤ 1.5 × plain papaparse, no throttling
  importTask: 100, // ms, longest main-thread task of any run, CPU 4×
  // no growth over the view switches after the first cycle: JS objects (a little slack for
  // V8's own caches), DOM nodes, listeners
  objectsMB: 0.25,
};

const ratioOf = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : NaN);
export const x = (r) => (Number.isFinite(r) ? `${r.toFixed(2)}×` : '—');
/** a ratio in a PASS/FAIL line: three decimals, so that 1.153 does not read as 1.15 */
const x3 = (r) => (Number.isFinite(r) ? `${r.toFixed(3)}×` : '—');
const mb = (v) => (Number.isFinite(v) ? `${v.toFixed(2)} MB` : '—');
const signed = (v, d = 2) => (Number.isFinite(v) ? `${v >= 0 ? '+' : ''}${v.toFixed(d)}` : '—');
const ms1 = (v) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : '—');

export function figures({ bytes, measuredFirst, rounds, imports, memory, importOk }) {
  const checks = [];
  const check = (name, pass, detail) => {
    checks.push({ name, pass, detail });
    return pass ? 'PASS' : 'FAIL';
  };
  const rows = [];
  const row = (measure, app, floor, ratio, spr, budget, result) => rows.push([measure, app, floor, ratio, spr ?? '', budget ?? '', result ?? '']);
  const sides = ['app', 'floor'];
  const n = Math.min(rounds.app.length, rounds.floor.length);
  const pairRatios = (f) => Array.from({ length: n }, (_, i) => ratioOf(f(rounds.app[i]), f(rounds.floor[i])));
  const pairSpread = (f) => `app ${spread(rounds.app.map(f))}, floor ${spread(rounds.floor.map(f))} ms; ratio ${spread(pairRatios(f), (v) => v.toFixed(2))}`;

  // 1. bytes
  const bytesRatio = ratioOf(measuredFirst.app.gzip, measuredFirst.floor.gzip);
  const bytesSpread = measuredFirst.app.rounds ? `app ${spread(measuredFirst.app.rounds, kb)}, floor ${spread(measuredFirst.floor.rounds, kb)}` : 'static (index.html)';
  row('1. JS+CSS before the first chart (gzip; the median round)', kb(measuredFirst.app.gzip), kb(measuredFirst.floor.gzip), x(bytesRatio), bytesSpread, `≤ ${BUDGET.bytes}×`, check('JS+CSS before the first chart', bytesRatio <= BUDGET.bytes, x3(bytesRatio)));
  row('1. JS+CSS of the whole build (gzip)', kb(bytes.whole.app.gzip), kb(bytes.whole.floor.gzip), x(ratioOf(bytes.whole.app.gzip, bytes.whole.floor.gzip)), '', 'info');

  const F = {};
  if (n) {
    // 2. first chart
    const fc = Object.fromEntries(sides.map((t) => [t, median(rounds[t].map((r) => r.firstChart))]));
    F.firstChart = ratioOf(fc.app, fc.floor);
    row('2. navigation → first chart `finished` (median)', ms(fc.app), ms(fc.floor), x(F.firstChart), pairSpread((r) => r.firstChart), `≤ ${BUDGET.firstChart}×`, check('first chart', F.firstChart <= BUDGET.firstChart, x3(F.firstChart)));

    // 3. year change
    const dur = (t) => rounds[t].flatMap((r) => r.steps.map((s) => s.duration));
    const roundP = (r, p) => binnedPercentile(r.steps.map((s) => s.duration), p);
    for (const [p, label] of [[50, 'median'], [95, 'p95']]) {
      const a = binnedPercentile(dur('app'), p);
      const f = binnedPercentile(dur('floor'), p);
      F[`year${p}`] = ratioOf(a, f);
      row(`3. year change: key press → next paint (Event Timing), ${label}`, ms1(a), ms1(f), x(F[`year${p}`]), pairSpread((r) => roundP(r, p)).replace(' ms;', ' ms per round;'), `≤ ${BUDGET.year}×`, check(`year change ${label}`, F[`year${p}`] <= BUDGET.year, x3(F[`year${p}`])));
    }
    const part = (t, k, p = 50) => (p === 50 ? median : (xs) => percentile(xs, p))(rounds[t].flatMap((r) => r.steps.map((s) => s[k])));
    row('3. year change, parts (median): input delay / handlers (processingStart → processingEnd) / then to the paint',
      `${ms1(part('app', 'inputDelay'))} / ${ms1(part('app', 'processing'))} / ${ms1(part('app', 'toPaint'))}`,
      `${ms1(part('floor', 'inputDelay'))} / ${ms1(part('floor', 'processing'))} / ${ms1(part('floor', 'toPaint'))}`,
      x(ratioOf(part('app', 'processing'), part('floor', 'processing'))), '', 'info (ratio: handlers)');
    row('3. year change: key press → ECharts `rendered` (inside setOption, before the paint), median / p95',
      `${ms1(part('app', 'rendered'))} / ${ms1(part('app', 'rendered', 95))}`, `${ms1(part('floor', 'rendered'))} / ${ms1(part('floor', 'rendered', 95))}`,
      x(ratioOf(part('app', 'rendered'), part('floor', 'rendered'))), '', 'info (the old measure)');
    row('3. year change: key press → end of the next frame (rAF + postTask, unrounded), median / p95',
      `${ms1(part('app', 'painted'))} / ${ms1(part('app', 'painted', 95))}`, `${ms1(part('floor', 'painted'))} / ${ms1(part('floor', 'painted', 95))}`,
      `${x(ratioOf(part('app', 'painted'), part('floor', 'painted')))} / ${x(ratioOf(part('app', 'painted', 95), part('floor', 'painted', 95)))}`, '', 'info (cross-check)');
    const under = sides.map((t) => rounds[t].flatMap((r) => r.steps).filter((s) => s.under16).length);
    if (under[0] + under[1]) row('3. year changes under 16 ms (no Event Timing entry; counted as 8 ms)', under[0], under[1], '', '', 'info');

    // 3. playing
    const appear = (t) => rounds[t].flatMap((r) => r.play.ticks.map((k) => k.appear));
    const ap = Object.fromEntries(sides.map((t) => [t, median(appear(t))]));
    F.appear = ratioOf(ap.app, ap.floor);
    row('3. playing years: play tick → the new year painted, median', ms1(ap.app), ms1(ap.floor), x(F.appear), pairSpread((r) => median(r.play.ticks.map((k) => k.appear))).replace(' ms;', ' ms per round;'), `≤ ${BUDGET.appear}×`, check('playing: time for a year to appear', F.appear <= BUDGET.appear, x3(F.appear)));
    row('3. playing years: play tick → the new year painted, p95 / worst', `${ms1(percentile(appear('app'), 95))} / ${ms1(Math.max(...appear('app')))}`, `${ms1(percentile(appear('floor'), 95))} / ${ms1(Math.max(...appear('floor')))}`, x(ratioOf(percentile(appear('app'), 95), percentile(appear('floor'), 95))), '', 'info');
    const longest = Object.fromEntries(sides.map((t) => [t, Math.max(...rounds[t].map((r) => r.play.longest).filter(Number.isFinite))]));
    F.longest = ratioOf(longest.app, longest.floor);
    row('3. playing years: longest frame (of all rounds)', ms1(longest.app), ms1(longest.floor), x(F.longest), pairSpread((r) => r.play.longest).replace(' ms;', ' ms per round;'), `≤ ${BUDGET.longestFrame}× floor's longest`, check('playing: longest frame', F.longest <= BUDGET.longestFrame, x3(F.longest)));
  }

  // 4. import
  if (imports.plain.length || imports.cpu.length) {
    const imp = (k, f) => median(imports[k].map(f));
    const ok = [...imports.plain, ...imports.cpu].every(importOk);
    F.importRatio = ratioOf(imp('plain', (r) => r.shown), imp('plain', (r) => r.papa.total));
    row('4. import 100,000 rows (no throttling): file chosen → report shown, vs plain papaparse (medians)', ms(imp('plain', (r) => r.shown)), `papaparse ${ms(imp('plain', (r) => r.papa.total))}`, x(F.importRatio), `app ${spread(imports.plain.map((r) => r.shown))} ms`, `≤ ${BUDGET.importRatio}× papaparse`, check('import vs papaparse', ok && F.importRatio <= BUDGET.importRatio, x3(F.importRatio)));
    row('4. import (no throttling): file chosen → whole report drawn', ms(imp('plain', (r) => r.whole)), `papaparse ${ms(imp('plain', (r) => r.papa.total))}`, x(ratioOf(imp('plain', (r) => r.whole), imp('plain', (r) => r.papa.total))), '', 'info');
    if (imports.cpu.length) {
      // the longer of what the Long Tasks API reported and what a trace of the main thread shows
      const task = (r) => Math.max(r.longest, r.traced?.longest ?? 0);
      F.importTask = Math.max(...imports.cpu.map(task));
      row(`4. import, CPU ${CPU_RATE}×: longest main-thread task until the dialog settled (maximum over runs; trace and Long Tasks API)`, ms(F.importTask), `papaparse's parse ${ms(imp('cpu', (r) => r.papa.parse))}`, '', `runs ${spread(imports.cpu.map(task))} ms (Long Tasks API ${spread(imports.cpu.map((r) => r.longest))})`, `≤ ${BUDGET.importTask} ms`, check('import: longest main-thread task', ok && F.importTask <= BUDGET.importTask, ms(F.importTask)));
      row(`4. import, CPU ${CPU_RATE}×: longest gap between frames (maximum)`, ms(Math.max(...imports.cpu.map((r) => r.gap))), '—', '', '', 'info');
    }
  }

  // 5. memory
  if (memory.app.length) {
    const m = (t, when, k) => median(memory[t].map((r) => r[when]?.[k]).filter((v) => v !== undefined));
    row('5. JS heap used after load (after GC, V8 used size) / DOM nodes', `${mb(m('app', 'load', 'used'))} / ${m('app', 'load', 'nodes')}`, `${mb(m('floor', 'load', 'used'))} / ${m('floor', 'load', 'nodes')}`, x(ratioOf(m('app', 'load', 'used'), m('floor', 'load', 'used'))), '', 'info');
    const sw = memory.app[0]?.switches ?? 0;
    for (const when of ['warm', 'after']) {
      row(`5. app after ${when === 'warm' ? 4 : sw} view switches: V8 used / compiled code / objects (count) / DOM nodes / listeners`,
        `${mb(m('app', when, 'used'))} / ${mb(m('app', when, 'code'))} / ${mb(m('app', when, 'objects'))} (${Math.round(m('app', when, 'objectCount'))}) / ${m('app', when, 'nodes')} / ${m('app', when, 'listeners')}`, '—', '', '', 'info');
    }
    const g = (k) => m('app', 'after', k) - m('app', 'warm', k);
    F.growth = { code: g('code'), objects: g('objects'), objectCount: g('objectCount'), nodes: g('nodes'), listeners: g('listeners') };
    const pass = F.growth.objects <= BUDGET.objectsMB && F.growth.nodes <= 0 && F.growth.listeners <= 0;
    row(`5. growth from 4 to ${sw} view switches: objects / (count) / DOM nodes / listeners; compiled code`,
      `${signed(F.growth.objects)} MB / (${signed(F.growth.objectCount, 0)}) / ${signed(F.growth.nodes, 0)} / ${signed(F.growth.listeners, 0)}; code ${signed(F.growth.code)} MB`, '—', '',
      `runs: objects ${spread(memory.app.map((r) => r.after.objects - r.warm.objects), (v) => signed(v))} MB`, `objects ≤ +${BUDGET.objectsMB} MB, DOM and listeners ≤ 0`, check('no growth over view switches', pass, `${signed(F.growth.objects)} MB, ${signed(F.growth.nodes, 0)} nodes, ${signed(F.growth.listeners, 0)} listeners`));
  }
  return { rows, checks, F };
}
