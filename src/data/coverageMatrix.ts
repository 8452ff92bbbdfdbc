/**
 * Where figures exist: for one metric a province × year matrix (every one of
 * the 31 provinces, every year from the metric's first to its last), and
 * across metrics a province × metric matrix for one year or any year. Each
 * filled cell says how the figure is stated (exact / ≥ / ≈) or that sources
 * disagree, and carries the cell's figures so a view can show their sources.
 * Pure.
 */
import { makeCell, type Cell, type FigureIndex } from './query';
import { NATIONAL, REGIONS } from './regions';
import type { Figure, MetricDef } from './types';

/** How a cell's figure is stated; `conflict` wins over the qualifier (the sources disagree). */
export type CellStatus = 'exact' | 'at_least' | 'about' | 'conflict';
export const CELL_STATUSES: readonly CellStatus[] = ['exact', 'at_least', 'about', 'conflict'];

export interface CoverageCell {
  status: CellStatus;
  cell: Cell;
}

export function cellStatus(c: Cell): CellStatus {
  return c.conflict ? 'conflict' : c.primary.qualifier;
}

export interface MetricMatrix {
  metric: string;
  /**
   * the years shown, ascending: every year from the first to the last provincial
   * figure (gaps included: they are what a reader should see), and every year with
   * a national figure outside that range (without the empty years between)
   */
  years: number[];
  /** the 31 provinces in GB/T 2260 order, each with its cells by year */
  rows: { region: string; cells: Map<number, CoverageCell>; count: number }[];
  /** the national figure by year */
  national: Map<number, CoverageCell>;
  /** provinces with a figure, per year */
  perYear: Map<number, number>;
  /** provinces with a figure in any year */
  provinces: number;
  /** filled province-year cells */
  filled: number;
}

function cellsOf(byYear: ReadonlyMap<number, readonly Figure[]> | undefined, maxYear: number): Map<number, CoverageCell> {
  const out = new Map<number, CoverageCell>();
  for (const [y, figs] of byYear ?? []) {
    if (y > maxYear) continue;
    const cell = makeCell(figs);
    if (cell) out.set(y, { status: cellStatus(cell), cell });
  }
  return out;
}

/** The province × year matrix of one metric, up to maxYear. */
export function metricMatrix(idx: FigureIndex, metric: string, maxYear = Number.POSITIVE_INFINITY): MetricMatrix {
  const byRegion = idx.get(metric);
  const national = cellsOf(byRegion?.get(NATIONAL), maxYear);
  const rows = REGIONS.map((r) => {
    const cells = cellsOf(byRegion?.get(r.code), maxYear);
    return { region: r.code, cells, count: cells.size };
  });
  const prov = rows.flatMap((r) => [...r.cells.keys()]);
  const ys = new Set(national.keys());
  if (prov.length) for (let y = Math.min(...prov); y <= Math.max(...prov); y++) ys.add(y);
  const years = [...ys].sort((a, b) => a - b);
  const perYear = new Map(years.map((y) => [y, rows.filter((r) => r.cells.has(y)).length]));
  return {
    metric,
    years,
    rows,
    national,
    perYear,
    provinces: rows.filter((r) => r.count > 0).length,
    filled: rows.reduce((s, r) => s + r.count, 0),
  };
}

/** One province × metric cell of the summary: for one year, its status; for any year, how many years and the latest. */
export interface SummaryCell {
  status: CellStatus;
  /** years with a figure (1 for a chosen year) */
  years: number;
  /** the year shown: the chosen year, or the latest with a figure */
  year: number;
}

export interface CoverageSummary {
  /** metrics with at least one provincial figure (in the chosen year, or any), in the order given */
  metrics: MetricDef[];
  /** metrics with national figures only (in the chosen year, or any) */
  nationalOnly: MetricDef[];
  /** the 31 provinces, each with its cells by metric id */
  rows: { region: string; cells: Map<string, SummaryCell>; count: number }[];
  /** provinces with a figure, per metric id */
  perMetric: Map<string, number>;
}

/** The province × metric summary for one year, or 'any' year (up to maxYear). */
export function coverageSummary(idx: FigureIndex, metrics: readonly MetricDef[], year: number | 'any', maxYear = Number.POSITIVE_INFINITY): CoverageSummary {
  const rows = REGIONS.map((r) => ({ region: r.code, cells: new Map<string, SummaryCell>(), count: 0 }));
  const perMetric = new Map<string, number>();
  const shown: MetricDef[] = [];
  const nationalOnly: MetricDef[] = [];
  const inYear = (y: number) => y <= maxYear && (year === 'any' || y === year);
  for (const m of metrics) {
    const byRegion = idx.get(m.id);
    let n = 0;
    for (const row of rows) {
      const ys = [...(byRegion?.get(row.region)?.keys() ?? [])].filter(inYear).sort((a, b) => a - b);
      const last = ys[ys.length - 1];
      if (last === undefined) continue;
      const cell = makeCell(byRegion!.get(row.region)!.get(last)!)!;
      row.cells.set(m.id, { status: cellStatus(cell), years: ys.length, year: last });
      row.count++;
      n++;
    }
    if (n) {
      shown.push(m);
      perMetric.set(m.id, n);
    } else if ([...(byRegion?.get(NATIONAL)?.keys() ?? [])].some(inYear)) nationalOnly.push(m);
  }
  return { metrics: shown, nationalOnly, rows, perMetric };
}

/** Every year with a figure of any metric, ascending (up to maxYear): the summary's choices. */
export function allYears(idx: FigureIndex, maxYear = Number.POSITIVE_INFINITY): number[] {
  const ys = new Set<number>();
  for (const byRegion of idx.values()) for (const byYear of byRegion.values()) for (const y of byYear.keys()) if (y <= maxYear) ys.add(y);
  return [...ys].sort((a, b) => a - b);
}
