/**
 * The model of the ranking chart: the provinces ranked for one metric and
 * year, their shares of the national figure, the provinces without a figure,
 * and in "latest available" the old figures (hidden on request). Pure.
 */
import { cellAt, nationalCell, provinceData, type Cell, type FigureIndex, type ProvinceDatum, type YearSelection } from '../data/query';
import { NATIONAL, REGIONS } from '../data/regions';
import { staleness, STALE_YEARS, withoutStale, type Staleness } from '../data/staleness';

export type ShareReason = 'bound' | 'approx' | 'date' | 'conflict' | 'exceeds';

export interface Share {
  /** province value / national value (primary figures) */
  ratio: number;
  /** true when the share must not be read as exact */
  indicative: boolean;
  reasons: ShareReason[];
}

export interface RankingRow extends ProvinceDatum {
  /** the national figure of the row's year, if any */
  national: Cell | null;
  share: Share | null;
}

export interface RankingModel {
  /** bars to draw, largest first (top-N cut, ties at the cut kept) */
  bars: RankingRow[];
  /** provinces with a figure (before the top-N cut) */
  ranked: number;
  /** codes of provinces without a figure, in the usual province order */
  noData: string[];
  /** national figure of the selected year (null for 'latest' or when there is none) */
  national: Cell | null;
  top: number | null;
  /** "latest available": which figures are old; null in a year */
  stale: Staleness | null;
  /** old figures the reader chose to hide (not ranked, not bars), largest first */
  hidden: RankingRow[];
}

/** Share of the national figure, or null when there is no national figure (or it is not positive). */
export function shareOf(cell: Cell, national: Cell | null): Share | null {
  // a ratio (per resident, per GDP) is no part of the national ratio
  if (!national || cell.primary.derived) return null;
  const p = cell.primary;
  const n = national.primary;
  if (!(n.value > 0)) return null;
  const ratio = p.value / n.value;
  const reasons: ShareReason[] = [];
  if (p.qualifier === 'at_least' || n.qualifier === 'at_least') reasons.push('bound');
  if (p.qualifier === 'about' || n.qualifier === 'about') reasons.push('approx');
  if ((p.asOf ?? '') !== (n.asOf ?? '')) reasons.push('date');
  if (cell.conflict || national.conflict) reasons.push('conflict');
  if (ratio > 1) reasons.push('exceeds');
  return { ratio, indicative: reasons.length > 0, reasons };
}

/**
 * The ranking for a metric and a year ('latest': each province at its most
 * recent year no later than maxYear). Provinces without a figure are listed
 * in `noData`, never given a bar.
 */
export function rankingModel(
  idx: FigureIndex,
  metricId: string,
  sel: YearSelection,
  top: number | null,
  maxYear = Number.POSITIVE_INFINITY,
  staleYears = STALE_YEARS,
  hideStale = false,
): RankingModel {
  const all = provinceData(idx, metricId, sel, maxYear);
  const stale = sel === 'latest' ? staleness(all, staleYears) : null;
  const hide = hideStale && !!stale?.stale.size;
  const rows = hide ? withoutStale(all, stale!.stale) : all;
  const withShare = (d: ProvinceDatum): RankingRow => {
    const national = nationalCell(idx, metricId, d.year);
    return { ...d, national, share: shareOf(d.cell, national) };
  };
  const sorted = rows
    .map((d, i) => ({ d, i }))
    .sort((a, b) => b.d.cell.primary.value - a.d.cell.primary.value || a.i - b.i)
    .map(({ d }) => withShare(d));
  const bars = top === null ? sorted : sorted.filter((r) => r.rank <= top);
  const have = new Set(all.map((r) => r.region));
  return {
    bars,
    ranked: rows.length,
    noData: REGIONS.map((r) => r.code).filter((c) => !have.has(c)),
    national: typeof sel === 'number' ? cellAt(idx, metricId, NATIONAL, sel) : null,
    top,
    stale,
    hidden: hide ? all.filter((d) => stale!.stale.has(d.region)).sort((a, b) => b.cell.primary.value - a.cell.primary.value).map(withShare) : [],
  };
}
