/**
 * Types shared by the import pipeline (worker and main thread) and the
 * import dialog. Plain data only: everything here crosses the worker
 * boundary by structured clone.
 */
import type { Qualifier } from '../data/types';

export type EncodingId = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';
/** What the file is: text (CSV, TSV) or a workbook (Excel 2007+ .xlsx, Excel 97–2003 .xls). */
export type FileFormat = 'csv' | 'xlsx' | 'xls';
export type DelimiterId = ',' | '\t' | ';';

/** Largest file the importer reads. Bigger files are refused before reading. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** More columns than this is not a table of provinces. */
export const MAX_COLUMNS = 1000;
/** A cell longer than this is not a figure, a name or a note. */
export const MAX_CELL_CHARS = 10_000;
/** More distinct metrics than this in one file means the wrong column was taken as the metric. */
export const MAX_METRICS = 100;

/** What a column of the file is taken to hold. */
export type ColumnRole =
  | 'region' // province: name, short name, English, or GB/T 2260 code
  | 'regionAlt' // a second region column (name beside a code): used when the first is empty, and checked against it
  | 'year'
  | 'metric' // the metric's name, one a row (long layout)
  | 'value' // the figure (long layout)
  | 'yearColumn' // wide layout: the figures of the year in the header
  | 'metricColumn' // wide layout: the figures of the metric named in the header
  | 'asOf'
  | 'qualifier'
  | 'unit'
  | 'note'
  | 'source'
  | 'metricLabelZh'
  | 'metricLabelEn'
  | 'metricUnitZh'
  | 'metricUnitEn'
  | 'ignore';

export const COLUMN_ROLES: readonly ColumnRole[] = [
  'region', 'regionAlt', 'year', 'metric', 'value', 'yearColumn', 'metricColumn', 'asOf', 'qualifier', 'unit', 'note', 'source',
  'metricLabelZh', 'metricLabelEn', 'metricUnitZh', 'metricUnitEn', 'ignore',
];

/** How a role was arrived at, shown in the report. */
export type RoleHow = 'header' | 'year-header' | 'numbers' | 'content' | 'package' | 'user' | 'unrecognised' | 'known-ignored' | 'duplicate' | 'layout';

export interface ColumnInfo {
  index: number;
  /** header text as in the file */
  header: string;
  role: ColumnRole;
  how: RoleHow;
  /** yearColumn: the year of the header */
  year?: number;
  /** yearColumn: a month in the header ("2019-12", "2019年12月") */
  asOf?: string | null;
  /** a unit in the header, e.g. "数量（家）" */
  unit?: string;
  /** metricColumn: the metric named by the header */
  metricKey?: string;
  /** a header of several rows (merged cells): its cells from the top, e.g. ["孵化器数量", "合计"] */
  path?: string[];
  /** first few non-empty cells, for the preview */
  examples: string[];
  /** non-empty cells seen in the sample */
  filled: number;
}

export type Layout = 'long' | 'wide-years' | 'wide-metrics';

/** A reason, localised by the dialog (strings.ts `reason_<code>`). */
export interface Reason {
  code: ReasonCode;
  /** the column, for cell-level reasons */
  col?: string;
  value?: string;
  other?: string;
}

export type ReasonCode =
  | 'region-empty'
  | 'region-unknown'
  | 'region-mismatch'
  | 'year-empty'
  | 'year-bad'
  | 'value-negative'
  | 'value-bad'
  | 'value-too-large'
  | 'qualifier-bad'
  | 'qualifier-conflict'
  | 'asof-bad'
  | 'metric-empty'
  | 'fields-more'
  | 'fields-fewer'
  | 'quote'
  | 'cell-too-long'
  | 'undecodable'
  | 'duplicate'
  | 'conflict'
  | 'footnote'
  | 'not-province';

/**
 * Rows left out on purpose — a note under the table, a row that is not a
 * province (新疆生产建设兵团, a 计划单列市, 东部地区) — are reported, not
 * rejected: nothing in them is wrong.
 */
export const LEFT_OUT_CODES: readonly ReasonCode[] = ['footnote', 'not-province'];
export function isLeftOut(p: { reasons: readonly Reason[] }): boolean {
  return p.reasons.every((r) => LEFT_OUT_CODES.includes(r.code));
}

export interface ProblemRow {
  /** the sheet of a workbook ('' in a CSV file) */
  sheet: string;
  /** 1-based line in the file (row in the sheet) where the record starts */
  line: number;
  /** the record's text as in the file (cut to RAW_SHOWN characters) */
  raw: string;
  rawLength: number;
  /** the record's cells (for the rejected-rows download) */
  fields: string[];
  reasons: Reason[];
}

export const RAW_SHOWN = 400;

/** One figure read from the file, before its metric is resolved by the user. */
export interface Draft {
  /** the sheet of a workbook ('' in a CSV file) */
  sheet: string;
  line: number;
  region: string;
  year: number;
  value: number;
  qualifier: Qualifier;
  asOf: string | null;
  unit: string;
  note: string;
  /** the source cell(s) of the row: a URL or a citation */
  source: string;
  /** '' = the file's single unnamed metric (chosen or named by the user) */
  metricKey: string;
}

export interface MetricKeyInfo {
  key: string;
  figures: number;
  /** a column header of several rows: its cells from the top ("孵化器数量", "合计") */
  path?: string[];
  /** units seen for this key in the file (unit column, header, number suffix) */
  units: string[];
  /** labels/units given by metric_label_* / metric_unit_* columns (re-import of our own export) */
  labelZh?: string;
  labelEn?: string;
  unitZh?: string;
  unitEn?: string;
}

export type FatalCode =
  | 'too-large'
  | 'empty'
  | 'binary'
  | 'xlsx'
  | 'xls'
  | 'workbook-unreadable'
  | 'workbook-empty'
  | 'pdf'
  | 'one-column'
  | 'too-many-columns'
  | 'no-data-rows'
  | 'internal'
  | 'read-failed'
  | 'worker-failed';

export interface Fatal {
  code: FatalCode;
  detail?: string;
  n?: number;
}

export type BlockingCode = 'no-region-column' | 'no-value-column' | 'needs-year' | 'year-disagrees' | 'too-many-metrics' | 'no-usable' | 'no-sheet';

/** What the user (or the command line) says about one table. */
export interface TableOptions {
  /** column index → role chosen by the user */
  roles?: Record<number, ColumnRole>;
  /** the year of every figure, when the table has neither a year column nor year headers */
  fixedYear?: number | null;
  /** the header's (first) row, 1-based, where detection chose another */
  headerLine?: number;
  /** how many rows the header has (1–3), where detection chose another number */
  headerRows?: number;
}

export interface ImportOptions extends TableOptions {
  encoding?: EncodingId;
  delimiter?: DelimiterId;
  /** a workbook's sheets to read, by name (default: every visible sheet with a table) */
  sheets?: readonly string[];
  /** options of one table, by sheet name ('' = the table of a CSV file); over the ones above */
  tables?: Record<string, TableOptions>;
  /**
   * The same region, year and metric twice: rejected (a user's file: a
   * repeat or a contradiction is a mistake to fix), or kept (the project's
   * compiled figures, where two sources saying the same is corroboration and
   * every row is kept as read: `npm run data:import`).
   */
  repeats?: 'reject' | 'keep';
}

/** Where a table's year came from. */
export type YearHow = 'user' | 'title' | 'sheet';

/** One table: a CSV file, or one sheet of a workbook. */
export interface TableReport {
  /** the sheet's name ('' for a CSV file) */
  sheet: string;
  layout: Layout;
  /** 1-based line (row) of the header's first row */
  headerLine: number;
  /** rows the header spans (a two-row header with merged cells: 2) */
  headerRows: number;
  /** lines above the header (titles, a unit row), listed, not imported */
  above: SkippedLine[];
  /** the table's own words for what it is: its title lines as written (else its header), the quote of its sources */
  title: string;
  columns: ColumnInfo[];
  /** a unit row above the header ("单位：个"): the unit of its figures */
  unit: string;
  /** the year of every figure of the table, and where it came from, when the table does not give one per row or column */
  year: number | null;
  yearHow: YearHow | null;
  /** years seen in the title lines and in the sheet's name, shown beside the year */
  titleYear: number | null;
  sheetYear: number | null;
  records: number;
  blocking: BlockingCode[];
  /** a sheet that cannot be read as a table (one column, no rows): why */
  fatal: Fatal | null;
}

/** A sheet of a workbook: its name, whether it has a table, whether it was read. */
export interface SheetInfo {
  name: string;
  rows: number;
  hidden: boolean;
  chosen: boolean;
}

export interface SkippedLine {
  line: number;
  raw: string;
}

export interface ImportAnalysis {
  fatal: Fatal | null;
  /** what stops the import: the tables' blocking codes, and the file's */
  blocking: BlockingCode[];
  bytes: number;
  format: FileFormat;
  encoding: EncodingId;
  bom: boolean;
  /** how the encoding was decided */
  encodingHow: 'bom' | 'strict-utf8' | 'mostly-utf8' | 'gb18030' | 'user';
  /** characters that could not be decoded (U+FFFD) */
  replaced: number;
  /** an .xls file's text code page where it is not UTF-16: 936 (GBK) for an Excel 5.0/95 file from a Chinese Windows */
  codepage?: number;
  delimiter: DelimiterId;
  delimiterHow: 'detected' | 'user';
  /** a workbook's sheets ([] for a CSV file) */
  sheets: SheetInfo[];
  /** the tables read: one for a CSV file, one per chosen sheet of a workbook */
  tables: TableReport[];
  /** data records after the header (blank ones excluded) */
  records: number;
  blankLines: number;
  /** records that gave at least one figure */
  rowsUsed: number;
  /** records whose value cells were all "no figure" (empty, -, —, /, 无, N/A) */
  rowsWithoutFigures: number;
  /** value cells with "no figure" (never 0) */
  emptyCells: number;
  drafts: Draft[];
  problems: ProblemRow[];
  metricKeys: MetricKeyInfo[];
}

/** The analysis without its drafts (which travel and are kept in columns: pack.ts). */
export type AnalysisCore = Omit<ImportAnalysis, 'drafts'>;
