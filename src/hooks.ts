import { useEffect, useState } from 'react';
import { useStore } from './state/store';
import { stepYear } from './data/query';
import type { ChartTheme } from './charts/theme';

/** Time per year while the years play. */
export const PLAY_INTERVAL_MS = 1400;

/** While the store says `playing`: one offered year per tick, from the first one when none is shown; stops after the last. */
export function usePlayLoop(years: readonly number[]): void {
  const playing = useStore((s) => s.playing);
  useEffect(() => {
    if (!playing) return;
    const id = window.setInterval(() => {
      const s = useStore.getState();
      const next = typeof s.year === 'number' ? stepYear(years, s.year, 1) : years[0];
      if (next === undefined) s.setPlaying(false);
      else s.setYear(next);
    }, PLAY_INTERVAL_MS);
    return () => window.clearInterval(id);
  }, [playing, years]);
}

/** true while the media query matches */
export function useMedia(query: string): boolean {
  const [m, setM] = useState(() => typeof window !== 'undefined' && window.matchMedia(query).matches);
  useEffect(() => {
    const mq = window.matchMedia(query);
    const on = () => setM(mq.matches);
    on();
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, [query]);
  return m;
}

/** The theme in force: the URL's `theme`, else the system's colour scheme. */
export function useTheme(): ChartTheme {
  const chosen = useStore((s) => s.theme);
  const systemDark = useMedia('(prefers-color-scheme: dark)');
  return chosen ?? (systemDark ? 'dark' : 'light');
}
