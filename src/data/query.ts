/**
 * Queries over the figures: what the map, rankings and trends draw. Pure.
 *
 * Honesty rules enforced here: a province without a figure yields `null`
 * (never 0); when several figures exist for one metric/region/year they are
 * all returned, and `conflict` says whether they disagree.
 */
import { NATIONAL, REGIONS } from './regions';
import type { Figure, Qualifier } from './types';

/** metric → region → year → figures (in file order) */
export type FigureIndex = Map<string, Map<string, Map<number, Figure[]>>>;

export function buildIndex(figures: readonly Figure[]): FigureIndex {
  const idx: FigureIndex = new Map();
  for (const f of figures) {
    let byRegion = idx.get(f.metric);
    if (!byRegion) idx.set(f.metric, (byRegion = new Map()));
    let byYear = byRegion.get(f.region);
    if (!byYear) byRegion.set(f.region, (byYear = new Map()));
    const list = byYear.get(f.year);
    if (list) list.push(f);
    else byYear.set(f.year, [f]);
  }
  return idx;
}

const PRECISION: Record<Qualifier, number> = { exact: 0, about: 1, at_least: 2 };

/**
 * All figures for one metric/region/year, the one drawn first ("primary"),
 * and whether they disagree. The primary is the most precise statement
 * (exact before ≈ before ≥), then the most recent `as_of`, then file order;
 * the others are never hidden.
 */
export interface Cell {
  primary: Figure;
  all: Figure[];
  /** true when the figures differ in value or qualifier (a ratio: or in its unrounded value) */
  conflict: boolean;
}

/**
 * ISO dates ('2023', '2023-02', '2023-02-15') compared as plain strings, newest first, undated last.
 * Not localeCompare: its first call in a page builds ICU's collator (≈36 ms on a fast PC), on the
 * first year change that meets two figures for one province.
 */
export function newerFirst(a: string | null | undefined, b: string | null | undefined): number {
  const x = a ?? '';
  const y = b ?? '';
  return x === y ? 0 : x < y ? 1 : -1;
}

export function makeCell(figs: readonly Figure[]): Cell | null {
  if (!figs.length) return null;
  const sorted = [...figs].sort((a, b) => PRECISION[a.qualifier] - PRECISION[b.qualifier] || newerFirst(a.asOf, b.asOf));
  const primary = sorted[0]!;
  // ratios also by their unrounded quotient: disagreeing inputs stay a dispute when the rounded ratios agree
  const conflict = sorted.some((f) => f.value !== primary.value || f.qualifier !== primary.qualifier || f.derived?.exact !== primary.derived?.exact);
  return { primary, all: sorted, conflict };
}

export function cellAt(idx: FigureIndex, metric: string, region: string, year: number): Cell | null {
  return makeCell(idx.get(metric)?.get(region)?.get(year) ?? []);
}

/** Years with a figure for this metric and region, ascending. */
export function yearsFor(idx: FigureIndex, metric: string, region: string): number[] {
  return [...(idx.get(metric)?.get(region)?.keys() ?? [])].sort((a, b) => a - b);
}

export interface Coverage {
  metric: string;
  /** years with at least one provincial figure, ascending */
  provinceYears: number[];
  /** years with a national figure, ascending */
  nationalYears: number[];
  /** provinces with a figure, per year */
  provincesPerYear: Map<number, number>;
  /** provinces with a figure in any year */
  provincesAnyYear: number;
  maxProvincesInOneYear: number;
}

export function coverage(idx: FigureIndex, metric: string): Coverage {
  const byRegion = idx.get(metric) ?? new Map<string, Map<number, Figure[]>>();
  const perYear = new Map<number, number>();
  let anyYear = 0;
  for (const [region, byYear] of byRegion) {
    if (region === NATIONAL) continue;
    anyYear++;
    for (const y of byYear.keys()) perYear.set(y, (perYear.get(y) ?? 0) + 1);
  }
  return {
    metric,
    provinceYears: [...perYear.keys()].sort((a, b) => a - b),
    nationalYears: [...(byRegion.get(NATIONAL)?.keys() ?? [])].sort((a, b) => a - b),
    provincesPerYear: perYear,
    provincesAnyYear: anyYear,
    maxProvincesInOneYear: Math.max(0, ...perYear.values()),
  };
}

/** Years the map offers for a metric: those with provincial figures, or national ones where there are none. */
export function mapYears(c: Coverage): number[] {
  return c.provinceYears.length ? c.provinceYears : c.nationalYears;
}

export type YearSelection = number | 'latest';

export interface Change {
  fromYear: number;
  from: Figure;
  /** value minus previous value */
  delta: number;
  /** relative change, null when the previous value is 0 */
  ratio: number | null;
  /** true when either figure is a bound or approximate, so the change is indicative only */
  indicative: boolean;
}

export interface ProvinceDatum {
  region: string;
  /** the year the drawn figure refers to (differs between provinces for 'latest') */
  year: number;
  cell: Cell;
  /** 1-based rank among provinces with data (ties share a rank), and how many were ranked */
  rank: number;
  ranked: number;
  change: Change | null;
}

function previousChange(idx: FigureIndex, metric: string, region: string, year: number, current: Figure): Change | null {
  const years = yearsFor(idx, metric, region).filter((y) => y < year);
  const py = years[years.length - 1];
  if (py === undefined) return null;
  const prev = cellAt(idx, metric, region, py);
  if (!prev) return null;
  const delta = current.value - prev.primary.value;
  return {
    fromYear: py,
    from: prev.primary,
    delta,
    ratio: prev.primary.value === 0 ? null : delta / prev.primary.value,
    indicative: current.qualifier !== 'exact' || prev.primary.qualifier !== 'exact',
  };
}

/**
 * Competition ranking (1, 2, 2, 4) by the primary value, largest first.
 * Returns a map region → rank.
 */
export function rankValues(entries: readonly { region: string; value: number }[]): Map<string, number> {
  const sorted = [...entries].sort((a, b) => b.value - a.value);
  const ranks = new Map<string, number>();
  sorted.forEach((e, i) => {
    const prev = sorted[i - 1];
    ranks.set(e.region, prev && prev.value === e.value ? ranks.get(prev.region)! : i + 1);
  });
  return ranks;
}

/**
 * The provincial figures for one metric and one year, or for 'latest': each
 * province's most recent year with a figure, no later than `maxYear`.
 * Provinces without a figure are absent (the caller draws them as "no data").
 */
export function provinceData(idx: FigureIndex, metric: string, sel: YearSelection, maxYear = Number.POSITIVE_INFINITY): ProvinceDatum[] {
  const rows: Omit<ProvinceDatum, 'rank' | 'ranked'>[] = [];
  for (const r of REGIONS) {
    let year: number | undefined;
    if (sel === 'latest') {
      const ys = yearsFor(idx, metric, r.code).filter((y) => y <= maxYear);
      year = ys[ys.length - 1];
    } else {
      year = idx.get(metric)?.get(r.code)?.has(sel) ? sel : undefined;
    }
    if (year === undefined) continue;
    const cell = cellAt(idx, metric, r.code, year);
    if (!cell) continue;
    rows.push({ region: r.code, year, cell, change: previousChange(idx, metric, r.code, year, cell.primary) });
  }
  const ranks = rankValues(rows.map((d) => ({ region: d.region, value: d.cell.primary.value })));
  return rows.map((d) => ({ ...d, rank: ranks.get(d.region)!, ranked: rows.length }));
}

export function nationalCell(idx: FigureIndex, metric: string, year: number): Cell | null {
  return cellAt(idx, metric, NATIONAL, year);
}

/** The latest national figure for a metric (no later than maxYear), with its year. */
export function latestNational(idx: FigureIndex, metric: string, maxYear = Number.POSITIVE_INFINITY): { year: number; cell: Cell } | null {
  const ys = yearsFor(idx, metric, NATIONAL).filter((y) => y <= maxYear);
  const y = ys[ys.length - 1];
  if (y === undefined) return null;
  const cell = cellAt(idx, metric, NATIONAL, y);
  return cell ? { year: y, cell } : null;
}

/** Source ids behind a set of cells (a ratio's: its figure's, then its denominator's), in first-seen order, without repeats. */
export function sourceIdsOf(cells: readonly (Cell | null | undefined)[]): string[] {
  const seen = new Set<string>();
  for (const c of cells) for (const f of c?.all ?? []) seen.add(f.sourceId).add(f.derived?.denominator.sourceId ?? f.sourceId);
  return [...seen];
}

/** The step in a list of years: the next/previous offered year, clamped. */
export function stepYear(years: readonly number[], current: YearSelection, dir: 1 | -1): number | undefined {
  if (!years.length) return undefined;
  if (current === 'latest') return dir < 0 ? years[years.length - 1] : undefined;
  const i = years.indexOf(current);
  if (i < 0) {
    // not an offered year: go to the nearest offered one in that direction
    const cand = dir > 0 ? years.find((y) => y > current) : [...years].reverse().find((y) => y < current);
    return cand;
  }
  return years[i + dir];
}
