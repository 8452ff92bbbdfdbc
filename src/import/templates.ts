/**
 * Blank templates for a metric: the 31 provinces down, the years across, a
 * 来源 (source) column and a note on how to fill it in — the shape the
 * import reads back at once (the metric named in its column, so it is
 * matched to the app's metric). As Excel-friendly CSV (UTF-8 with BOM, CRLF)
 * and as the rows of an .xlsx sheet. Pure.
 */
import { csvCell } from '../data/csv';
import { REGIONS, regionName } from '../data/regions';
import type { Lang, MetricDef } from '../data/types';
import { tr } from './strings';

/** The 31 provinces of the mainland (Hong Kong, Macao and Taiwan are not in these tables). */
export const TEMPLATE_REGIONS = REGIONS.filter((r) => !['710000', '810000', '820000'].includes(r.code));

export function templateYears(from: number, to: number): number[] {
  const a = Math.max(1980, Math.min(from, to));
  const b = Math.min(2100, Math.max(from, to), a + 49);
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}

/** The template as rows of cells: a title, the header, a row per province, a note. */
export function templateRows(metric: MetricDef, years: readonly number[], lang: Lang): string[][] {
  const unit = metric.unit[lang];
  const head = [tr(lang, 'pvRegion'), tr(lang, 'templateMetric'), ...years.map(String), tr(lang, 'templateSource')];
  return [
    [`${metric.label[lang]}（${tr(lang, 'unit')}${tr(lang, 'colon')}${unit}）`],
    head,
    ...TEMPLATE_REGIONS.map((r) => [regionName(r.code, lang), metric.label[lang], ...years.map(() => ''), '']),
    [],
    [tr(lang, 'templateNote')],
  ];
}

/** The template as CSV that Excel opens correctly (UTF-8 with BOM, CRLF line breaks). */
export function templateCsv(metric: MetricDef, years: readonly number[], lang: Lang): string {
  return `\ufeff${templateRows(metric, years, lang).map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export function templateFileName(metric: MetricDef, years: readonly number[], lang: Lang, ext: 'csv' | 'xlsx'): string {
  const name = metric.label[lang].replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').slice(0, 40);
  return `${name}-${years[0]}-${years[years.length - 1]}-${tr(lang, 'templateTitle')}.${ext}`;
}
