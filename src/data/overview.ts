/**
 * The overview's headline figures: the latest national figure of each key
 * metric, with its year and qualifier. Pure.
 */
import { coverage, latestNational, type Cell, type FigureIndex } from './query';
import type { MetricDef } from './types';

/** Metrics shown as national headlines, in this order, where the data have them. */
export const HEADLINE_METRICS = [
  'returnee_parks_total',
  'returnee_enterprises_cumulative',
  'returnees_in_parks',
  'incubators_total',
  'incubators_national',
  'maker_spaces_total',
  'maker_spaces_national',
  'university_science_parks_national',
  'incubating_enterprises',
  'graduated_enterprises_cumulative',
  'listed_enterprises',
  'incubation_carriers_total',
];

export interface Headline {
  metric: MetricDef;
  year: number;
  cell: Cell;
}

export function headlines(idx: FigureIndex, metrics: ReadonlyMap<string, MetricDef>, maxYear: number, ids: readonly string[] = HEADLINE_METRICS): Headline[] {
  const out: Headline[] = [];
  for (const id of ids) {
    const metric = metrics.get(id);
    if (!metric) continue;
    const n = latestNational(idx, id, maxYear);
    if (n) out.push({ metric, year: n.year, cell: n.cell });
  }
  return out;
}

/**
 * The carrier metric with the most provinces (any year): the overview's map.
 * Context metrics (population, GDP) cover every province but are not what the
 * overview shows.
 */
export function mostCompleteMetric(idx: FigureIndex, metrics: readonly MetricDef[]): string | null {
  let best: string | null = null;
  let bestN = 0;
  for (const m of metrics) {
    if (m.group === 'context') continue;
    const n = coverage(idx, m.id).provincesAnyYear;
    if (n > bestN) (best = m.id), (bestN = n);
  }
  return best;
}
