/**
 * CSV exports of the table view. Pure: strings in, strings out (the view
 * turns them into a Blob and a download).
 *
 * Format of every export:
 * - UTF-8 with a byte-order mark (\uFEFF) first, so that Excel opens Chinese
 *   text correctly;
 * - CRLF line endings, RFC 4180 quoting (a field containing `"`, `,`, CR or
 *   LF is wrapped in double quotes, inner quotes doubled);
 * - spreadsheet formulas neutralised (OWASP "CSV injection"): a TEXT cell
 *   starting with `=`, `+`, `-`, `@`, tab or CR gets a leading apostrophe.
 *   Numeric cells are exempt, so genuine negative numbers stay numbers: a
 *   cell is numeric when it is passed as a JS number, or when it is in a
 *   column declared numeric AND is a plain decimal number (`-5`, `3.25`).
 *   Anything else in a numeric column (e.g. `-1+1`, `=1`) is text and is
 *   neutralised like any other text.
 */
import { parseCsv } from './csv';
import { FIGURE_COLUMNS, SOURCE_FILE_COLUMNS } from './package';
import { NATIONAL, regionName } from './regions';
import { buildTableRows, sourceLabel, unitLabel, type TableRow, type TableYear } from './tableRows';
import type { Lang, MetricDef, Qualifier, Source } from './types';
import type { FigureIndex } from './query';
import { formatFigure } from '../i18n/format';

export type CsvValue = string | number | null | undefined;

export const BOM = '\uFEFF';
export const CRLF = '\r\n';

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

/** Prefix an apostrophe to text a spreadsheet would run as a formula. */
export function neutraliseFormula(s: string): string {
  return FORMULA_START.test(s) ? `'${s}` : s;
}

/** One CSV field: neutralised (text only, see the module comment) and quoted per RFC 4180. */
export function csvField(v: CsvValue, numeric = false): string {
  let s: string;
  if (v === null || v === undefined) s = '';
  else if (typeof v === 'number') s = Number.isFinite(v) ? String(v) : '';
  else s = numeric && PLAIN_NUMBER.test(v) ? v : neutraliseFormula(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A whole CSV file: BOM, header, rows, CRLF after every record. `numericColumns` are column indexes. */
export function buildCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[], numericColumns: ReadonlySet<number> = new Set()): string {
  const lines = [header.map((h) => csvField(h)).join(',')];
  for (const r of rows) lines.push(r.map((c, i) => csvField(c, numericColumns.has(i))).join(','));
  return BOM + lines.join(CRLF) + CRLF;
}

// ------------------------------------------------------------ table export

const HEADERS: Record<Lang, string[]> = {
  zh: ['地区', '地区代码', '年份', '数值', '显示值', '限定', '截至', '排名', '有数据省份数', '单位', '原文单位', '整理说明', '来源', '来源链接', '原文', '状态', '数据编号', '来源编号'],
  en: ['Region', 'Region code', 'Year', 'Value', 'Shown as', 'Qualifier', 'As of', 'Rank', 'Provinces ranked', 'Unit', 'Unit in source', 'Compiler’s note', 'Source', 'Source URL', 'Quote', 'Status', 'Figure id', 'Source id'],
};

export const QUALIFIER_TEXT: Record<Lang, Record<Qualifier, string>> = {
  zh: { exact: '精确', at_least: '下限', about: '约数' },
  en: { exact: 'exact', at_least: 'lower bound', about: 'approximate' },
};

const STATUS: Record<Lang, { conflict: string; noData: string; agree: (n: number) => string }> = {
  zh: { conflict: '来源不一致', noData: '无数据', agree: (n) => `${n} 个来源一致` },
  en: { conflict: 'sources disagree', noData: 'no data', agree: (n) => `${n} sources agree` },
};

/** The status text of a row: sources disagree / N sources agree / no data / empty. */
export function rowStatus(row: TableRow, lang: Lang): string {
  if (!row.figure) return STATUS[lang].noData;
  if (row.conflict) return STATUS[lang].conflict;
  if (row.groupSize > 1) return STATUS[lang].agree(row.groupSize);
  return '';
}

/**
 * The table as shown (rows in the order given: the caller passes the
 * current sort), with localized headers. "Value" is the raw number (so a
 * spreadsheet can compute with it); "Shown as" is the formatted figure with
 * ≥/≈ and 万 as on screen, and "Qualifier" says exact/lower bound/approximate.
 * Provinces without a figure have an empty value and the status "no data"
 * (never 0).
 */
const RATIO_HEADERS: Record<Lang, string[]> = {
  zh: ['计算', '分子', '分子单位', '分母', '分母单位', '分母年份', '分母来源', '分母来源链接', '分母原文', '分子数据编号', '分母数据编号', '分母来源编号'],
  en: ['Calculation', 'Numerator', 'Numerator unit', 'Denominator', 'Denominator unit', 'Denominator year', 'Denominator source', 'Denominator source URL', 'Denominator quote', 'Numerator figure id', 'Denominator figure id', 'Denominator source id'],
};

/** A ratio's columns (per resident, per GDP): the formula and both inputs, each with its source. */
function ratioCells(r: TableRow, lang: Lang): CsvValue[] {
  const d = r.figure?.derived;
  if (!d) return RATIO_HEADERS[lang].map(() => '');
  const s = r.denominatorSource;
  return [
    d.formula?.[lang] ?? '', d.numerator.value, d.numerator.unit, d.denominator.value, d.denominator.unit, d.denominator.year,
    s ? sourceLabel(s) : '', s?.url ?? '', s?.quote ?? '', d.numerator.id, d.denominator.id, d.denominator.sourceId,
  ];
}

export function tableCsv(rows: readonly TableRow[], metric: MetricDef, lang: Lang): string {
  const numeric = new Set([2, 3, 7, 8]);
  // a ratio's table: the formula and both inputs with their sources, in columns after the others
  const ratios = rows.some((r) => r.figure?.derived);
  if (ratios) for (const i of [19, 21, 23]) numeric.add(i);
  const data = rows.map((r) => {
    const f = r.figure;
    const cells: CsvValue[] = [
      regionName(r.region, lang),
      r.region === NATIONAL ? NATIONAL : r.region,
      r.year,
      f ? f.value : null,
      f ? formatFigure(f.value, f.qualifier, '', lang) : STATUS[lang].noData,
      f ? QUALIFIER_TEXT[lang][f.qualifier] : '',
      f?.asOf ?? '',
      r.rank,
      r.ranked,
      unitLabel(r, metric, lang),
      r.sourceUnit ?? '',
      f?.note ?? '',
      sourceLabel(r.source),
      r.source?.url ?? '',
      r.source?.quote ?? '',
      rowStatus(r, lang),
      f?.id ?? '',
      f?.sourceId ?? '',
    ];
    return ratios ? [...cells, ...ratioCells(r, lang)] : cells;
  });
  return buildCsv(ratios ? [...HEADERS[lang], ...RATIO_HEADERS[lang]] : HEADERS[lang], data, numeric);
}

// ------------------------------------------------------ package rows export

/**
 * Source columns appended to each figure row. We chose appended columns over
 * a second file: one download (browsers may block a second automatic one),
 * and each row carries its own evidence. The source's `id` is the figure's
 * `source_id`, so it is not repeated.
 */
export const APPENDED_SOURCE_COLUMNS = SOURCE_FILE_COLUMNS.filter((c) => c !== 'id').map((c) => `source_${c}`);
export const PACKAGE_EXPORT_HEADER: readonly string[] = [...FIGURE_COLUMNS, ...APPENDED_SOURCE_COLUMNS];

/**
 * The exact rows of the package's figures.csv for the given figure ids (in
 * that order), with the package's own header (FIGURE_COLUMNS), each followed
 * by its source's row from sources.csv as `source_*` columns. Cell text is
 * copied as in the package, not reformatted (only formula neutralisation of
 * text cells applies; `year` and `value` are numeric columns). Ids not found
 * in the file are returned in `missing`.
 */
export function packageRowsCsv(figuresText: string, sourcesText: string, ids: readonly string[]): { csv: string; missing: string[] } {
  const figs = parseCsv(figuresText);
  const srcs = parseCsv(sourcesText);
  const figById = new Map<string, Record<string, string>>();
  for (const r of figs.rows) {
    const id = (r.cells.id ?? '').trim();
    if (id && !figById.has(id)) figById.set(id, r.cells);
  }
  const srcById = new Map<string, Record<string, string>>();
  for (const r of srcs.rows) {
    const id = (r.cells.id ?? '').trim();
    if (id && !srcById.has(id)) srcById.set(id, r.cells);
  }
  const missing: string[] = [];
  const rows: string[][] = [];
  for (const id of ids) {
    const f = figById.get(id);
    if (!f) {
      missing.push(id);
      continue;
    }
    const s = srcById.get((f.source_id ?? '').trim());
    rows.push([...FIGURE_COLUMNS.map((c) => f[c] ?? ''), ...SOURCE_FILE_COLUMNS.filter((c) => c !== 'id').map((c) => s?.[c] ?? '')]);
  }
  const numeric = new Set([FIGURE_COLUMNS.indexOf('year'), FIGURE_COLUMNS.indexOf('value')]);
  return { csv: buildCsv(PACKAGE_EXPORT_HEADER, rows, numeric), missing };
}

// -------------------------------------------------------------- file names

/** Characters that are not allowed (or are awkward) in file names on common systems. */
function safeName(s: string): string {
  return s.replace(/[\\/:*?"<>|\u0000-\u001f\u007f\s]+/g, '_').replace(/^[.\s_]+|[.\s_]+$/g, '').slice(0, 80);
}

/**
 * What the file holds, in its name:
 * 孵化图谱-国家级科技企业孵化器-2022.csv / hatch-atlas-incubators_national-2022.csv,
 * …-最新可得 / -latest, …-全部年份 / -all-years, and -数据包原始行 / -package-rows
 * for the package rows.
 */
export function exportFileName(kind: 'table' | 'package', metric: MetricDef, sel: TableYear, lang: Lang): string {
  if (lang === 'zh') {
    const y = sel === 'latest' ? '最新可得' : sel === 'all' ? '全部年份' : String(sel);
    return `孵化图谱-${safeName(metric.label.zh) || safeName(metric.id)}-${y}${kind === 'package' ? '-数据包原始行' : ''}.csv`;
  }
  const y = sel === 'latest' ? 'latest' : sel === 'all' ? 'all-years' : String(sel);
  return `hatch-atlas-${safeName(metric.id)}${metric.per ? `-per-${metric.per === 'capita' ? 'million-residents' : '100bn-yuan-gdp'}` : ''}-${y}${kind === 'package' ? '-package-rows' : ''}.csv`;
}

/**
 * The data behind a chart as CSV: the national row(s) and every provincial
 * figure for the selection (all figures of a cell, so disagreeing sources
 * stay visible), optionally only for some provinces (the trend's lines).
 */
export function chartDataCsv(
  idx: FigureIndex,
  metric: MetricDef,
  sel: TableYear,
  sources: ReadonlyMap<string, Source>,
  lang: Lang,
  maxYear: number,
  regions?: readonly string[],
): string {
  const d = buildTableRows(idx, metric, sel, sources, maxYear);
  const keep = regions ? new Set(regions) : null;
  return tableCsv([...d.national, ...d.provinces.filter((r) => !keep || keep.has(r.region))], metric, lang);
}
