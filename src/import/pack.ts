/**
 * Drafts in columns for the trip from the worker to the page: typed arrays
 * (transferred, not copied) and small string tables instead of 100,000
 * objects, which the page would otherwise spend a long frame deserialising.
 */
import type { Qualifier } from '../data/types';
import type { Draft, ImportAnalysis } from './types';

const QUALS: readonly Qualifier[] = ['exact', 'at_least', 'about'];

export interface PackedDrafts {
  n: number;
  line: Int32Array;
  year: Int16Array;
  value: Float64Array;
  qualifier: Uint8Array;
  /** indexes into `strings` */
  region: Int32Array;
  asOf: Int32Array; // -1 = null
  unit: Int32Array;
  note: Int32Array;
  source: Int32Array;
  metricKey: Int32Array;
  strings: string[];
}

export type PackedAnalysis = Omit<ImportAnalysis, 'drafts'> & { drafts: []; packed: PackedDrafts };

export function packDrafts(drafts: readonly Draft[]): PackedDrafts {
  const n = drafts.length;
  const strings: string[] = [];
  const index = new Map<string, number>();
  const id = (s: string) => {
    let i = index.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      index.set(s, i);
    }
    return i;
  };
  const p: PackedDrafts = {
    n,
    line: new Int32Array(n),
    year: new Int16Array(n),
    value: new Float64Array(n),
    qualifier: new Uint8Array(n),
    region: new Int32Array(n),
    asOf: new Int32Array(n),
    unit: new Int32Array(n),
    note: new Int32Array(n),
    source: new Int32Array(n),
    metricKey: new Int32Array(n),
    strings,
  };
  for (let i = 0; i < n; i++) {
    const d = drafts[i]!;
    p.line[i] = d.line;
    p.year[i] = d.year;
    p.value[i] = d.value;
    p.qualifier[i] = QUALS.indexOf(d.qualifier);
    p.region[i] = id(d.region);
    p.asOf[i] = d.asOf === null ? -1 : id(d.asOf);
    p.unit[i] = id(d.unit);
    p.note[i] = id(d.note);
    p.source[i] = id(d.source);
    p.metricKey[i] = id(d.metricKey);
  }
  return p;
}

function draftAt(p: PackedDrafts, i: number): Draft {
  const s = p.strings;
  const a = p.asOf[i]!;
  return {
    line: p.line[i]!,
    region: s[p.region[i]!]!,
    year: p.year[i]!,
    value: p.value[i]!,
    qualifier: QUALS[p.qualifier[i]!]!,
    asOf: a < 0 ? null : s[a]!,
    unit: s[p.unit[i]!]!,
    note: s[p.note[i]!]!,
    source: s[p.source[i]!]!,
    metricKey: s[p.metricKey[i]!]!,
  };
}

export function unpackDrafts(p: PackedDrafts): Draft[] {
  const out: Draft[] = new Array(p.n);
  for (let i = 0; i < p.n; i++) out[i] = draftAt(p, i);
  return out;
}

/** The analysis for posting: drafts packed, with the buffers to transfer. */
export function packAnalysis(a: ImportAnalysis): { msg: PackedAnalysis; transfer: ArrayBuffer[] } {
  const packed = packDrafts(a.drafts);
  const transfer = [packed.line, packed.year, packed.value, packed.qualifier, packed.region, packed.asOf, packed.unit, packed.note, packed.source, packed.metricKey].map((x) => x.buffer as ArrayBuffer);
  return { msg: { ...a, drafts: [], packed }, transfer };
}

export function unpackAnalysis(m: PackedAnalysis): ImportAnalysis {
  const { packed, ...rest } = m;
  return { ...rest, drafts: unpackDrafts(packed) };
}

/**
 * The same, a slice of drafts at a time, awaiting `pause()` between slices
 * of about `sliceMs`: 100,000 objects made in one go would hold up the page
 * for a long frame on a slow PC. Resolves to null when `cancelled()`.
 */
export async function unpackAnalysisSliced(m: PackedAnalysis, pause: () => Promise<void>, cancelled: () => boolean, sliceMs = 8): Promise<ImportAnalysis | null> {
  const { packed: p, ...rest } = m;
  const out: Draft[] = new Array(p.n);
  let i = 0;
  while (i < p.n) {
    const t0 = performance.now();
    // look at the clock every 1000 drafts
    while (i < p.n && performance.now() - t0 < sliceMs) {
      const end = Math.min(p.n, i + 1000);
      for (; i < end; i++) out[i] = draftAt(p, i);
    }
    if (i < p.n) {
      await pause();
      if (cancelled()) return null;
    }
  }
  return { ...rest, drafts: out };
}
