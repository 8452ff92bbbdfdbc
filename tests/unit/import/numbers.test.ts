import { describe, expect, it } from 'vitest';
import { isNoFigure, parseAsOfCell, parseNumberCell, parseQualifierCell, parseYearCell } from '../../../src/import/numbers';

const ok = (value: number, qualifier = 'exact', unit = '') => ({ kind: 'ok', value, qualifier, unit });

describe('number cells', () => {
  it.each([
    ['1234', ok(1234)],
    ['1,234', ok(1234)],
    ['1 234', ok(1234)],
    ['1\u00a0234\u00a0567', ok(1234567)],
    ['12,345,678.5', ok(12345678.5)],
    ['１２３４', ok(1234)], // full-width digits
    ['5.2万', ok(52000)],
    ['1.15万', ok(11500)], // exact decimal scaling, not 11499.999…
    ['1.3亿', ok(130000000)],
    ['2万亿', ok(2e12)],
    ['0.5', ok(0.5)],
    ['.5', ok(0.5)],
    ['1.5E+05', ok(150000)],
    ['超过5万', ok(50000, 'at_least')],
    ['5万余', ok(50000, 'at_least')],
    ['5万多', ok(50000, 'at_least')],
    ['>5万', ok(50000, 'at_least')],
    ['≥ 300', ok(300, 'at_least')],
    ['不少于300', ok(300, 'at_least')],
    ['500余家', ok(500, 'at_least', '家')],
    ['500家以上', ok(500, 'at_least', '家')],
    ['5万多人', ok(50000, 'at_least', '人')],
    ['5000+', ok(5000, 'at_least')],
    ['more than 300', ok(300, 'at_least')],
    ['近2万', ok(20000, 'about')],
    ['约2万', ok(20000, 'about')],
    ['~2万', ok(20000, 'about')],
    ['～2万', ok(20000, 'about')],
    ['2万左右', ok(20000, 'about')],
    ['about 300', ok(300, 'about')],
    ['327家', ok(327, 'exact', '家')],
    ['12.5%', ok(12.5, 'exact', '%')],
    ['  88  ', ok(88)],
  ])('%s', (raw, expected) => {
    expect(parseNumberCell(raw)).toEqual(expected);
  });

  it.each(['', ' ', '-', '—', '——', '–', '/', '无', '暂无', 'N/A', 'n/a', 'NA', '#N/A', '…', '...', 'null'])('"%s" is no figure, never 0', (raw) => {
    expect(parseNumberCell(raw)).toEqual({ kind: 'empty' });
    expect(isNoFigure(raw)).toBe(true);
  });

  it.each([
    ['-5', 'negative'],
    ['−5', 'negative'],
    ['- 12', 'negative'],
    ['(12)', 'negative'],
    ['abc', 'not-a-number'],
    ['12 34', 'not-a-number'],
    ['1,23', 'not-a-number'],
    ['五万', 'not-a-number'],
    ['12abc', 'not-a-number'],
    ['=1+1', 'not-a-number'],
    ['1e400', 'too-large'],
    ['约超过5万', 'qualifier-conflict'],
    ['近5万余', 'qualifier-conflict'],
    ['#DIV/0!', 'not-a-number'],
  ])('%s is rejected (%s)', (raw, why) => {
    expect(parseNumberCell(raw)).toEqual({ kind: 'bad', why });
  });
});

describe('year, as-of and qualifier cells', () => {
  it('years', () => {
    expect(parseYearCell('2019')).toEqual({ year: 2019, asOf: null });
    expect(parseYearCell('2019年')).toEqual({ year: 2019, asOf: null });
    expect(parseYearCell('2019年度')).toEqual({ year: 2019, asOf: null });
    expect(parseYearCell('2019.0')).toEqual({ year: 2019, asOf: null });
    expect(parseYearCell('2019-12-31')).toEqual({ year: 2019, asOf: '2019-12' });
    expect(parseYearCell('2019/6')).toEqual({ year: 2019, asOf: '2019-06' });
    expect(parseYearCell('2019年6月')).toEqual({ year: 2019, asOf: '2019-06' });
    expect(parseYearCell('二〇一九')).toBeNull();
    expect(parseYearCell('1970')).toBeNull();
    expect(parseYearCell('43830')).toBeNull(); // an Excel date serial is not a year
    expect(parseYearCell('2019-13')).toBeNull();
  });
  it('as-of dates are year and month', () => {
    expect(parseAsOfCell('2023-06')).toEqual({ asOf: '2023-06' });
    expect(parseAsOfCell('2023年6月底')).toEqual({ asOf: '2023-06' });
    expect(parseAsOfCell('2023.6.30')).toEqual({ asOf: '2023-06' });
    expect(parseAsOfCell('2023')).toBeNull();
    expect(parseAsOfCell('June')).toBeNull();
  });
  it('qualifiers in the package words and in plain words', () => {
    expect(parseQualifierCell('at_least')).toBe('at_least');
    expect(parseQualifierCell('下限')).toBe('at_least');
    expect(parseQualifierCell('about')).toBe('about');
    expect(parseQualifierCell('约数')).toBe('about');
    expect(parseQualifierCell('exact')).toBe('exact');
    expect(parseQualifierCell('')).toBe('');
    expect(parseQualifierCell('maybe')).toBeNull();
  });
});
