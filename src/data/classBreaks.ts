/**
 * Class breaks of the classed colour scales (quantiles, natural breaks),
 * loaded only when a classed scale is shown. Pure.
 *
 * Natural breaks use Ckmeans (Wang & Song 2011: optimal 1-D k-means by
 * dynamic programming, the modern replacement of Jenks' iterative method) as
 * implemented by simple-statistics, imported by name so that only it and its
 * three helpers are bundled.
 *
 * Bounds are rounded to the roundest number that still separates the same
 * figures, so rounding never moves a figure into another class.
 */
import { ckmeans } from 'simple-statistics';
import { clean, CLASS_COUNT, distinctCount, type ColorScaleSpec } from './scale';

/**
 * The roundest number r with lo < r ≤ hi (fewest significant digits, then
 * 5 before 2 before 1 as last digit): a class bound between two figures that
 * reads well and separates them exactly as the unrounded bound did.
 */
export function roundBetween(lo: number, hi: number): number {
  if (!(hi > lo)) return hi;
  const top = Math.ceil(Math.log10(Math.max(Math.abs(lo), Math.abs(hi), hi - lo))) + 1;
  for (let e = top; e > top - 16; e--) {
    for (const m of [5, 2, 1]) {
      const step = m * Math.pow(10, e);
      const r = clean((Math.floor(lo / step + 1e-9) + 1) * step);
      if (r > lo && r <= hi) return r;
    }
  }
  return hi;
}

/** Class breaks separating the clusters of values: between each cluster's largest and the next one's smallest. */
function breaksBetween(groups: readonly (readonly number[])[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < groups.length; i++) out.push(roundBetween(groups[i - 1]![groups[i - 1]!.length - 1]!, groups[i]![0]!));
  return out;
}

/** Quantile breaks: k classes of about equal counts; ties never split (a class may be lost to them). */
export function quantileBreaks(sorted: readonly number[], k = CLASS_COUNT): number[] {
  const n = sorted.length;
  const out: number[] = [];
  for (let i = 1; i < k; i++) {
    const hi = sorted[Math.min(n - 1, Math.round((i * n) / k))]!;
    // the largest value below hi: the class boundary falls between the two
    const j = sorted.indexOf(hi) - 1;
    if (j < 0) continue;
    const b = roundBetween(sorted[j]!, hi);
    if (!out.length || b > out[out.length - 1]!) out.push(b);
  }
  return out;
}

/** Natural breaks (Ckmeans): k clusters minimising the squared distances to their means. */
export function jenksBreaks(sorted: readonly number[], k = CLASS_COUNT): number[] {
  const d = distinctCount(sorted);
  if (d < 2) return [];
  return breaksBetween(ckmeans([...sorted], Math.min(k, d)));
}

/** A classed scale of a metric from its values over all years (sorted ascending). */
export function classedScale(sorted: readonly number[], kind: 'quantile' | 'jenks', k = CLASS_COUNT): ColorScaleSpec {
  const breaks = kind === 'quantile' ? quantileBreaks(sorted, k) : jenksBreaks(sorted, k);
  return { kind, min: sorted[0] ?? 0, max: sorted[sorted.length - 1] ?? 0, breaks };
}
