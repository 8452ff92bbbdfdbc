// Blank templates, the data package's README, and the "includes imported data" mark of charts.
import { describe, expect, it } from 'vitest';
import { chartFrame } from '../../../src/charts/frame';
import type { MetricDef, Source } from '../../../src/data/types';
import { analyse } from '../../../src/import/pipeline';
import { packageReadme } from '../../../src/import/packageDownload';
import { templateCsv, templateRows, templateYears } from '../../../src/import/templates';

const M: MetricDef = { id: 'incubators_national', group: 'incubators', label: { zh: '国家级科技企业孵化器', en: 'National-level incubators' }, unit: { zh: '家', en: 'institutions' }, definition: { zh: '', en: '' }, kind: 'stock' };

describe('templates', () => {
  it('31 provinces × the years asked for, a source column, a note; CSV with BOM and CRLF', () => {
    expect(templateYears(2023, 2019)).toEqual([2019, 2020, 2021, 2022, 2023]);
    const rows = templateRows(M, [2021, 2022], 'zh');
    expect(rows[1]).toEqual(['地区', '指标', '2021', '2022', '来源']);
    expect(rows.slice(2, 33).map((r) => r[0])).toHaveLength(31);
    expect(rows.slice(2, 33).every((r) => r[1] === '国家级科技企业孵化器' && r.slice(2).every((c) => c === ''))).toBe(true);
    const csv = templateCsv(M, [2021, 2022], 'zh');
    expect(csv.startsWith('\ufeff国家级科技企业孵化器（单位：家）\r\n地区,指标,2021,2022,来源\r\n北京,国家级科技企业孵化器,,,\r\n')).toBe(true);
  });
  it('filled in, it imports back: the metric column names the metric, the note is left out, empty cells are no data', () => {
    const csv = templateCsv(M, [2021, 2022], 'zh').replace('北京,国家级科技企业孵化器,,,', '北京,国家级科技企业孵化器,70,-,北京市科委');
    const a = analyse(new TextEncoder().encode(csv));
    expect(a.blocking).toEqual([]);
    expect(a.drafts.map((d) => [d.region, d.year, d.value, d.metricKey, d.source])).toEqual([['110000', 2021, 70, '国家级科技企业孵化器', '北京市科委']]);
    expect(a.problems.map((p) => p.reasons[0]!.code)).toEqual(['footnote']);
  });
});

describe('the data package README', () => {
  it('says where the files go, in both languages, and what was added', () => {
    const text = packageReadme([{ id: 'd', fileName: 'yearbook.xlsx', importedAt: '', figures: new Array(251), sources: [], metrics: [] }], { texts: { manifest: '', figures: '', sources: '' }, added: { figures: 251, sources: 2, metrics: ['user_x'] }, present: 0, conflicts: [] }, '2024-05-01 10:00', ['manifest.json', 'figures.csv', 'figure_notes.csv', 'sources.csv', 'source_quotes.csv']);
    expect(text).toMatch(/index\.html 旁边的 data\//);
    expect(text).toMatch(/the data\/ beside index\.html/);
    expect(text).toMatch(/yearbook\.xlsx \(251\)/);
    // every data file is named, the quotes' and notes' files too
    expect(text).toMatch(/manifest\.json、figures\.csv、figure_notes\.csv、sources\.csv、source_quotes\.csv/);
    expect(text).toMatch(/\(manifest\.json, figures\.csv, figure_notes\.csv, sources\.csv, source_quotes\.csv\)/);
    expect(text).toMatch(/251 个数据 figures, 2 个来源 sources, 1 个新指标 new metrics \(user_x\)/);
  });
});

describe('charts mark imported figures', () => {
  const sources = new Map<string, Source>([
    ['s1', { id: 's1', url: '', citation: '某年鉴', publisher: '某年鉴', date: '', quote: 'q' }],
    ['u-abc', { id: 'u-abc', url: '', citation: '用户导入 / imported by the user: f.xlsx', publisher: 'f.xlsx', date: '', quote: 'q' }],
  ]);
  const line = (ids: string[], lang: 'zh' | 'en') => ((chartFrame({ lang, title: 't', sourceIds: ids, sources }).graphic as { style: { text: string } }[])[0]!.style.text);
  it('in the source line, in both languages, only when they are drawn', () => {
    expect(line(['s1', 'u-abc'], 'zh')).toMatch(/^来源：某年鉴；f\.xlsx（含导入数据）/);
    expect(line(['u-abc'], 'en')).toMatch(/f\.xlsx \(includes imported data\)/);
    expect(line(['s1'], 'zh')).not.toMatch(/导入/);
  });
});
