/**
 * The spreadsheet library (SheetJS, published on npm as `@e965/xlsx`),
 * loaded on demand: only when a workbook is opened, a template or a data
 * package is downloaded — never before the first chart. It reads .xlsx and
 * .xls (BIFF8, and BIFF5 in a code page such as GBK) alike and writes .xlsx and ZIP files.
 */
import { needsCodepages, xlsCodepage, type XlsxLib } from './workbook';

export type XlsxModule = typeof import('@e965/xlsx');

let loading: Promise<XlsxModule> | null = null;

export function loadXlsx(): Promise<XlsxModule> {
  loading ??= import('@e965/xlsx').catch((e) => {
    loading = null;
    throw e;
  });
  return loading;
}

let tables: Promise<void> | null = null;
/**
 * The library, able to read this workbook: with SheetJS's code-page tables (≈ 175 KB gzip, loaded
 * only for such a file) where an .xls file's text is in a code page such as GBK (936); without
 * them, its Chinese text came out as "±±¾©" for 北京.
 */
export async function loadXlsxFor(bytes: Uint8Array): Promise<XlsxModule> {
  const m = await loadXlsx();
  if (needsCodepages(xlsCodepage(bytes))) {
    tables ??= import('@e965/xlsx/dist/cpexcel.full.mjs').then(
      (cp) => m.set_cptable(cp),
      (e) => {
        tables = null;
        throw e;
      },
    );
    await tables;
  }
  return m;
}

/** The reader the pipeline needs (workbook.ts), from the module. */
export const asReader = (m: XlsxModule): XlsxLib => m as unknown as XlsxLib;
