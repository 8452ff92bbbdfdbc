import { describe, expect, it } from 'vitest';
import { formatFigure, formatNumber, formatPercent, formatSigned, QUALIFIER_MARK } from '../../../src/i18n/format';

describe('formatNumber zh (万 / 亿)', () => {
  it.each([
    [0, '0'],
    [7, '7'],
    [327, '327'],
    [12.5, '12.5'],
    [9999, '9999'],
    [10000, '1万'],
    [50000, '5万'],
    [12345, '1.23万'],
    [15000, '1.5万'],
    [123456, '12.3万'],
    [1234567, '123万'],
    [99999, '10万'],
    [100000000, '1亿'],
    [123456789, '1.23亿'],
    [250000000, '2.5亿'],
    [12345678901, '123亿'],
  ])('%d → %s', (v, s) => {
    expect(formatNumber(v, 'zh')).toBe(s);
  });

  it('negative numbers get a minus sign (U+2212)', () => {
    expect(formatNumber(-50000, 'zh')).toBe('−5万');
    expect(formatNumber(-3, 'zh')).toBe('−3');
  });

  it('non-finite values are a dash, never "NaN"', () => {
    expect(formatNumber(NaN, 'zh')).toBe('–');
    expect(formatNumber(Infinity, 'en')).toBe('–');
  });

  // Regression (fixed: formatNumber rolls a rounded "10000万" over to 亿). The
  // 万 branch rounds to 0 decimals for v ≥ 1e6, so values just under 1亿
  // (99,995,000 … 99,999,999) used to render as "10000万".
  it('values that round up to 1亿 are written as 1亿, not 10000万', () => {
    expect(formatNumber(99_999_999, 'zh')).toBe('1亿');
  });
});

describe('formatNumber en (separators)', () => {
  it.each([
    [0, '0'],
    [327, '327'],
    [50000, '50,000'],
    [12345, '12,345'],
    [1234567.891, '1,234,567.89'],
    [123456789, '123,456,789'],
  ])('%d → %s', (v, s) => {
    expect(formatNumber(v, 'en')).toBe(s);
  });
  it('negative', () => {
    expect(formatNumber(-1234, 'en')).toBe('−1,234');
  });
});

describe('formatFigure', () => {
  it('exact: no mark, unit after a space', () => {
    expect(formatFigure(327, 'exact', '家', 'zh')).toBe('327 家');
    expect(formatFigure(2000, 'exact', 'enterprises', 'en')).toBe('2,000 enterprises');
  });
  it('at_least gets "≥ ", about gets "≈ "', () => {
    expect(formatFigure(50000, 'at_least', '家', 'zh')).toBe('≥ 5万 家');
    expect(formatFigure(2000, 'about', 'enterprises', 'en')).toBe('≈ 2,000 enterprises');
    expect(formatFigure(12345, 'about', '人', 'zh')).toBe('≈ 1.23万 人');
    expect(formatFigure(400, 'at_least', 'institutions', 'en')).toBe('≥ 400 institutions');
  });
  it('zh: a unit that is a magnitude (万人, 亿元) joins the number’s 万', () => {
    expect(formatFigure(12780, 'exact', '万人', 'zh')).toBe('1.28亿人');
    expect(formatFigure(140828, 'exact', '万人', 'zh')).toBe('14.1亿人');
    expect(formatFigure(8526, 'exact', '万人', 'zh')).toBe('8526 万人');
    expect(formatFigure(137905.4, 'exact', '亿元', 'zh')).toBe('13.8万亿元');
    expect(formatFigure(1349083.5, 'exact', '亿元', 'zh')).toBe('135万亿元');
    expect(formatFigure(2617.9, 'exact', '亿元', 'zh')).toBe('2617.9 亿元');
    expect(formatFigure(50000, 'at_least', '万人', 'zh')).toBe('≥ 5亿人');
    expect(formatFigure(12780, 'exact', '× 10,000 persons', 'en')).toBe('12,780 × 10,000 persons');
  });
  it('no unit: no trailing space', () => {
    expect(formatFigure(5, 'exact', '', 'en')).toBe('5');
    expect(formatFigure(5, 'at_least', '', 'zh')).toBe('≥ 5');
  });
  it('QUALIFIER_MARK is empty for exact', () => {
    expect(QUALIFIER_MARK).toEqual({ exact: '', at_least: '≥ ', about: '≈ ' });
  });
});

describe('formatSigned / formatPercent', () => {
  it('signs', () => {
    expect(formatSigned(0, 'zh')).toBe('±0');
    expect(formatSigned(128, 'zh')).toBe('+128');
    expect(formatSigned(-52, 'en')).toBe('−52');
    expect(formatSigned(15000, 'zh')).toBe('+1.5万');
    expect(formatSigned(15000, 'en')).toBe('+15,000');
  });
  it('percent: 0 decimals from 10 %, 1 below, explicit sign', () => {
    expect(formatPercent(0.18, 'zh')).toBe('+18%');
    expect(formatPercent(0.054, 'en')).toBe('+5.4%');
    expect(formatPercent(-0.25, 'en')).toBe('−25%');
    expect(formatPercent(-0.031, 'zh')).toBe('−3.1%');
    expect(formatPercent(0, 'zh')).toBe('0.0%');
  });
});
