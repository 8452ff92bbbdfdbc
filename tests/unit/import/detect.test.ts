import { describe, expect, it } from 'vitest';
import { cleanRegionCell, detectDelimiter, findHeader, planColumns } from '../../../src/import/detect';
import { guessHeader, isPackageHeader, parseYearHeader, splitHeaderUnit } from '../../../src/import/headers';
import { Tokenizer } from '../../../src/data/tokenize';

describe('header synonyms', () => {
  it.each([
    ['省份', 'region'], ['地区', 'region'], ['省', 'region'], ['区域', 'region'], ['Province', 'region'], ['REGION', 'region'], ['省（区、市）', 'region'],
    ['地区代码', 'region'], ['region_code', 'region'], ['地区\\年份', 'region'], ['省份/年度', 'region'],
    ['年份', 'year'], ['年度', 'year'], ['年', 'year'], ['Year', 'year'],
    ['指标', 'metric'], ['指标名称', 'metric'], ['Metric', 'metric'], ['indicator', 'metric'],
    ['数值', 'value'], ['数量', 'value'], ['值', 'value'], ['Value', 'value'], ['数量（家）', 'value'],
    ['来源', 'source'], ['数据来源', 'source'], ['Source', 'source'],
    ['单位', 'unit'], ['Unit', 'unit'], ['备注', 'note'], ['Note', 'note'], ['截至', 'asOf'], ['截止日期', 'asOf'], ['as of', 'asOf'],
    ['行号', 'ignore'], ['原因', 'ignore'],
  ])('%s → %s', (h, role) => {
    expect(guessHeader(h).role).toBe(role);
  });

  it('unrecognised headers say so', () => {
    expect(guessHeader('孵化器数量')).toEqual({ role: 'ignore', how: 'unrecognised' });
    expect(guessHeader('地区生产总值').how).toBe('unrecognised'); // not a region column
  });

  it('year headers of wide tables', () => {
    for (const h of ['2019', '2019年', '2019 年', '2019年末', '2019年度', 'FY2019', ' 2019 ']) expect(parseYearHeader(h), h).toEqual({ year: 2019, asOf: null });
    expect(parseYearHeader('2019-12')).toEqual({ year: 2019, asOf: '2019-12' });
    expect(parseYearHeader('2019年6月')).toEqual({ year: 2019, asOf: '2019-06' });
    expect(parseYearHeader('2019年(家)')).toEqual({ year: 2019, asOf: null });
    for (const h of ['1900', '20190', '2019-13', '年份', 'abc2019']) expect(parseYearHeader(h), h).toBeNull();
    expect(guessHeader('2020年')).toMatchObject({ role: 'yearColumn', year: 2020 });
  });

  it('units in headers', () => {
    expect(splitHeaderUnit('数量（家）')).toEqual({ base: '数量', unit: '家' });
    expect(splitHeaderUnit('Value (institutions)')).toEqual({ base: 'Value', unit: 'institutions' });
    expect(splitHeaderUnit('数值(单位：个)')).toEqual({ base: '数值', unit: '个' });
    expect(guessHeader('数量（家）')).toEqual({ role: 'value', how: 'header', unit: '家' });
  });

  it('the package format', () => {
    const h = ['id', 'metric', 'region_code', 'region', 'year', 'value', 'qualifier', 'as_of', 'unit', 'note', 'source_id'];
    expect(isPackageHeader(h)).toBe(true);
    expect(guessHeader('region', true).role).toBe('regionAlt');
    expect(guessHeader('region_code', true).role).toBe('region');
    expect(guessHeader('source_id', true).role).toBe('ignore');
  });
});

describe('tokenizer', () => {
  const all = (text: string, d = ',') => {
    const t = new Tokenizer(text, d);
    const out = [];
    for (let r = t.next(); r; r = t.next()) out.push({ fields: r.fields, line: r.line, raw: text.slice(r.start, r.end), bad: r.badQuote });
    return out;
  };
  it('quoted fields, doubled quotes, CRLF, and line numbers across multi-line cells', () => {
    const recs = all('a,b\r\n"x, y","say ""hi"""\r\n"two\nlines",z\r\nlast,1');
    expect(recs.map((r) => r.fields)).toEqual([['a', 'b'], ['x, y', 'say "hi"'], ['two\nlines', 'z'], ['last', '1']]);
    expect(recs.map((r) => r.line)).toEqual([1, 2, 3, 5]);
    expect(recs[1]!.raw).toBe('"x, y","say ""hi"""');
  });
  it('keeps codes as strings', () => {
    expect(all('010000,0.50,1e3')[0]!.fields).toEqual(['010000', '0.50', '1e3']);
  });
  it('an unclosed quote costs one line, not the rest of the file', () => {
    const recs = all('h1,h2\n"open,1\nnext,2\nthird,3\n');
    expect(recs.map((r) => [r.line, r.bad, r.fields[0]])).toEqual([[1, false, 'h1'], [2, true, '"open'], [3, false, 'next'], [4, false, 'third']]);
  });
  it('text after a closing quote is flagged', () => {
    expect(all('"ab"cd,e')[0]).toMatchObject({ fields: ['abcd', 'e'], bad: true });
  });
  it('lone CR line ends and a trailing delimiter', () => {
    expect(all('a,b\rc,\r').map((r) => r.fields)).toEqual([['a', 'b'], ['c', '']]);
  });
  it('does not store more than the column limit', () => {
    const r = new Tokenizer(Array.from({ length: 5000 }, (_, i) => i).join(','), ',', 1001).next()!;
    expect(r.fieldCount).toBe(5000);
    expect(r.fields.length).toBe(1001);
  });
});

describe('delimiter, header and layout', () => {
  it('detects comma, tab and semicolon, with quoted delimiters ignored', () => {
    expect(detectDelimiter('地区,2019,2020\n北京,"1,234",5\n上海,1,2\n')).toBe(',');
    expect(detectDelimiter('地区\t2019\t2020\n北京\t1,234\t5\n上海\t1\t2\n')).toBe('\t');
    expect(detectDelimiter('地区;2019;2020\n北京;1,234;5\n上海;1,5;2\n')).toBe(';');
    expect(detectDelimiter('just text\nmore text\n')).toBeNull();
  });

  it('finds the header below title lines', () => {
    const recs = [['表1 各地区孵化器', '', ''], ['', '', ''], ['地区', '2019年', '2020年'], ['北京', '1', '2']];
    expect(findHeader(recs.filter((r) => r.some((c) => c)))).toMatchObject({ index: 1, packageFormat: false });
  });

  it('wide by year, long, wide by metric', () => {
    const wide = planColumns(['地区', '2019', '2020年', '备注'], [['北京', '1', '2', '']], false);
    expect(wide.layout).toBe('wide-years');
    expect(wide.columns.map((c) => c.role)).toEqual(['region', 'yearColumn', 'yearColumn', 'note']);
    const long = planColumns(['省份', '年份', '指标', '数值'], [['北京', '2019', 'x', '1']], false);
    expect(long.layout).toBe('long');
    const byMetric = planColumns(['地区', '孵化器数量(家)', '众创空间数量', '说明'], [['北京', '10', '20', 'x'], ['天津', '—', '5', '']], false);
    expect(byMetric.layout).toBe('wide-metrics');
    expect(byMetric.columns.map((c) => [c.role, c.metricKey])).toEqual([['region', undefined], ['metricColumn', '孵化器数量'], ['metricColumn', '众创空间数量'], ['note', undefined]]);
  });

  it('finds the province column by its content when the header is unusual', () => {
    const p = planColumns(['名称', '2019', '2020'], [['北京市', '1', '2'], ['Jiangsu', '3', '4'], ['广东', '5', '6']], false);
    expect(p.columns[0]).toMatchObject({ role: 'region', how: 'content' });
  });

  it('a year column wins over year-like headers; two region columns: the code is primary', () => {
    const p = planColumns(['地区', '地区代码', '年份', '数值', '2019'], [['北京', '110000', '2019', '1', 'x']], false);
    expect(p.columns.map((c) => c.role)).toEqual(['regionAlt', 'region', 'year', 'value', 'ignore']);
  });

  it('the user overrides a role; a repeated year header is not used twice', () => {
    const p = planColumns(['a', 'b', '2019', '2019年'], [['北京', '1', '2', '3']], false, { 1: 'note' });
    expect(p.columns.map((c) => c.role)).toEqual(['region', 'note', 'yearColumn', 'ignore']);
    expect(p.columns[1]!.how).toBe('user');
    expect(p.columns[3]!.how).toBe('duplicate');
  });

  it('cleans footnote marks from region cells', () => {
    expect(cleanRegionCell('北京*')).toBe('北京');
    expect(cleanRegionCell('江苏①')).toBe('江苏');
    expect(cleanRegionCell('浙江（注1）')).toBe('浙江');
    expect(cleanRegionCell('1. 广东')).toBe('广东');
  });
});
