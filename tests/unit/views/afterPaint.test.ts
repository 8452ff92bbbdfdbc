import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterNextPaint, PAINT_WAIT_MS } from '../../../src/components/afterPaint';

/** A window whose frames and timers the test runs by hand (through vitest's fake timers for the timers). */
function fakeWindow() {
  const frames = new Map<number, () => void>();
  let id = 0;
  return {
    frames,
    /** the browser's next frame: its animation-frame callbacks */
    frame() {
      const due = [...frames.values()];
      frames.clear();
      for (const f of due) f();
    },
    requestAnimationFrame: (fn: () => void) => (frames.set(++id, fn), id),
    cancelAnimationFrame: (i: number) => void frames.delete(i),
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms) as unknown as number,
    clearTimeout: (i: number) => clearTimeout(i),
  };
}

describe('afterNextPaint', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs in a task after the next frame, not before it, and once', () => {
    vi.useFakeTimers();
    const win = fakeWindow();
    const fn = vi.fn();
    afterNextPaint(fn, win);
    vi.advanceTimersByTime(10);
    expect(fn).not.toHaveBeenCalled(); // no frame yet
    win.frame();
    expect(fn).not.toHaveBeenCalled(); // not inside the frame's callbacks: after its paint
    vi.advanceTimersByTime(0);
    expect(fn).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(PAINT_WAIT_MS * 2);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('runs after PAINT_WAIT_MS when no frame comes (a hidden tab)', () => {
    vi.useFakeTimers();
    const win = fakeWindow();
    const fn = vi.fn();
    afterNextPaint(fn, win);
    vi.advanceTimersByTime(PAINT_WAIT_MS - 1);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(1);
    expect(win.frames.size).toBe(0);
  });

  it('does not run once cancelled', () => {
    vi.useFakeTimers();
    const win = fakeWindow();
    const fn = vi.fn();
    const cancel = afterNextPaint(fn, win);
    win.frame();
    cancel();
    vi.advanceTimersByTime(PAINT_WAIT_MS * 2);
    expect(fn).not.toHaveBeenCalled();
  });
});
