import { describe, expect, it } from 'vitest';
import {
  divideCell, divideFigure, divideMetric, isRatioMetric, perView, ratioQualifier, roundRatio, staticBlock,
} from '../../../src/data/perCapita';
import { buildIndex, coverage, makeCell, nationalCell, provinceData, sourceIdsOf } from '../../../src/data/query';
import { NATIONAL } from '../../../src/data/regions';
import type { MetricDef, PerKind } from '../../../src/data/types';
import { fig, metric } from '../helpers';

/** A ratio's definition as the app writes it (i18n/per.ts perMetric, tested there): here only its Chinese unit matters. */
const describeAs = (per: PerKind) => (m: MetricDef): MetricDef => ({ ...m, per, unit: { zh: `${m.unit.zh}/${per === 'capita' ? '百万人' : '千亿元'}`, en: m.unit.en } });

const JS = '320000';
const ZJ = '330000';
const XZ = '540000';

const M = metric({ id: 'inc', unit: { zh: '家', en: 'institutions' } });
const pop = (region: string, year: number, value: number, p: Partial<Parameters<typeof fig>[0]> = {}) =>
  fig({ metric: 'population_resident', region, year, value, unit: '万人', sourceId: 'nbs-pop', ...p });
const gdp = (region: string, year: number, value: number, p: Partial<Parameters<typeof fig>[0]> = {}) =>
  fig({ metric: 'gdp', region, year, value, unit: '亿元', sourceId: 'nbs-gdp', ...p });
const inc = (region: string, year: number, value: number, p: Partial<Parameters<typeof fig>[0]> = {}) =>
  fig({ metric: 'inc', region, year, value, unit: '家', sourceId: 'torch', ...p });

describe('roundRatio', () => {
  it('keeps three significant digits below 100 and whole numbers above', () => {
    expect(roundRatio(2.8655, 'exact')).toBe(2.87);
    expect(roundRatio(0.028655, 'exact')).toBe(0.0287);
    expect(roundRatio(28.655, 'about')).toBe(28.7);
    expect(roundRatio(286.55, 'exact')).toBe(287);
    expect(roundRatio(12345.6, 'exact')).toBe(12346);
    expect(roundRatio(0, 'exact')).toBe(0);
  });

  it('rounds a lower bound down, never up', () => {
    expect(roundRatio(2.8655, 'at_least')).toBe(2.86);
    expect(roundRatio(0.99999, 'at_least')).toBe(0.999);
    expect(roundRatio(286.9, 'at_least')).toBe(286);
    // float noise does not push an exact quotient below itself: 2.87 stays 2.87
    expect(roundRatio(287 / 100, 'at_least')).toBe(2.87);
  });
});

describe('divideFigure', () => {
  it('divides by the same province and year: 244 家 ÷ 8515 万人 = 2.87 家/百万人', () => {
    const n = inc(JS, 2022, 244);
    const d = pop(JS, 2022, 8515);
    const q = divideFigure(n, d, 'capita', '家/百万人')!;
    expect(q.value).toBe(2.87);
    expect(q.derived!.exact).toBeCloseTo(2.8655, 4);
    expect(q).toMatchObject({ region: JS, year: 2022, qualifier: 'exact', unit: '家/百万人', sourceId: 'torch', metric: 'inc' });
    expect(q.derived!.numerator).toBe(n);
    expect(q.derived!.denominator).toBe(d);
    expect(q.derived!.per).toBe('capita');
  });

  it('per 1000亿元 of GDP: 244 家 ÷ 122875 亿元 = 1.99 家/千亿元', () => {
    const q = divideFigure(inc(JS, 2022, 244), gdp(JS, 2022, 122875), 'gdp', '家/千亿元')!;
    expect(q.value).toBe(1.99);
  });

  it('never divides by another year or another region', () => {
    expect(divideFigure(inc(JS, 2022, 244), pop(JS, 2021, 8505), 'capita', '')).toBeNull();
    expect(divideFigure(inc(JS, 2022, 244), pop(ZJ, 2022, 6577), 'capita', '')).toBeNull();
  });

  it('carries the qualifier: ≥ stays ≥ (rounded down), ≈ stays ≈', () => {
    const atLeast = divideFigure(inc(JS, 2022, 244, { qualifier: 'at_least' }), pop(JS, 2022, 8515), 'capita', '')!;
    expect(atLeast.qualifier).toBe('at_least');
    expect(atLeast.value).toBe(2.86);
    const about = divideFigure(inc(JS, 2022, 244, { qualifier: 'about' }), pop(JS, 2022, 8515), 'capita', '')!;
    expect(about.qualifier).toBe('about');
    expect(about.value).toBe(2.87);
  });

  it('an approximate denominator makes the ratio ≈; a bound over an approximation or over a bound is no data', () => {
    expect(ratioQualifier('exact', 'about')).toBe('about');
    expect(ratioQualifier('about', 'about')).toBe('about');
    expect(ratioQualifier('at_least', 'about')).toBeNull();
    expect(ratioQualifier('exact', 'at_least')).toBeNull();
    expect(divideFigure(inc(JS, 2022, 244, { qualifier: 'at_least' }), pop(JS, 2022, 8515, { qualifier: 'about' }), 'capita', '')).toBeNull();
  });

  it('keeps an as-of month and divides by that year’s year-end denominator', () => {
    const n = inc(JS, 2023, 250, { asOf: '2023-06' });
    const q = divideCell([n], [pop(JS, 2023, 8526)], 'capita', '')[0]!;
    expect(q.asOf).toBe('2023-06');
    expect(q.derived!.denominator.year).toBe(2023);
    expect(q.value).toBe(2.93);
  });

  it('converts the denominator’s unit, and refuses one it does not know', () => {
    expect(divideFigure(inc(JS, 2022, 244), pop(JS, 2022, 85150000, { unit: '人' }), 'capita', '')!.value).toBe(2.87);
    expect(divideFigure(inc(JS, 2022, 244), gdp(JS, 2022, 12.2875, { unit: '万亿元' }), 'gdp', '')!.value).toBe(1.99);
    expect(divideFigure(inc(JS, 2022, 244), pop(JS, 2022, 85150, { unit: '千人' }), 'capita', '')).toBeNull();
    expect(divideFigure(inc(JS, 2022, 244), pop(JS, 2022, 0), 'capita', '')).toBeNull();
  });
});

describe('divideCell', () => {
  it('divides every figure of a disputed cell, so the dispute stays', () => {
    const a = inc(JS, 2019, 848, { sourceId: 'a' });
    const b = inc(JS, 2019, 832, { sourceId: 'b' });
    const qs = divideCell([a, b], [pop(JS, 2019, 8469)], 'capita', '');
    expect(qs.map((q) => q.value)).toEqual([10, 9.82]);
    expect(qs.map((q) => q.sourceId)).toEqual(['a', 'b']);
    expect(makeCell(qs)!.conflict).toBe(true);
  });

  it('divides by each distinct denominator figure (agreeing ones once)', () => {
    const n = inc(JS, 2022, 244);
    expect(divideCell([n], [pop(JS, 2022, 8515), pop(JS, 2022, 8515, { sourceId: 'other' })], 'capita', '')).toHaveLength(1);
    const two = divideCell([n], [pop(JS, 2022, 8515), pop(JS, 2022, 8500, { sourceId: 'other' })], 'capita', '');
    expect(two.map((q) => q.derived!.denominator.value)).toEqual([8515, 8500]);
    // 2.87 either way once rounded, yet the inputs disagree: still a dispute
    expect(two.map((q) => q.value)).toEqual([2.87, 2.87]);
    expect(makeCell(two)!.conflict).toBe(true);
  });

  it('keeps a dispute of the figures that rounding would hide', () => {
    const qs = divideCell([inc(JS, 2019, 848), inc(JS, 2019, 849)], [pop(JS, 2019, 8469)], 'capita', '');
    expect(qs.map((q) => q.value)).toEqual([10, 10]);
    expect(makeCell(qs)!.conflict).toBe(true);
    // agreeing figures of two sources stay agreeing
    expect(makeCell(divideCell([inc(JS, 2019, 848), inc(JS, 2019, 848, { sourceId: 'b' })], [pop(JS, 2019, 8469)], 'capita', ''))!.conflict).toBe(false);
  });

  it('is empty without a denominator: no data, never a guess', () => {
    expect(divideCell([inc(JS, 2022, 244)], [], 'capita', '')).toEqual([]);
  });
});

describe('which metrics divide', () => {
  const idx = buildIndex([inc(JS, 2022, 244), fig({ metric: 'nat', region: NATIONAL, year: 2022, value: 1 }), fig({ metric: 'pct', region: JS, year: 2022, value: 12 })]);

  it('not a metric that is already a ratio', () => {
    expect(isRatioMetric(metric({ unit: { zh: '%', en: '%' } }))).toBe(true);
    expect(isRatioMetric(metric({ label: { zh: '孵化企业毕业率', en: 'Graduation rate' } }))).toBe(true);
    expect(isRatioMetric(metric({ label: { zh: '人均GDP', en: 'GDP per capita' } }))).toBe(true);
    expect(isRatioMetric(metric({ unit: { zh: '家/百万人', en: 'per million' } }))).toBe(true);
    expect(isRatioMetric(M)).toBe(false);
    expect(staticBlock(metric({ id: 'pct', unit: { zh: '%', en: 'percent' } }), idx)).toBe('ratio');
  });

  it('not the context metrics (the denominators) nor a national-only metric', () => {
    expect(staticBlock(metric({ id: 'population_resident', group: 'context' }), idx)).toBe('context');
    expect(staticBlock(metric({ id: 'gdp', group: 'incubators' }), idx)).toBe('context');
    expect(staticBlock(metric({ id: 'nat' }), idx)).toBe('national');
    expect(staticBlock(M, idx)).toBeNull();
  });
});

describe('perView', () => {
  const figures = [
    inc(JS, 2022, 244),
    inc(ZJ, 2022, 200, { qualifier: 'at_least' }),
    inc(XZ, 2022, 1), // 西藏: no population in 2022 in this fixture
    inc(JS, 2012, 100), // a year before the denominators
    inc(NATIONAL, 2022, 1606, { sourceId: 'torch-cn' }),
    pop(JS, 2022, 8515),
    pop(ZJ, 2022, 6577),
    pop(XZ, 2021, 366),
    pop(NATIONAL, 2022, 141175, { sourceId: 'nbs-cn' }),
    fig({ metric: 'old', region: JS, year: 2011, value: 3 }),
    fig({ metric: 'share', region: JS, year: 2022, value: 12 }),
  ];
  const idx = buildIndex(figures);
  const defs = [
    M,
    metric({ id: 'population_resident', group: 'context', unit: { zh: '万人', en: '10,000 persons' } }),
    metric({ id: 'old' }),
    metric({ id: 'share', unit: { zh: '%', en: '%' } }),
  ];
  const v = perView(defs, idx, 'capita', describeAs('capita'));

  it('replaces a dividable metric by its ratios, same region and year only', () => {
    const rows = provinceData(v.index, 'inc', 2022);
    expect(rows.map((r) => [r.region, r.cell.primary.value, r.cell.primary.qualifier, r.rank])).toEqual([
      [JS, 2.87, 'exact', 2],
      [ZJ, 3.04, 'at_least', 1],
    ]);
    // 西藏 has a 2021 population only: no data for the ratio in 2022
    expect(rows.find((r) => r.region === XZ)).toBeUndefined();
    // 2012: no population that year, so no ratio
    expect(provinceData(v.index, 'inc', 2012)).toEqual([]);
    expect(coverage(v.index, 'inc').provinceYears).toEqual([2022]);
  });

  it('divides the national row by the national denominator', () => {
    const n = nationalCell(v.index, 'inc', 2022)!;
    expect(n.primary.value).toBe(1.14);
    expect(n.primary.derived!.denominator.sourceId).toBe('nbs-cn');
  });

  it('names both sources of a ratio', () => {
    expect(sourceIdsOf([nationalCell(v.index, 'inc', 2022)])).toEqual(['torch-cn', 'nbs-cn']);
  });

  it('leaves the others as they are, and says why', () => {
    expect(v.blocked).toEqual(new Map([['population_resident', 'context'], ['old', 'years'], ['share', 'ratio']]));
    expect(v.index.get('old')).toBe(idx.get('old'));
    expect(v.index.get('population_resident')).toBe(idx.get('population_resident'));
    expect(v.metrics.get('old')).toBe(defs[2]);
    expect(v.metrics.get('inc')!.unit.zh).toBe('家/百万人');
    // the package's index is not touched
    expect(provinceData(idx, 'inc', 2022).map((r) => r.cell.primary.value)).toEqual([244, 200, 1]);
  });

  it('divideMetric per GDP: no GDP figures, no ratios', () => {
    expect(divideMetric(idx, M, 'gdp').size).toBe(0);
    expect(perView(defs, idx, 'gdp', describeAs('gdp')).blocked.get('inc')).toBe('years');
  });
});

describe('the shipped package per resident', () => {
  it('江苏 2022: 244 家 (as of 2022-04) ÷ 8515 万人 = 2.87 家/百万人; every ratio has both inputs of its own region and year', async () => {
    const { readFileSync } = await import('node:fs');
    const { loadPackage } = await import('../../../src/data/load');
    const dir = new URL('../../../public/data/', import.meta.url);
    const { pkg } = await loadPackage(async (path) => readFileSync(new URL(path.replace(/^data\//, ''), dir), 'utf8'));
    const idx = buildIndex(pkg.figures);
    const v = perView([...pkg.metrics.values()], idx, 'capita', describeAs('capita'));
    const js = provinceData(v.index, 'incubators_national', 2022).find((r) => r.region === JS)!;
    expect(js.cell.primary.value).toBe(2.87);
    expect(js.cell.primary.asOf).toBe('2022-04');
    expect(js.cell.primary.derived!.denominator.value).toBe(8515);
    expect(v.metrics.get('incubators_national')!.unit.zh).toBe('家/百万人');
    expect(v.blocked.get('population_resident')).toBe('context');
    expect(v.blocked.get('gdp')).toBe('context');
    expect(v.blocked.get('returnee_parks_national')).toBe('national');
    for (const [id, byRegion] of v.index) {
      if (v.blocked.has(id) || !v.metrics.has(id)) continue;
      for (const [region, byYear] of byRegion) for (const [year, figs] of byYear) for (const f of figs) {
        expect(f.derived!.numerator.region).toBe(region);
        expect(f.derived!.denominator.region).toBe(region);
        expect(f.derived!.numerator.year).toBe(year);
        expect(f.derived!.denominator.year).toBe(year);
        expect(f.derived!.denominator.metric).toBe('population_resident');
      }
    }
  });
});
