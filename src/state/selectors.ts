/**
 * Resolving the requested view against the data: which metric and year are
 * actually shown, and why. Pure.
 */
import { mapYears, type Coverage, type YearSelection } from '../data/query';
import { IMPORTED_METRIC_PREFIX, type MetricDef } from '../data/types';

export const PREFERRED_METRIC = 'incubators_national';

/**
 * The metric a first-time visitor sees: the preferred one, else the carrier
 * metric with most provinces (context metrics such as population cover every
 * province but are not what the atlas is about), else any.
 */
export function defaultMetric(metrics: readonly MetricDef[], cov: ReadonlyMap<string, Coverage>): string | null {
  if (cov.get(PREFERRED_METRIC)?.provincesAnyYear) return PREFERRED_METRIC;
  let best: string | null = null;
  let bestN = -1;
  for (const m of metrics) {
    // a context metric counts as no province: chosen only when nothing else is there
    const n = m.group === 'context' ? 0 : cov.get(m.id)?.provincesAnyYear ?? 0;
    if (n > bestN) (best = m.id), (bestN = n);
  }
  return best;
}

/**
 * The year shown when none is asked for: the latest year with figures for at least half as
 * many provinces as the best-covered year — the map opens on recent figures (not on the
 * year, maybe long ago, when most provinces reported), yet not on a year in which one
 * province happens to have published early.
 */
export function defaultYear(c: Coverage | undefined): YearSelection | null {
  if (!c) return null;
  const years = mapYears(c);
  if (!years.length) return null;
  const most = Math.max(...years.map((y) => c.provincesPerYear.get(y) ?? 0));
  return [...years].reverse().find((y) => 2 * (c.provincesPerYear.get(y) ?? 0) >= most) ?? years[years.length - 1]!;
}

export interface Resolved {
  metric: MetricDef | null;
  year: YearSelection | null;
  years: number[];
  /** the URL asked for something the data does not have */
  notice: null | { kind: 'unknownMetric'; value: string } | { kind: 'missingImported'; value: string } | { kind: 'yearNotOffered'; value: number };
  /** the URL named a former metric id, shown under the id it now goes by */
  renamed: null | { from: string; to: string };
}

/** Former metric ids and the id each now goes by (the manifest's `aliases`). */
export type MetricAliases = Readonly<Record<string, string>>;

/**
 * The id a requested metric goes by: itself when it is a metric, the new id
 * when it is a former one whose successor exists, else null.
 */
export function currentMetricId(id: string, metrics: ReadonlyMap<string, MetricDef>, aliases: MetricAliases = {}): string | null {
  if (metrics.has(id)) return id;
  const to = aliases[id];
  // (an inherited key such as "constructor" yields a function, which is no metric id)
  return metrics.has(to!) ? to! : null;
}

export function resolveView(
  want: { metric: string | null; year: YearSelection | null },
  metrics: ReadonlyMap<string, MetricDef>,
  cov: ReadonlyMap<string, Coverage>,
  aliases: MetricAliases = {},
): Resolved {
  let notice: Resolved['notice'] = null;
  let renamed: Resolved['renamed'] = null;
  let metricId = want.metric;
  // a metric imported in another browser: say which data is missing rather than show another chart
  if (metricId && !currentMetricId(metricId, metrics, aliases) && metricId.startsWith(IMPORTED_METRIC_PREFIX)) return { metric: null, year: null, years: [], notice: { kind: 'missingImported', value: metricId }, renamed: null };
  if (metricId && !metrics.has(metricId)) {
    const to = currentMetricId(metricId, metrics, aliases);
    if (to) renamed = { from: metricId, to };
    else notice = { kind: 'unknownMetric', value: metricId };
    metricId = to;
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
  return { metric, year, years, notice, renamed };
}
