import { describe, expect, it } from 'vitest';
import { profileRows } from '../../../src/data/profile';
import { headlines, mostCompleteMetric } from '../../../src/data/overview';
import { buildIndex } from '../../../src/data/query';
import { sparkline } from '../../../src/charts/sparkline';
import { fig, metric, metricMap } from '../helpers';

const JS = '320000';
const GD = '440000';
const HB = '420000';

describe('profileRows', () => {
  const a = metric({ id: 'a', group: 'incubators' });
  const b = metric({ id: 'b', group: 'returnee_parks' });
  const c = metric({ id: 'c', group: 'maker_spaces' });
  const idx = buildIndex([
    fig({ metric: 'a', region: JS, year: 2018, value: 10 }),
    fig({ metric: 'a', region: JS, year: 2020, value: 30, qualifier: 'at_least' }),
    fig({ metric: 'a', region: GD, year: 2020, value: 50 }),
    fig({ metric: 'a', region: HB, year: 2020, value: 30 }),
    fig({ metric: 'b', region: JS, year: 2019, value: 3 }),
    fig({ metric: 'b', region: JS, year: 2030, value: 9 }),
    fig({ metric: 'c', region: GD, year: 2019, value: 7 }),
  ]);

  it('lists only metrics the province has, in group order, with latest figure and series', () => {
    const rows = profileRows(idx, [a, b, c], JS, 2026);
    expect(rows.map((r) => r.metric.id)).toEqual(['b', 'a']); // returnee_parks before incubators; c absent
    const ra = rows.find((r) => r.metric.id === 'a')!;
    expect(ra.latest.year).toBe(2020);
    expect(ra.latest.cell.primary.value).toBe(30);
    expect(ra.latest.cell.primary.qualifier).toBe('at_least');
    expect(ra.series.map((p) => p.year)).toEqual([2018, 2020]);
  });

  it('ranks among provinces in the latest year with ties, and gives no rank when alone', () => {
    const rows = profileRows(idx, [a, b], JS, 2026);
    expect(rows.find((r) => r.metric.id === 'a')!.rank).toEqual({ rank: 2, ranked: 3 });
    expect(rows.find((r) => r.metric.id === 'b')!.rank).toBeNull();
  });

  it('never reaches past maxYear', () => {
    const rows = profileRows(idx, [b], JS, 2026);
    expect(rows[0]!.latest.year).toBe(2019);
  });

  it('is empty for a province without figures', () => {
    expect(profileRows(idx, [a, b, c], '540000', 2026)).toEqual([]);
  });
});

describe('headlines and mostCompleteMetric', () => {
  const m1 = metric({ id: 'incubators_total' });
  const m2 = metric({ id: 'maker_spaces_total' });
  const base = [
    fig({ metric: 'incubators_total', region: 'CN', year: 2019, value: 5206 }),
    fig({ metric: 'incubators_total', region: 'CN', year: 2031, value: 1 }),
    fig({ metric: 'incubators_total', region: JS, year: 2019, value: 832 }),
    fig({ metric: 'maker_spaces_total', region: JS, year: 2019, value: 1 }),
    fig({ metric: 'maker_spaces_total', region: GD, year: 2019, value: 1 }),
    fig({ metric: 'returnee_parks_total', region: 'CN', year: 2024, value: 327, asOf: '2024-06' }),
  ];
  const idx = buildIndex(base);
  it('takes the latest national figure up to maxYear, in the configured order, skipping metrics without one', () => {
    const h = headlines(idx, metricMap(m1, m2, metric({ id: 'returnee_parks_total' })), 2026);
    expect(h.map((x) => x.metric.id)).toEqual(['returnee_parks_total', 'incubators_total']);
    expect(h[1]!.year).toBe(2019);
    expect(h[0]!.cell.primary.asOf).toBe('2024-06');
  });
  it('picks the metric with most provinces for the overview map', () => {
    expect(mostCompleteMetric(idx, [m1, m2])).toBe('maker_spaces_total');
    expect(mostCompleteMetric(buildIndex([]), [m1])).toBeNull();
  });
  it('never picks a context metric for the overview map, however many provinces it covers', () => {
    const pop = metric({ id: 'population_resident', group: 'context' });
    const withPop = buildIndex([
      ...base,
      ...[JS, GD, '110000', '310000'].map((r) => fig({ metric: 'population_resident', region: r, year: 2019, value: 8000 })),
    ]);
    expect(mostCompleteMetric(withPop, [pop, m1, m2])).toBe('maker_spaces_total');
    expect(mostCompleteMetric(withPop, [pop])).toBeNull();
  });
});

describe('sparkline', () => {
  it('breaks the line at gap years instead of interpolating', () => {
    const s = sparkline(
      [
        { year: 2015, value: 10, qualifier: 'exact' },
        { year: 2016, value: 20, qualifier: 'exact' },
        { year: 2018, value: 30, qualifier: 'at_least' },
        { year: 2019, value: 40, qualifier: 'exact' },
        { year: 2021, value: 5, qualifier: 'about' },
      ],
      100,
      40,
    )!;
    expect(s.paths).toHaveLength(2); // 2015–16 and 2018–19; 2021 stands alone as a dot
    expect(s.dots).toHaveLength(5);
    expect(s.dots.map((d) => d.qualifier)).toEqual(['exact', 'exact', 'at_least', 'exact', 'about']);
    expect(s.minYear).toBe(2015);
    expect(s.maxYear).toBe(2021);
    // x spacing follows calendar years (the 2017 gap takes space)
    const x = s.dots.map((d) => d.x);
    expect(x[2]! - x[1]!).toBeCloseTo(2 * (x[1]! - x[0]!), 0);
  });
  it('scales from zero and handles a single point', () => {
    const one = sparkline([{ year: 2020, value: 7, qualifier: 'exact' }], 100, 40)!;
    expect(one.paths).toEqual([]);
    expect(one.dots[0]!.x).toBe(50);
    expect(sparkline([], 100, 40)).toBeNull();
    const s = sparkline([{ year: 2020, value: 0, qualifier: 'exact' }, { year: 2021, value: 10, qualifier: 'exact' }], 100, 40, 4)!;
    expect(s.dots[0]!.y).toBe(36);
    expect(s.dots[1]!.y).toBe(4);
  });
});
