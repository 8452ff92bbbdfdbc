// One round of the map measurements: the app's and the floor's first chart
// under a throttled network and CPU, then year changes with the arrow keys,
// alternating between the two pages press by press, then playing years on
// each, all at CPU 4×.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { blur, networkQuiet, newPage, NO_THROTTLING, setCpu, waitFirst } from './probe.mjs';

export const MAP_URL = '?view=map&metric=incubators_national&year=';
export const MAP_METRIC = 'incubators_national';
export const PLAY_INTERVAL_MS = 1400; // src/components/YearControl.tsx (the floor uses the same)

/**
 * The years the app's map offers for MAP_METRIC — those with provincial
 * figures (else the national ones) — read from a build's data/figures.csv,
 * with `years.codes`: year → the codes of the provinces with a figure.
 */
export function mapYears(dist) {
  const rows = Papa.parse(readFileSync(join(dist, 'data/figures.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data.filter((r) => r.metric === MAP_METRIC);
  const prov = rows.filter((r) => r.region_code !== 'CN');
  const codes = new Map();
  for (const r of prov) codes.set(Number(r.year), [...new Set([...(codes.get(Number(r.year)) ?? []), r.region_code])]);
  const years = [...new Set((prov.length ? prov : rows).map((r) => Number(r.year)))].sort((a, b) => a - b);
  return Object.assign(years, { codes });
}

/**
 * The URL of the map with the first year, for the app or the floor; the floor
 * gets the same years and, per year, the provinces with data, so that both
 * draw as many provinces with a value.
 */
export function mapUrl(base, target, years) {
  if (target === 'app') return `${base}${MAP_URL}${years[0]}`;
  const codes = years.codes ?? new Map();
  // 'floor-svg' (run.mjs --floor-svg): the floor drawing the SVG outlines, as the app draws a year
  return `${base}?years=${years.map((y) => (codes.get(y)?.length ? `${y}:${codes.get(y).join('.')}` : String(y))).join(',')}${target === 'floor-svg' ? '&svg=1' : ''}`;
}

/** until the page's main thread is idle (at most 3 s) */
const idle = (page) => page.evaluate(() => new Promise((r) => requestIdleCallback(() => r(), { timeout: 3000 })));

const yearText = (page) => page.evaluate(() => document.querySelector('[data-testid="year-value"]')?.textContent ?? '');

/**
 * Play `ticks` years from the current one, then pause. Per tick: from the
 * start of the play loop's timer callback to the chart's `rendered` and to
 * the end of the next frame; and every frame interval from the click on play
 * to the pause.
 */
async function play(page, ticks, cdp) {
  if (cdp) await setCpu(cdp, true);
  await blur(page);
  await page.waitForTimeout(300);
  const n0 = await page.evaluate(() => window.__bench.ticks.length);
  const t0 = await page.evaluate(() => window.__bench.startFrames());
  await page.click('[data-testid="play"]');
  const played = await page.evaluate((n) => window.__bench.waitFor('B.ticks.length >= arg', n, 60000), n0 + ticks);
  if (!played) throw new Error('the play loop did not tick');
  await page.click('[data-testid="play"]'); // pause (before the next tick)
  // the last tick's year has been shown (or five seconds have passed)
  await page.evaluate(() => window.__bench.waitFor(`B.shown.some((s) => s.kind === 'tick' && s.t === B.ticks.at(-1))`, null, 5000));
  await page.waitForTimeout(200);
  const tStop = await page.evaluate(() => window.__bench.stopFrames());
  if (cdp) await setCpu(cdp, false);
  const B = await page.evaluate(() => ({ frames: window.__bench.frames, ticks: window.__bench.ticks, shown: window.__bench.shown }));
  const out = [];
  for (const t of B.ticks.slice(n0, n0 + ticks)) {
    const s = B.shown.find((x) => x.kind === 'tick' && x.t === t);
    out.push({ appear: s ? s.painted - t : NaN, rendered: s ? s.rendered - t : NaN });
  }
  const intervals = [];
  for (let k = 1; k < B.frames.length; k++) if (B.frames[k - 1] >= t0 && B.frames[k] <= tStop) intervals.push(B.frames[k] - B.frames[k - 1]);
  return { ticks: out, intervals, longest: intervals.length ? Math.max(...intervals) : NaN };
}

/**
 * Year changes with the arrow keys on one page, back and forth over `years`
 * (→ to the last year, ← to the first, …). `step()` presses once and waits
 * (in the page, without polling) for the next frame after the drawing and for
 * the key's Event Timing entry, then until the page is idle (the work the
 * step queued after its paint — the address-bar write, deferred renders — is
 * done before anything else is pressed, on this page or the other one).
 * `collect()` gives, per press: the Event Timing interaction (keydown and keyup
 * entries grouped by interactionId; its duration is the longest, key press →
 * next paint, in Chromium's 8 ms steps), its parts (input delay, handlers,
 * until the paint), and the unrounded times to the chart's `rendered` and to
 * the end of the next frame.
 */
export async function stepper(page, years, cdp = null) {
  await blur(page);
  await page.waitForTimeout(300);
  let idx = years.indexOf(Number(await yearText(page)));
  if (idx < 0) throw new Error(`year ${await yearText(page)} is not one of ${years.join(',')}`);
  let dir = 1;
  const k0 = await page.evaluate(() => window.__bench.keys.length);
  const seen = [];
  return {
    get last() {
      return idx;
    },
    async step() {
      if (!years[idx + dir]) dir = -dir;
      // throttled while it is measured (see setCpu), and a little wait so as not to press in step with the display
      if (cdp) await setCpu(cdp, true);
      await page.waitForTimeout(30 + Math.random() * 40);
      const n = await page.evaluate(() => window.__bench.keys.length);
      await page.keyboard.press(dir > 0 ? 'ArrowRight' : 'ArrowLeft');
      idx += dir;
      // (no entry comes for an interaction under 16 ms: then the wait ends after 3 s)
      await page.evaluate(
        (k) =>
          window.__bench.waitFor(
            `B.keys[arg] && B.shown.some((s) => s.kind === 'key' && s.t === B.keys[arg].t) && B.events.some((e) => e.name === 'keydown' && Math.abs(e.start - B.keys[arg].t) < 1)`,
            k,
            3000,
          ),
        n,
      );
      seen.push(await yearText(page));
      // until the page is idle (the work the step queued after its paint is done)
      await idle(page);
      if (cdp) await setCpu(cdp, false);
    },
    async collect() {
      await page.waitForTimeout(300); // keyup entries
      const B = await page.evaluate(() => ({ keys: window.__bench.keys, events: window.__bench.events, shown: window.__bench.shown }));
      const out = [];
      for (const k of B.keys.slice(k0).filter((x) => x.key === 'ArrowRight' || x.key === 'ArrowLeft')) {
        const kd = B.events.find((e) => e.name === 'keydown' && Math.abs(e.start - k.t) < 1);
        const group = kd && kd.id ? B.events.filter((e) => e.id === kd.id) : kd ? [kd] : [];
        const s = B.shown.find((x) => x.kind === 'key' && x.t === k.t);
        out.push({
          // no entry: the interaction took under 16 ms (counted as 8 ms, the middle of Chromium's 0–16 ms)
          duration: group.length ? Math.max(...group.map((e) => e.duration)) : 8,
          under16: !kd,
          keydown: kd ? kd.duration : NaN,
          keyup: group.some((e) => e.name === 'keyup') ? Math.max(...group.filter((e) => e.name === 'keyup').map((e) => e.duration)) : NaN,
          inputDelay: kd ? kd.pStart - kd.start : NaN,
          processing: kd ? kd.pEnd - kd.pStart : NaN,
          toPaint: kd ? kd.start + kd.duration - kd.pEnd : NaN,
          rendered: s ? s.rendered - k.t : NaN,
          painted: s ? s.painted - k.t : NaN,
        });
      }
      return { steps: out, yearsSeen: seen, last: idx };
    },
  };
}

/** Back from the year at index `idx` to the first one with ← (not timed), then until the page is idle. */
async function rewind(page, idx) {
  await blur(page);
  for (let i = 0; i < idx; i++) {
    await page.keyboard.press('ArrowLeft');
    await idle(page);
  }
  // the address bar is written once the steps have been quiet for 300 ms (src/state/urlSync.ts)
  await page.waitForTimeout(500);
  await idle(page);
}

/** `steps` year changes on one page (see stepper). */
export async function stepYears(page, years, steps) {
  const s = await stepper(page, years);
  for (let i = 0; i < steps; i++) await s.step();
  return s.collect();
}

/** A page of one side with its first chart drawn under a throttled network and CPU, then the network unthrottled. */
async function openSide(browser, base, side, years) {
  const p = await newPage(browser, { cpu: true, net: true });
  await p.page.goto(mapUrl(base, side, years), { waitUntil: 'commit', timeout: 120000 });
  await waitFirst(p.page, 'map-chart');
  const first = await p.page.evaluate(() => window.__bench.first['map-chart']);
  // what loads after the first chart (toolbar, sources panel) arrives before the timings start
  await p.cdp.send('Network.emulateNetworkConditions', NO_THROTTLING);
  // not throttled while other pages are measured (see setCpu); the measurements throttle it again
  await setCpu(p.cdp, false);
  await networkQuiet(p.page, 1000);
  // the app's service worker (registered after its first chart) fills its cache with the whole
  // build in the background, which the page's resource timing does not see: wait until it is
  // active, so that this work does not overlap what is measured next (the other side's first
  // chart, the year changes); it was still installing ≈ 130 ms after the network was quiet.
  await p.page.evaluate(async () => {
    const reg = await navigator.serviceWorker?.getRegistration();
    if (reg) await Promise.race([navigator.serviceWorker.ready, new Promise((r) => setTimeout(r, 30000))]);
  });
  await networkQuiet(p.page, 500);
  if (await p.page.evaluate(() => Boolean(window.__bench.noEventTiming))) throw new Error('this Chromium has no Event Timing API (PerformanceObserver type "event")');
  return { ...p, first };
}

/**
 * One round: the two sides' pages are loaded one after the other (first
 * chart), then the year changes alternate between them press by press (the
 * side that goes first alternates too), so that both meet the same machine
 * load; then both go back to the first year and each plays `ticks` years
 * from it (the same years every round), one after the other. `order`: which
 * side loads and plays first. `kinds`: which page each side opens (the A/A
 * control opens the app on both).
 */
export async function mapRound(browser, bases, years, order, { ticks, steps, kinds = { app: 'app', floor: 'floor' } }) {
  const open = {};
  try {
    for (const side of order) open[side] = await openSide(browser, bases[side], kinds[side], years);
    const st = {};
    for (const side of order) st[side] = await stepper(open[side].page, years, open[side].cdp);
    for (let i = 0; i < steps; i++) for (const side of i % 2 ? [...order].reverse() : order) await st[side].step();
    const out = {};
    for (const side of order) out[side] = await st[side].collect();
    // back to the first year on both, then play `ticks` years from there (at most to the last one):
    // both sides play the same years, and every round the same ones
    const n = Math.min(ticks, years.length - 1);
    for (const side of order) await rewind(open[side].page, out[side].last);
    for (const side of order) {
      const played = n > 0 ? await play(open[side].page, n, open[side].cdp) : { ticks: [], intervals: [], longest: NaN };
      out[side] = { firstChart: open[side].first.t, resources: open[side].first.resources, play: played, ...out[side], errors: open[side].errors };
    }
    return out;
  } finally {
    for (const side of Object.keys(open)) await open[side].context.close();
  }
}
