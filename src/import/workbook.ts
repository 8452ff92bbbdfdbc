/**
 * Workbook bytes → sheets of text cells. The reading of .xlsx (Excel 2007+)
 * and .xls (Excel 97–2003, BIFF8) is SheetJS's (`@e965/xlsx`, passed in by
 * the caller so that this module stays pure and the library is loaded only
 * when a workbook is opened: see loadXlsx in runImport.ts and the worker).
 * What is decided here: which cell text the import sees (a number cell's
 * exact value, not its display rounding; a text cell as typed, thousands
 * separators and all; a date as displayed; an error such as #N/A as its
 * text), merged ranges, hidden sheets. Never throws.
 */
import type { Fatal, FileFormat } from './types';
import { MAX_COLUMNS } from './types';

/** The parts of SheetJS used here (its full module type is far larger). */
export interface XlsxLib {
  read(data: Uint8Array, opts: Record<string, unknown>): XlsxWorkbook;
}
interface XlsxCell {
  t: string;
  v?: unknown;
  w?: string;
}
interface XlsxSheet {
  '!data'?: (XlsxCell | undefined)[][];
  '!merges'?: { s: { r: number; c: number }; e: { r: number; c: number } }[];
  '!ref'?: string;
}
export interface XlsxWorkbook {
  SheetNames: string[];
  Sheets: Record<string, XlsxSheet>;
  Workbook?: { Sheets?: { Hidden?: number }[] };
}

/** A merged range, 0-based rows and columns, inclusive. */
export interface Merge {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface SheetGrid {
  name: string;
  /** cell text by row and column, every row as wide as the widest (at most MAX_COLUMNS + 1) */
  rows: string[][];
  merges: Merge[];
  hidden: boolean;
}

/** More rows than this in one sheet is not a table of provinces (a 50 MB file can hold millions). */
export const MAX_SHEET_ROWS = 1_000_000;

/** Is this a workbook, and which kind: a ZIP (.xlsx) or an OLE compound file (.xls)? */
export function workbookFormat(b: Uint8Array): Exclude<FileFormat, 'csv'> | null {
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) return 'xlsx';
  const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  if (b.length >= 8 && ole.every((x, i) => b[i] === x)) return 'xls';
  return null;
}

/**
 * The code page an .xls file's text is written in, from its CODEPAGE record (BIFF 0x0042), or null
 * where there is none. Excel 97–2003 (BIFF8) writes text as UTF-16 (1200); Excel 5.0/95 (BIFF5) files
 * and some Chinese tools' exports write it in the machine's code page — 936 (GBK) on a Chinese
 * Windows — which SheetJS reads only with its code-page tables loaded (./xlsxLib). The record
 * follows the workbook globals' BOF within their first records.
 */
export function xlsCodepage(b: Uint8Array): number | null {
  if (workbookFormat(b) !== 'xls') return null;
  const u16 = (i: number) => b[i]! | (b[i + 1]! << 8);
  // a BOF record (0x0809) of the workbook globals (its type 0x0005 after the version), then its records in turn
  for (let at = 512; at + 8 < b.length; at++) {
    if (b[at] !== 0x09 || b[at + 1] !== 0x08 || u16(at + 6) !== 0x0005) continue;
    for (let i = at, n = 0; n < 40 && i + 4 <= b.length; n++) {
      const type = u16(i);
      const len = u16(i + 2);
      if (type === 0x0042 && len === 2) return u16(i + 4);
      i += 4 + len;
    }
    return null;
  }
  return null;
}

/** The usual name of a code page an .xls file may be written in. */
export function codepageName(cp: number): string {
  const names: Record<number, string> = { 936: 'GBK', 950: 'Big5', 932: 'Shift_JIS', 949: 'EUC-KR', 54936: 'GB18030', 10008: 'GB2312 (Mac)' };
  return names[cp] ?? `Windows-${cp}`;
}

/** Whether SheetJS needs its code-page tables for an .xls file's code page (xlsCodepage): one other than UTF-16 or Western (1252). */
export const needsCodepages = (cp: number | null): cp is number => cp !== null && cp !== 1200 && cp !== 1252;

/** The shortest decimal that reads back as the same number (1234, 0.35): the value, not its display rounding. */
const numberText = (v: number): string => String(v);

/** The text the import sees in a cell. */
export function cellText(cell: XlsxCell | undefined): string {
  if (!cell) return '';
  switch (cell.t) {
    case 's':
      return typeof cell.v === 'string' ? cell.v : String(cell.v ?? '');
    case 'n':
      return typeof cell.v === 'number' ? numberText(cell.v) : String(cell.v ?? '');
    case 'b':
      return cell.v ? 'TRUE' : 'FALSE';
    case 'd':
      // a date as year-month-day (the display, "6/30/23", depends on the machine's locale)
      return cell.v instanceof Date && !Number.isNaN(cell.v.getTime()) ? cell.v.toISOString().slice(0, 10) : cell.w ?? String(cell.v ?? '');
    case 'e':
      return cell.w ?? '#ERROR';
    default:
      return cell.w ?? (cell.v === undefined || cell.v === null ? '' : String(cell.v));
  }
}

export type WorkbookResult = { ok: true; format: Exclude<FileFormat, 'csv'>; sheets: SheetGrid[] } | { ok: false; fatal: Fatal };

/** Read every sheet of a workbook into text cells. */
export function readWorkbook(bytes: Uint8Array, lib: XlsxLib): WorkbookResult {
  const format = workbookFormat(bytes);
  if (!format) return { ok: false, fatal: { code: 'workbook-unreadable', detail: 'not a workbook' } };
  let wb: XlsxWorkbook;
  try {
    // dense: rows of cells (faster, smaller); cellDates: a date cell is a date, not a serial number
    wb = lib.read(bytes, { type: 'array', dense: true, cellDates: true, cellFormula: false, cellHTML: false, cellStyles: false, bookVBA: false, WTF: false });
  } catch (e) {
    return { ok: false, fatal: { code: 'workbook-unreadable', detail: e instanceof Error ? e.message : String(e) } };
  }
  try {
    const sheets: SheetGrid[] = [];
    wb.SheetNames.forEach((name, i) => {
      const ws = wb.Sheets[name];
      if (!ws) return;
      const hidden = !!wb.Workbook?.Sheets?.[i]?.Hidden;
      const data = ws['!data'] ?? [];
      const n = Math.min(data.length, MAX_SHEET_ROWS);
      let width = 0;
      const rows: string[][] = new Array(n);
      for (let r = 0; r < n; r++) {
        const src = data[r] ?? [];
        const w = Math.min(src.length, MAX_COLUMNS + 1);
        const row: string[] = new Array(w);
        for (let c = 0; c < w; c++) row[c] = cellText(src[c]);
        // trailing empty cells are no columns
        let end = w;
        while (end > 0 && !row[end - 1]) end--;
        row.length = end;
        if (end > width) width = end;
        rows[r] = row;
      }
      for (const row of rows) while (row.length < width) row.push('');
      const merges = (ws['!merges'] ?? [])
        .map((m) => ({ r0: m.s.r, c0: m.s.c, r1: m.e.r, c1: m.e.c }))
        .filter((m) => m.r0 < n && m.c0 <= MAX_COLUMNS && (m.r1 > m.r0 || m.c1 > m.c0));
      sheets.push({ name, rows, merges, hidden });
    });
    if (!sheets.length) return { ok: false, fatal: { code: 'workbook-empty' } };
    return { ok: true, format, sheets };
  } catch (e) {
    return { ok: false, fatal: { code: 'workbook-unreadable', detail: e instanceof Error ? e.message : String(e) } };
  }
}
