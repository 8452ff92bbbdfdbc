/**
 * Series shaping for the trend view: figures over the years for the country
 * and chosen provinces, as absolute values, year-on-year changes or shares of
 * the national figure. Pure; no DOM, no ECharts.
 *
 * Honesty rules enforced here:
 * - a year without a figure is a gap (`value: null`), never 0 and never
 *   interpolated from its neighbours;
 * - a year-on-year change is computed only between two consecutive calendar
 *   years that both have a figure (2019→2020; never 2018→2020);
 * - a share is computed only where the province and the country both have a
 *   figure for the same year;
 * - anything derived from a lower bound (≥) or an approximation (≈) is
 *   flagged `indicative`; any point resting on disagreeing sources is flagged
 *   `conflict` and keeps every figure (through its cells).
 */
import { cellAt, yearsFor, type Cell, type FigureIndex } from './query';
import { NATIONAL, normaliseRegion, REGIONS, type RegionInfo } from './regions';
import type { Lang, Qualifier } from './types';

/** Same values as `TrendMode` in src/state/url.ts (kept here so the data layer does not import state). */
export type TrendMode = 'abs' | 'yoy' | 'share';

/** Why a point has no value. */
export type MissingReason =
  /** no figure for this region in this year */
  | 'noFigure'
  /** yoy: no figure for the previous calendar year */
  | 'noPrevYear'
  /** yoy: the previous year's figure is 0 (no percentage) */
  | 'zeroBase'
  /** share: no national figure for this year */
  | 'noNational'
  /** share: the national figure is 0 */
  | 'zeroNational';

export interface TrendPoint {
  year: number;
  /** what is drawn: the figure (abs), the change in % (yoy), the share in % (share); null = a gap */
  value: number | null;
  /** this region's cell for this year (all figures, primary first), or null */
  cell: Cell | null;
  /** yoy: the previous year's cell; share: the national cell of the same year */
  base: Cell | null;
  /** qualifier of the drawn figure (abs); for derived values the "worst" of the two */
  qualifier: Qualifier;
  /** derived from a bound or an approximation: indicative only */
  indicative: boolean;
  /** a cell behind this point holds figures that disagree */
  conflict: boolean;
  /** a drawn point whose neighbours on the axis are both gaps (it would be invisible without a marker) */
  isolated: boolean;
  /** why `value` is null (null when there is a value) */
  missing: MissingReason | null;
}

export interface TrendSeries {
  /** GB/T code, or NATIONAL ('CN') */
  region: string;
  national: boolean;
  /** one point per year of `TrendData.years`, in the same order */
  points: TrendPoint[];
  /** how many years of this series have a drawn value */
  drawn: number;
}

export interface TrendData {
  mode: TrendMode;
  /** every calendar year from the first to the last drawn value (gaps included), ascending */
  years: number[];
  series: TrendSeries[];
  /** every cell behind a drawn point (for the source line), without repeats */
  cells: Cell[];
}

export interface TrendInput {
  metric: string;
  /** provinces in the order chosen */
  regions: readonly string[];
  mode: TrendMode;
  /** draw the national series (ignored in share mode, where it is never drawn) */
  includeNational: boolean;
}

const WORST: Record<Qualifier, number> = { exact: 0, about: 1, at_least: 2 };
function worse(a: Qualifier, b: Qualifier): Qualifier {
  return WORST[a] >= WORST[b] ? a : b;
}

/** The point of one region in one year, before `isolated` is known. */
function pointAt(idx: FigureIndex, metric: string, region: string, year: number, mode: TrendMode): Omit<TrendPoint, 'isolated'> {
  const cell = cellAt(idx, metric, region, year);
  const empty = (missing: MissingReason, base: Cell | null = null): Omit<TrendPoint, 'isolated'> => ({
    year,
    value: null,
    cell,
    base,
    qualifier: cell?.primary.qualifier ?? 'exact',
    indicative: false,
    conflict: Boolean(cell?.conflict || base?.conflict),
    missing,
  });
  if (!cell) {
    const base = mode === 'yoy' ? cellAt(idx, metric, region, year - 1) : mode === 'share' ? cellAt(idx, metric, NATIONAL, year) : null;
    return { ...empty('noFigure', base), conflict: false };
  }
  const f = cell.primary;
  if (mode === 'abs') {
    return { year, value: f.value, cell, base: null, qualifier: f.qualifier, indicative: f.qualifier !== 'exact', conflict: cell.conflict, missing: null };
  }
  // yoy: strictly the previous calendar year; share: the national figure of the same year
  const base = mode === 'yoy' ? cellAt(idx, metric, region, year - 1) : cellAt(idx, metric, NATIONAL, year);
  if (!base) return empty(mode === 'yoy' ? 'noPrevYear' : 'noNational');
  const b = base.primary;
  if (b.value === 0) return empty(mode === 'yoy' ? 'zeroBase' : 'zeroNational', base);
  const value = mode === 'yoy' ? ((f.value - b.value) / b.value) * 100 : (f.value / b.value) * 100;
  const qualifier = worse(f.qualifier, b.qualifier);
  return { year, value, cell, base, qualifier, indicative: qualifier !== 'exact', conflict: cell.conflict || base.conflict, missing: null };
}

/** Every year from min to max inclusive. */
export function yearSpan(years: Iterable<number>): number[] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const y of years) {
    if (y < lo) lo = y;
    if (y > hi) hi = y;
  }
  if (!Number.isFinite(lo)) return [];
  const out: number[] = [];
  for (let y = lo; y <= hi; y++) out.push(y);
  return out;
}

/**
 * The series of the trend chart. The x axis runs over every calendar year
 * from the first to the last drawn value of any series, so that missing
 * years show as gaps.
 */
export function buildTrend(idx: FigureIndex, input: TrendInput): TrendData {
  const { metric, mode } = input;
  const regions: string[] = [];
  if (input.includeNational && mode !== 'share' && yearsFor(idx, metric, NATIONAL).length) regions.push(NATIONAL);
  for (const r of input.regions) if (r !== NATIONAL && !regions.includes(r)) regions.push(r);

  // Candidate years per region: those with a figure (a derived value can only exist there).
  const drawnYears = new Set<number>();
  const raw = regions.map((region) => {
    const pts = new Map<number, Omit<TrendPoint, 'isolated'>>();
    for (const y of yearsFor(idx, metric, region)) {
      const p = pointAt(idx, metric, region, y, mode);
      pts.set(y, p);
      if (p.value !== null) drawnYears.add(y);
    }
    return { region, pts };
  });
  const years = yearSpan(drawnYears);

  const cells: Cell[] = [];
  const seen = new Set<Cell>();
  const keep = (c: Cell | null) => {
    if (c && !seen.has(c)) (seen.add(c), cells.push(c));
  };

  const series: TrendSeries[] = raw.map(({ region, pts }) => {
    const base = years.map((y) => pts.get(y) ?? pointAt(idx, metric, region, y, mode));
    const points: TrendPoint[] = base.map((p, i) => {
      const prev = base[i - 1];
      const next = base[i + 1];
      const isolated = p.value !== null && (prev?.value ?? null) === null && (next?.value ?? null) === null;
      if (p.value !== null) (keep(p.cell), keep(p.base));
      return { ...p, isolated };
    });
    return { region, national: region === NATIONAL, points, drawn: points.filter((p) => p.value !== null).length };
  });
  return { mode, years, series, cells };
}

/** Years with a figure, per province, for one metric (provinces without any are absent). */
export function regionYearCounts(idx: FigureIndex, metric: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of REGIONS) {
    const n = idx.get(metric)?.get(r.code)?.size ?? 0;
    if (n) out.set(r.code, n);
  }
  return out;
}

/**
 * The `n` provinces with most years of data, not in `exclude`: ties go to
 * the one with the more recent last year, then to GB/T order.
 */
export function topRegions(idx: FigureIndex, metric: string, n: number, exclude: readonly string[] = []): string[] {
  const rows = REGIONS.map((r, order) => {
    const ys = yearsFor(idx, metric, r.code);
    return { code: r.code, n: ys.length, last: ys[ys.length - 1] ?? 0, order };
  }).filter((r) => r.n > 0 && !exclude.includes(r.code));
  rows.sort((a, b) => b.n - a.n || b.last - a.last || a.order - b.order);
  return rows.slice(0, Math.max(0, n)).map((r) => r.code);
}

export const DEFAULT_PROVINCES = 3;

/** What the chart shows: the chosen provinces, or (none chosen) the default ones. */
export function effectiveRegions(idx: FigureIndex, metric: string, chosen: readonly string[]): { regions: string[]; isDefault: boolean } {
  if (chosen.length) return { regions: [...chosen], isDefault: false };
  return { regions: topRegions(idx, metric, DEFAULT_PROVINCES), isDefault: true };
}

/** In abs mode, is the national series so much larger (≥ `factor`×) than every drawn province that it needs its own axis? */
export function needsNationalAxis(data: TrendData, factor = 10): boolean {
  if (data.mode !== 'abs') return false;
  let nat = 0;
  let prov = 0;
  let anyProv = false;
  for (const s of data.series) {
    for (const p of s.points) {
      if (p.value === null) continue;
      if (s.national) nat = Math.max(nat, Math.abs(p.value));
      else (anyProv = true), (prov = Math.max(prov, Math.abs(p.value)));
    }
  }
  if (!anyProv || nat === 0) return false;
  return prov === 0 || nat / prov >= factor;
}

/* ---------------------------------------------------------------- search */

/** Loose matching key: case, spaces and punctuation ignored (as in regions.ts). */
function key(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u3000_\-.·•,，'’()（）]/g, '');
}

export interface RegionOption {
  region: RegionInfo;
  /** years with data for the current metric (0 = none) */
  years: number;
}

/**
 * Provinces matching what the user typed, by Chinese name (short or full),
 * English name, pinyin-like spellings and aliases, best matches first: an
 * exact spelling (through `normaliseRegion`), then prefix matches, then
 * substring matches; within each group provinces with data come first.
 * An empty query lists all 34, those with most years of data first.
 */
export function filterRegions(query: string, counts: ReadonlyMap<string, number>): RegionOption[] {
  const q = key(query);
  const opts = REGIONS.map((region, order) => ({ region, years: counts.get(region.code) ?? 0, order }));
  if (!q) {
    return opts.sort((a, b) => b.years - a.years || a.order - b.order).map(({ region, years }) => ({ region, years }));
  }
  const exact = normaliseRegion(query);
  const exactCode = exact.ok ? exact.id : null;
  const scored: { o: (typeof opts)[number]; score: number }[] = [];
  for (const o of opts) {
    const r = o.region;
    // prefixes of any spelling or of any word of it ("Hui" in "Ningxia Hui …");
    // substrings of the names themselves only (not of long alias forms)
    const all = [r.zh, r.zhFull, r.en, ...r.aliases];
    const prefixes = [...all, ...all.flatMap((a) => a.split(/\s+/).slice(1))].map(key);
    const names = [r.zh, r.zhFull, r.en].map(key);
    let score: number;
    if (r.code === exactCode) score = 0;
    else if (prefixes.some((s) => s.startsWith(q))) score = 1;
    else if (names.some((s) => s.includes(q))) score = 2;
    else if (/^\d+$/.test(q) && r.code.startsWith(q)) score = 3;
    else continue;
    scored.push({ o, score });
  }
  scored.sort((a, b) => a.score - b.score || Number(b.o.years > 0) - Number(a.o.years > 0) || a.o.order - b.o.order);
  return scored.map(({ o }) => ({ region: o.region, years: o.years }));
}

/** Display name of a province option in the current language, with the other language as a hint. */
export function optionLabel(r: RegionInfo, lang: Lang): { main: string; hint: string } {
  return lang === 'zh' ? { main: r.zh, hint: r.en } : { main: r.en, hint: r.zh };
}
