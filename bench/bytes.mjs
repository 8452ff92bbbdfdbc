#!/usr/bin/env node
// `npm run bench:bytes`: the fast byte budget, no browser. Builds the app and
// the floor (bench/floor), then compares the gzip bytes of the JS and CSS that
// index.html loads before the first chart. Exits 1 if the app needs more than
// 1.15 × the floor's bytes. Options: --no-build (measure existing builds),
// --app DIR (measure an existing app build, e.g. dist, instead of building it),
// --explain (list the sources the app loads before its first chart that the
// floor does not).
import { resolve } from 'node:path';
import { attribute, buildTarget, extraByKind, extraOverFloor, kb, staticFirstChart, table, TARGETS, wholeBuild } from './lib.mjs';

export const BYTES_BUDGET = 1.15;

export async function measureBytes({ build = true, log = console.log } = {}) {
  if (build) {
    for (const t of [TARGETS.app, TARGETS.floor]) {
      if (t.prebuilt) continue;
      const took = await buildTarget(t);
      log(`built ${t.name} → ${t.outDir} (${(took / 1000).toFixed(1)} s)`);
    }
  }
  const first = { app: staticFirstChart(TARGETS.app), floor: staticFirstChart(TARGETS.floor) };
  const whole = { app: wholeBuild(TARGETS.app.outDir), floor: wholeBuild(TARGETS.floor.outDir) };
  return { first, whole };
}

/** What the app loads before its first chart beyond the floor: by kind, and the largest sources. */
export function explain(appPaths, floorPaths, limit = Number(process.env.EXPLAIN_TOP ?? 15)) {
  const extra = extraOverFloor(attribute(TARGETS.app.outDir, appPaths), attribute(TARGETS.floor.outDir, floorPaths));
  return { kinds: extraByKind(extra), top: extra.slice(0, limit) };
}

async function main() {
  const argv = process.argv.slice(2);
  const args = new Set(argv);
  const appDir = argv.indexOf('--app');
  if (appDir >= 0 && argv[appDir + 1]) Object.assign(TARGETS.app, { outDir: resolve(argv[appDir + 1]), prebuilt: true });
  const { first, whole } = await measureBytes({ build: !args.has('--no-build') });
  const ratio = first.app.gzip / first.floor.gzip;
  const pass = ratio <= BYTES_BUDGET;
  console.log('');
  console.log(table(
    ['gzip bytes', 'app', 'floor', 'app / floor'],
    [
      ['JS + CSS before the first chart (index.html)', kb(first.app.gzip), kb(first.floor.gzip), `${ratio.toFixed(2)}×`],
      ['  of which JS', kb(first.app.js), kb(first.floor.js), ''],
      ['  of which CSS', kb(first.app.css), kb(first.floor.css), ''],
      ['JS + CSS of the whole build', kb(whole.app.gzip), kb(whole.floor.gzip), `${(whole.app.gzip / whole.floor.gzip).toFixed(2)}×`],
    ],
  ));
  console.log(`\nbefore the first chart, app: ${first.app.files.map((f) => `${f.path} (${kb(f.gzip)})`).join(', ')}`);
  if (first.app.lazy.length) console.log(`lazy chunks needed for the first chart: ${first.app.lazy.join('; ')}`);
  if (args.has('--explain') || !pass) {
    console.log('\nloaded before the first chart by the app but not the floor (≈ gzip, from source maps):');
    const ex = explain(first.app.files.map((f) => f.path), first.floor.files.map((f) => f.path));
    for (const k of ex.kinds) console.log(`  ${kb(k.gzip).padStart(9)}  ${k.kind}`);
    console.log('  largest:');
    for (const r of ex.top) console.log(`  ${kb(r.gzip).padStart(9)}  ${r.group}`);
  }
  console.log(`\n${pass ? 'PASS' : 'FAIL'}  JS+CSS before the first chart ≤ ${BYTES_BUDGET} × floor: ${kb(first.app.gzip)} vs ${kb(first.floor.gzip * BYTES_BUDGET)} allowed (${ratio.toFixed(2)}×; ${Math.round(first.floor.gzip * BYTES_BUDGET - first.app.gzip)} B to spare)`);
  process.exitCode = pass ? 0 : 1;
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
