// One round of the map measurements on one side (app or floor): the first
// chart under a throttled network and CPU, then stepping years with the arrow
// keys, then playing years, all in the same page at CPU 4×.
import { blur, networkQuiet, newPage, NO_THROTTLING, waitFirst } from './probe.mjs';

export const MAP_URL = '?view=map&metric=incubators_national&year=';
export const MAP_METRIC = 'incubators_national';
export const PLAY_INTERVAL_MS = 1400; // src/components/YearControl.tsx (the floor uses the same)

/** The URL of the map with the first year, for the app or the floor (which gets the same years). */
export function mapUrl(base, target, years) {
  return target === 'app' ? `${base}${MAP_URL}${years[0]}` : `${base}?years=${years.join(',')}`;
}

const yearText = (page) => page.evaluate(() => document.querySelector('[data-testid="year-value"]')?.textContent ?? '');

/**
 * Play `ticks` years from the current one, then pause. Per tick: from the
 * start of the play loop's timer callback to the chart's `rendered` and to
 * the end of the next frame; and every frame interval from the click on play
 * to the pause.
 */
async function play(page, ticks) {
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
 * `steps` year changes with the arrow keys, back and forth over `years`
 * (→ to the last year, ← to the first, …). Per press: the Event Timing
 * interaction (keydown and keyup entries grouped by interactionId; its
 * duration is the longest, key press → next paint, in Chromium's 8 ms steps),
 * its parts (input delay, handlers, until the paint), and the unrounded times
 * to the chart's `rendered` and to the end of the next frame.
 */
export async function stepYears(page, years, steps) {
  await blur(page);
  await page.waitForTimeout(300);
  let idx = years.indexOf(Number(await yearText(page)));
  if (idx < 0) throw new Error(`year ${await yearText(page)} is not one of ${years.join(',')}`);
  let dir = 1;
  const k0 = await page.evaluate(() => window.__bench.keys.length);
  const seen = [];
  for (let i = 0; i < steps; i++) {
    if (!years[idx + dir]) dir = -dir;
    const n = await page.evaluate(() => window.__bench.keys.length);
    await page.keyboard.press(dir > 0 ? 'ArrowRight' : 'ArrowLeft');
    idx += dir;
    // wait (in the page, without polling) for the next frame after the drawing and the key's
    // Event Timing entry (it comes after the paint; none comes for an interaction under 16 ms)
    const ok = await page.evaluate(
      (k) =>
        window.__bench.waitFor(
          `B.keys[arg] && B.shown.some((s) => s.kind === 'key' && s.t === B.keys[arg].t) && B.events.some((e) => e.name === 'keydown' && Math.abs(e.start - B.keys[arg].t) < 1)`,
          k,
          3000,
        ),
      n,
    );
    if (!ok) await page.waitForTimeout(0); // under 16 ms, or no redraw: told apart below
    seen.push(await yearText(page));
    // let the work queued after the paint run (the address bar is written in a later task), and
    // do not press in step with the display's refresh
    await page.waitForTimeout(80 + Math.random() * 40);
  }
  await page.waitForTimeout(300); // keyup entries
  const last = idx;
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
  return { steps: out, yearsSeen: seen, last };
}

/** One round on one side: first chart (throttled network and CPU), play, year steps (CPU). */
export async function mapRound(browser, base, target, years, { ticks, steps }) {
  const { context, page, cdp, errors } = await newPage(browser, { cpu: true, net: true });
  try {
    await page.goto(mapUrl(base, target, years), { waitUntil: 'commit', timeout: 120000 });
    await waitFirst(page, 'map-chart');
    const first = await page.evaluate(() => window.__bench.first['map-chart']);
    // what loads after the first chart (toolbar, sources panel) arrives before the timings start
    await cdp.send('Network.emulateNetworkConditions', NO_THROTTLING);
    await networkQuiet(page, 1000);
    const noEventTiming = await page.evaluate(() => Boolean(window.__bench.noEventTiming));
    if (noEventTiming) throw new Error('this Chromium has no Event Timing API (PerformanceObserver type "event")');
    // steps first: both sides start them on the first year, so they step through the same years
    const stepped = await stepYears(page, years, steps);
    // play on from there (the years left before the last one: playing from the last year would start over)
    const n = Math.min(ticks, years.length - 1 - stepped.last);
    const played = n > 0 ? await play(page, n) : { ticks: [], intervals: [], longest: NaN };
    return { firstChart: first.t, resources: first.resources, play: played, ...stepped, errors };
  } finally {
    await context.close();
  }
}
