// The console summary and bench/RESULTS.md of a benchmark run.
import { join } from 'node:path';
import { explain } from './bytes.mjs';
import { BUDGET } from './figures.mjs';
import { PAPAPARSE_VERSION } from './import.mjs';
import { binnedPercentile, distPathOf, gzipSize, kb, median, ms, table, TARGETS } from './lib.mjs';
import { MAP_URL } from './map.mjs';
import { CPU_RATE, VIEWPORT } from './probe.mjs';

const HEAD = ['measure', 'app', 'floor', 'app / floor', 'spread over rounds', 'budget', 'result'];

/** The round nearest the median first-chart time, as a request waterfall up to its first chart. */
function waterfall(rounds, t) {
  const rs = rounds[t];
  if (!rs.length) return '';
  const fc = median(rs.map((r) => r.firstChart));
  const r = [...rs].sort((a, b) => Math.abs(a.firstChart - fc) - Math.abs(b.firstChart - fc))[0];
  const lines = r.resources.map(({ url, start, end }) => {
    const path = new URL(url).pathname.replace(/^\//, '') || 'index.html';
    const rel = distPathOf(TARGETS[t].outDir, '/' + path);
    return [path.replace(/\?.*$/, ''), rel ? kb(gzipSize(join(TARGETS[t].outDir, rel))) : '', ms(start), ms(end)];
  });
  lines.push(['**first chart `finished`**', '', '', ms(r.firstChart)]);
  return table(['request', 'gzip', 'start', 'end'], lines);
}

export function report({ opts, fig, machine, years, fixture, bytes, measuredFirst, rounds, imports }) {
  const verdict = fig.checks.every((c) => c.pass) ? 'All budgets pass.' : `Budgets failing: ${fig.checks.filter((c) => !c.pass).map((c) => `${c.name} (${c.detail})`).join('; ')}.`;
  const summary = table(HEAD, fig.rows);
  const checks = fig.checks.map((c) => `${c.pass ? 'PASS' : 'FAIL'}  ${c.name}: ${c.detail}`).join('\n');
  const loadMax = Math.max(...machine.loads);
  const busy = machine.loads[0] > machine.cores * 0.75 || loadMax > machine.cores * 1.5;
  const consoleText = `${summary}\n\n${checks}\n\nload average (1 min): ${machine.loads.map((l) => l.toFixed(1)).join(' ')}`;

  const perRound = table(
    ['round', 'order', 'first chart app / floor', 'year change median app / floor', 'year change p95 app / floor', 'year to appear (median) app / floor', 'longest frame app / floor'],
    rounds.app.map((a, i) => {
      const f = rounds.floor[i];
      const y = (r, p) => (r ? ms(binnedPercentile(r.steps.map((s) => s.duration), p)) : '—');
      const ap = (r) => (r ? ms(median(r.play.ticks.map((k) => k.appear))) : '—');
      return [i + 1, i % 2 ? 'app, floor' : 'floor, app', `${ms(a.firstChart)} / ${ms(f?.firstChart)}`, `${y(a, 50)} / ${y(f, 50)}`, `${y(a, 95)} / ${y(f, 95)}`, `${ap(a)} / ${ap(f)}`, `${ms(a.play.longest)} / ${ms(f?.play.longest)}`];
    }),
  );
  const importRuns = table(['run', 'throttling', 'report shown', 'whole report drawn', 'dialog settled', 'papaparse: read + decode + parse', 'longest task (API / trace)', 'long tasks (API / trace)', 'longest frame gap', 'via'],
    [...imports.plain.map((r, i) => [i + 1, 'none', r]), ...imports.cpu.map((r, i) => [i + 1, `CPU ${CPU_RATE}×`, r])].map(([i, th, r]) =>
      [i, th, ms(r.shown), ms(r.whole), ms(r.settled), `${ms(r.papa.total)} = ${ms(r.papa.read)} + ${ms(r.papa.decode)} + ${ms(r.papa.parse)}`, r.traced ? `${ms(r.longest)} / ${ms(r.traced.longest)}` : ms(r.longest), r.traced ? `${r.longTasks} / ${r.traced.over50}` : r.longTasks, ms(r.gap), r.via]));
  const errors = [...new Set([...rounds.app, ...rounds.floor, ...imports.plain, ...imports.cpu].flatMap((r) => r.errors ?? []))];
  const extra = rounds.app.length ? explain(measuredFirst.app.files.map((f) => f.path), measuredFirst.floor.files.map((f) => f.path), 15) : null;
  const steps = (t) => rounds[t].reduce((a, r) => a + r.steps.length, 0);
  const ticks = (t) => rounds[t].reduce((a, r) => a + r.play.ticks.length, 0);

  const md = `# Benchmark results

Written by \`npm run bench\` (bench/run.mjs) on ${machine.date}; the run took ${machine.minutes.toFixed(1)} minutes.

- **Machine**: ${machine.cpu}, ${machine.cores} cores, ${machine.memory} memory, ${machine.os}; Node ${machine.node}; Chromium ${machine.chromium} (headless).
- **Load average** (1 min) at the start ${machine.loads[0].toFixed(1)}, highest during the run ${loadMax.toFixed(1)}, at the end ${machine.loads.at(-1).toFixed(1)} (this benchmark's own Chromium included)${busy ? ' — **the machine was busy with other work: timings are slower and noisier than on an idle machine; the ratios, measured round by round, are what to compare**' : ''}.
- **Rounds**: ${rounds.app.length} per side, app and floor alternating (floor first in odd rounds, app first in even ones), each a fresh page: first chart, then ${opts.steps} year changes with ←/→ over the years ${years[0]}–${years.at(-1)} (${years.length} years, back and forth), then back to the first year and up to ${opts.ticks} years played from it (${steps('app')} / ${steps('floor')} year changes and ${ticks('app')} / ${ticks('floor')} played years in all, app / floor).
- **Throttling**: CPU ${CPU_RATE}× (CDP \`Emulation.setCPUThrottlingRate\`) on the page being measured, only while it is measured (its load, each key press, its playing; see bench/README.md), for everything but the import's ratio and memory; network 1.6 Mbps down, 750 kbps up, 150 ms latency, cache disabled, until the first chart, then off.
- Served by tests/e2e/server.mjs on 127.0.0.1, every file gzip -9 encoded; viewport ${VIEWPORT.width}×${VIEWPORT.height}. App: \`${MAP_URL}${years[0]}\`; floor: bench/floor with the same years.
- Import: a deterministic ${fixture.stats ? `${(fixture.text.length / 2 ** 20).toFixed(1)} MB, ` : ''}100,000-row CSV (bench/import-fixture.mjs), ${imports.plain.length} runs without throttling and ${imports.cpu.length} at CPU ${CPU_RATE}×, against papaparse ${PAPAPARSE_VERSION} on the same File in the same page.

${summary}

**${verdict}**

How each figure is measured: bench/README.md. Budgets are ratios to the floor measured in the same run (the import: to papaparse); year change ≤ ${BUDGET.year}× for the median and the p95, playing ≤ ${BUDGET.appear}× for the median time to appear and ≤ ${BUDGET.longestFrame}× the floor's longest frame.

## Per round

${perRound}

## What is loaded before the first chart

App (${kb(measuredFirst.app.gzip)} gzip): ${measuredFirst.app.files.map((f) => `\`${f.path}\` ${kb(f.gzip)}`).join(', ')}.

Floor (${kb(measuredFirst.floor.gzip)} gzip): ${measuredFirst.floor.files.map((f) => `\`${f.path}\` ${kb(f.gzip)}`).join(', ')}.

Static check (\`npm run bench:bytes\`, from index.html without a browser): app ${kb(bytes.first.app.gzip)}, floor ${kb(bytes.first.floor.gzip)}.
${extra ? `
Beyond the floor, the app loads before its first chart (≈ gzip, from source maps): ${extra.kinds.map((k) => `${k.kind} ${kb(k.gzip)}`).join('; ')}. Largest: ${extra.top.slice(0, 10).map((r) => `${r.group} ${kb(r.gzip)}`).join(', ')}.
` : ''}
## Requests up to the first chart (the round nearest the median, throttled network)

App:

${waterfall(rounds, 'app')}

Floor:

${waterfall(rounds, 'floor')}

## Import runs (ms)

${importRuns}
${errors.length ? `\n## Page errors seen\n\n${errors.map((e) => `- ${e}`).join('\n')}\n` : ''}`;
  return { console: consoleText, markdown: md };
}
