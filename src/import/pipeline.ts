/**
 * The import pipeline: bytes → decoded text → records → figures and problem
 * rows, with a report of everything decided on the way. Pure and
 * synchronous, written as a generator that yields progress between batches
 * of records, so that the same code runs in a Web Worker (run to the end)
 * and on the main thread (yielding to the page between batches).
 *
 * Every record ends up used, without figures ("no figure" cells only),
 * rejected with its reasons, or — above the header — listed as a title.
 * A row with any bad cell is rejected as a whole (nothing of it is used),
 * so that the rejected-rows file can be fixed and re-imported without
 * doubling anything.
 */
import { normaliseRegion } from '../data/regions';
import type { Qualifier } from '../data/types';
import { decodeBytes } from './decode';
import { cleanRegionCell, detectDelimiter, findHeader, planColumns } from './detect';
import { isNoFigure, parseAsOfCell, parseNumberCell, parseQualifierCell, parseYearCell } from './numbers';
import { DraftTable, emptyPacked, unpackAnalysis, type PackedDrafts, type ReportAnalysis } from './pack';
import { Tokenizer, type RawRecord } from './tokenize';
import {
  MAX_CELL_CHARS,
  MAX_COLUMNS,
  MAX_FILE_BYTES,
  MAX_METRICS,
  RAW_SHOWN,
  type BlockingCode,
  type ColumnInfo,
  type Fatal,
  type ImportAnalysis,
  type ImportOptions,
  type MetricKeyInfo,
  type ProblemRow,
  type Reason,
  type SkippedLine,
} from './types';

export interface Progress {
  phase: 'decode' | 'parse' | 'check';
  /** 0..1 */
  fraction: number;
}

const BATCH = 500;
const SAMPLE_ROWS = 200;

function emptyAnalysis(bytes: number, fatal: Fatal | null): ReportAnalysis {
  return {
    fatal,
    blocking: [],
    bytes,
    encoding: 'utf-8',
    bom: false,
    encodingHow: 'strict-utf8',
    replaced: 0,
    delimiter: ',',
    delimiterHow: 'detected',
    layout: 'long',
    headerLine: 0,
    above: [],
    columns: [],
    records: 0,
    blankLines: 0,
    rowsUsed: 0,
    rowsWithoutFigures: 0,
    emptyCells: 0,
    packed: emptyPacked(),
    problems: [],
    metricKeys: [],
    suggestedYear: null,
  };
}

/** Is this UTF-16 code unit one that String.prototype.trim removes? */
function isTrimmed(c: number): boolean {
  return c <= 32 ? c === 32 || (c >= 9 && c <= 13) : c >= 0xa0 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff);
}

/** Has this cell anything but white space (`x.trim() !== ''`, without making the trimmed string)? */
function hasText(x: string): boolean {
  for (let i = 0; i < x.length; i++) if (!isTrimmed(x.charCodeAt(i))) return true;
  return false;
}

const isBlank = (r: RawRecord) => {
  // the common case first: a first field that starts with a visible character
  const f0 = r.fields[0];
  if (f0 && !isTrimmed(f0.charCodeAt(0))) return false;
  return r.fields.every((f) => !f.trim());
};

function rawOf(text: string, r: RawRecord): { raw: string; rawLength: number } {
  const len = r.end - r.start;
  return { raw: text.slice(r.start, Math.min(r.end, r.start + RAW_SHOWN)), rawLength: len };
}

const FOOTNOTE = /^(注|说明|资料来源|数据来源|来源|备注|附注|注释|填表|制表|note|notes|source|sources)\s*[:：\d.、]|^[*※]/i;

/** Run the whole pipeline at once. */
export function analyse(bytes: Uint8Array, opts: ImportOptions = {}): ImportAnalysis {
  const it = analyseSteps(bytes, opts);
  for (;;) {
    const s = it.next();
    if (s.done) return s.value;
  }
}

/** The pipeline, yielding progress between batches. Never throws: an internal error is a `fatal` result. */
export function* analyseSteps(bytes: Uint8Array, opts: ImportOptions = {}): Generator<Progress, ImportAnalysis, void> {
  return unpackAnalysis(yield* analysePackedSteps(bytes, opts));
}

/**
 * The same with the drafts left in columns (pack.ts), as the worker posts
 * them and the report reads them: no object per figure. Never throws.
 */
export function* analysePackedSteps(bytes: Uint8Array, opts: ImportOptions = {}): Generator<Progress, ReportAnalysis, void> {
  try {
    return yield* steps(bytes, opts);
  } catch (e) {
    return emptyAnalysis(bytes.length, { code: 'internal', detail: e instanceof Error ? e.message : String(e) });
  }
}

function* steps(bytes: Uint8Array, opts: ImportOptions): Generator<Progress, ReportAnalysis, void> {
  if (bytes.length > MAX_FILE_BYTES) return emptyAnalysis(bytes.length, { code: 'too-large', n: bytes.length });
  yield { phase: 'decode', fraction: 0 };
  const dec = decodeBytes(bytes, opts.encoding);
  if (!dec.ok) return emptyAnalysis(bytes.length, dec.fatal);
  const { text } = dec.value;
  const a = emptyAnalysis(bytes.length, null);
  const hasReplacement = dec.value.replaced > 0;
  a.encoding = dec.value.encoding;
  a.bom = dec.value.bom;
  a.encodingHow = dec.value.how;
  a.replaced = dec.value.replaced;
  if (!text.trim()) return { ...a, fatal: { code: 'empty' } };

  const delimiter = opts.delimiter ?? detectDelimiter(text);
  if (!delimiter) return { ...a, fatal: { code: 'one-column' } };
  a.delimiter = delimiter;
  a.delimiterHow = opts.delimiter ? 'user' : 'detected';
  yield { phase: 'parse', fraction: 0 };

  // --- header: among the first non-blank records
  const tok = new Tokenizer(text, delimiter);
  const head: RawRecord[] = [];
  let blankBefore = 0;
  while (head.length < 30) {
    const r = tok.next();
    if (!r) break;
    if (isBlank(r)) {
      blankBefore++;
      continue;
    }
    head.push(r);
  }
  if (!head.length) return { ...a, fatal: { code: 'empty' } };
  const choice = findHeader(head.map((r) => r.fields));
  const headerRec = head[choice.index]!;
  if (headerRec.fieldCount > MAX_COLUMNS) return { ...a, fatal: { code: 'too-many-columns', n: headerRec.fieldCount } };
  // trailing empty header cells (Excel's ",,,") are not columns
  let width = headerRec.fields.length;
  while (width > 1 && !headerRec.fields[width - 1]!.trim()) width--;
  const header = headerRec.fields.slice(0, width).map((h) => h.trim());
  if (header.length < 2) return { ...a, fatal: { code: 'one-column' } };
  a.headerLine = headerRec.line;
  a.above = head.slice(0, choice.index).map((r): SkippedLine => ({ line: r.line, raw: rawOf(text, r).raw }));

  // --- sample for the column plan: buffered records after the header, topped up
  const buffered: RawRecord[] = head.slice(choice.index + 1);
  const blankAfter: number[] = [];
  while (buffered.length < SAMPLE_ROWS) {
    const r = tok.next();
    if (!r) break;
    if (isBlank(r)) {
      blankAfter.push(r.line);
      continue;
    }
    buffered.push(r);
  }
  const plan = planColumns(header, buffered.map((r) => r.fields), choice.packageFormat, opts.roles ?? {});
  a.columns = plan.columns;
  a.layout = plan.layout;
  a.blankLines = blankAfter.length;
  // blank lines between the titles and the header are not data either
  void blankBefore;

  const cols = plan.columns;
  const one = (role: ColumnInfo['role']) => cols.find((c) => c.role === role)?.index ?? -1;
  const regionCol = one('region');
  const regionAltCol = one('regionAlt');
  const yearCol = one('year');
  const metricCol = one('metric');
  const asOfCol = one('asOf');
  const qualCol = one('qualifier');
  const unitCol = one('unit');
  const noteCols = cols.filter((c) => c.role === 'note').map((c) => c.index);
  const sourceCols = cols.filter((c) => c.role === 'source').map((c) => c.index);
  const labelCols = { labelZh: one('metricLabelZh'), labelEn: one('metricLabelEn'), unitZh: one('metricUnitZh'), unitEn: one('metricUnitEn') };
  const valueSpecs = cols
    .filter((c) => c.role === 'value' || c.role === 'yearColumn' || c.role === 'metricColumn')
    .map((c) => ({ col: c.index, header: c.header, year: c.role === 'yearColumn' ? c.year : undefined, asOf: c.role === 'yearColumn' ? c.asOf ?? null : null, metricKey: c.role === 'metricColumn' ? c.metricKey ?? '' : null, unit: c.unit ?? '' }));

  const specNeedsYear = valueSpecs.some((s) => s.year === undefined);
  const specNeedsMetric = valueSpecs.some((s) => s.metricKey === null);
  const fixedYear = opts.fixedYear && opts.fixedYear >= 1980 && opts.fixedYear <= 2100 ? opts.fixedYear : null;
  const needsYearSource = specNeedsYear && yearCol < 0 && asOfCol < 0;
  const blocking: BlockingCode[] = [];
  if (regionCol < 0) blocking.push('no-region-column');
  if (!valueSpecs.length) blocking.push('no-value-column');
  if (needsYearSource && !fixedYear) blocking.push('needs-year');
  if (needsYearSource) {
    for (const l of a.above) {
      const m = /((?:19|20)\d{2})\s*(?:年|年度|year)/i.exec(l.raw);
      if (m) {
        a.suggestedYear = Number(m[1]);
        break;
      }
    }
  }
  const canRead = !blocking.length;

  /** the figures read, in columns: room for as many as the sample's records suggest, so that they are seldom copied to grow */
  const table = new DraftTable(canRead ? expectedDrafts(text.length, buffered, valueSpecs.length) : 1);
  const problems: ProblemRow[] = [];
  /**
   * Records that gave figures, for rejecting them later (duplicates): their
   * lines (ascending) and where they start in the text, to be read again
   * when needed rather than all kept.
   */
  const usedLines: number[] = [];
  const usedStarts: number[] = [];
  /** the file's metric keys */
  const metricMeta = new Map<string, MetricKeyInfo>();
  let lastMetric: MetricKeyInfo | undefined;
  let lastMetricId = -1;
  const regionCache = new Map<string, ReturnType<typeof normaliseRegion>>();
  // files list a region's rows together: the last cell is usually it again
  let lastRegionCell = '';
  let lastRegion: ReturnType<typeof normaliseRegion> | undefined;
  const region = (s: string) => {
    if (s === lastRegionCell && lastRegion) return lastRegion;
    let r = regionCache.get(s);
    if (!r) {
      r = normaliseRegion(cleanRegionCell(s));
      if (regionCache.size < 5000) regionCache.set(s, r);
    }
    lastRegionCell = s;
    lastRegion = r;
    return r;
  };
  let records = 0;
  let emptyCells = 0;
  let rowsUsed = 0;
  let rowsWithoutFigures = 0;

  const reject = (r: RawRecord, reasons: Reason[]) => {
    const { raw, rawLength } = rawOf(text, r);
    problems.push({ line: r.line, raw, rawLength, fields: r.fields.map((f) => (f.length > MAX_CELL_CHARS ? `${f.slice(0, MAX_CELL_CHARS)}…` : f)), reasons });
  };

  const handle = (r: RawRecord) => {
    records++;
    if (!canRead) return;
    const f = r.fields;
    const reasons: Reason[] = [];
    // structure: a footnote is a record with one non-blank cell, that reads like one
    let first = -1;
    let others = false;
    for (let i = 0; i < f.length; i++) {
      if (!hasText(f[i]!)) continue;
      if (first >= 0) {
        others = true;
        break;
      }
      first = i;
    }
    if (first >= 0 && !others && FOOTNOTE.test(f[first]!.trim())) return reject(r, [{ code: 'footnote' }]);
    if (r.badQuote) reasons.push({ code: 'quote' });
    if (r.fieldCount > header.length) {
      const extra = f.slice(header.length);
      if (r.fieldCount > f.length || extra.some((x) => x.trim())) reasons.push({ code: 'fields-more', value: String(r.fieldCount), other: String(header.length) });
    } else if (r.fieldCount < header.length) reasons.push({ code: 'fields-fewer', value: String(r.fieldCount), other: String(header.length) });
    if (r.end - r.start > MAX_CELL_CHARS && f.some((x) => x.length > MAX_CELL_CHARS)) reasons.push({ code: 'cell-too-long' });
    if (hasReplacement && f.some((x) => x.includes('\uFFFD'))) reasons.push({ code: 'undecodable' });
    if (reasons.length) return reject(r, reasons);

    const cell = (i: number) => (i >= 0 ? (f[i] ?? '').trim() : '');
    // region
    let regionId = '';
    const rc = cell(regionCol);
    const ra = cell(regionAltCol);
    const rp = rc ? region(rc) : null;
    const rq = ra ? region(ra) : null;
    if (rp?.ok) regionId = rp.id;
    else if (!rc && rq?.ok) regionId = rq.id;
    if (rp?.ok && rq?.ok && rp.id !== rq.id) reasons.push({ code: 'region-mismatch', value: rc, other: ra });
    else if (rc && !rp?.ok) reasons.push({ code: 'region-unknown', value: clip(rc) });
    else if (!rc && ra && !rq?.ok) reasons.push({ code: 'region-unknown', value: clip(ra) });
    else if (!rc && !ra) reasons.push({ code: 'region-empty' });
    // year / as of
    let rowYear: number | null = null;
    let rowAsOf: string | null = null;
    if (asOfCol >= 0) {
      const v = cell(asOfCol);
      if (v) {
        const p = parseAsOfCell(v);
        if (!p) {
          // a bare year in an as-of column is a year, not a month
          const y = parseYearCell(v);
          if (y && !y.asOf && yearCol < 0) rowYear = y.year;
          else if (!y || y.asOf === null) reasons.push({ code: 'asof-bad', value: clip(v) });
          else rowAsOf = y.asOf;
        } else rowAsOf = p.asOf;
      }
    }
    if (yearCol >= 0) {
      const v = cell(yearCol);
      const p = v ? parseYearCell(v) : null;
      if (!v) {
        if (specNeedsYear) reasons.push({ code: 'year-empty' });
      } else if (!p) reasons.push({ code: 'year-bad', value: clip(v) });
      else {
        rowYear = p.year;
        if (p.asOf && !rowAsOf) rowAsOf = p.asOf;
      }
    } else if (rowYear === null && rowAsOf) rowYear = Number(rowAsOf.slice(0, 4));
    else if (rowYear === null && asOfCol >= 0 && !fixedYear && specNeedsYear) reasons.push({ code: 'year-empty' });
    if (rowYear === null && fixedYear) rowYear = fixedYear;
    // qualifier column
    let colQ: Qualifier | '' = '';
    if (qualCol >= 0) {
      const p = parseQualifierCell(cell(qualCol));
      if (p === null) reasons.push({ code: 'qualifier-bad', value: clip(cell(qualCol)) });
      else colQ = p;
    }
    const metricCell = cell(metricCol);
    if (metricCol >= 0 && !metricCell && specNeedsMetric) {
      // only a problem when the row has a figure
      if (valueSpecs.some((s) => !isNoFigure(f[s.col] ?? ''))) reasons.push({ code: 'metric-empty' });
    }
    const unitCell = cell(unitCol);
    const note = noteCols.length ? noteCols.map(cell).filter(Boolean).join('; ') : '';
    const source = sourceCols.length ? sourceCols.map(cell).filter(Boolean).join('; ') : '';
    // values: written into the table at once, and taken back if the row is rejected
    const mark = table.n;
    let rowEmpty = 0;
    for (const s of valueSpecs) {
      const raw = f[s.col] ?? '';
      const p = parseNumberCell(raw);
      if (p.kind === 'empty') {
        rowEmpty++;
        continue;
      }
      if (p.kind === 'bad') {
        const code = p.why === 'negative' ? 'value-negative' : p.why === 'too-large' ? 'value-too-large' : p.why === 'qualifier-conflict' ? 'qualifier-conflict' : 'value-bad';
        reasons.push({ code, col: s.header, value: clip(raw.trim()) });
        continue;
      }
      let q: Qualifier = p.qualifier;
      if (colQ) {
        if (q === 'exact') q = colQ;
        else if (colQ !== 'exact' && colQ !== q) {
          reasons.push({ code: 'qualifier-conflict', col: s.header, value: clip(raw.trim()), other: cell(qualCol) });
          continue;
        }
      }
      const year = s.year ?? rowYear;
      if (year === null || reasons.length) continue;
      table.add(r.line, regionId, year, p.value, q, s.asOf ?? rowAsOf, unitCell || s.unit || p.unit, note, source, s.metricKey ?? metricCell);
    }
    if (reasons.length) {
      table.truncate(mark);
      return reject(r, reasons);
    }
    if (table.n === mark) {
      rowsWithoutFigures++;
      emptyCells += rowEmpty;
      return;
    }
    rowsUsed++;
    emptyCells += rowEmpty;
    usedLines.push(r.line);
    usedStarts.push(r.start);
    const tc = table.columns;
    for (let i = mark; i < tc.n; i++) {
      // files list a metric's rows together: the last one is usually it again (its string's number says so)
      const keyId = tc.metricKey[i]!;
      let m = lastMetric && lastMetricId === keyId ? lastMetric : metricMeta.get(tc.strings[keyId]!);
      if (!m) {
        m = { key: tc.strings[keyId]!, figures: 0, units: [] };
        metricMeta.set(m.key, m);
      }
      lastMetric = m;
      lastMetricId = keyId;
      m.figures++;
      const unit = tc.strings[tc.unit[i]!]!;
      if (unit && m.units.length < 5 && !m.units.includes(unit)) m.units.push(unit);
      if (labelCols.labelZh >= 0 && !m.labelZh && cell(labelCols.labelZh)) m.labelZh = cell(labelCols.labelZh);
      if (labelCols.labelEn >= 0 && !m.labelEn && cell(labelCols.labelEn)) m.labelEn = cell(labelCols.labelEn);
      if (labelCols.unitZh >= 0 && !m.unitZh && cell(labelCols.unitZh)) m.unitZh = cell(labelCols.unitZh);
      if (labelCols.unitEn >= 0 && !m.unitEn && cell(labelCols.unitEn)) m.unitEn = cell(labelCols.unitEn);
    }
  };

  for (const r of buffered) handle(r);
  let k = 0;
  for (;;) {
    const r = tok.next();
    if (!r) break;
    if (isBlank(r)) {
      a.blankLines++;
      continue;
    }
    handle(r);
    if (++k % BATCH === 0) yield { phase: 'parse', fraction: tok.pos / text.length };
  }
  yield { phase: 'check', fraction: 1 };

  // --- the same region, year and metric twice
  const c = table.columns;
  const groups = yield* sameKeyGroups(c);
  const rejectLines = new Map<number, Reason[]>();
  const addReason = (line: number, reason: Reason) => {
    const l = rejectLines.get(line) ?? [];
    if (!l.some((x) => x.code === reason.code && x.other === reason.other)) l.push(reason);
    rejectLines.set(line, l);
  };
  /** A record that gave figures, read again from where it starts. */
  const usedRecord = (line: number): RawRecord | null => {
    let lo = 0;
    let hi = usedLines.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const l = usedLines[mid]!;
      if (l === line) {
        const again = new Tokenizer(text, delimiter);
        again.pos = usedStarts[mid]!;
        again.line = line;
        return again.next();
      }
      if (l < line) lo = mid + 1;
      else hi = mid - 1;
    }
    return null;
  };
  for (const idx of groups) {
    // exact repeats: the later lines are duplicates of the first (equal strings have equal numbers: asOf compares by its number)
    const reps: number[] = [];
    for (const i of idx) {
      const rep = reps.find((j) => c.value[j] === c.value[i] && c.qualifier[j] === c.qualifier[i] && c.asOf[j] === c.asOf[i]);
      if (rep !== undefined) addReason(c.line[i]!, { code: 'duplicate', other: String(c.line[rep]) });
      else reps.push(i);
    }
    if (reps.length < 2) continue;
    // differently sourced figures may disagree (the app shows "sources disagree"); one source may not
    const sources = new Set(reps.map((j) => c.strings[c.source[j]!]!));
    if (sources.size === reps.length && !sources.has('')) continue;
    const lines = [...new Set(reps.map((j) => c.line[j]!))];
    for (const j of reps) addReason(c.line[j]!, { code: 'conflict', other: lines.filter((l) => l !== c.line[j]).join(', ') || String(c.line[j]) });
  }
  if (rejectLines.size) {
    table.filter((i) => !rejectLines.has(c.line[i]!));
    for (const [line, reasons] of rejectLines) {
      const r = usedRecord(line);
      if (r) reject(r, reasons);
      rowsUsed--;
    }
    problems.sort((x, y) => x.line - y.line);
    // metric counts after the rejection
    for (const m of metricMeta.values()) m.figures = 0;
    for (let i = 0; i < c.n; i++) metricMeta.get(c.strings[c.metricKey[i]!]!)!.figures++;
    for (const [key, m] of metricMeta) if (!m.figures) metricMeta.delete(key);
  }

  a.records = records;
  a.rowsUsed = rowsUsed;
  a.rowsWithoutFigures = rowsWithoutFigures;
  a.emptyCells = emptyCells;
  a.packed = table.finish();
  a.problems = problems;
  a.metricKeys = [...metricMeta.values()].sort((x, y) => y.figures - x.figures || x.key.localeCompare(y.key));
  if (!records) return { ...a, fatal: { code: 'no-data-rows' } };
  if (a.metricKeys.length > MAX_METRICS) blocking.push('too-many-metrics');
  if (!blocking.length && !a.packed.n) blocking.push('no-usable');
  a.blocking = blocking;
  return a;
}

/** About how many drafts a file gives (a little over), from the size of its sampled records; at most 2^20 to start with. */
function expectedDrafts(chars: number, sample: readonly RawRecord[], perRecord: number): number {
  const first = sample[0];
  const last = sample[sample.length - 1];
  if (!first || !last || last.end <= first.start) return 1024;
  const recordChars = (last.end - first.start) / sample.length;
  return Math.max(1024, Math.min(1 << 20, Math.ceil((chars / recordChars) * Math.max(1, perRecord) * 1.05)));
}

/**
 * The drafts that share a metric, a region and a year, in groups of their
 * indexes (ascending), ordered by each group's first draft. Looked up by a
 * number made of the metric's and the region's numbers (numbered in order
 * of first appearance) and the year: in a typed array holding each key's
 * first draft when the keys are few enough (a file's metrics × regions ×
 * years usually are), else in a Map keyed by the three.
 */
function* sameKeyGroups(c: PackedDrafts): Generator<Progress, number[][], void> {
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
      if (i % (BATCH * 10) === BATCH * 10 - 1) yield { phase: 'check', fraction: i / n };
    }
  } else {
    const firstOf = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const key = `${metricNo[c.metricKey[i]!]},${regionNo[c.region[i]!]},${c.year[i]}`;
      const f = firstOf.get(key);
      if (f === undefined) firstOf.set(key, i);
      else add(key, f, i);
      if (i % (BATCH * 10) === BATCH * 10 - 1) yield { phase: 'check', fraction: i / n };
    }
  }
  return [...groups.values()].sort((x, y) => x[0]! - y[0]!);
}

function clip(s: string): string {
  return s.length > 80 ? `${s.slice(0, 80)}…` : s;
}
