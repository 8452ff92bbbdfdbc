import { useEffect, useMemo } from 'react';
import { useDrawn } from './drawn';
import { resolveView, type Resolved } from './selectors';
import { useStore } from './store';
import { replaceHistoryNext } from './urlSync';

/** This calendar year: 'latest' never reaches past it. */
export const THIS_YEAR = new Date().getFullYear();

/**
 * The metric and year a metric/year view actually shows, resolved against
 * the data (defaults filled, unknown values dropped with a notice) and
 * written back to the store, so that a copied link is exact.
 */
export function useResolvedView({ year: usesYear = true }: { year?: boolean } = {}): Resolved | null {
  const wantMetric = useStore((s) => s.metric);
  const wantYear = useStore((s) => s.year);
  // the figures drawn: with per=capita|gdp, a ratio's years
  const { pkg, coverage, perData } = useDrawn();

  const resolved = useMemo(
    () => (pkg ? resolveView({ metric: wantMetric, year: wantYear }, pkg.metrics, coverage, pkg.manifest.aliases) : null),
    [pkg, coverage, wantMetric, wantYear],
  );

  useEffect(() => {
    // the notices' words load only when there is one to show
    if (resolved && (resolved.renamed || resolved.notice)) void import('./linkNotices').then((m) => m.pushResolveNotices(resolved, usesYear));
    if (!resolved?.metric) return;
    // a link asking for a ratio of a metric that has none: dropped, with the reason
    perData?.drop(resolved.metric);
    const s = useStore.getState();
    // views without a year (the trend) only fill in the metric
    if (s.metric !== resolved.metric.id || (usesYear && s.year !== resolved.year)) {
      replaceHistoryNext();
      useStore.setState(usesYear ? { metric: resolved.metric.id, year: resolved.year } : { metric: resolved.metric.id });
    }
  }, [resolved, usesYear, perData]);

  return resolved;
}
