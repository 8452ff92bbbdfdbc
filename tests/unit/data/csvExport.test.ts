import { describe, expect, it } from 'vitest';
import {
  BOM,
  buildCsv,
  csvField,
  exportFileName,
  neutraliseFormula,
  PACKAGE_EXPORT_HEADER,
  packageRowsCsv,
  rowStatus,
  tableCsv,
} from '../../../src/data/csvExport';
import { parseCsv } from '../../../src/data/csv';
import { FIGURE_COLUMNS } from '../../../src/data/package';
import { buildIndex } from '../../../src/data/query';
import { NATIONAL } from '../../../src/data/regions';
import { buildTableRows, sortRows } from '../../../src/data/tableRows';
import { fig, metric, source, sourceMap } from '../helpers';

/** Split a CSV file into records (CRLF between records; quoted fields may hold LF). */
function records(csv: string): string[][] {
  return parseCsv(csv).rows.map((r) => Object.values(r.cells));
}

describe('neutraliseFormula / csvField', () => {
  it('prefixes an apostrophe to text that a spreadsheet would run', () => {
    expect(neutraliseFormula('=HYPERLINK("http://evil","x")')).toBe(`'=HYPERLINK("http://evil","x")`);
    expect(neutraliseFormula('+1')).toBe("'+1");
    expect(neutraliseFormula('-1+1')).toBe("'-1+1");
    expect(neutraliseFormula('@SUM(A1:A2)')).toBe("'@SUM(A1:A2)");
    expect(neutraliseFormula('\tx')).toBe("'\tx");
    expect(neutraliseFormula('\rx')).toBe("'\rx");
    expect(neutraliseFormula('江苏 = 848')).toBe('江苏 = 848');
  });

  it('quotes per RFC 4180: commas, quotes, newlines', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line1\nline2')).toBe('"line1\nline2"');
    expect(csvField('cr\r\nlf')).toBe('"cr\r\nlf"');
    expect(csvField('plain')).toBe('plain');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });

  it('neutralises and then quotes =HYPERLINK(…)', () => {
    expect(csvField('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
  });

  it('numbers stay numbers: -5 as a JS number, or as a plain number in a numeric column', () => {
    expect(csvField(-5)).toBe('-5');
    expect(csvField(848)).toBe('848');
    expect(csvField(2.5)).toBe('2.5');
    expect(csvField('-5', true)).toBe('-5');
    expect(csvField('-0.25', true)).toBe('-0.25');
    // the same text in a text column is neutralised
    expect(csvField('-5')).toBe("'-5");
    // a formula in a numeric column is still text
    expect(csvField('-5+cmd', true)).toBe("'-5+cmd");
    expect(csvField('=1', true)).toBe("'=1");
    expect(csvField('+1', true)).toBe("'+1");
    expect(csvField(Number.NaN)).toBe('');
  });
});

describe('buildCsv', () => {
  const csv = buildCsv(['name', 'n'], [['=cmd', -5], ['a,b', 3], ['@SUM', null]], new Set([1]));

  it('starts with the BOM and ends every record with CRLF', () => {
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual(['name,n', "'=cmd,-5", '"a,b",3', "'@SUM,", '']);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });

  it('headers are neutralised too', () => {
    expect(buildCsv(['=x'], []).slice(1)).toBe("'=x\r\n");
  });
});

const M = metric({ id: 'incubators_national', label: { zh: '国家级科技企业孵化器', en: 'National-level incubators' }, unit: { zh: '家', en: 'institutions' } });
const SOURCES = sourceMap(
  source({ id: 's1', url: 'https://a.example/x', publisher: 'A, Inc.', quote: '江苏"848"家\n第二行' }),
  source({ id: 's2', citation: '=HYPERLINK("http://evil","click")', quote: '+1 @SUM' }),
);
const FIGS = [
  fig({ id: 'f1', metric: 'incubators_national', region: '320000', year: 2019, value: 848, sourceId: 's1', note: 'provincial, stats' }),
  fig({ id: 'f2', metric: 'incubators_national', region: '320000', year: 2019, value: 832, sourceId: 's2', note: '-see report' }),
  fig({ id: 'f3', metric: 'incubators_national', region: '330000', year: 2019, value: 45000, qualifier: 'at_least', asOf: '2019-11', sourceId: 's1' }),
  fig({ id: 'f4', metric: 'incubators_national', region: NATIONAL, year: 2019, value: 1177, sourceId: 's1' }),
];

describe('tableCsv', () => {
  const d = buildTableRows(buildIndex(FIGS), M, 2019, SOURCES);
  const rows = [...d.national, ...sortRows(d.provinces, 'value', 'desc', 'zh', M), ...d.noData];
  const zh = tableCsv(rows, M, 'zh');
  const recs = records(zh);

  it('has localized headers, BOM and CRLF', () => {
    expect(zh.startsWith(BOM + '地区,地区代码,年份,数值,显示值,限定,')).toBe(true);
    expect(tableCsv(rows, M, 'en').startsWith(BOM + 'Region,Region code,Year,Value,Shown as,Qualifier,')).toBe(true);
    expect(zh).toContain('\r\n');
  });

  it('follows the given order, keeps every figure, and marks the conflict', () => {
    expect(recs[0]!.slice(0, 5)).toEqual(['全国', 'CN', '2019', '1177', '1177']);
    expect(recs[1]!.slice(0, 6)).toEqual(['浙江', '330000', '2019', '45000', '≥ 4.5万', '下限']);
    expect(recs[2]!.slice(0, 4)).toEqual(['江苏', '320000', '2019', '848']);
    expect(recs[3]!.slice(0, 4)).toEqual(['江苏', '320000', '2019', '832']);
    expect(recs[2]).toContain('来源不一致');
    expect(recs[3]).toContain('来源不一致');
    expect(recs[1]![6]).toBe('2019-11');
    expect(recs[1]![7]).toBe('1'); // rank
    expect(recs[2]![7]).toBe('2');
    expect(recs[3]![7]).toBe('2');
    expect(recs[0]![7]).toBe(''); // national: unranked
  });

  it('no-data provinces have an empty value and the status "无数据", never 0', () => {
    const bj = recs.find((r) => r[0] === '北京')!;
    expect(bj[3]).toBe('');
    expect(bj[4]).toBe('无数据');
    expect(bj).toContain('无数据');
    expect(bj).not.toContain('0');
  });

  it('neutralises formulas in text cells and quotes quotes and newlines', () => {
    expect(zh).toContain(`"'=HYPERLINK(""http://evil"",""click"")"`);
    expect(zh).toContain("'+1 @SUM");
    expect(zh).toContain("'-see report");
    expect(zh).toContain('"provincial, stats"');
    expect(zh).toContain('"江苏""848""家\n第二行"');
    const js832 = recs[3]!;
    expect(js832[12]).toBe(`'=HYPERLINK("http://evil","click")`);
  });

  it('rowStatus', () => {
    expect(rowStatus(d.noData[0]!, 'en')).toBe('no data');
    expect(rowStatus(d.provinces.find((r) => r.key === 'f1')!, 'en')).toBe('sources disagree');
    expect(rowStatus(d.provinces.find((r) => r.key === 'f3')!, 'en')).toBe('');
  });
});

describe('packageRowsCsv', () => {
  const figuresText = [
    FIGURE_COLUMNS.join(','),
    'f1,incubators_national,320000,江苏,2019,848,exact,,家,"provincial, stats",s1',
    'f2,incubators_national,320000,江苏省,2019,832.0,exact,,institutions,-see report,s2',
    'f9,other,320000,江苏,2019,-5,exact,,家,,s1',
    '',
  ].join('\n');
  const sourcesText = [
    'id,url,citation,publisher,date,quote,original_publisher',
    's1,https://a.example/x,,"A, Inc.",2020-01,"江苏""848""家",新华日报',
    's2,,"=HYPERLINK(""http://evil"",""click"")",,,+1,',
    '',
  ].join('\n');

  it('copies the package rows as they are, with the package header and the sources appended', () => {
    const { csv, missing } = packageRowsCsv(figuresText, sourcesText, ['f2', 'f1', 'f9', 'nope']);
    expect(missing).toEqual(['nope']);
    expect(csv.startsWith(BOM)).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(PACKAGE_EXPORT_HEADER.join(','));
    expect(lines[0]!.startsWith(FIGURE_COLUMNS.join(',') + ',source_url,')).toBe(true);
    // not reformatted: 832.0 stays 832.0, the raw region spelling stays
    expect(lines[0]!.endsWith(',source_quote,source_original_publisher')).toBe(true);
    expect(lines[1]).toBe(`f2,incubators_national,320000,江苏省,2019,832.0,exact,,institutions,'-see report,s2,,"'=HYPERLINK(""http://evil"",""click"")",,,'+1,`);
    expect(lines[2]).toBe('f1,incubators_national,320000,江苏,2019,848,exact,,家,"provincial, stats",s1,https://a.example/x,,"A, Inc.",2020-01,"江苏""848""家",新华日报');
    // a genuine negative number in the numeric value column stays a number
    expect(lines[3]).toBe('f9,other,320000,江苏,2019,-5,exact,,家,,s1,https://a.example/x,,"A, Inc.",2020-01,"江苏""848""家",新华日报');
    expect(lines).toHaveLength(5);
  });

  it('accepts files with a BOM and CRLF', () => {
    const { csv } = packageRowsCsv(BOM + figuresText.replace(/\n/g, '\r\n'), sourcesText, ['f1']);
    expect(csv.slice(1).split('\r\n')[1]!.startsWith('f1,incubators_national,320000,江苏,2019,848,')).toBe(true);
  });
});

describe('exportFileName', () => {
  it('says what is inside', () => {
    expect(exportFileName('table', M, 2022, 'zh')).toBe('孵化图谱-国家级科技企业孵化器-2022.csv');
    expect(exportFileName('table', M, 2022, 'en')).toBe('hatch-atlas-incubators_national-2022.csv');
    expect(exportFileName('table', M, 'latest', 'zh')).toBe('孵化图谱-国家级科技企业孵化器-最新可得.csv');
    expect(exportFileName('table', M, 'all', 'en')).toBe('hatch-atlas-incubators_national-all-years.csv');
    expect(exportFileName('package', M, 2022, 'zh')).toBe('孵化图谱-国家级科技企业孵化器-2022-数据包原始行.csv');
    expect(exportFileName('package', M, 2022, 'en')).toBe('hatch-atlas-incubators_national-2022-package-rows.csv');
  });

  it('removes characters not allowed in file names', () => {
    const odd = metric({ id: 'x', label: { zh: 'a/b:c*?"<>| d', en: 'x' } });
    expect(exportFileName('table', odd, 2020, 'zh')).toBe('孵化图谱-a_b_c_d-2020.csv');
  });
});
