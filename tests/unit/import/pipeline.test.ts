import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/data/csv';
import { BOM } from '../../../src/data/csvExport';
import { FIGURE_COLUMNS } from '../../../src/data/package';
import type { MetricDef, Source } from '../../../src/data/types';
import { buildDataset, datasetCsv, newDatasetId, rejectedRowsCsv, suggestChoice, userMetricSlug, type MetricChoice } from '../../../src/import/dataset';
import { analyse, analyseSteps } from '../../../src/import/pipeline';
import { reasonText } from '../../../src/import/strings';
import type { ImportAnalysis } from '../../../src/import/types';

const fx = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url)));
const enc = (s: string) => new TextEncoder().encode(s);
const problemsOf = (a: ImportAnalysis) => a.problems.map((p) => [p.line, p.reasons.map((r) => r.code).join('+')]);
const figuresOf = (a: ImportAnalysis) => a.drafts.map((d) => [d.line, d.region, d.year, d.value, d.qualifier]);

const KNOWN: MetricDef[] = [
  { id: 'incubators_national', group: 'incubators', label: { zh: '国家级科技企业孵化器', en: 'National incubators' }, unit: { zh: '家', en: 'institutions' }, definition: { zh: '', en: '' }, kind: 'stock' },
];
const SOURCE = (id: string): Source => ({ id: `u-${id}`, url: '', citation: 'imported', publisher: 'f.csv', date: '2024-01-01', quote: '' });

describe('the wide GBK file', () => {
  const a = analyse(fx('wide-gbk.csv'));
  it('is read as GBK, comma, wide by year, header below the title', () => {
    expect(a.fatal).toBeNull();
    expect(a.blocking).toEqual([]);
    expect([a.encoding, a.delimiter, a.tables[0]!.layout, a.tables[0]!.headerLine]).toEqual(['gb18030', ',', 'wide-years', 3]);
    expect(a.tables[0]!.above).toEqual([{ line: 1, raw: '表1 各地区科技企业孵化器数量（家）,,,,' }]);
    expect(a.tables[0]!.columns.map((c) => [c.header, c.role, c.year])).toEqual([['地区', 'region', undefined], ['2019年', 'yearColumn', 2019], ['2020年', 'yearColumn', 2020], ['2021 年', 'yearColumn', 2021], ['备注', 'note', undefined]]);
  });
  it('takes every spelling of number, and never turns "no figure" into 0', () => {
    expect(figuresOf(a)).toEqual([
      [4, '110000', 2019, 1234, 'exact'], [4, '110000', 2020, 1300, 'at_least'], [4, '110000', 2021, 1350, 'exact'],
      [5, '320000', 2019, 52000, 'exact'], [5, '320000', 2020, 55000, 'about'], [5, '320000', 2021, 56000, 'exact'],
      [6, '440000', 2019, 900, 'exact'], [6, '440000', 2020, 950, 'at_least'],
      [7, '150000', 2019, 120, 'exact'],
      [9, '650000', 2019, 80, 'exact'], [9, '650000', 2020, 85, 'exact'], [9, '650000', 2021, 90, 'exact'],
    ]);
    expect(a.drafts.some((d) => d.value === 0)).toBe(false);
    expect(a.emptyCells).toBe(6); // 广东 —, 内蒙古 - and /, 西藏 无, N/A and empty
    expect(a.rowsWithoutFigures).toBe(1); // 西藏
  });
  it('lists every rejected row with its line', () => {
    expect(problemsOf(a)).toEqual([[10, 'region-unknown'], [11, 'value-negative'], [12, 'footnote']]);
    expect(a.rowsUsed + a.rowsWithoutFigures + a.problems.length).toBe(a.records);
  });
  it('gives the same figures from the UTF-8 files, with and without BOM', () => {
    for (const f of ['wide-utf8.csv', 'wide-utf8-bom.csv']) {
      const b = analyse(fx(f));
      expect(b.encoding).toBe('utf-8');
      expect(b.drafts).toEqual(a.drafts);
      expect(b.problems).toEqual(a.problems);
    }
  });
});

describe('the long file with bad rows', () => {
  const a = analyse(fx('long-bad.csv'));
  it('reads the good rows, in every number spelling', () => {
    expect([a.encoding, a.bom, a.tables[0]!.layout]).toEqual(['utf-8', true, 'long']);
    expect(figuresOf(a)).toEqual([
      [2, '110000', 2020, 52000, 'exact'], [3, '330000', 2020, 20000, 'about'], [4, '320000', 2020, 130000000, 'exact'],
      [5, '440000', 2020, 50000, 'at_least'], [6, '110000', 2021, 50000, 'at_least'], [7, '420000', 2020, 20000, 'about'],
      [8, '430000', 2020, 1234, 'exact'], [19, '350000', 2020, 300, 'exact'],
    ]);
    expect(a.drafts[0]!.note).toBe('');
    expect(a.drafts[0]!.source).toBe('市科委');
    expect(a.metricKeys).toEqual([{ key: '众创空间', figures: 8, units: [] }]);
  });
  it('rejects each bad row with its line and reason', () => {
    expect(problemsOf(a)).toEqual([
      [9, 'region-unknown'], [10, 'year-bad'], [11, 'value-negative'], [12, 'value-bad'], [13, 'region-empty'], [14, 'duplicate'], [15, 'fields-more'], [18, 'quote'],
    ]);
    expect(a.problems[0]!.raw).toBe('火星省,2020,众创空间,100,,');
    expect(reasonText('zh', a.problems[5]!.reasons[0]!)).toBe('与第 8 行重复');
    expect(reasonText('en', a.problems[0]!.reasons[0]!)).toBe('region "火星省" not recognised');
    expect(a.rowsWithoutFigures).toBe(2); // N/A and /
    expect(a.rowsUsed + a.rowsWithoutFigures + a.problems.length).toBe(a.records);
  });
  it('the rejected rows download: BOM, line and reason, the original cells, formulas neutralised', () => {
    const csv = rejectedRowsCsv(a, 'zh', (r) => reasonText('zh', r));
    expect(csv.startsWith(BOM)).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('行号,原因,省份,年份,指标,数值,来源,备注');
    expect(lines[1]).toBe('9,无法识别的地区“火星省”,火星省,2020,众创空间,100,,');
    expect(lines[3]).toBe("11,数值：负数“-5”,河北,2020,众创空间,'-5,,");
    // re-importing the download: line and reason are ignored, the rows are read again
    const again = analyse(enc(csv));
    expect(again.tables[0]!.columns.slice(0, 2).map((c) => c.role)).toEqual(['ignore', 'ignore']);
    expect(again.tables[0]!.columns.slice(2).map((c) => c.role)).toEqual(['region', 'year', 'metric', 'value', 'source', 'note']);
  });
});

describe('other shapes', () => {
  it('tab-delimited, English headers, codes kept as strings', () => {
    const a = analyse(fx('long-tab.tsv'));
    expect([a.delimiter, a.tables[0]!.layout]).toEqual(['\t', 'long']);
    expect(figuresOf(a)).toEqual([[2, '110000', 2022, 70, 'exact'], [3, '310000', 2022, 60, 'exact'], [4, '440000', 2022, 200, 'exact']]);
    expect(a.drafts[0]!.unit).toBe('institutions');
    expect(suggestChoice(a.metricKeys[0]!, KNOWN)).toEqual({ kind: 'existing', id: 'incubators_national' });
  });

  it('semicolons, GBK, one column per metric, the year from the title (shown, and the user may give another)', () => {
    const a = analyse(fx('metrics-semicolon-gbk.csv'));
    expect([a.encoding, a.delimiter, a.tables[0]!.layout]).toEqual(['gb18030', ';', 'wide-metrics']);
    expect(a.blocking).toEqual([]);
    expect([a.tables[0]!.year, a.tables[0]!.yearHow, a.tables[0]!.titleYear]).toEqual([2022, 'title', 2022]);
    const other = analyse(fx('metrics-semicolon-gbk.csv'), { fixedYear: 2021 });
    expect([other.tables[0]!.year, other.tables[0]!.yearHow]).toEqual([2021, 'user']);
    expect(other.drafts.every((d) => d.year === 2021)).toBe(true);
    const b = analyse(fx('metrics-semicolon-gbk.csv'), { fixedYear: 2022 });
    expect(b.blocking).toEqual([]);
    expect(b.drafts.map((d) => [d.region, d.year, d.metricKey, d.value, d.unit])).toEqual([
      ['110000', 2022, '孵化器数量', 500, '家'], ['110000', 2022, '众创空间数量', 600, '家'], ['120000', 2022, '孵化器数量', 120, '家'], ['130000', 2022, '孵化器数量', 300, '家'], ['130000', 2022, '众创空间数量', 400, '家'],
    ]);
    expect(suggestChoice(b.metricKeys[0]!, KNOWN)).toEqual({ kind: 'new', labelZh: '孵化器数量', labelEn: '', unitZh: '家', unitEn: '', metricKind: 'stock' });
  });

  it('a new metric without a unit in the file takes the one in its name\'s closing brackets', () => {
    const a = analyse(enc('地区,年份,指标,数值\n北京,2022,众创空间当年获风险投资额（万元）,120\n上海,2022,Venture funding (10k yuan),5\n上海,2022,孵化器数量,7\n'));
    const byKey = new Map(a.metricKeys.map((k) => [k.key, suggestChoice(k, KNOWN)]));
    // (an amount received in the year: its name says so, "当年")
    expect(byKey.get('众创空间当年获风险投资额（万元）')).toEqual({ kind: 'new', labelZh: '众创空间当年获风险投资额', labelEn: '', unitZh: '万元', unitEn: '', metricKind: 'flow' });
    expect(byKey.get('Venture funding (10k yuan)')).toEqual({ kind: 'new', labelZh: '', labelEn: 'Venture funding', unitZh: '', unitEn: '10k yuan', metricKind: 'stock' });
    // no brackets: the name as it is, the unit still to be given
    expect(byKey.get('孵化器数量')).toEqual({ kind: 'new', labelZh: '孵化器数量', labelEn: '', unitZh: '', unitEn: '', metricKind: 'stock' });
  });

  it('a wide table with a metric column, and a national row', () => {
    const a = analyse(enc('地区,指标,2019,2020\n全国,孵化器,100,200\n北京,孵化器,1,2\n北京,众创空间,3,—\n'));
    expect(a.tables[0]!.layout).toBe('wide-years');
    expect(a.drafts.map((d) => [d.region, d.metricKey, d.year, d.value])).toEqual([
      ['CN', '孵化器', 2019, 100], ['CN', '孵化器', 2020, 200], ['110000', '孵化器', 2019, 1], ['110000', '孵化器', 2020, 2], ['110000', '众创空间', 2019, 3],
    ]);
    expect(a.metricKeys.map((k) => [k.key, k.figures])).toEqual([['孵化器', 4], ['众创空间', 1]]);
    expect(a.emptyCells).toBe(1);
  });

  it('asks for the region column when it cannot find one', () => {
    const a = analyse(enc('foo,bar\n1,2\n3,4\n'));
    expect(a.blocking).toContain('no-region-column');
    const b = analyse(enc('foo,2019\n北京,2\n天津,4\n'), { roles: { 0: 'region' } });
    expect(b.blocking).toEqual([]);
    expect(b.drafts.map((d) => d.value)).toEqual([2, 4]);
  });

  it('a qualifier column, an as-of column, two region columns cross-checked', () => {
    const a = analyse(enc('地区代码,地区,年份,数值,限定,截至\n110000,北京,2020,500,at_least,2020-06\n120000,北京,2020,5,,\n130000,河北,2020,约5,exact,\n140000,山西,2020,约5,at_least,\n'));
    expect(figuresOf(a)).toEqual([[2, '110000', 2020, 500, 'at_least'], [4, '130000', 2020, 5, 'about']]);
    expect(a.drafts[0]!.asOf).toBe('2020-06');
    expect(problemsOf(a)).toEqual([[3, 'region-mismatch'], [5, 'qualifier-conflict']]);
  });

  it('contradicting figures are both rejected; differently sourced ones are kept', () => {
    const a = analyse(enc('地区,年份,数值\n北京,2020,5\n北京,2020,6\n'));
    expect(problemsOf(a)).toEqual([[2, 'conflict'], [3, 'conflict']]);
    expect(a.blocking).toEqual(['no-usable']);
    const b = analyse(enc('地区,年份,数值,来源\n北京,2020,5,市统计局\n北京,2020,6,火炬中心\n'));
    expect(b.drafts.length).toBe(2);
  });

  it('garbage gives a clear fatal code, never an exception', () => {
    expect(analyse(new Uint8Array()).fatal?.code).toBe('empty');
    expect(analyse(enc('\n\n  \n')).fatal?.code).toBe('empty');
    expect(analyse(enc('one column\nonly\n')).fatal?.code).toBe('one-column');
    expect(analyse(enc(`${Array.from({ length: 10000 }, (_, i) => `c${i}`).join(',')}\n1,2\n`)).fatal).toEqual({ code: 'too-many-columns', n: 10000 });
    // a workbook needs the spreadsheet reader; a broken one says so
    expect(analyse(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0])).fatal?.code).toBe('xlsx');
    expect(analyse(enc('地区,2019\n')).fatal?.code).toBe('no-data-rows');
    const huge = new Uint8Array(50 * 1024 * 1024 + 1);
    expect(analyse(huge).fatal?.code).toBe('too-large');
  });

  it('a 1 MB line is one rejected row', () => {
    const a = analyse(enc(`地区,2019\n北京,1\n${'x'.repeat(1024 * 1024)}\n天津,2\n`));
    expect(a.fatal).toBeNull();
    expect(a.drafts.map((d) => d.region)).toEqual(['110000', '120000']);
    expect(problemsOf(a)).toEqual([[3, 'fields-fewer+cell-too-long']]);
    expect(a.problems[0]!.raw.length).toBeLessThanOrEqual(400);
    expect(a.problems[0]!.rawLength).toBe(1024 * 1024);
  });

  it('100,000 rows parse quickly, with progress', { timeout: 30_000 }, () => {
    const provinces = ['北京', '天津', '河北', '山西', '江苏', '浙江', '广东', '四川'];
    const rows = ['地区,年份,指标,数值'];
    for (let i = 0; i < 100_000; i++) rows.push(`${provinces[i % 8]},${1980 + (i % 100) + 0},m${Math.floor(i / 800)},${i}`);
    const bytes = enc(rows.join('\n'));
    const t0 = performance.now();
    const it = analyseSteps(bytes);
    let steps = 0;
    let s = it.next();
    while (!s.done) {
      steps++;
      s = it.next();
    }
    const ms = performance.now() - t0;
    expect(s.value.records).toBe(100_000);
    expect(steps).toBeGreaterThan(40);
    expect(s.value.rowsUsed + s.value.problems.length).toBe(100_000);
    expect(ms).toBeLessThan(8000);
  });
});

describe('the dataset', () => {
  const a = analyse(fx('wide-gbk.csv'));
  const meta = { datasetId: 'abc', fileName: '孵化器.csv', importedAt: '2024-05-01T10:00:00.000Z', source: SOURCE('abc') };
  it('needs a label and a unit for a new metric', () => {
    const c: MetricChoice = { kind: 'new', labelZh: '', labelEn: '', unitZh: '', unitEn: '', metricKind: 'stock' };
    const r = buildDataset(a, { '': c }, meta, KNOWN);
    expect(r).toEqual({ ok: false, errors: [{ key: '', errors: ['label-missing', 'unit-missing'] }] });
  });
  it('builds figures that point to the user source, with a user metric', () => {
    const r = buildDataset(a, { '': { kind: 'new', labelZh: '孵化器数量', labelEn: '', unitZh: '家', unitEn: '', metricKind: 'stock' } }, meta, KNOWN);
    if (!r.ok) throw new Error('not ok');
    const ds = r.dataset;
    expect(ds.metrics).toHaveLength(1);
    const m = ds.metrics[0]!;
    expect(m.id).toMatch(/^user_[a-z0-9]+$/);
    expect(m).toMatchObject({ group: 'user', label: { zh: '孵化器数量', en: '孵化器数量' }, unit: { zh: '家', en: '家' }, definition: { zh: '用户导入的数据', en: 'imported by the user' }, kind: 'stock' });
    expect(ds.figures).toHaveLength(12);
    expect(ds.figures[0]).toEqual({ id: 'u-abc-1', metric: m.id, region: '110000', year: 2019, value: 1234, qualifier: 'exact', asOf: null, unit: '家', note: '', sourceId: 'u-abc' });
    expect(new Set(ds.figures.map((f) => f.id)).size).toBe(12);
    // the file is the source of figures whose row names none; it quotes the table's title
    expect(ds.sources).toEqual([{ ...SOURCE('abc'), quote: '表1 各地区科技企业孵化器数量（家）' }]);
    expect(r.metricIds).toEqual([m.id]);
  });
  it('maps to an existing metric without defining one', () => {
    const r = buildDataset(a, { '': { kind: 'existing', id: 'incubators_national' } }, meta, KNOWN);
    if (!r.ok) throw new Error('not ok');
    expect(r.dataset.metrics).toEqual([]);
    expect(r.dataset.figures.every((f) => f.metric === 'incubators_national' && f.unit === '家')).toBe(true);
  });
  it('user metric ids: slug of the English label, else a stable hash; no clash with other metrics', () => {
    expect(userMetricSlug('Incubators (provincial)', '')).toBe('user_incubators_provincial');
    expect(userMetricSlug('', '孵化器')).toBe(userMetricSlug('', '孵化器'));
    expect(userMetricSlug('', '孵化器')).not.toBe(userMetricSlug('', '众创空间'));
    const clash: MetricDef = { ...KNOWN[0]!, id: 'user_incubators', group: 'user' };
    const r = buildDataset(a, { '': { kind: 'new', labelZh: '', labelEn: 'Incubators', unitZh: '', unitEn: 'units', metricKind: 'flow' } }, meta, [clash]);
    if (!r.ok) throw new Error('not ok');
    expect(r.dataset.metrics[0]!.id).toBe('user_incubators_2');
  });
  it('exports as the package format and imports again to the same figures', () => {
    const r = buildDataset(a, { '': { kind: 'new', labelZh: '孵化器数量', labelEn: 'Incubators', unitZh: '家', unitEn: 'institutions', metricKind: 'stock' } }, meta, KNOWN);
    if (!r.ok) throw new Error('not ok');
    const csv = datasetCsv(r.dataset, KNOWN);
    expect(csv.startsWith(BOM)).toBe(true);
    const table = parseCsv(csv);
    expect(table.header.slice(0, FIGURE_COLUMNS.length)).toEqual([...FIGURE_COLUMNS]);
    expect(table.rows[0]!.cells).toMatchObject({ id: 'u-abc-1', region_code: '110000', region: '北京', year: '2019', value: '1234', qualifier: 'exact', source_id: 'u-abc', metric_label_zh: '孵化器数量', metric_unit_en: 'institutions' });
    const again = analyse(enc(csv));
    expect(again.tables[0]!.layout).toBe('long');
    expect(again.drafts.map((d) => [d.region, d.year, d.value, d.qualifier])).toEqual(r.dataset.figures.map((f) => [f.region, f.year, f.value, f.qualifier]));
    const info = again.metricKeys[0]!;
    expect(suggestChoice(info, KNOWN)).toEqual({ kind: 'new', labelZh: '孵化器数量', labelEn: 'Incubators', unitZh: '家', unitEn: 'institutions', metricKind: 'stock' });
    expect(suggestChoice(info, [...KNOWN, ...r.dataset.metrics])).toEqual({ kind: 'existing', id: r.dataset.metrics[0]!.id });
  });
  it('dataset ids are letters and digits', () => {
    expect(newDatasetId(1714557600000, () => 0.5)).toMatch(/^[a-z0-9]+$/);
  });
});

describe('packing drafts for the trip from the worker', () => {
  it('round-trips every field', async () => {
    const { packAnalysis, unpackAnalysis } = await import('../../../src/import/pack');
    const a = analyse(enc('地区,年份,数值,截至,单位,备注,来源\n北京,2020,约5万,2020-06,家,n1,s1\n天津,2021,>3,,,,\n'));
    expect(a.drafts).toHaveLength(2);
    const { msg, transfer } = packAnalysis(a);
    expect(msg.drafts).toEqual([]);
    expect(transfer.length).toBe(11);
    expect(unpackAnalysis(structuredClone(msg))).toEqual(a);
  });
});
