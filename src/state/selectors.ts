/**
 * Resolving the requested view against the data: which metric and year are
 * actually shown, and why. Pure.
 */
import { mapYears, type Coverage, type YearSelection } from '../data/query';
import type { MetricDef } from '../data/types';

export const PREFERRED_METRIC = 'incubators_national';

/** The metric a first-time visitor sees: the preferred one, else the one with most provinces. */
export function defaultMetric(metrics: readonly MetricDef[], cov: ReadonlyMap<string, Coverage>): string | null {
  if (cov.get(PREFERRED_METRIC)?.provincesAnyYear) return PREFERRED_METRIC;
  let best: string | null = null;
  let bestN = -1;
  for (const m of metrics) {
    const n = cov.get(m.id)?.provincesAnyYear ?? 0;
    if (n > bestN) (best = m.id), (bestN = n);
  }
  return best;
}

/** The year shown when none is asked for: the year with most provinces with data (the latest such). */
export function defaultYear(c: Coverage | undefined): YearSelection | null {
  if (!c) return null;
  const years = mapYears(c);
  if (!years.length) return null;
  let best = years[years.length - 1]!;
  let bestN = c.provincesPerYear.get(best) ?? 0;
  for (const y of years) {
    const n = c.provincesPerYear.get(y) ?? 0;
    if (n >= bestN) (best = y), (bestN = n);
  }
  return best;
}

export interface Resolved {
  metric: MetricDef | null;
  year: YearSelection | null;
  years: number[];
  /** the URL asked for something the data does not have */
  notice: null | { kind: 'unknownMetric'; value: string } | { kind: 'yearNotOffered'; value: number };
}

export function resolveView(
  want: { metric: string | null; year: YearSelection | null },
  metrics: ReadonlyMap<string, MetricDef>,
  cov: ReadonlyMap<string, Coverage>,
): Resolved {
  let notice: Resolved['notice'] = null;
  let metricId = want.metric;
  if (metricId && !metrics.has(metricId)) {
    notice = { kind: 'unknownMetric', value: metricId };
    metricId = null;
  }
  if (!metricId) metricId = defaultMetric([...metrics.values()], cov);
  const metric = metricId ? metrics.get(metricId) ?? null : null;
  const c = metricId ? cov.get(metricId) : undefined;
  const years = c ? mapYears(c) : [];
  let year: YearSelection | null = want.year;
  if (typeof year === 'number' && !years.includes(year)) {
    if (!notice) notice = { kind: 'yearNotOffered', value: year };
    year = null;
  }
  if (year === null) year = defaultYear(c);
  return { metric, year, years, notice };
}
