#!/usr/bin/env node
// `npm run bench`: builds the app and the floor (bench/floor), measures both in
// headless Chromium — app and floor interleaved, round by round — prints a
// table with PASS/FAIL per budget (each a ratio to the floor measured in the
// same run), writes bench/RESULTS.md and exits 1 if a budget fails. See
// bench/README.md for what is measured and how.
//
// Options: --quick (a short run for development; never writes RESULTS.md),
//          --rounds N, --steps N, --ticks N (override the counts),
//          --no-build (measure existing builds), --no-write,
//          --only map|import|memory (that part alone; never writes),
//          --control (the map rounds with the app on both sides, an A/A run: its
//          "ratios" are the benchmark's own noise; never writes),
//          --floor-svg (the map rounds against the floor drawing the SVG outlines, as
//          the app draws a year: the app's own cost beyond ECharts' cheaper map; never writes).
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { startServer } from '../tests/e2e/server.mjs';
import { launch } from '../tests/e2e/browser.mjs';
import { measureBytes } from './bytes.mjs';
import { importFixture, IMPORT_ROWS } from './import-fixture.mjs';
import { importRun } from './import.mjs';
import { mapRound, mapUrl, mapYears } from './map.mjs';
import { memoryRun } from './memory.mjs';
import { CPU_RATE } from './probe.mjs';
import { figures } from './figures.mjs';
import { report } from './report.mjs';
import { buildTarget, distPathOf, gzipMirror, ms, OUT, REPO, sizeOf, TARGETS } from './lib.mjs';

// an even number of rounds: each side loads, steps and plays first in half of them (the page opened
// second measured 9–11 ms slower per step in an A/A run, bench/DIAGNOSIS.md); 6 × 26 = 156 year
// changes and 6 × 12 = 72 played years per side (an A/A run with 48 ticks per side gave the app
// against itself a "ratio" of 1.17 for playing: fewer ticks cannot judge a 1.15 budget)
const FULL = { rounds: 6, steps: 26, ticks: 12, importRuns: 4, memoryRuns: 2, switches: 40 };
// 18 steps end on the 7th year (12 → and 6 ←), which leaves years to play
const QUICK = { rounds: 2, steps: 18, ticks: 3, importRuns: 1, memoryRuns: 1, switches: 12 };

function parseArgs(argv) {
  const o = { build: true, write: true, only: null, quick: argv.includes('--quick'), control: argv.includes('--control'), floorSvg: argv.includes('--floor-svg') };
  Object.assign(o, o.quick ? QUICK : FULL);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--no-build') o.build = false;
    else if (a === '--no-write') o.write = false;
    else if (a === '--only') o.only = argv[++i];
    else if (['--rounds', '--steps', '--ticks'].includes(a)) o[a.slice(2)] = Math.max(1, Number(argv[++i]) || 1);
  }
  if (o.control || o.floorSvg) o.only = 'map';
  if (o.quick || o.only) o.write = false;
  return o;
}

const opts = parseArgs(process.argv.slice(2));
const started = performance.now();
const log = (...a) => console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s]`, ...a);
const loads = [os.loadavg()[0]];
const sampleLoad = () => loads.push(os.loadavg()[0]);

if (opts.rounds % 2) log(`warning: ${opts.rounds} rounds: the side that goes first is not balanced (use an even number)`);
if (opts.control) log('A/A control: the app on both sides ("floor" below is a second page of the app); the ratios are the benchmark\'s own noise');
if (loads[0] > os.cpus().length * 0.75) log(`warning: load average ${loads[0].toFixed(1)} on ${os.cpus().length} cores: other work is running, timings will be slower and noisier`);
const bytes = await measureBytes({ build: opts.build, log });
const years = mapYears(TARGETS.app.outDir);
// --floor-svg: a floor built with its SVG variant in (VITE_FLOOR_SVG; the budgets' floor has none of its code)
const floorSvg = { ...TARGETS.floor, name: 'floor-svg', outDir: join(OUT, 'bench-floor-svg') };
if (opts.floorSvg) {
  process.env.VITE_FLOOR_SVG = '1';
  await buildTarget(floorSvg);
  delete process.env.VITE_FLOOR_SVG;
}
// the build each side is served from (the floor-svg one under --floor-svg)
const served = { app: TARGETS.app.outDir, floor: (opts.floorSvg ? floorSvg : TARGETS.floor).outDir };
const mirrors = { app: await gzipMirror(served.app), floor: await gzipMirror(served.floor) };
const servers = {};
for (const k of ['app', 'floor']) servers[k] = await startServer({ dir: mirrors[k], prefix: '/', headers: { 'content-encoding': 'gzip', vary: 'accept-encoding' } });
const browser = await launch();
const chromium = browser.version();
const want = (part) => !opts.only || opts.only === part;

const rounds = { app: [], floor: [] };
const memory = { app: [], floor: [] };
const imports = { plain: [], cpu: [] };
const fixture = importFixture();
const importFile = join(OUT, 'bench-import-100k.csv');
await writeFile(importFile, fixture.text);
try {
  const bases = { app: servers.app.base, floor: opts.control ? servers.app.base : servers.floor.base };
  const kinds = opts.control ? { app: 'app', floor: 'app' } : { app: 'app', floor: opts.floorSvg ? 'floor-svg' : 'floor' };
  for (let i = 0; i < opts.rounds && want('map'); i++) {
    const r = await mapRound(browser, bases, years, i % 2 ? ['app', 'floor'] : ['floor', 'app'], { ...opts, kinds });
    for (const t of ['app', 'floor']) rounds[t].push(r[t]);
    sampleLoad();
    log(`round ${i + 1}/${opts.rounds}: first chart app ${ms(r.app.firstChart)}, floor ${ms(r.floor.firstChart)}; ${r.app.steps.length} + ${r.floor.steps.length} year changes, ${r.app.play.ticks.length} + ${r.floor.play.ticks.length} played years`);
  }
  for (let i = 0; i < opts.importRuns && want('import'); i++) {
    for (const cpu of i % 2 ? [true, false] : [false, true]) {
      const r = await importRun(browser, servers.app.base, mapUrl('', 'app', years), importFile, { cpu, papaFirst: i % 2 === 1 });
      imports[cpu ? 'cpu' : 'plain'].push(r);
      sampleLoad();
      log(`import run ${i + 1}/${opts.importRuns}${cpu ? ` CPU ${CPU_RATE}×` : ', no throttling'}: report shown after ${ms(r.shown)}, whole ${ms(r.whole)} (${r.via}, ${r.records} records), papaparse ${ms(r.papa.total)}; longest task ${ms(r.longest)}${r.traced ? ` (trace ${ms(r.traced.longest)}, posted from ${r.traced.from || '?'}, of it V8 GC ${ms(r.traced.gc)})` : ''}`);
    }
  }
  for (let i = 0; i < opts.memoryRuns && want('memory'); i++) {
    for (const t of ['floor', 'app']) memory[t].push(await memoryRun(browser, mapUrl(servers[t].base, t, years), t, opts.switches));
    sampleLoad();
    const m = memory.app.at(-1);
    log(`memory run ${i + 1}/${opts.memoryRuns}: objects ${m.warm.objects.toFixed(2)} → ${m.after.objects.toFixed(2)} MB, code ${m.warm.code.toFixed(2)} → ${m.after.code.toFixed(2)} MB, DOM nodes ${m.warm.nodes} → ${m.after.nodes}, listeners ${m.warm.listeners} → ${m.after.listeners}`);
  }
} finally {
  await browser.close();
  for (const s of Object.values(servers)) await s.close();
}

// what each side loaded before its first chart, from the browser's resource timing: the round
// with the median byte count (a slow round can load more before its first chart: the app starts
// loading what comes after the first chart after a 4 s fallback, src/state/firstChart.ts)
const measuredFirst = {};
for (const t of ['app', 'floor']) {
  const per = rounds[t].map((r) => {
    const paths = new Set();
    for (const { url } of r.resources) {
      const p = distPathOf(served[t], new URL(url).pathname);
      if (p) paths.add(p);
    }
    return sizeOf(served[t], [...paths]);
  });
  per.sort((a, b) => a.gzip - b.gzip);
  measuredFirst[t] = per.length ? { ...per[(per.length - 1) >> 1], rounds: per.map((x) => x.gzip) } : bytes.first[t];
}
sampleLoad();
const fig = figures({ bytes, measuredFirst, rounds, imports, memory, importOk: (r) => r.via === 'worker' && r.records === IMPORT_ROWS.toLocaleString('en-US') });
const cpus = os.cpus();
const machine = {
  cpu: cpus[0]?.model ?? 'unknown CPU',
  cores: cpus.length,
  memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GB`,
  os: `${os.type()} ${os.release()} ${os.arch()}`,
  node: process.version,
  chromium,
  loads,
  date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  minutes: (performance.now() - started) / 60000,
};
const { console: text, markdown } = report({ opts, fig, machine, years, fixture, bytes, measuredFirst, rounds, imports });
console.log('');
if (opts.floorSvg) console.log('FLOOR ON SVG — the floor draws the SVG outlines, as the app draws a year (not the budgets\' floor): the app\'s own cost beyond ECharts\' cheaper map:\n');
if (opts.control) console.log('A/A CONTROL — both columns are the app ("floor" = a second page of it); PASS/FAIL below is the noise, not the app:\n');
console.log(text);
if (opts.write) {
  await writeFile(join(REPO, 'bench/RESULTS.md'), markdown);
  log('wrote bench/RESULTS.md');
}
log(`done in ${machine.minutes.toFixed(1)} min`);
process.exitCode = fig.checks.every((c) => c.pass) ? 0 : 1;
