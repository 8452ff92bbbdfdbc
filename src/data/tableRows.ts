/**
 * The rows of the table view: every figure behind a metric/year, and the
 * provinces without one. Pure.
 *
 * Honesty rules enforced here:
 * - every figure is a row: where several figures exist for one
 *   region/year (`Cell.all`) each gets its own row, the rows of one
 *   region/year form a group that sorting never splits, and the group is
 *   flagged `conflict` when the figures disagree;
 * - provinces without a figure are listed in their own section with
 *   `figure: null` — never with a value of 0;
 * - ranks are the map's ranks (`provinceData`: competition ranking by each
 *   province's primary figure), shown on every row of the region's group.
 */
import { cellAt, latestNational, provinceData, type Cell, type FigureIndex, type YearSelection } from './query';
import { NATIONAL, REGIONS, regionName } from './regions';
import type { Figure, Lang, MetricDef, Qualifier, Source } from './types';

/** A year, 'latest' (each province at its most recent year) or 'all' (every year: the long table). */
export type TableYear = YearSelection | 'all';

export type TableSection = 'national' | 'province' | 'noData';

export interface TableRow {
  /** unique key: the figure id, or "nodata:<region>" */
  key: string;
  section: TableSection;
  /** GB/T 2260 code, or NATIONAL */
  region: string;
  /** the figure's year; for no-data rows the selected year, or null in 'latest'/'all' mode */
  year: number | null;
  figure: Figure | null;
  source: Source | null;
  /** rank of the region among provinces with data that year (by the primary figure); null for national and no-data rows */
  rank: number | null;
  /** how many provinces were ranked */
  ranked: number | null;
  /** the ranked figures are of different years ("latest available") */
  yearsVary: boolean;
  /** region|year: the rows of one group are kept adjacent; the first is the primary figure */
  group: string;
  primary: boolean;
  /** number of figures in the group */
  groupSize: number;
  /** the figures of this group disagree (value or qualifier) */
  conflict: boolean;
  /** the unit as the source states it, where it is neither of the metric's own units; else null */
  sourceUnit: string | null;
  /** a ratio's (per resident, per GDP): the source of its denominator; else null */
  denominatorSource?: Source | null;
}

export interface TableData {
  national: TableRow[];
  provinces: TableRow[];
  noData: TableRow[];
}

function rowsOfCell(
  cell: Cell,
  region: string,
  year: number,
  section: 'national' | 'province',
  sources: ReadonlyMap<string, Source>,
  metric: MetricDef,
  rank: number | null,
  ranked: number | null,
  yearsVary = false,
): TableRow[] {
  const group = `${region}|${year}`;
  return cell.all.map((f, i) => ({
    key: f.id,
    section,
    region,
    year,
    figure: f,
    source: sources.get(f.sourceId) ?? null,
    rank,
    ranked,
    yearsVary,
    group,
    primary: i === 0,
    groupSize: cell.all.length,
    conflict: cell.conflict,
    sourceUnit: f.unit && f.unit !== metric.unit.zh && f.unit !== metric.unit.en ? f.unit : null,
    denominatorSource: f.derived ? sources.get(f.derived.denominator.sourceId) ?? null : null,
  }));
}

function noDataRow(region: string, year: number | null): TableRow {
  return {
    key: `nodata:${region}`,
    section: 'noData',
    region,
    year,
    figure: null,
    source: null,
    rank: null,
    ranked: null,
    yearsVary: false,
    group: `${region}|nodata`,
    primary: true,
    groupSize: 0,
    conflict: false,
    sourceUnit: null,
  };
}

/** Years with any figure (provincial or national) for the metric, ascending, no later than maxYear. */
export function metricYears(idx: FigureIndex, metric: string, maxYear = Number.POSITIVE_INFINITY): number[] {
  const ys = new Set<number>();
  for (const byYear of idx.get(metric)?.values() ?? []) for (const y of byYear.keys()) if (y <= maxYear) ys.add(y);
  return [...ys].sort((a, b) => a - b);
}

/**
 * All rows for a metric and a year selection. `maxYear` bounds 'latest' and
 * 'all' (figures dated in the future are not "latest").
 * Order: national rows, then provinces in GB/T 2260 order (by year within
 * 'all'), then provinces without data in GB/T 2260 order.
 */
export function buildTableRows(
  idx: FigureIndex,
  metric: MetricDef,
  sel: TableYear,
  sources: ReadonlyMap<string, Source>,
  maxYear = Number.POSITIVE_INFINITY,
): TableData {
  const national: TableRow[] = [];
  const provinces: TableRow[] = [];
  const withData = new Set<string>();
  const addYear = (y: YearSelection) => {
    const rows = provinceData(idx, metric.id, y, maxYear);
    const vary = new Set(rows.map((d) => d.year)).size > 1;
    for (const d of rows) {
      withData.add(d.region);
      provinces.push(...rowsOfCell(d.cell, d.region, d.year, 'province', sources, metric, d.rank, d.ranked, vary));
    }
  };
  if (sel === 'all') {
    const years = metricYears(idx, metric.id, maxYear);
    for (const y of years) {
      const nc = cellAt(idx, metric.id, NATIONAL, y);
      if (nc) national.push(...rowsOfCell(nc, NATIONAL, y, 'national', sources, metric, null, null));
    }
    // provinces grouped by region (GB/T order), years ascending within a region
    const byYear = years.map((y) => ({ y, rows: provinceData(idx, metric.id, y, maxYear) }));
    for (const r of REGIONS) {
      for (const { rows } of byYear) {
        const d = rows.find((x) => x.region === r.code);
        if (!d) continue;
        withData.add(d.region);
        provinces.push(...rowsOfCell(d.cell, d.region, d.year, 'province', sources, metric, d.rank, d.ranked));
      }
    }
  } else if (sel === 'latest') {
    addYear('latest');
    const ln = latestNational(idx, metric.id, maxYear);
    if (ln) national.push(...rowsOfCell(ln.cell, NATIONAL, ln.year, 'national', sources, metric, null, null));
  } else {
    addYear(sel);
    const nc = cellAt(idx, metric.id, NATIONAL, sel);
    if (nc) national.push(...rowsOfCell(nc, NATIONAL, sel, 'national', sources, metric, null, null));
  }
  const noData = REGIONS.filter((r) => !withData.has(r.code)).map((r) => noDataRow(r.code, typeof sel === 'number' ? sel : null));
  return { national, provinces, noData };
}

// ---------------------------------------------------------------- sorting

export const SORT_KEYS = ['region', 'year', 'value', 'qualifier', 'asOf', 'rank', 'unit', 'note', 'source', 'quote'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = 'asc' | 'desc';

/** Columns sorted as numbers; the others as text (qualifier by precision: exact, ≈, ≥). */
export const NUMERIC_SORT_KEYS: ReadonlySet<SortKey> = new Set(['value', 'year', 'rank']);

const QUALIFIER_ORDER: Record<Qualifier, number> = { exact: 0, about: 1, at_least: 2 };

/** The short name of a source, as the table shows it: publisher, else citation, else URL. */
export function sourceLabel(s: Source | null): string {
  if (!s) return '';
  return s.publisher || s.citation || s.url;
}

/** The unit shown for a row: the metric's unit, plus the source's wording where it differs. */
export function unitLabel(row: TableRow, metric: MetricDef, lang: Lang): string {
  if (!row.figure) return '';
  return metric.unit[lang];
}

/** The value a row is sorted by in a column; null = missing (always sorted last). */
export function sortValue(row: TableRow, key: SortKey, lang: Lang, metric: MetricDef): string | number | null {
  const f = row.figure;
  const text = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);
  switch (key) {
    case 'region':
      return regionName(row.region, lang);
    case 'year':
      return row.year;
    case 'value':
      return f ? f.value : null;
    case 'qualifier':
      return f ? QUALIFIER_ORDER[f.qualifier] : null;
    case 'asOf':
      return f?.asOf ?? null;
    case 'rank':
      return row.rank;
    case 'unit':
      return f ? text(unitLabel(row, metric, lang) + (row.sourceUnit ? ` ${row.sourceUnit}` : '')) : null;
    case 'note':
      return text(f?.note);
    case 'source':
      return text(sourceLabel(row.source));
    case 'quote':
      return text(row.source?.quote);
  }
}

/** The direction a column sorts in when first clicked: largest values and latest years first, text A→Z. */
export function defaultDir(key: SortKey): SortDir {
  return key === 'value' || key === 'year' || key === 'asOf' ? 'desc' : 'asc';
}

/**
 * Sort rows by a column. The rows of one region/year group stay together,
 * in their own order (primary figure first); groups are ordered by their
 * primary row's value. Missing values go last in both directions; ties keep
 * the incoming order (stable).
 */
export function sortRows(rows: readonly TableRow[], key: SortKey, dir: SortDir, lang: Lang, metric: MetricDef): TableRow[] {
  const groups: TableRow[][] = [];
  const byKey = new Map<string, TableRow[]>();
  for (const r of rows) {
    let g = byKey.get(r.group);
    if (!g) {
      g = [];
      byKey.set(r.group, g);
      groups.push(g);
    }
    g.push(r);
  }
  const collator = new Intl.Collator(lang === 'zh' ? 'zh-CN' : 'en', { numeric: true, sensitivity: 'base' });
  const sign = dir === 'asc' ? 1 : -1;
  const keyed = groups.map((g, i) => ({ g, i, v: sortValue(g[0]!, key, lang, metric) }));
  keyed.sort((a, b) => {
    if (a.v === null || b.v === null) return a.v === b.v ? a.i - b.i : a.v === null ? 1 : -1;
    const c = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : collator.compare(String(a.v), String(b.v));
    return c !== 0 ? sign * c : a.i - b.i;
  });
  return keyed.flatMap((k) => k.g);
}

/** Counts for the summary line. */
export function tableSummary(d: TableData): { provinces: number; noData: number; conflicts: number; figures: number } {
  const provinces = new Set(d.provinces.map((r) => r.region)).size;
  const conflicts = new Set([...d.national, ...d.provinces].filter((r) => r.conflict).map((r) => r.group)).size;
  return { provinces, noData: d.noData.length, conflicts, figures: d.national.length + d.provinces.length };
}
