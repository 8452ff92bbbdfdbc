/**
 * Reading mixed-year, sparse figures: staleness grouping (src/data/staleness.ts)
 * and the coverage matrices (src/data/coverageMatrix.ts). Rank bases:
 * tests/unit/i18n/rankText.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { isStale, staleness, withoutStale, STALE_YEARS } from '../../../src/data/staleness';
import { buildIndex, provinceData } from '../../../src/data/query';
import { allYears, coverageSummary, metricMatrix } from '../../../src/data/coverageMatrix';
import { NATIONAL, REGIONS } from '../../../src/data/regions';
import { fig, metric } from '../helpers';

const FIGS = [
  fig({ metric: 'm', region: '320000', year: 2023, value: 244 }),
  fig({ metric: 'm', region: '130000', year: 2023, value: 47 }),
  fig({ metric: 'm', region: '420000', year: 2024, value: 84 }),
  fig({ metric: 'm', region: '330000', year: 2015, value: 44 }),
  fig({ metric: 'm', region: '440000', year: 2019, value: 120 }),
  fig({ metric: 'm', region: '440000', year: 2019, value: 121, sourceId: 's2' }),
  fig({ metric: 'm', region: '110000', year: 2021, value: 30, qualifier: 'at_least' }),
  fig({ metric: 'm', region: '310000', year: 2021, value: 60, qualifier: 'about' }),
  fig({ metric: 'm', region: NATIONAL, year: 2023, value: 1600 }),
  fig({ metric: 'n', region: NATIONAL, year: 2022, value: 7 }),
  fig({ metric: 'm', region: NATIONAL, year: 2005, value: 900 }),
];
const IDX = buildIndex(FIGS);

describe('staleness: old figures beside new ones', () => {
  it('a figure is old when more than the threshold (default 3) years older than the newest', () => {
    expect(STALE_YEARS).toBe(3);
    expect(isStale(2020, 2024)).toBe(true);
    expect(isStale(2021, 2024)).toBe(false);
    expect(isStale(2023, 2024, 0)).toBe(true);
  });
  it('groups the provinces of "latest available" by year range: recent first, then old', () => {
    const rows = provinceData(IDX, 'm', 'latest');
    const st = staleness(rows);
    expect(st.newest).toBe(2024);
    expect([...st.stale].sort()).toEqual(['330000', '440000']);
    expect(st.groups).toEqual([
      { from: 2021, to: 2024, n: 5, stale: false },
      { from: 2015, to: 2019, n: 2, stale: true },
    ]);
    // a threshold of 5 years: 2019 is recent, 2015 still old
    expect(staleness(rows, 5).groups).toEqual([
      { from: 2019, to: 2024, n: 6, stale: false },
      { from: 2015, to: 2015, n: 1, stale: true },
    ]);
    expect(staleness([]).groups).toEqual([]);
  });
  it('hiding the old figures ranks the others again among themselves', () => {
    const rows = provinceData(IDX, 'm', 'latest');
    const st = staleness(rows);
    const kept = withoutStale(rows, st.stale);
    expect(kept.map((r) => r.region)).not.toContain('330000');
    expect(kept.every((r) => r.ranked === 5)).toBe(true);
    expect(kept.find((r) => r.region === '320000')!.rank).toBe(1);
    expect(kept.find((r) => r.region === '420000')!.rank).toBe(2);
  });
});


describe('coverage matrix of one metric', () => {
  const mx = metricMatrix(IDX, 'm');
  it('lists every province (the 31 of the mainland, Hong Kong, Macao, Taiwan) and every year of the provincial figures, gaps included, plus national-only years', () => {
    expect(mx.rows).toHaveLength(REGIONS.length);
    expect(REGIONS.length).toBeGreaterThanOrEqual(31);
    expect(mx.rows.map((r) => r.region)).toEqual(REGIONS.map((r) => r.code));
    // 2005 has a national figure only: shown, but not the empty years 2006–2014
    expect(mx.years).toEqual([2005, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
  });
  it('distinguishes exact, ≥, ≈ and disagreeing sources', () => {
    const at = (region: string, y: number) => mx.rows.find((r) => r.region === region)!.cells.get(y)?.status;
    expect(at('320000', 2023)).toBe('exact');
    expect(at('110000', 2021)).toBe('at_least');
    expect(at('310000', 2021)).toBe('about');
    expect(at('440000', 2019)).toBe('conflict');
    expect(at('320000', 2019)).toBeUndefined();
    expect(mx.rows.find((r) => r.region === '440000')!.cells.get(2019)!.cell.all).toHaveLength(2);
  });
  it('counts per year and per province; the national row apart', () => {
    expect(mx.perYear.get(2023)).toBe(2);
    expect(mx.perYear.get(2017)).toBe(0);
    expect(mx.provinces).toBe(7);
    expect(mx.filled).toBe(7);
    expect(mx.national.get(2023)!.cell.primary.value).toBe(1600);
    expect(metricMatrix(IDX, 'none').years).toEqual([]);
  });
});

describe('coverage summary across metrics', () => {
  const M = [metric({ id: 'm' }), metric({ id: 'n' }), metric({ id: 'empty' })];
  it('any year: each province × metric with its number of years and latest year; national-only metrics apart', () => {
    const s = coverageSummary(IDX, M, 'any');
    expect(s.rows).toHaveLength(REGIONS.length);
    expect(s.metrics.map((m) => m.id)).toEqual(['m']);
    expect(s.nationalOnly.map((m) => m.id)).toEqual(['n']);
    expect(s.perMetric.get('m')).toBe(7);
    expect(s.rows.find((r) => r.region === '320000')!.cells.get('m')).toEqual({ status: 'exact', years: 1, year: 2023 });
  });
  it('one year: only the figures of that year', () => {
    const s = coverageSummary(IDX, M, 2021);
    expect(s.perMetric.get('m')).toBe(2);
    expect(s.nationalOnly).toEqual([]);
    expect(allYears(IDX)).toEqual([2005, 2015, 2019, 2021, 2022, 2023, 2024]);
  });
});
