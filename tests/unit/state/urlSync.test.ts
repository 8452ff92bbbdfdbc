import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BURST_MS, historyWrite, onlyYearChanged, startUrlSync, STEP_QUIET_MS } from '../../../src/state/urlSync';
import { useStore } from '../../../src/state/store';
import { DEFAULT_STATE, type ViewState } from '../../../src/state/url';

const here: ViewState = { ...DEFAULT_STATE, view: 'map', metric: 'incubators_national', year: 2016 };

describe('onlyYearChanged', () => {
  it('is true when the year and nothing else of the URL changed', () => {
    expect(onlyYearChanged(here, { ...here, year: 2017 })).toBe(true);
    expect(onlyYearChanged(here, { ...here, year: 'latest' })).toBe(true);
  });
  it('is false when nothing changed, or something besides the year did', () => {
    expect(onlyYearChanged(here, { ...here })).toBe(false);
    expect(onlyYearChanged(here, { ...here, year: 2017, metric: 'gdp' })).toBe(false);
    expect(onlyYearChanged(here, { ...here, year: 2017, view: 'ranking' })).toBe(false);
    expect(onlyYearChanged(here, { ...here, year: 2017, regions: ['320000'] })).toBe(false);
  });
});

describe('historyWrite', () => {
  it('pushes a change, replaces when asked to', () => {
    expect(historyWrite({ replace: false, yearStep: false, now: 5000, lastStep: null })).toBe('push');
    expect(historyWrite({ replace: true, yearStep: false, now: 5000, lastStep: null })).toBe('replace');
    expect(historyWrite({ replace: true, yearStep: true, now: 5000, lastStep: null })).toBe('replace');
  });
  it('a year step within BURST_MS of the previous one replaces; the first of a burst, or one after a pause, pushes', () => {
    expect(historyWrite({ replace: false, yearStep: true, now: 5000, lastStep: null })).toBe('push');
    expect(historyWrite({ replace: false, yearStep: true, now: 5000, lastStep: 5000 - BURST_MS + 1 })).toBe('replace');
    expect(historyWrite({ replace: false, yearStep: true, now: 5000, lastStep: 5000 - BURST_MS })).toBe('push');
    // another change right after a step still pushes
    expect(historyWrite({ replace: false, yearStep: false, now: 5000, lastStep: 4990 })).toBe('push');
  });
});

/** A window with just what startUrlSync uses; its history is a list of URLs. */
function fakeWindow(search: string) {
  const entries = [search];
  const win = {
    location: { search, pathname: '/', hash: '' },
    history: {
      pushState: (_d: unknown, _t: string, url: string) => {
        win.location.search = url.slice(1);
        entries.push(win.location.search);
      },
      replaceState: (_d: unknown, _t: string, url: string) => {
        win.location.search = url.slice(1);
        entries[entries.length - 1] = win.location.search;
      },
    },
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  };
  return { win: win as unknown as Window, entries };
}

describe('startUrlSync: one history entry per burst of year steps', () => {
  let stop: () => void = () => undefined;
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    stop();
    vi.useRealTimers();
  });
  const settle = () => vi.advanceTimersByTime(STEP_QUIET_MS);

  it('steps close together make one entry; a step after a pause, or another change, makes a new one', () => {
    const { win, entries } = fakeWindow('?metric=incubators_national&year=2016');
    stop = startUrlSync(win);
    const s = () => useStore.getState();
    // arrow presses ~200 ms apart: one entry, at the last year
    for (const y of [2017, 2018, 2019]) {
      s().pickYear(y);
      vi.advanceTimersByTime(200);
    }
    // nothing written while the steps keep coming
    expect(entries).toEqual(['?metric=incubators_national&year=2016']);
    settle();
    expect(entries).toEqual(['?metric=incubators_national&year=2016', '?metric=incubators_national&year=2019']);
    // after a pause, a new burst
    vi.advanceTimersByTime(BURST_MS);
    // another change than a year is written in the next task
    s().setParam('mode', 'yoy');
    vi.advanceTimersByTime(1);
    expect(entries.at(-1)).toContain('mode=yoy');
    expect(entries).toHaveLength(3);
    vi.advanceTimersByTime(BURST_MS);
    s().pickYear(2020);
    settle();
    expect(entries.at(-1)).toBe('?metric=incubators_national&year=2020&mode=yoy');
    expect(entries).toHaveLength(4);
    // another metric right after a step: its own entry; and a step right after it: its own too
    s().setMetric('incubators_total');
    s().setYear(2020);
    settle();
    expect(entries).toHaveLength(5);
    s().pickYear(2021);
    settle();
    expect(entries).toHaveLength(6);
    expect(entries.at(-1)).toBe('?metric=incubators_total&year=2021&mode=yoy');
  });

  it('playing replaces; a year chosen while playing stops it in one store write and pushes', () => {
    const { win, entries } = fakeWindow('?metric=incubators_national&year=2016');
    stop = startUrlSync(win);
    const writes = vi.fn();
    const unsub = useStore.subscribe(writes);
    useStore.getState().togglePlay([2016, 2017, 2018, 2019]);
    settle();
    useStore.getState().setYear(2017);
    settle();
    expect(entries).toEqual(['?metric=incubators_national&year=2017']);
    writes.mockClear();
    useStore.getState().pickYear(2019);
    expect(writes).toHaveBeenCalledTimes(1);
    expect(useStore.getState()).toMatchObject({ year: 2019, playing: false });
    settle();
    expect(entries).toEqual(['?metric=incubators_national&year=2017', '?metric=incubators_national&year=2019']);
    // not playing: pickYear writes the year alone
    writes.mockClear();
    useStore.getState().pickYear(2018);
    expect(writes).toHaveBeenCalledTimes(1);
    expect(writes.mock.calls[0]![0].playing).toBe(false);
    unsub();
  });
});
