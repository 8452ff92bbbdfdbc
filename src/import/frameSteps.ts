/**
 * Drawing a long report in parts, so that no single task holds up the page:
 * a count that grows after each painted frame by a step sized from how long
 * the last step took, halved after a long task.
 */
import { startTransition, useEffect, useRef, useState } from 'react';

/** The work a frame of a report drawn in parts should take, in ms: well under the 50 ms of a "long task". */
const FRAME_WORK_MS = 30;

/** A report is drawn at once unless it is this big: then top first, a part per frame. */
export const AT_ONCE = { metrics: 6, problems: 20, columns: 20 };

/** When the last long task (over 50 ms) began, where the browser reports them. */
let lastLongTask = -Infinity;
let watchingLongTasks = false;
function watchLongTasks(): void {
  if (watchingLongTasks || typeof PerformanceObserver === 'undefined' || !PerformanceObserver.supportedEntryTypes?.includes('longtask')) return;
  watchingLongTasks = true;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) lastLongTask = Math.max(lastLongTask, e.startTime);
  }).observe({ type: 'longtask' });
}

/**
 * How much of a long report or list to draw: a count from `first` up to
 * `total` that grows after each frame is painted, by a step sized from how
 * long the last step took (from asking for it to its frame being painted,
 * less a frame's wait) so that a step takes about FRAME_WORK_MS, and halved
 * after a long task: a fast PC draws it all in a few frames, a slow one a
 * little per frame, and no single task holds up the page.
 */
export function useFrameSteps(first: number, total: number, firstStep = 1): number {
  const [state, setState] = useState({ n: Math.min(first, total), step: firstStep });
  const asked = useRef(0);
  useEffect(watchLongTasks, []);
  useEffect(() => {
    if (state.n >= total) return;
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      // after the frame that showed the last step
      timer = window.setTimeout(() => {
        const now = performance.now();
        const since = asked.current;
        asked.current = now;
        // a transition: React makes the step's elements a slice at a time, yielding to the page between slices (only putting them in the page is one task)
        startTransition(() =>
          setState((x) => {
            let step = x.step;
            if (since && lastLongTask >= since) step = Math.max(1, step >> 1);
            else if (since) step = Math.max(1, Math.min(step * 2, Math.floor((step * FRAME_WORK_MS) / Math.max(1, now - since - 17))));
            return { n: Math.min(total, x.n + step), step };
          }),
        );
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [state, total]);
  return state.n;
}

const NUMBER_FORMATS = new Map<string, Intl.NumberFormat>();
/** `n.toLocaleString(locale)` without making a formatter for every number. */
export function numberFormat(locale: string): Intl.NumberFormat {
  let f = NUMBER_FORMATS.get(locale);
  if (!f) NUMBER_FORMATS.set(locale, (f = new Intl.NumberFormat(locale)));
  return f;
}
