import { describe, expect, it } from 'vitest';
import { divideFigure } from '../../../src/data/perCapita';
import { NATIONAL } from '../../../src/data/regions';
import { blockText, denominatorText, formulas, formulaText, perMetric, perUnit } from '../../../src/i18n/per';
import { formatNumber } from '../../../src/i18n/format';
import { fig, metric } from '../helpers';

const JS = '320000';
const M = metric({ id: 'inc', unit: { zh: '家', en: 'institutions' } });
const P = perMetric(M, 'capita');
const G = perMetric(M, 'gdp');
const pop = (region: string, year: number, value: number) => fig({ metric: 'population_resident', region, year, value, unit: '万人' });
const gdp = (region: string, year: number, value: number) => fig({ metric: 'gdp', region, year, value, unit: '亿元' });

describe('the formula of a ratio', () => {
  it('names both inputs and the result, in Chinese and English', () => {
    const q = divideFigure(fig({ metric: 'inc', region: JS, year: 2022, value: 244 }), pop(JS, 2022, 8515), 'capita', P.unit.zh)!;
    expect(formulaText(q, M.unit, P.unit, 'zh')).toBe('江苏 2022：244 家 ÷ 8515 万人 = 2.87 家/百万人');
    expect(formulaText(q, M.unit, P.unit, 'en')).toBe('Jiangsu 2022: 244 institutions ÷ 85.15 million residents = 2.87 institutions per million residents');
    expect(formulas(q, M, P).zh).toContain('÷ 8515 万人');
  });

  it('per GDP, with the GDP as published', () => {
    const q = divideFigure(fig({ metric: 'inc', region: JS, year: 2022, value: 244 }), gdp(JS, 2022, 122875.6), 'gdp', G.unit.zh)!;
    expect(formulaText(q, M.unit, G.unit, 'zh')).toBe('江苏 2022：244 家 ÷ 122875.6 亿元 = 1.99 家/千亿元');
    expect(formulaText(q, M.unit, G.unit, 'en')).toBe('Jiangsu 2022: 244 institutions ÷ 12,287.56 bn yuan = 1.99 institutions per 100 bn yuan of GDP');
  });

  it('keeps ≥ and ≈, and says which denominator an as-of figure is divided by', () => {
    const q = divideFigure(fig({ metric: 'inc', region: JS, year: 2023, value: 250, qualifier: 'at_least', asOf: '2023-06' }), pop(JS, 2023, 8526), 'capita', P.unit.zh)!;
    expect(formulaText(q, M.unit, P.unit, 'zh')).toBe('江苏 2023：≥ 250 家 ÷ 8526 万人 = ≥ 2.93 家/百万人（数字截至 2023-06，分母为 2023 年末常住人口）');
    expect(formulaText(q, M.unit, P.unit, 'en')).toContain('(figure as of 2023-06, divided by the year-end 2023 population)');
  });

  it('says what the national denominator is', () => {
    const q = divideFigure(fig({ metric: 'inc', region: NATIONAL, year: 2022, value: 1606 }), pop(NATIONAL, 2022, 141175), 'capita', P.unit.zh)!;
    expect(formulaText(q, M.unit, P.unit, 'zh')).toBe('全国 2022：1606 家 ÷ 141175 万人 = 1.14 家/百万人（全国分母为年末总人口，含现役军人）');
  });

  it('shows a figure that is not a ratio as itself', () => {
    expect(formulaText(fig({ region: JS, year: 2022, value: 244 }), M.unit, P.unit, 'zh')).toBe('244 家');
  });

  it('writes English denominators in millions and billions', () => {
    expect(denominatorText(pop(JS, 2022, 366), 'capita', 'en')).toBe('3.66 million residents');
    expect(denominatorText(gdp(JS, 2022, 2132.6), 'gdp', 'en')).toBe('213.26 bn yuan');
  });

  it('gives the reason a metric offers no ratio', () => {
    expect(blockText('years', 'capita', 'zh', '2015–2024')).toBe('该指标的省级数据没有一年有同年的常住人口（2015–2024）');
    expect(blockText('ratio', 'gdp', 'en', '2015–2024')).toContain('already a ratio');
    expect(blockText('context', 'capita', 'zh', '')).toContain('年平均人口');
  });
});

describe('small ratios keep three significant digits', () => {
  it('zh and en', () => {
    expect(formatNumber(0.0287, 'zh')).toBe('0.0287');
    expect(formatNumber(0.0287, 'en')).toBe('0.0287');
    expect(formatNumber(0.5, 'zh')).toBe('0.5');
    expect(formatNumber(2.87, 'en')).toBe('2.87');
  });
});

describe('units and labels', () => {
  it('names the ratio in both languages', () => {
    expect(perUnit(M.unit, 'capita')).toEqual({ zh: '家/百万人', en: 'institutions per million residents' });
    expect(perUnit(M.unit, 'gdp')).toEqual({ zh: '家/千亿元', en: 'institutions per 100 bn yuan of GDP' });
    const d = perMetric(M, 'capita');
    expect(d.per).toBe('capita');
    expect(d.label).toEqual({ zh: '孵化器（每百万常住人口）', en: 'Incubators (per million residents)' });
    expect(d.definition!.zh).toContain('同一地区同一年的年末常住人口');
    expect(perMetric(M, 'gdp').label.zh).toBe('孵化器（每千亿元地区生产总值）');
  });
});
