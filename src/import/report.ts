/**
 * The import's report in words, line by line: what `npm run data:add`
 * prints, in the words the import dialog shows (strings.ts). Pure.
 */
import type { Lang } from '../data/types';
import { blockingText, fatalText, formatBytes, layoutLabel, reasonText, tr, type ImportKey } from './strings';
import { codepageName } from './workbook';
import { isLeftOut, type AnalysisCore, type ProblemRow, type TableReport } from './types';

export function tableName(lang: Lang, t: TableReport): string {
  return t.sheet ? tr(lang, 'tableOf', { sheet: t.sheet }) : tr(lang, 'tableCsv');
}

export function headerText(lang: Lang, t: TableReport): string {
  return t.headerRows > 1
    ? tr(lang, 'headerRowsAt', { from: t.headerLine, to: t.headerLine + t.headerRows - 1, n: t.headerRows })
    : tr(lang, 'headerLineAt', { line: t.headerLine });
}

/** The table's year and where it came from ("2022（取自标题）"), or '' when its rows or columns give the years. */
export function yearText(lang: Lang, t: TableReport): string {
  return t.year !== null && t.yearHow ? tr(lang, `yearHow_${t.yearHow}` as ImportKey, { year: t.year }) : '';
}

/** "文字编码：GBK（代码页 936，…）": how an .xls file's text was read where it is not UTF-16. */
export function codepageText(lang: Lang, cp: number): string {
  return tr(lang, 'xlsCodepage', { name: codepageName(cp), cp });
}

export function whereText(lang: Lang, p: Pick<ProblemRow, 'sheet' | 'line'>): string {
  return p.sheet ? tr(lang, 'cliWhereSheet', { sheet: p.sheet, line: p.line }) : tr(lang, 'cliWhere', { line: p.line });
}

export function problemText(lang: Lang, p: ProblemRow): string {
  return tr(lang, 'cliRow', { where: whereText(lang, p), reasons: p.reasons.map((r) => reasonText(lang, r)).join(tr(lang, 'reasonSep')), raw: p.raw });
}

/** The report as lines of text. `fileName` as given. */
export function reportLines(a: AnalysisCore & { packed?: { n: number }; drafts?: unknown[] }, fileName: string, lang: Lang): string[] {
  const nf = new Intl.NumberFormat(tr(lang, 'locale'));
  const num = (n: number) => nf.format(n);
  const out: string[] = [];
  out.push(tr(lang, 'cliFile', { file: fileName, format: tr(lang, `format_${a.format}` as ImportKey), size: formatBytes(a.bytes) }));
  if (a.codepage) out.push(codepageText(lang, a.codepage));
  if (a.fatal) {
    out.push(fatalText(lang, a.fatal.code, { n: a.fatal.n, detail: a.fatal.detail }));
    return out;
  }
  for (const t of a.tables) {
    if (t.fatal) {
      out.push(`${tableName(lang, t)}${tr(lang, 'colon')}${tr(lang, 'sheetFailed', { reason: fatalText(lang, t.fatal.code, { n: t.fatal.n, detail: t.fatal.detail }) })}`);
      continue;
    }
    out.push(tr(lang, 'cliTable', { table: tableName(lang, t), header: headerText(lang, t), layout: layoutLabel(lang, t.layout) }));
    const y = yearText(lang, t);
    if (y) out.push(tr(lang, 'cliYear', { table: tableName(lang, t), year: y }));
    if (t.unit) out.push(`${tableName(lang, t)}${tr(lang, 'colon')}${tr(lang, 'unit')} ${tr(lang, 'unitAbove', { unit: t.unit })}`);
  }
  const skipped = a.sheets.filter((s) => !s.chosen).map((s) => s.name);
  if (skipped.length) out.push(tr(lang, 'cliSheetsSkipped', { sheets: skipped.join(tr(lang, 'listSep')) }));
  const figures = a.packed?.n ?? a.drafts?.length ?? 0;
  out.push(tr(lang, 'cliCounts', { records: num(a.records), rows: num(a.rowsUsed), figures: num(figures), empty: num(a.emptyCells) }));
  const leftOut = a.problems.filter(isLeftOut);
  const rejected = a.problems.filter((p) => !isLeftOut(p));
  if (leftOut.length) {
    out.push(tr(lang, 'leftOut', { n: num(leftOut.length) }));
    for (const p of leftOut) out.push(problemText(lang, p));
  }
  out.push(tr(lang, 'problems', { n: num(rejected.length) }));
  for (const p of rejected) out.push(problemText(lang, p));
  for (const b of a.blocking) out.push(blockingText(lang, b, b === 'too-many-metrics' ? a.metricKeys.length : 0));
  return out;
}
