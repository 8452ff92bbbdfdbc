/**
 * The same region, year and metric twice in one import (in one table or
 * across sheets): an exact repeat is a duplicate of the first; different
 * figures from one source contradict each other (both rejected); figures
 * from different sources may disagree (both kept — the app shows "sources
 * disagree"). Part of the pipeline (pipeline.ts); pure.
 */
import type { PackedDrafts } from './pack';
import type { Progress } from './readTable';
import type { Reason } from './types';

const BATCH = 5000;

/**
 * The drafts that share a metric, a region and a year, in groups of their
 * indexes (ascending), ordered by each group's first draft. Looked up by a
 * number made of the metric's and the region's numbers (numbered in order
 * of first appearance) and the year: in a typed array holding each key's
 * first draft when the keys are few enough (a file's metrics × regions ×
 * years usually are), else in a Map keyed by the three.
 */
export function* sameKeyGroups(c: PackedDrafts): Generator<Progress, number[][], void> {
  const n = c.n;
  // equal strings have equal indexes in the string table: number them densely
  const metricNo = new Int32Array(c.strings.length).fill(-1);
  const regionNo = new Int32Array(c.strings.length).fill(-1);
  let metrics = 0;
  let regions = 0;
  let minYear = Infinity;
  let maxYear = -Infinity;
  for (let i = 0; i < n; i++) {
    const m = c.metricKey[i]!;
    if (metricNo[m]! < 0) metricNo[m] = metrics++;
    const r = c.region[i]!;
    if (regionNo[r]! < 0) regionNo[r] = regions++;
    const y = c.year[i]!;
    if (y < minYear) minYear = y;
    if (y > maxYear) maxYear = y;
  }
  const span = maxYear - minYear + 1;
  const groups = new Map<number | string, number[]>();
  const add = (key: number | string, first: number, i: number) => {
    const g = groups.get(key);
    if (g) g.push(i);
    else groups.set(key, [first, i]);
  };
  if (n && metrics * regions * span <= 1 << 21) {
    const firstOf = new Int32Array(metrics * regions * span).fill(-1);
    for (let i = 0; i < n; i++) {
      const key = (metricNo[c.metricKey[i]!]! * regions + regionNo[c.region[i]!]!) * span + (c.year[i]! - minYear);
      const f = firstOf[key]!;
      if (f < 0) firstOf[key] = i;
      else add(key, f, i);
      if (i % BATCH === BATCH - 1) yield { phase: 'check', fraction: i / n };
    }
  } else {
    const firstOf = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const key = `${metricNo[c.metricKey[i]!]},${regionNo[c.region[i]!]},${c.year[i]}`;
      const f = firstOf.get(key);
      if (f === undefined) firstOf.set(key, i);
      else add(key, f, i);
      if (i % BATCH === BATCH - 1) yield { phase: 'check', fraction: i / n };
    }
  }
  return [...groups.values()].sort((x, y) => x[0]! - y[0]!);
}

/** Where a draft's row is: its table (sheet) and line. */
const rowKey = (c: PackedDrafts, i: number) => `${c.strings[c.sheet[i]!]}\u0000${c.line[i]}`;

/**
 * The rows to reject for repeats and contradictions, each with its reasons:
 * keyed by sheet and line ("sheet\0line").
 */
export function* repeatedRows(c: PackedDrafts): Generator<Progress, Map<string, { sheet: string; line: number; reasons: Reason[] }>, void> {
  const groups = yield* sameKeyGroups(c);
  const out = new Map<string, { sheet: string; line: number; reasons: Reason[] }>();
  const where = (i: number) => {
    const sheet = c.strings[c.sheet[i]!]!;
    return sheet ? `${sheet}!${c.line[i]}` : String(c.line[i]);
  };
  const addReason = (i: number, reason: Reason) => {
    const k = rowKey(c, i);
    let row = out.get(k);
    if (!row) out.set(k, (row = { sheet: c.strings[c.sheet[i]!]!, line: c.line[i]!, reasons: [] }));
    if (!row.reasons.some((x) => x.code === reason.code && x.other === reason.other)) row.reasons.push(reason);
  };
  for (const idx of groups) {
    // exact repeats: the later lines are duplicates of the first (equal strings have equal numbers: asOf compares by its number)
    const reps: number[] = [];
    for (const i of idx) {
      const rep = reps.find((j) => c.value[j] === c.value[i] && c.qualifier[j] === c.qualifier[i] && c.asOf[j] === c.asOf[i]);
      if (rep !== undefined) addReason(i, { code: 'duplicate', other: where(rep) });
      else reps.push(i);
    }
    if (reps.length < 2) continue;
    // differently sourced figures may disagree (the app shows "sources disagree"); one source may not
    const sources = new Set(reps.map((j) => c.strings[c.source[j]!]!));
    if (sources.size === reps.length && !sources.has('')) continue;
    const places = [...new Set(reps.map(where))];
    for (const j of reps) addReason(j, { code: 'conflict', other: places.filter((l) => l !== where(j)).join(', ') || where(j) });
  }
  return out;
}

export { rowKey };
