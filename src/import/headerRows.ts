/**
 * The header of a statistical table, which in a yearbook is often more than
 * one row: a title row and a unit row above it, and a two-row header with
 * merged cells —
 *
 *     表3-1  2022年各地区科技企业孵化器基本情况
 *     单位：个
 *     地  区 | 孵化器数量          | 在孵企业
 *            | 合计 | 其中：国家级 |
 *     全  国 | 5843 | 1611         | 24.1万
 *
 * — whose column headers are the paths from the top ("孵化器数量/合计").
 * Where the header block begins and ends; each column's path; the unit and
 * the year said above it. Pure.
 */
import { normaliseRegion } from '../data/regions';
import { cleanRegionCell, findHeader } from './detect';
import { isNoFigure, parseNumberCell } from './numbers';
import type { Merge } from './workbook';

/** A header has at most this many rows. */
export const MAX_HEADER_ROWS = 3;

export interface HeaderBlock {
  /** index of the header's first row among the records given */
  index: number;
  /** rows in the header (1–3) */
  rows: number;
  packageFormat: boolean;
}

const filled = (f: readonly string[]) => f.filter((x) => x.trim()).length;

/** A record that reads as data: a province (or the country) in one of its first cells, and a figure (or "no figure") after it. */
export function looksLikeData(f: readonly string[]): boolean {
  for (let i = 0; i < Math.min(f.length, 4); i++) {
    const c = f[i]!.trim();
    if (!c || !normaliseRegion(cleanRegionCell(c)).ok) continue;
    for (let j = i + 1; j < f.length; j++) {
      const x = f[j]!;
      if (!x.trim()) continue;
      if (parseNumberCell(x).kind === 'ok' || isNoFigure(x)) return true;
    }
  }
  return false;
}

/** A header row carries no figures: none of its cells is a number. */
function textOnly(f: readonly string[]): boolean {
  return f.every((x) => !x.trim() || parseNumberCell(x).kind !== 'ok');
}

/**
 * The header block among the first non-blank records. Its first row is the
 * one findHeader (detect.ts) chooses, or — where that finds no row naming a
 * region column and another known one — the first of the text rows just
 * above the first row of data. Its further rows are the text rows between
 * it and the first row of data (at most MAX_HEADER_ROWS in all), or those
 * its vertically merged cells span. `user` overrides the first row (an
 * index) and the number of rows.
 */
export function findHeaderBlock(
  records: readonly (readonly string[])[],
  merges: readonly Merge[] = [],
  rowOf: (i: number) => number = (i) => i,
  user: { index?: number; rows?: number } = {},
): HeaderBlock {
  const firstData = records.findIndex(looksLikeData);
  let index: number;
  let packageFormat = false;
  if (user.index !== undefined && user.index >= 0 && user.index < records.length) index = user.index;
  else {
    const choice = findHeader(records);
    packageFormat = choice.packageFormat;
    index = choice.index;
    const strong = choice.strong;
    if (!strong && firstData > 0) {
      // walk up from the first data row over the rows of text with two cells or more
      let top = firstData;
      while (top > 0 && firstData - top < MAX_HEADER_ROWS && textOnly(records[top - 1]!) && filled(records[top - 1]!) >= 2) top--;
      if (top < firstData) index = top;
    }
  }
  if (packageFormat) return { index, rows: 1, packageFormat };
  let rows = 1;
  if (user.rows !== undefined) rows = Math.max(1, Math.min(MAX_HEADER_ROWS, user.rows, records.length - index));
  else {
    // rows spanned by merged cells that start on the header's first row
    const top = rowOf(index);
    for (const m of merges) if (m.r0 === top && m.r1 > m.r0) rows = Math.max(rows, Math.min(MAX_HEADER_ROWS, m.r1 - m.r0 + 1));
    // text rows between the header and the data (a CSV export of merged cells has no merges left)
    if (firstData > index) {
      const between = firstData - index;
      if (between <= MAX_HEADER_ROWS && records.slice(index + 1, firstData).every(textOnly)) rows = Math.max(rows, between);
    }
    rows = Math.min(rows, records.length - index);
  }
  return { index, rows, packageFormat };
}

/**
 * The column headers of a header block: each column's cells from the top,
 * merged ranges filled in (a label over two columns heads both), and, where
 * a file has lost its merges (CSV), a label in an upper row carried right
 * over the empty cells whose column has a label below. Each header is its
 * path joined with "/" ("孵化器数量/合计"); a one-row header is its cell.
 */
export function combineHeader(block: readonly (readonly string[])[], merges: readonly Merge[] = [], firstRow = 0): { headers: string[]; paths: string[][] } {
  const width = Math.max(0, ...block.map((r) => r.length));
  const grid = block.map((r) => Array.from({ length: width }, (_, c) => (r[c] ?? '').trim()));
  const n = grid.length;
  for (const m of merges) {
    const v = grid[m.r0 - firstRow]?.[m.c0];
    if (v === undefined || !v) continue;
    for (let r = Math.max(m.r0 - firstRow, 0); r <= Math.min(m.r1 - firstRow, n - 1); r++)
      for (let c = m.c0; c <= Math.min(m.c1, width - 1); c++) if (!grid[r]![c]) grid[r]![c] = v;
  }
  if (!merges.length && n > 1) {
    for (let r = 0; r < n - 1; r++) {
      const row = grid[r]!;
      for (let c = 1; c < width; c++) {
        if (row[c] || !row[c - 1]) continue;
        // an empty upper cell over a labelled column: the label on its left spans it
        if (grid.slice(r + 1).some((below) => below[c])) row[c] = row[c - 1]!;
      }
    }
  }
  const paths: string[][] = [];
  const headers: string[] = [];
  for (let c = 0; c < width; c++) {
    const path: string[] = [];
    for (let r = 0; r < n; r++) {
      const v = grid[r]![c]!;
      if (v && path[path.length - 1] !== v) path.push(v);
    }
    paths.push(path);
    headers.push(path.join('/'));
  }
  return { headers, paths };
}

/** "单位：个", "单位:万元", "(单位：家)" in the lines above a header: the unit. */
export function unitAbove(lines: readonly (readonly string[])[]): string {
  for (const f of lines) {
    for (const cell of f) {
      const m = /(?:^|[\s(（])单位\s*[:：]\s*([^\s)）,，;；]{1,12})/.exec(cell.normalize('NFKC'));
      if (m) return m[1]!;
    }
  }
  return '';
}

/** The one year a text names ("2022年各地区…", "Table 3 (2022)"), or null for none or several. */
export function yearIn(text: string): number | null {
  const years = new Set<number>();
  for (const m of text.normalize('NFKC').matchAll(/(?<!\d)((?:19[89]|20\d)\d)(?!\d)/g)) years.add(Number(m[1]));
  return years.size === 1 ? [...years][0]! : null;
}

/** The year named in the title lines above a table's header (one, not several). */
export function titleYear(lines: readonly (readonly string[])[]): number | null {
  return yearIn(lines.map((f) => f.join(' ')).join(' '));
}

/** Words of a header path that say "of which" or "total", left out of a metric's name. */
const OF_WHICH = /^(?:其中|内|含)\s*[:：]?\s*/;
const TOTAL = /^(?:合计|总计|小计|总数|总量|全部|total|sum|all)$/i;

/** A metric's name from a header path: "孵化器数量/合计" → 孵化器数量, "孵化器数量/其中：国家级" → 孵化器数量（国家级）. */
export function pathLabel(path: readonly string[]): string {
  const parts = path.map((p) => p.replace(OF_WHICH, '').trim()).filter((p) => p && !TOTAL.test(p));
  if (!parts.length) return path[path.length - 1] ?? '';
  if (parts.length === 1) return parts[0]!;
  return `${parts[0]}（${parts.slice(1).join('，')}）`;
}
