/**
 * The import pipeline, one for the app's worker, its main-thread fallback,
 * `npm run data:add` and `npm run data:import`:
 *
 *   bytes → decoded text (decode.ts) or a workbook's sheets (workbook.ts)
 *         → tables, one record at a time (table.ts)
 *         → header, columns, year (headerRows.ts, detect.ts)
 *         → rows → figures and problem rows (readTable.ts)
 *         → repeats and contradictions across the whole file (duplicates.ts)
 *         → the report (this analysis; words in strings.ts, report.ts)
 *
 * Pure and synchronous, written as a generator that yields progress between
 * batches of records, so that the same code runs in a Web Worker (run to
 * the end) and on the main thread (yielding to the page between batches).
 * Every record ends up used, without figures ("no figure" cells only),
 * rejected with its reasons, left out (a footnote, a row that is not a
 * province) or — above the header — listed as a title.
 */
import { decodeBytes } from './decode';
import { detectDelimiter } from './detect';
import { repeatedRows } from './duplicates';
import { looksLikeData } from './headerRows';
import { DraftTable, emptyReport, unpackAnalysis, type ReportAnalysis } from './pack';
import { readTable, type Progress, type Sink } from './readTable';
import { csvSource, gridSource, type RecordSource } from './table';
import { MAX_FILE_BYTES, MAX_METRICS, type BlockingCode, type ImportAnalysis, type ImportOptions, type SheetInfo, type TableOptions } from './types';
import { needsCodepages, readWorkbook, workbookFormat, xlsCodepage, type Merge, type SheetGrid, type XlsxLib } from './workbook';

export type { Progress } from './readTable';

/** What the pipeline needs from outside: the spreadsheet reader, for workbooks only (loaded on demand by the caller). */
export interface PipelineDeps {
  xlsx?: XlsxLib | null;
}

/** Run the whole pipeline at once. */
export function analyse(bytes: Uint8Array, opts: ImportOptions = {}, deps: PipelineDeps = {}): ImportAnalysis {
  const it = analyseSteps(bytes, opts, deps);
  for (;;) {
    const s = it.next();
    if (s.done) return s.value;
  }
}

/** The pipeline, yielding progress between batches. Never throws: an internal error is a `fatal` result. */
export function* analyseSteps(bytes: Uint8Array, opts: ImportOptions = {}, deps: PipelineDeps = {}): Generator<Progress, ImportAnalysis, void> {
  return unpackAnalysis(yield* analysePackedSteps(bytes, opts, deps));
}

/**
 * The same with the drafts left in columns (pack.ts), as the worker posts
 * them and the report reads them: no object per figure. Never throws.
 */
export function* analysePackedSteps(bytes: Uint8Array, opts: ImportOptions = {}, deps: PipelineDeps = {}): Generator<Progress, ReportAnalysis, void> {
  try {
    return yield* steps(bytes, opts, deps);
  } catch (e) {
    return emptyReport(bytes.length, { code: 'internal', detail: e instanceof Error ? e.message : String(e) });
  }
}

/** A sheet has a table when one of its first rows reads as data (a province and a figure). */
function hasTable(s: SheetGrid): boolean {
  const n = Math.min(s.rows.length, 80);
  for (let i = 0; i < n; i++) if (looksLikeData(s.rows[i]!)) return true;
  return false;
}

interface TableInput {
  sheet: string;
  src: RecordSource;
  merges: readonly Merge[];
  /** the table's share of the work, for progress */
  weight: number;
}

function tableOptions(opts: ImportOptions, sheet: string): TableOptions {
  const own = opts.tables?.[sheet] ?? {};
  return { roles: own.roles ?? opts.roles, fixedYear: own.fixedYear ?? opts.fixedYear, headerLine: own.headerLine ?? opts.headerLine, headerRows: own.headerRows ?? opts.headerRows };
}

function* steps(bytes: Uint8Array, opts: ImportOptions, deps: PipelineDeps): Generator<Progress, ReportAnalysis, void> {
  if (bytes.length > MAX_FILE_BYTES) return emptyReport(bytes.length, { code: 'too-large', n: bytes.length });
  yield { phase: 'decode', fraction: 0 };
  const a = emptyReport(bytes.length, null);
  const inputs: TableInput[] = [];
  const fileBlocking: BlockingCode[] = [];
  let hasReplacement = false;
  const format = workbookFormat(bytes);
  if (format) {
    // a workbook: the sheets chosen (by default every visible sheet with a table)
    if (!deps.xlsx) return { ...a, format, fatal: { code: format } };
    const wb = readWorkbook(bytes, deps.xlsx);
    if (!wb.ok) return { ...a, format, fatal: wb.fatal };
    a.format = wb.format;
    const cp = xlsCodepage(bytes);
    if (needsCodepages(cp)) a.codepage = cp;
    const wanted = opts.sheets ? new Set(opts.sheets) : null;
    const sheets: SheetInfo[] = wb.sheets.map((s) => ({ name: s.name, rows: s.rows.length, hidden: s.hidden, chosen: wanted ? wanted.has(s.name) : !s.hidden && hasTable(s) }));
    a.sheets = sheets;
    const total = wb.sheets.reduce((k, s, i) => k + (sheets[i]!.chosen ? s.rows.length : 0), 0) || 1;
    wb.sheets.forEach((s, i) => {
      if (sheets[i]!.chosen) inputs.push({ sheet: s.name, src: gridSource(s.rows), merges: s.merges, weight: s.rows.length / total });
    });
    if (!inputs.length) fileBlocking.push('no-sheet');
  } else {
    const dec = decodeBytes(bytes, opts.encoding);
    if (!dec.ok) return emptyReport(bytes.length, dec.fatal);
    const { text } = dec.value;
    a.encoding = dec.value.encoding;
    a.bom = dec.value.bom;
    a.encodingHow = dec.value.how;
    a.replaced = dec.value.replaced;
    hasReplacement = dec.value.replaced > 0;
    if (!text.trim()) return { ...a, fatal: { code: 'empty' } };
    const delimiter = opts.delimiter ?? detectDelimiter(text);
    if (!delimiter) return { ...a, fatal: { code: 'one-column' } };
    a.delimiter = delimiter;
    a.delimiterHow = opts.delimiter ? 'user' : 'detected';
    inputs.push({ sheet: '', src: csvSource(text, delimiter), merges: [], weight: 1 });
  }
  yield { phase: 'parse', fraction: 0 };

  // room for about as many figures as the file may hold, so that the columns are seldom copied to grow
  const cells = format ? a.sheets.reduce((k, s) => k + (s.chosen ? s.rows * 4 : 0), 0) : bytes.length / 12;
  const sink: Sink = {
    table: new DraftTable(Math.min(1 << 20, Math.max(1024, Math.ceil(cells)))),
    problems: [],
    metricMeta: new Map(),
    used: new Map(),
    counts: { records: 0, blankLines: 0, rowsUsed: 0, rowsWithoutFigures: 0, emptyCells: 0 },
    hasReplacement,
  };
  let done = 0;
  for (const t of inputs) {
    const start = done;
    const r = yield* readTable(t.src, t.sheet, t.merges, tableOptions(opts, t.sheet), sink, (f) => start + f * t.weight);
    done += t.weight;
    // a CSV file that cannot be read as a table is the file's problem; an odd sheet is only that sheet's
    if (r.fatal && !format) return { ...a, tables: [], fatal: r.fatal };
    a.tables.push(r.report);
  }
  yield { phase: 'check', fraction: 1 };

  // --- the same region, year and metric twice, anywhere in the file
  const { table, problems, metricMeta, counts } = sink;
  const c = table.columns;
  const rejected = opts.repeats === 'keep' ? new Map<string, never>() : yield* repeatedRows(c);
  if (rejected.size) {
    table.filter((i) => !rejected.has(`${c.strings[c.sheet[i]!]}\u0000${c.line[i]}`));
    const srcOf = new Map(inputs.map((t) => [t.sheet, t.src]));
    for (const row of rejected.values()) {
      const used = sink.used.get(row.sheet);
      const src = srcOf.get(row.sheet);
      const at = used ? binarySearch(used.lines, row.line) : -1;
      const rec = src && used && at >= 0 ? src.again(row.line, used.starts[at]!) : null;
      if (rec) {
        const { raw, rawLength } = src!.raw(rec);
        problems.push({ sheet: row.sheet, line: row.line, raw, rawLength, fields: rec.fields, reasons: row.reasons });
      }
      counts.rowsUsed--;
    }
    // metric counts after the rejection
    for (const m of metricMeta.values()) m.figures = 0;
    for (let i = 0; i < c.n; i++) metricMeta.get(c.strings[c.metricKey[i]!]!)!.figures++;
    for (const [key, m] of metricMeta) if (!m.figures) metricMeta.delete(key);
  }
  const sheetOrder = new Map(inputs.map((t, i) => [t.sheet, i]));
  problems.sort((x, y) => sheetOrder.get(x.sheet)! - sheetOrder.get(y.sheet)! || x.line - y.line);

  Object.assign(a, counts);
  a.packed = table.finish();
  a.problems = problems;
  a.metricKeys = [...metricMeta.values()].sort((x, y) => y.figures - x.figures || x.key.localeCompare(y.key));
  if (!counts.records && !fileBlocking.length) {
    // a workbook whose sheets are all unreadable says why (the first sheet's reason)
    return { ...a, fatal: { code: 'no-data-rows' } };
  }
  const blocking = [...fileBlocking];
  for (const t of a.tables) for (const b of t.blocking) if (!blocking.includes(b)) blocking.push(b);
  if (a.metricKeys.length > MAX_METRICS) blocking.push('too-many-metrics');
  if (!blocking.length && !a.packed.n) blocking.push('no-usable');
  a.blocking = blocking;
  return a;
}

function binarySearch(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = xs[mid]!;
    if (v === x) return mid;
    if (v < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
