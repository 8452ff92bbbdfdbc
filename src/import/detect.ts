/**
 * Detecting the shape of a CSV text: its delimiter, the header row (titles
 * above it are allowed), what each column holds, and the layout (long, wide
 * by year, wide by metric). Pure.
 */
import { normaliseRegion } from '../data/regions';
import { guessHeader, isCodeHeader, isPackageHeader, metricKeyOfHeader, parseYearHeader } from './headers';
import { isNoFigure, parseNumberCell } from './numbers';
import { Tokenizer } from '../data/tokenize';
import type { ColumnInfo, ColumnRole, DelimiterId, Layout } from './types';

export const DELIMITERS: readonly DelimiterId[] = [',', '\t', ';'];

/**
 * The delimiter whose field count is most consistent over the first records
 * (and more than one field). Ties go to comma, then tab, then semicolon.
 * Null when no candidate splits the lines: a single column.
 */
export function detectDelimiter(text: string): DelimiterId | null {
  const sample = text.slice(0, 65536);
  let best: { d: DelimiterId; score: number } | null = null;
  for (const d of DELIMITERS) {
    const tok = new Tokenizer(sample, d);
    const counts: number[] = [];
    for (let i = 0; i < 40; i++) {
      const r = tok.next();
      if (!r) break;
      if (r.fields.every((f) => !f.trim())) continue;
      counts.push(r.fieldCount);
    }
    if (!counts.length) continue;
    const freq = new Map<number, number>();
    for (const c of counts) freq.set(c, (freq.get(c) ?? 0) + 1);
    let mode = 1;
    let modeN = 0;
    for (const [c, k] of freq) if (c > 1 && (k > modeN || (k === modeN && c > mode))) (mode = c), (modeN = k);
    if (mode < 2) continue;
    const score = (modeN / counts.length) * 1000 + Math.min(mode, 100);
    if (!best || score > best.score) best = { d, score };
  }
  return best?.d ?? null;
}

export interface HeaderChoice {
  /** index of the header among the non-blank records given */
  index: number;
  packageFormat: boolean;
  /** the row names a region column and another known one (or two years): no guess */
  strong: boolean;
}

/** Score of a record as a header: cells whose text names a known column or a year. */
function headerScore(fields: readonly string[]): { score: number; region: boolean; years: number } {
  let score = 0;
  let region = false;
  let years = 0;
  for (const f of fields) {
    if (!f.trim()) continue;
    const g = guessHeader(f);
    if (g.how === 'unrecognised') continue;
    score++;
    if (g.role === 'region') region = true;
    if (g.role === 'yearColumn') years++;
  }
  return { score, region, years };
}

/**
 * The header among the first records: the first that names a region column
 * and one more known column (or two year columns), else the best-scoring,
 * else the first with two non-empty cells. Records above it are titles.
 */
export function findHeader(records: readonly (readonly string[])[]): HeaderChoice {
  let best = -1;
  let bestScore = 1;
  for (let i = 0; i < records.length && i < 30; i++) {
    const f = records[i]!;
    if (isPackageHeader(f)) return { index: i, packageFormat: true, strong: true };
    const s = headerScore(f);
    if ((s.region && s.score >= 2) || (s.region && s.years >= 1)) return { index: i, packageFormat: false, strong: true };
    if (s.years >= 2 && s.score >= 2) return { index: i, packageFormat: false, strong: true };
    if (s.score > bestScore) (best = i), (bestScore = s.score);
  }
  if (best >= 0) return { index: best, packageFormat: false, strong: false };
  const firstWide = records.findIndex((f) => f.filter((x) => x.trim()).length >= 2);
  return { index: Math.max(0, firstWide), packageFormat: false, strong: false };
}

/** Share of a column's sample cells that are provinces (or the country). */
function regionShare(cells: readonly string[]): number {
  let n = 0;
  let ok = 0;
  for (const c of cells) {
    if (!c.trim()) continue;
    n++;
    if (normaliseRegion(cleanRegionCell(c)).ok) ok++;
  }
  return n ? ok / n : 0;
}

/** Numeric share of a column's sample cells ("no figure" cells do not count either way). */
function numericShare(cells: readonly string[]): { share: number; ok: number } {
  let n = 0;
  let ok = 0;
  for (const c of cells) {
    if (isNoFigure(c)) continue;
    n++;
    if (parseNumberCell(c).kind === 'ok') ok++;
  }
  return { share: n ? ok / n : 0, ok };
}

/** Footnote marks and numbering around a region name: "北京*", "江苏①", "浙江(注1)", "1. 北京". */
export function cleanRegionCell(s: string): string {
  return s
    .trim()
    // marks that NFKC would turn into digits (①→1, ¹→1) go first
    .replace(/\s*(?:[*＊†‡#※]+|[①-⑳]+|[¹²³⁴-⁹]+)$/u, '')
    .normalize('NFKC')
    .trim()
    .replace(/^\d{1,2}[.、)]\s*(?=\D)/, '')
    .replace(/\s*(?:\[\d+\]|[(（]\s*注\s*\d*\s*[)）])$/u, '')
    .trim();
}

/**
 * Rows of a statistical table that name no province and no country total:
 * 新疆生产建设兵团, the five 计划单列市, regional subtotals (东部地区…),
 * "其中：…" lines. They are reported and left out, not rejected. Returns
 * the row's name, or null.
 */
export function notProvince(cell: string): string | null {
  const c = cleanRegionCell(cell).replace(/\s+/g, '');
  if (!c) return null;
  if (/兵团/.test(c)) return c;
  if (/^(大连|青岛|宁波|厦门|深圳)(市)?$/.test(c)) return c;
  if (/^(东部|中部|西部|东北)(地区)?(合计|小计)?$/.test(c)) return c;
  if (/^(其中|内)[:：]|计划单列市|副省级|省会城市|^(京津冀|长三角|珠三角|粤港澳大湾区|长江经济带|黄河流域)/.test(c)) return c;
  return null;
}

export interface ColumnPlan {
  columns: ColumnInfo[];
  layout: Layout;
}

/**
 * What each column holds: from the header, then from the content of
 * unrecognised columns (provinces; numbers), then the user's choices, then
 * the layout's rules (one region, year, metric… column; a long table's year
 * column wins over year headers).
 */
export function planColumns(
  header: readonly string[],
  sample: readonly (readonly string[])[],
  packageFormat: boolean,
  overrides: Readonly<Record<number, ColumnRole>> = {},
  paths: readonly (readonly string[])[] = [],
): ColumnPlan {
  const cellsOf = (i: number) => sample.map((r) => r[i] ?? '');
  const columns: ColumnInfo[] = header.map((h, index) => {
    const g = guessHeader(h, packageFormat);
    const cells = cellsOf(index);
    const filled = cells.filter((c) => c.trim()).length;
    const examples: string[] = [];
    for (const c of cells) {
      if (examples.length >= 3) break;
      if (c.trim()) examples.push(c.trim().length > 40 ? `${c.trim().slice(0, 40)}…` : c.trim());
    }
    const info: ColumnInfo = { index, header: h, role: g.role, how: g.how, examples, filled };
    const path = paths[index];
    if (path && path.length > 1) info.path = [...path];
    if (g.year !== undefined) info.year = g.year;
    if (g.asOf !== undefined) info.asOf = g.asOf;
    if (g.unit) info.unit = g.unit;
    return info;
  });
  const has = (r: ColumnRole) => columns.some((c) => c.role === r);
  // content: a column of province names under an unusual header ("地区\年份")
  if (!has('region')) {
    const cand = columns.find((c) => c.how === 'unrecognised' && regionShare(cellsOf(c.index)) >= 0.6);
    if (cand) (cand.role = 'region'), (cand.how = 'content');
  }
  // a long table's year column wins over year headers; otherwise year headers make the table wide
  const yearCols = columns.filter((c) => c.role === 'yearColumn');
  if (has('year') && yearCols.length) for (const c of yearCols) (c.role = 'ignore'), (c.how = 'layout');
  if (columns.some((c) => c.role === 'yearColumn') && has('value'))
    for (const c of columns) if (c.role === 'value') (c.role = 'ignore'), (c.how = 'layout');
  // content: numeric columns under unrecognised headers are metrics (wide by metric) when nothing else holds the figures
  if (!has('value') && !has('yearColumn')) {
    for (const c of columns) {
      if (c.how !== 'unrecognised' || !c.header.trim()) continue;
      const ns = numericShare(cellsOf(c.index));
      if (ns.ok >= 1 && ns.share >= 0.8) (c.role = 'metricColumn'), (c.how = 'numbers');
    }
  }
  // a header of several rows with a year in one row and a metric in another ("2022年" over "合计"): figures of that metric and year
  for (const c of columns) {
    if (c.role !== 'metricColumn' || !c.path) continue;
    const years = c.path.map((p) => parseYearHeader(p));
    const at = years.findIndex(Boolean);
    if (at < 0 || years.filter(Boolean).length > 1) continue;
    c.year = years[at]!.year;
    if (years[at]!.asOf) c.asOf = years[at]!.asOf;
    c.path = c.path.filter((_, i) => i !== at);
  }
  // the user's choices
  for (const [k, role] of Object.entries(overrides)) {
    const c = columns[Number(k)];
    if (!c) continue;
    if (role === 'yearColumn' && c.year === undefined) continue; // not a year header
    c.role = role;
    c.how = 'user';
  }
  // one column per role; a second region column is the alternative, a code column is preferred as primary
  const regions = columns.filter((c) => c.role === 'region');
  if (regions.length > 1) {
    const primary = regions.find((c) => isCodeHeader(c.header) && c.how !== 'user') ?? regions[0]!;
    for (const c of regions) if (c !== primary) c.role = 'regionAlt';
  }
  for (const role of ['regionAlt', 'year', 'metric', 'asOf', 'qualifier', 'unit', 'metricLabelZh', 'metricLabelEn', 'metricUnitZh', 'metricUnitEn'] as const) {
    const cs = columns.filter((c) => c.role === role);
    for (const c of cs.slice(1)) (c.role = 'ignore'), (c.how = 'duplicate');
  }
  // the same year (or metric) in two headers: the second is not used
  const seen = new Set<string>();
  for (const c of columns) {
    if (c.role === 'yearColumn') {
      const k = `y${c.year}|${c.asOf ?? ''}`;
      if (seen.has(k)) (c.role = 'ignore'), (c.how = 'duplicate');
      else seen.add(k);
    } else if (c.role === 'metricColumn') {
      c.metricKey = (c.path && c.year !== undefined ? c.path.join('/') : metricKeyOfHeader(c.header)) || `#${c.index + 1}`;
      const k = `m${c.metricKey}|${c.year ?? ''}`;
      if (seen.has(k)) (c.role = 'ignore'), (c.how = 'duplicate');
      else seen.add(k);
    }
  }
  const nYear = columns.filter((c) => c.role === 'yearColumn').length;
  const nMetric = columns.filter((c) => c.role === 'metricColumn').length;
  const layout: Layout = nYear > 0 ? 'wide-years' : nMetric > 1 ? 'wide-metrics' : 'long';
  return { columns, layout };
}
