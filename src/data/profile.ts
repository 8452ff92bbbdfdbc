/**
 * A province's profile: every metric it has a figure for, its latest figure,
 * its rank among provinces in that year, and its series over the years. Pure.
 */
import { cellAt, provinceData, yearsFor, type Cell, type FigureIndex } from './query';
import type { MetricDef, MetricGroup } from './types';
import { METRIC_GROUPS } from './types';

export interface ProfilePoint {
  year: number;
  cell: Cell;
}

export interface ProfileRow {
  metric: MetricDef;
  latest: ProfilePoint;
  /** rank among provinces with a figure in the latest year (null when the province is alone) */
  rank: { rank: number; ranked: number } | null;
  series: ProfilePoint[];
}

export function profileRows(idx: FigureIndex, metrics: readonly MetricDef[], region: string, maxYear = Number.POSITIVE_INFINITY): ProfileRow[] {
  const rows: ProfileRow[] = [];
  for (const metric of metrics) {
    const years = yearsFor(idx, metric.id, region).filter((y) => y <= maxYear);
    if (!years.length) continue;
    const series = years.map((year) => ({ year, cell: cellAt(idx, metric.id, region, year)! }));
    const latest = series[series.length - 1]!;
    const others = provinceData(idx, metric.id, latest.year);
    const me = others.find((d) => d.region === region);
    rows.push({ metric, latest, series, rank: me && me.ranked > 1 ? { rank: me.rank, ranked: me.ranked } : null });
  }
  const order = (g: MetricGroup) => METRIC_GROUPS.indexOf(g);
  const pos = new Map(metrics.map((m, i) => [m.id, i]));
  return rows.sort((a, b) => order(a.metric.group) - order(b.metric.group) || pos.get(a.metric.id)! - pos.get(b.metric.id)!);
}
