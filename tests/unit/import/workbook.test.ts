// Yearbook tables as offices have them (issue 12 §1): every shape, read from
// .xlsx, .xls and the CSV Excel saves, checked cell by cell against the rows
// the fixtures were written from (scripts/fixtures/yearbook.mjs).
import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { combineHeader, findHeaderBlock, pathLabel, titleYear, unitAbove } from '../../../src/import/headerRows';
import { analyse } from '../../../src/import/pipeline';
import { reasonText } from '../../../src/import/strings';
import { isLeftOut, type ImportAnalysis } from '../../../src/import/types';
import { cellText, needsCodepages, readWorkbook, xlsCodepage, type XlsxLib } from '../../../src/import/workbook';
import { asReader, loadXlsxFor } from '../../../src/import/xlsxLib';
import { suggestChoice } from '../../../src/import/dataset';
// @ts-expect-error: a plain ES module of the fixtures' script
import { COLUMNS, expectedFigures } from '../../../scripts/fixtures/yearbook.mjs';

const fx = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url)));
const xlsx = XLSX as unknown as XlsxLib;
const deps = { xlsx };
const sorted = (rows: unknown[][]) => rows.map((r) => JSON.stringify(r)).sort();
const figures = (a: ImportAnalysis) => a.drafts.map((d) => [d.region, d.year, d.metricKey, d.value]);
const expected = (years: number[] = [2021, 2022]) => (expectedFigures() as [string, number, string, number][]).filter((f) => years.includes(f[1]));

describe('a yearbook workbook', () => {
  for (const file of ['yearbook.xlsx', 'yearbook.xls']) {
    describe(file, () => {
      const a = analyse(fx(file), {}, deps);
      it('reads both year sheets, not the notes sheet', () => {
        expect(a.fatal).toBeNull();
        expect(a.format).toBe(file.endsWith('.xls') ? 'xls' : 'xlsx');
        expect(a.sheets.map((s) => [s.name, s.chosen])).toEqual([['2021年', true], ['2022年', true], ['说明', false]]);
        expect(a.tables.map((t) => t.sheet)).toEqual(['2021年', '2022年']);
        expect(a.blocking).toEqual([]);
      });
      it('finds the two-row header below the title and unit rows, and the year in the title', () => {
        for (const [i, t] of a.tables.entries()) {
          expect([t.headerLine, t.headerRows, t.layout, t.unit]).toEqual([3, 2, 'wide-metrics', '个']);
          expect(t.above.map((l) => l.line)).toEqual([1, 2]);
          expect([t.year, t.yearHow, t.titleYear, t.sheetYear]).toEqual([2021 + i, 'title', 2021 + i, 2021 + i]);
          expect(t.columns.map((c) => [c.header, c.role])).toEqual([
            ['地　　区', 'region'], ['孵化器数量/合计', 'metricColumn'], ['孵化器数量/其中：国家级', 'metricColumn'], ['在孵企业数（家）', 'metricColumn'], ['当年新增在孵企业（家）', 'metricColumn'],
          ]);
          expect(t.title).toMatch(new RegExp(`^表3-1  ${2021 + i}年各地区科技企业孵化器基本情况（示例：数字为虚构）\\n单位：个$`));
        }
      });
      it('imports every cell exactly: padded names, 全国 as the national figure, text numbers with separators, "-" as no data', () => {
        expect(sorted(figures(a))).toEqual(sorted(expected()));
        expect(a.drafts.some((d) => d.value === 0)).toBe(false);
        // 西藏 and 青海 have "-" for national incubators in both years, 宁夏 for new enterprises in 2021
        expect(a.emptyCells).toBe(5);
        expect(a.drafts.filter((d) => d.region === 'CN').length).toBe(8);
      });
      it('units: the unit row, and a header\'s own unit', () => {
        const unitOf = new Map(a.drafts.map((d) => [d.metricKey, d.unit]));
        expect(Object.fromEntries(COLUMNS.map((c: { key: string; unit: string }) => [c.key, unitOf.get(c.key)]))).toEqual(Object.fromEntries(COLUMNS.map((c: { key: string; unit: string }) => [c.key, c.unit])));
      });
      it('reports the 兵团 row, the 计划单列市 rows and the footnote as left out, not rejected', () => {
        const where = a.problems.map((p) => [p.sheet, p.reasons.map((r) => r.code).join('+'), p.reasons[0]!.value ?? '']);
        expect(where).toEqual([
          ['2021年', 'not-province', '新疆生产建设兵团'], ['2021年', 'footnote', ''],
          ['2022年', 'not-province', '新疆生产建设兵团'], ['2022年', 'not-province', '计划单列市'], ['2022年', 'not-province', '大连'], ['2022年', 'not-province', '深圳'], ['2022年', 'footnote', ''],
        ]);
        expect(a.problems.every(isLeftOut)).toBe(true);
        expect(reasonText('zh', a.problems[0]!.reasons[0]!)).toBe('不是省级地区（新疆生产建设兵团），不导入');
        expect(a.rowsUsed + a.rowsWithoutFigures + a.problems.length).toBe(a.records);
      });
      it('names the metrics by their header paths', () => {
        expect(a.metricKeys.map((k) => [k.key, k.path ?? null])).toEqual([
          ['在孵企业数', null], ['孵化器数量/合计', ['孵化器数量', '合计']], ['当年新增在孵企业', null], ['孵化器数量/其中:国家级', ['孵化器数量', '其中：国家级']],
        ]);
        const k = a.metricKeys.find((m) => m.key === '孵化器数量/其中:国家级')!;
        expect(suggestChoice(k, [])).toMatchObject({ kind: 'new', labelZh: '孵化器数量（国家级）', unitZh: '个' });
      });
    });
  }

  it('one sheet only, when chosen', () => {
    const a = analyse(fx('yearbook.xlsx'), { sheets: ['2022年'] }, deps);
    expect(a.tables.map((t) => t.sheet)).toEqual(['2022年']);
    expect(sorted(figures(a))).toEqual(sorted(expected([2022])));
    expect(analyse(fx('yearbook.xlsx'), { sheets: [] }, deps).blocking).toEqual(['no-sheet']);
  });

  it('the year from the sheet name; a sheet without one asks for it; the user\'s year wins', () => {
    const a = analyse(fx('yearbook-sheet-year.xlsx'), {}, deps);
    expect(a.tables.map((t) => [t.sheet, t.year, t.yearHow, t.blocking])).toEqual([['2020', 2020, 'sheet', []], ['汇总', null, null, ['needs-year']]]);
    expect(a.blocking).toEqual(['needs-year']);
    const b = analyse(fx('yearbook-sheet-year.xlsx'), { tables: { 汇总: { fixedYear: 2019 } } }, deps);
    expect(b.tables.map((t) => [t.year, t.yearHow])).toEqual([[2020, 'sheet'], [2019, 'user']]);
    expect(b.blocking).toEqual([]);
    expect(new Set(b.drafts.map((d) => d.year))).toEqual(new Set([2019, 2020]));
  });

  it('a title and a sheet name that disagree are not guessed between', () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['2022年各地区孵化器'], ['地区', '孵化器'], ['北京', 5], ['天津', 6]]), '2021');
    const a = analyse(new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' })), {}, deps);
    expect(a.blocking).toEqual(['year-disagrees']);
    expect([a.tables[0]!.titleYear, a.tables[0]!.sheetYear]).toEqual([2022, 2021]);
  });

  it('a manual header row where detection is wrong', () => {
    const wb = XLSX.utils.book_new();
    // row 2 looks like a header (地区 and 数量) but the real header is row 3
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['各省孵化器'], ['地区', '数量'], ['省份', '孵化器', '众创空间'], ['北京', 5, 7], ['天津', 6, 8]]), '2023');
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }));
    const auto = analyse(bytes, {}, deps);
    expect(auto.tables[0]!.headerLine).toBe(2);
    const a = analyse(bytes, { headerLine: 3 }, deps);
    expect([a.tables[0]!.headerLine, a.tables[0]!.layout, a.tables[0]!.year]).toEqual([3, 'wide-metrics', 2023]);
    expect(a.drafts.map((d) => [d.region, d.metricKey, d.value])).toEqual([['110000', '孵化器', 5], ['110000', '众创空间', 7], ['120000', '孵化器', 6], ['120000', '众创空间', 8]]);
  });

  it('a workbook that is not one, or without the reader, gives a clear fatal code', () => {
    expect(analyse(new Uint8Array([0x50, 0x4b, 3, 4, 9, 9, 9, 9]), {}, deps).fatal?.code).toBe('workbook-unreadable');
    expect(analyse(fx('yearbook.xlsx')).fatal?.code).toBe('xlsx');
  });
});

describe('the same table saved as CSV by Excel (GBK, merged cells lost)', () => {
  const a = analyse(fx('yearbook-2022-gbk.csv'));
  it('still finds the two-row header and reads every cell', () => {
    expect(a.encoding).toBe('gb18030');
    const t = a.tables[0]!;
    expect([t.headerLine, t.headerRows, t.year, t.yearHow, t.unit]).toEqual([3, 2, 2022, 'title', '个']);
    expect(t.columns.map((c) => c.header)).toEqual(['地　　区', '孵化器数量/合计', '孵化器数量/其中：国家级', '在孵企业数（家）', '当年新增在孵企业（家）']);
    expect(sorted(figures(a))).toEqual(sorted(expected([2022])));
  });
});

describe('the header pieces', () => {
  it('combines merged cells into paths; a CSV header carries an upper label over its sub-columns', () => {
    expect(combineHeader([['地区', '孵化器数量', '', '在孵'], ['', '合计', '其中：国家级', '']]).headers).toEqual(['地区', '孵化器数量/合计', '孵化器数量/其中：国家级', '在孵']);
    const merged = combineHeader([['地区', 'A', '', 'B'], ['', 'x', 'y', '']], [{ r0: 5, c0: 1, r1: 5, c1: 2 }, { r0: 5, c0: 0, r1: 6, c1: 0 }], 5);
    expect(merged.paths).toEqual([['地区'], ['A', 'x'], ['A', 'y'], ['B']]);
  });
  it('finds the block from the first data row when no row names a known column', () => {
    const recs = [['表1 2022年'], ['单位：个'], ['', '孵化器', '众创空间'], ['', '数量', '数量'], ['北京', '1', '2']];
    expect(findHeaderBlock(recs)).toMatchObject({ index: 2, rows: 2 });
  });
  it('unit rows, title years, metric names from paths', () => {
    expect(unitAbove([['表1'], ['', '单位：万元']])).toBe('万元');
    expect(titleYear([['表3-1  2022年各地区']])).toBe(2022);
    expect(titleYear([['2021—2022年']])).toBeNull();
    expect(pathLabel(['孵化器数量', '合计'])).toBe('孵化器数量');
    expect(pathLabel(['孵化器数量', '其中：国家级'])).toBe('孵化器数量（国家级）');
  });
  it('cell text: exact numbers, text as typed, dates as year-month-day, errors as text', () => {
    expect(cellText({ t: 'n', v: 1234.5, w: '1,235' })).toBe('1234.5');
    expect(cellText({ t: 's', v: '1,234' })).toBe('1,234');
    expect(cellText({ t: 'd', v: new Date(Date.UTC(2023, 5, 30)) })).toBe('2023-06-30');
    expect(cellText({ t: 'e', v: 42, w: '#N/A' })).toBe('#N/A');
    expect(readWorkbook(new Uint8Array([1, 2, 3]), xlsx)).toMatchObject({ ok: false });
  });
});

describe('an Excel 5.0/95 workbook whose text is in GBK (code page 936)', () => {
  const gbk = fx('yearbook-gbk-biff5.xls');
  it('says its code page: 936 for it, UTF-16 (1200) for an Excel 97–2003 file, none for .xlsx or CSV', () => {
    expect(xlsCodepage(gbk)).toBe(936);
    expect(xlsCodepage(fx('yearbook.xls'))).toBe(1200);
    expect(xlsCodepage(fx('yearbook.xlsx'))).toBeNull();
    expect(xlsCodepage(fx('wide-gbk.csv'))).toBeNull();
    expect([gbk, fx('yearbook.xls'), fx('yearbook.xlsx')].map((b) => needsCodepages(xlsCodepage(b)))).toEqual([true, false, false]);
  });
  it('without the code-page tables its Chinese text is garbage and nothing is read (what loadXlsxFor prevents)', () => {
    const a = analyse(gbk, {}, deps);
    expect(a.sheets.map((s) => s.name)).not.toContain('2021年');
    expect(a.drafts).toEqual([]);
  });
  it('read with the tables loaded for it: every figure of the same workbook saved as .xls (BIFF8)', async () => {
    const lib = asReader(await loadXlsxFor(gbk));
    const a = analyse(gbk, {}, { xlsx: lib });
    expect(a.format).toBe('xls');
    expect(a.sheets.map((s) => [s.name, s.chosen])).toEqual([['2021年', true], ['2022年', true], ['说明', false]]);
    expect(a.tables.map((t) => [t.year, t.yearHow, t.headerLine, t.headerRows])).toEqual([[2021, 'title', 3, 2], [2022, 'title', 3, 2]]);
    expect(a.tables[0]!.columns.map((c) => c.header)).toEqual(['地　　区', '孵化器数量/合计', '孵化器数量/其中：国家级', '在孵企业数（家）', '当年新增在孵企业（家）']);
    expect(sorted(figures(a))).toEqual(sorted(figures(analyse(fx('yearbook.xls'), {}, deps))));
    expect(a.drafts.length).toBeGreaterThan(200);
  });
});
