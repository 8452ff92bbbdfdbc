import { useEffect, useState } from 'react';
import { useStore } from './state/store';
import type { ChartTheme } from './charts/theme';

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
