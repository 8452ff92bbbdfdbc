/**
 * The spreadsheet library (SheetJS, published on npm as `@e965/xlsx`),
 * loaded on demand: only when a workbook is opened, a template or a data
 * package is downloaded — never before the first chart. It reads .xlsx and
 * .xls (BIFF8) alike and writes .xlsx and ZIP files.
 */
import type { XlsxLib } from './workbook';

export type XlsxModule = typeof import('@e965/xlsx');

let loading: Promise<XlsxModule> | null = null;

export function loadXlsx(): Promise<XlsxModule> {
  loading ??= import('@e965/xlsx').catch((e) => {
    loading = null;
    throw e;
  });
  return loading;
}

/** The reader the pipeline needs (workbook.ts), from the module. */
export const asReader = (m: XlsxModule): XlsxLib => m as unknown as XlsxLib;
