import { useSyncExternalStore } from 'react';

/**
 * "The first chart is drawn": the moment after which the code and styles that
 * the first chart does not need (chart toolbar, sources panel, print styles,
 * drop target, imported datasets' code) start loading, so that they do not
 * compete with the first chart for a slow network or a slow CPU.
 *
 * It is set by the first ECharts `finished` event of any chart
 * (components/EChart.tsx), or after FALLBACK_MS from start-up if no chart is
 * drawn by then (a view without a chart, a broken data file, a chart that
 * failed): the features are late, never missing.
 */
const FALLBACK_MS = 4000;

let drawn = false;
const listeners = new Set<() => void>();
let resolveDrawn!: () => void;
/** Resolves once the first chart has been drawn (or the fallback time has passed). */
export const firstChartDrawn: Promise<void> = new Promise((ok) => (resolveDrawn = ok));

let marked = false;
/**
 * Called by EChart on every `finished`; only the first call does anything.
 * What waits for it starts in the next task, after the browser has shown the
 * frame with the chart.
 */
export function markFirstChartDrawn(): void {
  if (marked) return;
  marked = true;
  setTimeout(() => {
    drawn = true;
    resolveDrawn();
    for (const l of [...listeners]) l();
  }, 0);
}

if (typeof window !== 'undefined') setTimeout(markFirstChartDrawn, FALLBACK_MS);

export function isFirstChartDrawn(): boolean {
  return drawn;
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};
/** true once the first chart has been drawn: lets a component render its lazy parts afterwards. */
export function useFirstChartDrawn(): boolean {
  return useSyncExternalStore(subscribe, isFirstChartDrawn, isFirstChartDrawn);
}
