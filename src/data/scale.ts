/**
 * The map's colour scale of a metric — one per metric, never per year: its
 * domain and class breaks are computed from every provincial figure of the
 * metric in every year (so also in "latest available", whose figures are a
 * subset of them), so that one value has one colour in every year and mode
 * and nothing darkens or fades while the years play only because the other
 * provinces changed. Pure numbers; the colours are in charts/colorScale.ts.
 *
 * Kinds:
 *   linear    continuous, 0 → a round number at or above the largest value
 *   log       continuous on log10(value), between round numbers (1/2/5 × 10ⁿ)
 *             around the smallest and the largest value; only when every value is > 0
 *   quantile  classes with about the same number of figures in each
 *   jenks     natural breaks: classes that keep similar values together
 *             (Ckmeans, the optimal 1-D k-means of simple-statistics)
 * The classed kinds' breaks are computed by ./classBreaks.ts, which is loaded
 * only when a classed scale is shown (it carries the Ckmeans code).
 */
import { makeCell, type FigureIndex } from './query';
import { NATIONAL } from './regions';

export const SCALE_KINDS = ['linear', 'log', 'quantile', 'jenks'] as const;
export type ScaleKind = (typeof SCALE_KINDS)[number];

/** Classes of a classed scale (fewer when the metric has fewer distinct values). */
export const CLASS_COUNT = 5;

export type ColorScaleSpec =
  | { kind: 'linear' | 'log'; min: number; max: number }
  /** classes [breaks[i-1], breaks[i]); the first from `min`, the last up to `max` (the data's extremes) */
  | { kind: 'quantile' | 'jenks'; min: number; max: number; breaks: number[] };

/**
 * Every provincial value the map can draw for a metric: the primary figure of
 * each province in each year up to maxYear. National figures are not drawn.
 */
export function metricValues(idx: FigureIndex, metric: string, maxYear = Number.POSITIVE_INFINITY): number[] {
  const out: number[] = [];
  for (const [region, byYear] of idx.get(metric) ?? []) {
    if (region === NATIONAL) continue;
    for (const [y, figs] of byYear) {
      const cell = y <= maxYear ? makeCell(figs) : null;
      if (cell) out.push(cell.primary.value);
    }
  }
  return out.sort((a, b) => a - b);
}

export const distinctCount = (sorted: readonly number[]) => sorted.filter((v, i) => i === 0 || v !== sorted[i - 1]).length;

/** Sample skewness (Fisher–Pearson, not adjusted); 0 for fewer than 3 values or no spread. */
export function skewness(values: readonly number[]): number {
  const n = values.length;
  if (n < 3) return 0;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  let m2 = 0;
  let m3 = 0;
  for (const v of values) {
    const d = v - mean;
    m2 += d * d;
    m3 += d * d * d;
  }
  m2 /= n;
  m3 /= n;
  return m2 > 0 ? m3 / Math.pow(m2, 1.5) : 0;
}

/** The kinds a metric's values allow: log needs every value > 0; classes need 3 distinct values. */
export function availableScales(sorted: readonly number[]): ScaleKind[] {
  const d = distinctCount(sorted);
  const out: ScaleKind[] = ['linear'];
  if (d >= 2 && sorted[0]! > 0) out.push('log');
  if (d >= 3) out.push('quantile', 'jenks');
  return out;
}

/** Provinces in the busiest year from which a skewed metric gets classes (natural breaks) by default. */
export const CLASSED_MIN_PROVINCES = 15;

/**
 * The default scale of a metric, from its values over all years and the
 * number of provinces with a figure in its busiest year:
 *   - right-skewed (skewness > 1), every value > 0 and the largest at least 10×
 *     the smallest: natural breaks when a year fills much of the map (15 or more
 *     provinces: classes summarise a full map), else a log scale (a sparse map:
 *     each of its few figures keeps its own shade, over orders of magnitude);
 *   - otherwise linear from 0 (small spread, few values, zeros or negatives).
 */
export function defaultScaleKind(sorted: readonly number[], busiestYear: number): ScaleKind {
  const d = distinctCount(sorted);
  const min = sorted[0] ?? 0;
  const max = sorted[sorted.length - 1] ?? 0;
  if (d >= 3 && min > 0 && max / min >= 10 && skewness(sorted) > 1) return busiestYear >= CLASSED_MIN_PROVINCES ? 'jenks' : 'log';
  return 'linear';
}

/** The scale shown: the one asked for where the values allow it, else the metric's default. */
export function resolveScaleKind(sorted: readonly number[], busiestYear: number, wanted: ScaleKind | null): ScaleKind {
  return wanted && availableScales(sorted).includes(wanted) ? wanted : defaultScaleKind(sorted, busiestYear);
}

/** A round number at or above max (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10ⁿ). */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const p = Math.pow(10, Math.floor(Math.log10(max)));
  for (const m of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * p >= max * (1 - 1e-12)) return clean(m * p);
  return clean(10 * p);
}

/** Rounding noise of floating point removed (0.30000000000000004 → 0.3). */
export const clean = (x: number) => Number(x.toPrecision(12));

/** 1, 2 or 5 × 10ⁿ at or below v (down) or at or above v (up); v > 0. */
export function logStep(v: number, dir: 'down' | 'up'): number {
  const p = Math.pow(10, Math.floor(Math.log10(v)));
  const steps = [1, 2, 5, 10].map((m) => clean(m * p));
  if (dir === 'up') return steps.find((s) => s >= v * (1 - 1e-12)) ?? clean(10 * p);
  return [...steps].reverse().find((s) => s <= v * (1 + 1e-12)) ?? p;
}

/** The continuous scale of a metric (linear, or log where every value is > 0); classed ones: ./classBreaks.ts. */
export function continuousScale(sorted: readonly number[], kind: 'linear' | 'log'): ColorScaleSpec {
  const min = sorted[0] ?? 0;
  const max = sorted[sorted.length - 1] ?? 0;
  if (kind === 'log' && min > 0) {
    const lo = logStep(min, 'down');
    const hi = logStep(max, 'up');
    return { kind, min: lo, max: hi > lo ? hi : logStep(lo * 1.5, 'up') };
  }
  return { kind: 'linear', min: min < 0 ? -niceMax(-min) : 0, max: niceMax(max) };
}

/** Position of a value on a continuous scale, 0…1 (clamped); for a classed one, its class index. */
export function scalePosition(s: ColorScaleSpec, v: number): number {
  if (s.kind === 'quantile' || s.kind === 'jenks') {
    let i = 0;
    while (i < s.breaks.length && v >= s.breaks[i]!) i++;
    return i;
  }
  const t = s.kind === 'log' ? (Math.log10(Math.max(v, s.min)) - Math.log10(s.min)) / (Math.log10(s.max) - Math.log10(s.min)) : (v - s.min) / (s.max - s.min || 1);
  return Math.min(1, Math.max(0, t));
}

/** The number of classes of a classed scale (1 + breaks). */
export function classCount(s: ColorScaleSpec): number {
  return s.kind === 'quantile' || s.kind === 'jenks' ? s.breaks.length + 1 : 0;
}

/** A metric's values over all years and the scale kind shown for it (the one asked for where possible). */
export function metricScaleKind(
  idx: FigureIndex,
  metric: string,
  busiestYear: number,
  wanted: ScaleKind | null,
  maxYear = Number.POSITIVE_INFINITY,
): { values: number[]; kind: ScaleKind; defaultKind: ScaleKind; available: ScaleKind[] } {
  const values = metricValues(idx, metric, maxYear);
  return { values, kind: resolveScaleKind(values, busiestYear, wanted), defaultKind: defaultScaleKind(values, busiestYear), available: availableScales(values) };
}
