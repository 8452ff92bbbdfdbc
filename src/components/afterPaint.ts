import { startTransition, useEffect, useState } from 'react';

/** The longest `afterNextPaint` waits for a frame (a hidden tab or an offscreen frame gets none). */
export const PAINT_WAIT_MS = 250;

interface PaintWindow {
  requestAnimationFrame: (fn: () => void) => number;
  cancelAnimationFrame: (id: number) => void;
  setTimeout: (fn: () => void, ms: number) => number;
  clearTimeout: (id: number) => void;
}

type PostTask = (fn: () => void, o: { priority: 'user-visible'; signal?: AbortSignal }) => Promise<unknown>;

/**
 * Run `fn` once the next frame has been painted: in a task posted from that frame's
 * animation-frame callback (it runs after the frame's style, layout and paint). A React render
 * scheduled from a timer or a key (React's scheduler posts a message) may otherwise run
 * before the browser paints, and the new year would reach the screen later. Without a frame
 * (hidden tab) it runs after PAINT_WAIT_MS. Returns a function that cancels it.
 */
export function afterNextPaint(fn: () => void, win: PaintWindow = window as unknown as PaintWindow): () => void {
  let done = false;
  let task = 0;
  const run = () => {
    if (done) return;
    done = true;
    win.cancelAnimationFrame(frame);
    win.clearTimeout(fallback);
    win.clearTimeout(task);
    fn();
  };
  const frame = win.requestAnimationFrame(() => {
    if (done) return;
    const post = (globalThis as { scheduler?: { postTask?: PostTask } }).scheduler?.postTask;
    if (post) void post.call((globalThis as { scheduler?: unknown }).scheduler, run, { priority: 'user-visible' }).catch(() => undefined);
    else task = win.setTimeout(run, 0);
  });
  const fallback = win.setTimeout(run, PAINT_WAIT_MS);
  return () => {
    done = true;
    win.cancelAnimationFrame(frame);
    win.clearTimeout(fallback);
    win.clearTimeout(task);
  };
}

/**
 * `value`, taken over once the frame that follows its change has been painted (and rendered
 * as a transition): for what does not have to change in the same frame as the chart — what
 * is below it, its toolbar — so that a year change paints the chart first. Unlike
 * `useDeferredValue`, whose render React may run before the browser paints. Pass a stable
 * value (memoised): a new one per render would render again after every paint.
 */
export function useAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    if (Object.is(shown, value)) return;
    return afterNextPaint(() => startTransition(() => setShown(() => value)));
    // `shown` is read, not followed: only a new value schedules
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  return shown;
}
