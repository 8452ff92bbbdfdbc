/**
 * Drafts in columns: typed arrays and one table of the distinct strings
 * instead of 100,000 objects. The pipeline writes its figures straight into
 * a DraftTable (no object per figure to keep, so little garbage collection),
 * the worker sends the columns to the page as transferables (moved, not
 * copied: nothing for the page to deserialise but a small string table),
 * and the report reads the few drafts it shows from the columns; a Draft
 * object is made only where one is asked for.
 */
import type { Qualifier } from '../data/types';
import type { AnalysisCore, Draft, Fatal, ImportAnalysis } from './types';

const QUALS: readonly Qualifier[] = ['exact', 'at_least', 'about'];

export interface PackedDrafts {
  n: number;
  /** index into `strings`: the sheet ('' in a CSV file) */
  sheet: Int32Array;
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

/** The analysis as the report uses it: the drafts in columns. */
export type ReportAnalysis = AnalysisCore & { packed: PackedDrafts };
/** The same as posted by packAnalysis (an empty `drafts` beside the columns). */
export type PackedAnalysis = ReportAnalysis & { drafts: [] };

/** A column's last string and its index in the string table (-1: none yet). */
interface Last {
  s: string;
  i: number;
}

function emptyColumns(capacity: number, strings: string[]): PackedDrafts {
  return {
    n: 0,
    sheet: new Int32Array(capacity),
    line: new Int32Array(capacity),
    year: new Int16Array(capacity),
    value: new Float64Array(capacity),
    qualifier: new Uint8Array(capacity),
    region: new Int32Array(capacity),
    asOf: new Int32Array(capacity),
    unit: new Int32Array(capacity),
    note: new Int32Array(capacity),
    source: new Int32Array(capacity),
    metricKey: new Int32Array(capacity),
    strings,
  };
}

/** No drafts. */
export function emptyPacked(): PackedDrafts {
  return emptyColumns(0, []);
}

/**
 * Drafts written a figure at a time into growing columns. Each distinct
 * string is stored once (the same index for equal strings, so that two
 * drafts' strings compare by their indexes); a column's last string is
 * remembered, as files repeat a metric, an empty note or a unit row after row.
 */
export class DraftTable {
  private c: PackedDrafts;
  private readonly index = new Map<string, number>();
  private readonly lastSheet: Last = { s: '', i: -1 };
  private readonly lastRegion: Last = { s: '', i: -1 };
  private readonly lastAsOf: Last = { s: '', i: -1 };
  private readonly lastUnit: Last = { s: '', i: -1 };
  private readonly lastNote: Last = { s: '', i: -1 };
  private readonly lastSource: Last = { s: '', i: -1 };
  private readonly lastMetricKey: Last = { s: '', i: -1 };

  constructor(capacity = 1024) {
    this.c = emptyColumns(Math.max(1, capacity), []);
  }

  get n(): number {
    return this.c.n;
  }

  /** The columns so far (valid until the next push). */
  get columns(): PackedDrafts {
    return this.c;
  }

  /** The index of `s` in the string table, added if new. */
  private id(l: Last, s: string): number {
    if (l.i >= 0 && l.s === s) return l.i;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.c.strings.length;
      this.c.strings.push(s);
      this.index.set(s, i);
    }
    l.s = s;
    l.i = i;
    return i;
  }

  /** Add a draft, field by field (no object made). */
  add(sheet: string, line: number, region: string, year: number, value: number, qualifier: Qualifier, asOf: string | null, unit: string, note: string, source: string, metricKey: string): void {
    let c = this.c;
    if (c.n === c.line.length) c = this.c = grow(c, c.n * 2);
    const i = c.n++;
    c.sheet[i] = this.id(this.lastSheet, sheet);
    c.line[i] = line;
    c.year[i] = year;
    c.value[i] = value;
    c.qualifier[i] = qualifier === 'exact' ? 0 : qualifier === 'at_least' ? 1 : 2;
    c.region[i] = this.id(this.lastRegion, region);
    c.asOf[i] = asOf === null ? -1 : this.id(this.lastAsOf, asOf);
    c.unit[i] = this.id(this.lastUnit, unit);
    c.note[i] = this.id(this.lastNote, note);
    c.source[i] = this.id(this.lastSource, source);
    c.metricKey[i] = this.id(this.lastMetricKey, metricKey);
  }

  push(d: Draft): void {
    this.add(d.sheet, d.line, d.region, d.year, d.value, d.qualifier, d.asOf, d.unit, d.note, d.source, d.metricKey);
  }

  /** Take back the drafts from the `n`th on (a rejected row's). Their strings stay in the table, unused. */
  truncate(n: number): void {
    if (n < this.c.n) this.c.n = n;
  }

  /** Keep only the drafts for which `keep(i)` holds (in order, in place). */
  filter(keep: (i: number) => boolean): void {
    const c = this.c;
    let k = 0;
    for (let i = 0; i < c.n; i++) {
      if (!keep(i)) continue;
      if (k !== i) {
        c.sheet[k] = c.sheet[i]!;
        c.line[k] = c.line[i]!;
        c.year[k] = c.year[i]!;
        c.value[k] = c.value[i]!;
        c.qualifier[k] = c.qualifier[i]!;
        c.region[k] = c.region[i]!;
        c.asOf[k] = c.asOf[i]!;
        c.unit[k] = c.unit[i]!;
        c.note[k] = c.note[i]!;
        c.source[k] = c.source[i]!;
        c.metricKey[k] = c.metricKey[i]!;
      }
      k++;
    }
    c.n = k;
  }

  /**
   * The columns as views of the drafts' number (no copy: the spare room
   * stays in the buffers, which are transferred whole).
   */
  finish(): PackedDrafts {
    const c = this.c;
    const n = c.n;
    if (n === c.line.length) return c;
    return {
      n,
      sheet: c.sheet.subarray(0, n),
      line: c.line.subarray(0, n),
      year: c.year.subarray(0, n),
      value: c.value.subarray(0, n),
      qualifier: c.qualifier.subarray(0, n),
      region: c.region.subarray(0, n),
      asOf: c.asOf.subarray(0, n),
      unit: c.unit.subarray(0, n),
      note: c.note.subarray(0, n),
      source: c.source.subarray(0, n),
      metricKey: c.metricKey.subarray(0, n),
      strings: c.strings,
    };
  }
}

/** The columns copied into buffers of `capacity` drafts. */
function grow(c: PackedDrafts, capacity: number): PackedDrafts {
  const g = emptyColumns(capacity, c.strings);
  const n = Math.min(c.n, capacity);
  g.n = n;
  g.sheet.set(c.sheet.subarray(0, n));
  g.line.set(c.line.subarray(0, n));
  g.year.set(c.year.subarray(0, n));
  g.value.set(c.value.subarray(0, n));
  g.qualifier.set(c.qualifier.subarray(0, n));
  g.region.set(c.region.subarray(0, n));
  g.asOf.set(c.asOf.subarray(0, n));
  g.unit.set(c.unit.subarray(0, n));
  g.note.set(c.note.subarray(0, n));
  g.source.set(c.source.subarray(0, n));
  g.metricKey.set(c.metricKey.subarray(0, n));
  return g;
}

export function packDrafts(drafts: readonly Draft[]): PackedDrafts {
  const t = new DraftTable(drafts.length);
  for (const d of drafts) t.push(d);
  return t.finish();
}

/** Draft `i` as an object. */
export function draftAt(p: PackedDrafts, i: number): Draft {
  const s = p.strings;
  const a = p.asOf[i]!;
  return {
    sheet: s[p.sheet[i]!]!,
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

/** The columns' buffers, to transfer with postMessage. */
export function transferables(p: PackedDrafts): ArrayBuffer[] {
  return [p.sheet, p.line, p.year, p.value, p.qualifier, p.region, p.asOf, p.unit, p.note, p.source, p.metricKey].map((x) => x.buffer as ArrayBuffer);
}

/** The analysis for posting: drafts packed, with the buffers to transfer. */
export function packAnalysis(a: ImportAnalysis): { msg: PackedAnalysis; transfer: ArrayBuffer[] } {
  const packed = packDrafts(a.drafts);
  return { msg: { ...a, drafts: [], packed }, transfer: transferables(packed) };
}

export function unpackAnalysis(m: ReportAnalysis): ImportAnalysis {
  const { packed, ...rest } = m;
  return { ...rest, drafts: unpackDrafts(packed) };
}

/** The number of drafts of an analysis, packed or not. */
export function draftCount(a: ReportAnalysis | ImportAnalysis): number {
  return 'packed' in a ? a.packed.n : a.drafts.length;
}

/** Draft `i` of an analysis, packed or not. */
export function draftOf(a: ReportAnalysis | ImportAnalysis, i: number): Draft {
  return 'packed' in a ? draftAt(a.packed, i) : a.drafts[i]!;
}

/** An analysis with nothing read: for a file refused (too large, unreadable) or while nothing is known. */
export function emptyReport(bytes: number, fatal: Fatal | null): ReportAnalysis {
  return {
    fatal,
    blocking: [],
    bytes,
    format: 'csv',
    encoding: 'utf-8',
    bom: false,
    encodingHow: 'strict-utf8',
    replaced: 0,
    delimiter: ',',
    delimiterHow: 'detected',
    sheets: [],
    tables: [],
    records: 0,
    blankLines: 0,
    rowsUsed: 0,
    rowsWithoutFigures: 0,
    emptyCells: 0,
    packed: emptyPacked(),
    problems: [],
    metricKeys: [],
  };
}
