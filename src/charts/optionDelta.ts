/**
 * What a merging `setOption` needs to be given once `prev` has been applied: `next` without
 * its top-level parts that are equal to `prev`'s (a map's legend and frame graphics, its
 * visual map, `animation: false`… are the same in every year). ECharts' merge keeps what an
 * option does not mention, so the chart drawn is the same, but ECharts neither merges those
 * parts again nor updates their elements (the graphic component re-lays out every element it
 * is given). Only for merging: a structure change replaces the whole option (./structure.ts).
 * Pure.
 */
import type { EChartsOption } from 'echarts';

/** Deep equality of option values: plain objects and arrays by content, anything else (functions, dates, typed arrays…) by identity. */
export function sameOptionValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameOptionValue(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b) || Object.getPrototypeOf(a) !== Object.prototype || Object.getPrototypeOf(b) !== Object.prototype) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if (!Object.prototype.hasOwnProperty.call(b, k) || !sameOptionValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  return true;
}

/** `next` without the top-level keys whose values equal `prev`'s; null when nothing differs. */
export function optionDelta(prev: EChartsOption, next: EChartsOption): EChartsOption | null {
  const out: Record<string, unknown> = {};
  let changed = false;
  for (const [k, v] of Object.entries(next)) {
    if (sameOptionValue((prev as Record<string, unknown>)[k], v)) continue;
    out[k] = v;
    changed = true;
  }
  return changed ? (out as EChartsOption) : null;
}
