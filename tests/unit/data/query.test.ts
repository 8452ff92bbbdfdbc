import { describe, expect, it } from 'vitest';
import {
  buildIndex,
  cellAt,
  coverage,
  latestNational,
  makeCell,
  newerFirst,
  mapYears,
  nationalCell,
  provinceData,
  rankValues,
  sourceIdsOf,
  stepYear,
  yearsFor,
  type ProvinceDatum,
} from '../../../src/data/query';
import { NATIONAL } from '../../../src/data/regions';
import { fig } from '../helpers';

const JS = '320000';
const ZJ = '330000';
const GD = '440000';
const BJ = '110000';
const XZ = '540000';

function byRegion(rows: ProvinceDatum[]): Map<string, ProvinceDatum> {
  return new Map(rows.map((r) => [r.region, r]));
}

describe('buildIndex', () => {
  it('indexes metric → region → year → figures in file order', () => {
    const a = fig({ metric: 'm', region: JS, year: 2019, value: 848 });
    const b = fig({ metric: 'm', region: JS, year: 2019, value: 832 });
    const c = fig({ metric: 'm', region: ZJ, year: 2019, value: 5 });
    const d = fig({ metric: 'n', region: JS, year: 2020, value: 1 });
    const idx = buildIndex([a, b, c, d]);
    expect([...idx.keys()]).toEqual(['m', 'n']);
    expect(idx.get('m')?.get(JS)?.get(2019)).toEqual([a, b]);
    expect(idx.get('m')?.get(ZJ)?.get(2019)).toEqual([c]);
    expect(idx.get('n')?.get(JS)?.get(2020)).toEqual([d]);
    expect(idx.get('m')?.get(GD)).toBeUndefined();
  });

  it('empty input gives an empty index', () => {
    expect(buildIndex([]).size).toBe(0);
  });
});

describe('makeCell', () => {
  it('returns null for no figures', () => {
    expect(makeCell([])).toBeNull();
  });

  it('single figure: primary, no conflict', () => {
    const a = fig({ region: JS, year: 2019, value: 1 });
    expect(makeCell([a])).toEqual({ primary: a, all: [a], conflict: false });
  });

  it('primary is exact before about before at_least, whatever the file order', () => {
    const least = fig({ region: JS, year: 2019, value: 900, qualifier: 'at_least' });
    const about = fig({ region: JS, year: 2019, value: 850, qualifier: 'about' });
    const exact = fig({ region: JS, year: 2019, value: 848, qualifier: 'exact' });
    const c = makeCell([least, about, exact])!;
    expect(c.primary).toBe(exact);
    expect(c.all).toEqual([exact, about, least]);
    expect(makeCell([least, about])!.primary).toBe(about);
  });

  it('among equally precise figures the latest as_of wins, undated last', () => {
    const undated = fig({ region: JS, year: 2022, value: 1000, qualifier: 'at_least' });
    const feb = fig({ region: JS, year: 2022, value: 1100, qualifier: 'at_least', asOf: '2023-02' });
    const jun = fig({ region: JS, year: 2022, value: 1200, qualifier: 'at_least', asOf: '2023-06' });
    const c = makeCell([undated, feb, jun])!;
    expect(c.primary).toBe(jun);
    expect(c.all).toEqual([jun, feb, undated]);
  });

  it('as_of dates of different precision order by date, and the same date ties', () => {
    expect(['2023', '2022-12-31', '', '2023-06', '2023-06-01'].sort(newerFirst)).toEqual(['2023-06-01', '2023-06', '2023', '2022-12-31', '']);
    expect(newerFirst('2023-06', '2023-06')).toBe(0);
    expect(newerFirst(null, undefined)).toBe(0);
    expect(newerFirst(null, '2020')).toBeGreaterThan(0);
  });

  it('precision beats recency', () => {
    const oldExact = fig({ region: JS, year: 2022, value: 10, asOf: '2022-01' });
    const newBound = fig({ region: JS, year: 2022, value: 12, qualifier: 'at_least', asOf: '2023-12' });
    expect(makeCell([newBound, oldExact])!.primary).toBe(oldExact);
  });

  it('ties keep file order', () => {
    const a = fig({ region: JS, year: 2019, value: 848, sourceId: 'a' });
    const b = fig({ region: JS, year: 2019, value: 832, sourceId: 'b' });
    expect(makeCell([a, b])!.primary).toBe(a);
    expect(makeCell([b, a])!.primary).toBe(b);
  });

  it('conflict is true only when values or qualifiers differ; all figures are kept', () => {
    const a = fig({ region: JS, year: 2019, value: 848, sourceId: 'a' });
    const same = fig({ region: JS, year: 2019, value: 848, sourceId: 'b', asOf: '2020-01' });
    const other = fig({ region: JS, year: 2019, value: 832, sourceId: 'c' });
    const bound = fig({ region: JS, year: 2019, value: 848, qualifier: 'at_least', sourceId: 'd' });

    const agree = makeCell([a, same])!;
    expect(agree.conflict).toBe(false);
    expect(agree.all).toHaveLength(2);

    const differ = makeCell([a, other])!;
    expect(differ.conflict).toBe(true);
    expect(differ.all.map((f) => f.value).sort()).toEqual([832, 848]);

    const qual = makeCell([a, bound])!;
    expect(qual.conflict).toBe(true);
    expect(qual.all).toHaveLength(2);
  });

  it('does not mutate its input', () => {
    const least = fig({ region: JS, year: 2019, value: 900, qualifier: 'at_least' });
    const exact = fig({ region: JS, year: 2019, value: 848 });
    const input = [least, exact];
    makeCell(input);
    expect(input).toEqual([least, exact]);
  });
});

describe('cellAt / yearsFor / nationalCell', () => {
  const idx = buildIndex([
    fig({ region: JS, year: 2021, value: 3 }),
    fig({ region: JS, year: 2015, value: 1 }),
    fig({ region: JS, year: 2018, value: 2 }),
    fig({ region: NATIONAL, year: 2018, value: 100 }),
  ]);
  it('cellAt returns null where there is no figure', () => {
    expect(cellAt(idx, 'm', JS, 2016)).toBeNull();
    expect(cellAt(idx, 'm', ZJ, 2018)).toBeNull();
    expect(cellAt(idx, 'zzz', JS, 2018)).toBeNull();
    expect(cellAt(idx, 'm', JS, 2018)?.primary.value).toBe(2);
  });
  it('yearsFor is ascending', () => {
    expect(yearsFor(idx, 'm', JS)).toEqual([2015, 2018, 2021]);
    expect(yearsFor(idx, 'm', ZJ)).toEqual([]);
  });
  it('nationalCell reads the CN row', () => {
    expect(nationalCell(idx, 'm', 2018)?.primary.value).toBe(100);
    expect(nationalCell(idx, 'm', 2019)).toBeNull();
  });
});

describe('rankValues', () => {
  it('competition ranking: 1, 2, 2, 4', () => {
    const r = rankValues([
      { region: 'c', value: 5 },
      { region: 'a', value: 10 },
      { region: 'b', value: 5 },
      { region: 'd', value: 1 },
    ]);
    expect(Object.fromEntries(r)).toEqual({ a: 1, b: 2, c: 2, d: 4 });
  });
  it('all tied share rank 1; the next distinct value skips', () => {
    const r = rankValues([
      { region: 'a', value: 3 },
      { region: 'b', value: 3 },
      { region: 'c', value: 3 },
      { region: 'd', value: 2 },
    ]);
    expect(Object.fromEntries(r)).toEqual({ a: 1, b: 1, c: 1, d: 4 });
  });
  it('empty in, empty out; zero ranks last', () => {
    expect(rankValues([]).size).toBe(0);
    expect(Object.fromEntries(rankValues([{ region: 'z', value: 0 }, { region: 'y', value: 7 }]))).toEqual({ y: 1, z: 2 });
  });
});

describe('provinceData', () => {
  const figures = [
    fig({ region: JS, year: 2015, value: 500 }),
    fig({ region: JS, year: 2019, value: 848, sourceId: 'prov' }),
    fig({ region: JS, year: 2019, value: 832, sourceId: 'torch' }),
    fig({ region: JS, year: 2022, value: 1000, qualifier: 'at_least' }),
    fig({ region: ZJ, year: 2019, value: 848 }),
    fig({ region: ZJ, year: 2020, value: 900 }),
    fig({ region: GD, year: 2019, value: 1000 }),
    fig({ region: BJ, year: 2017, value: 0 }),
    fig({ region: BJ, year: 2019, value: 100, qualifier: 'about' }),
    fig({ region: XZ, year: 2024, value: 3 }),
    fig({ region: NATIONAL, year: 2019, value: 5000 }),
    fig({ metric: 'other', region: GD, year: 2019, value: 1 }),
  ];
  const idx = buildIndex(figures);

  it('for a year: only provinces with a figure that year, never the national row, never zeros for missing', () => {
    const rows = provinceData(idx, 'm', 2019);
    expect(rows.map((r) => r.region).sort()).toEqual([BJ, JS, ZJ, GD].sort());
    expect(rows.every((r) => r.year === 2019)).toBe(true);
    expect(rows.find((r) => r.region === NATIONAL)).toBeUndefined();
    expect(rows.find((r) => r.region === XZ)).toBeUndefined();
    expect(rows.every((r) => r.ranked === 4)).toBe(true);
  });

  it('ranks by primary value with ties', () => {
    const m = byRegion(provinceData(idx, 'm', 2019));
    expect(m.get(GD)?.rank).toBe(1);
    expect(m.get(JS)?.rank).toBe(2); // primary 848 (first in file order)
    expect(m.get(ZJ)?.rank).toBe(2);
    expect(m.get(BJ)?.rank).toBe(4);
    expect(m.get(JS)?.cell.conflict).toBe(true);
    expect(m.get(JS)?.cell.all).toHaveLength(2);
  });

  it('a year without any figure yields an empty list', () => {
    expect(provinceData(idx, 'm', 2016)).toEqual([]);
    expect(provinceData(idx, 'unknown_metric', 2019)).toEqual([]);
  });

  it('latest: each province at its own latest year', () => {
    const m = byRegion(provinceData(idx, 'm', 'latest'));
    expect(m.get(JS)?.year).toBe(2022);
    expect(m.get(ZJ)?.year).toBe(2020);
    expect(m.get(GD)?.year).toBe(2019);
    expect(m.get(BJ)?.year).toBe(2019);
    expect(m.get(XZ)?.year).toBe(2024);
    expect(m.size).toBe(5);
    expect(m.get(NATIONAL)).toBeUndefined();
    expect([...m.values()].every((r) => r.ranked === 5)).toBe(true);
  });

  it('latest with maxYear: latest year no later than maxYear; provinces with only later data absent', () => {
    const m = byRegion(provinceData(idx, 'm', 'latest', 2019));
    expect(m.get(JS)?.year).toBe(2019);
    expect(m.get(ZJ)?.year).toBe(2019);
    expect(m.has(XZ)).toBe(false);
    expect(m.size).toBe(4);
    const early = byRegion(provinceData(idx, 'm', 'latest', 2016));
    expect([...early.keys()]).toEqual([JS]);
    expect(early.get(JS)?.year).toBe(2015);
  });

  it('change is against the previous year WITH data, skipping gap years', () => {
    const m = byRegion(provinceData(idx, 'm', 2019));
    const js = m.get(JS)!;
    expect(js.change).not.toBeNull();
    expect(js.change?.fromYear).toBe(2015);
    expect(js.change?.delta).toBe(848 - 500);
    expect(js.change?.ratio).toBeCloseTo(348 / 500);
    expect(js.change?.indicative).toBe(false);
    expect(js.change?.from.value).toBe(500);
  });

  it('first year with data has no change', () => {
    const m = byRegion(provinceData(idx, 'm', 2019));
    expect(m.get(GD)?.change).toBeNull();
    expect(byRegion(provinceData(idx, 'm', 2015)).get(JS)?.change).toBeNull();
  });

  it('change is indicative when the current or previous figure is a bound or approximate', () => {
    const latest = byRegion(provinceData(idx, 'm', 'latest'));
    const js = latest.get(JS)!; // 2022 at_least 1000 vs 2019 exact 848
    expect(js.change?.fromYear).toBe(2019);
    expect(js.change?.delta).toBe(152);
    expect(js.change?.indicative).toBe(true);
    const zj = latest.get(ZJ)!; // 2020 exact 900 vs 2019 exact 848
    expect(zj.change?.indicative).toBe(false);
    expect(zj.change?.delta).toBe(52);

    const idx2 = buildIndex([fig({ region: JS, year: 2018, value: 10, qualifier: 'about' }), fig({ region: JS, year: 2019, value: 12 })]);
    expect(provinceData(idx2, 'm', 2019)[0]?.change?.indicative).toBe(true);
  });

  it('ratio is null when the previous value is 0', () => {
    const bj = byRegion(provinceData(idx, 'm', 2019)).get(BJ)!;
    expect(bj.change?.fromYear).toBe(2017);
    expect(bj.change?.delta).toBe(100);
    expect(bj.change?.ratio).toBeNull();
  });

  it('change uses the previous year’s primary figure', () => {
    const idx3 = buildIndex([
      fig({ region: GD, year: 2018, value: 50, qualifier: 'at_least' }),
      fig({ region: GD, year: 2018, value: 40 }),
      fig({ region: GD, year: 2019, value: 45 }),
    ]);
    const ch = provinceData(idx3, 'm', 2019)[0]?.change;
    expect(ch?.from.value).toBe(40);
    expect(ch?.delta).toBe(5);
    expect(ch?.indicative).toBe(false);
  });
});

describe('coverage / mapYears', () => {
  it('counts provinces per year, excluding the national row', () => {
    const idx = buildIndex([
      fig({ region: JS, year: 2019, value: 1 }),
      fig({ region: JS, year: 2019, value: 2 }),
      fig({ region: ZJ, year: 2019, value: 1 }),
      fig({ region: ZJ, year: 2021, value: 1 }),
      fig({ region: GD, year: 2017, value: 1 }),
      fig({ region: NATIONAL, year: 2015, value: 1 }),
      fig({ region: NATIONAL, year: 2019, value: 1 }),
    ]);
    const c = coverage(idx, 'm');
    expect(c.metric).toBe('m');
    expect(c.provinceYears).toEqual([2017, 2019, 2021]);
    expect(c.nationalYears).toEqual([2015, 2019]);
    expect(Object.fromEntries(c.provincesPerYear)).toEqual({ 2017: 1, 2019: 2, 2021: 1 });
    expect(c.provincesAnyYear).toBe(3);
    expect(c.maxProvincesInOneYear).toBe(2);
    expect(mapYears(c)).toEqual([2017, 2019, 2021]);
  });

  it('national-only metric: map offers the national years', () => {
    const c = coverage(buildIndex([fig({ region: NATIONAL, year: 2016, value: 1 }), fig({ region: NATIONAL, year: 2014, value: 1 })]), 'm');
    expect(c.provinceYears).toEqual([]);
    expect(c.provincesAnyYear).toBe(0);
    expect(c.maxProvincesInOneYear).toBe(0);
    expect(mapYears(c)).toEqual([2014, 2016]);
  });

  it('unknown metric: empty coverage', () => {
    const c = coverage(buildIndex([]), 'zzz');
    expect(c).toMatchObject({ provinceYears: [], nationalYears: [], provincesAnyYear: 0, maxProvincesInOneYear: 0 });
    expect(mapYears(c)).toEqual([]);
  });
});

describe('stepYear', () => {
  const years = [2015, 2017, 2019];
  it('steps to the neighbouring offered year', () => {
    expect(stepYear(years, 2017, 1)).toBe(2019);
    expect(stepYear(years, 2017, -1)).toBe(2015);
  });
  it('is undefined past either end', () => {
    expect(stepYear(years, 2019, 1)).toBeUndefined();
    expect(stepYear(years, 2015, -1)).toBeUndefined();
  });
  it('from latest: back goes to the last year, forward goes nowhere', () => {
    expect(stepYear(years, 'latest', -1)).toBe(2019);
    expect(stepYear(years, 'latest', 1)).toBeUndefined();
  });
  it('from a year that is not offered: the nearest offered year in that direction', () => {
    expect(stepYear(years, 2016, 1)).toBe(2017);
    expect(stepYear(years, 2016, -1)).toBe(2015);
    expect(stepYear(years, 2010, 1)).toBe(2015);
    expect(stepYear(years, 2010, -1)).toBeUndefined();
    expect(stepYear(years, 2030, -1)).toBe(2019);
    expect(stepYear(years, 2030, 1)).toBeUndefined();
  });
  it('no years: undefined', () => {
    expect(stepYear([], 2019, 1)).toBeUndefined();
    expect(stepYear([], 'latest', -1)).toBeUndefined();
  });
  it('a single year', () => {
    expect(stepYear([2020], 2020, 1)).toBeUndefined();
    expect(stepYear([2020], 2020, -1)).toBeUndefined();
    expect(stepYear([2020], 'latest', -1)).toBe(2020);
  });
});

describe('latestNational', () => {
  const idx = buildIndex([
    fig({ region: NATIONAL, year: 2016, value: 400, qualifier: 'at_least' }),
    fig({ region: NATIONAL, year: 2020, value: 900 }),
    fig({ region: JS, year: 2023, value: 1 }),
  ]);
  it('returns the latest national figure with its year', () => {
    const r = latestNational(idx, 'm');
    expect(r?.year).toBe(2020);
    expect(r?.cell.primary.value).toBe(900);
  });
  it('respects maxYear', () => {
    expect(latestNational(idx, 'm', 2019)?.year).toBe(2016);
    expect(latestNational(idx, 'm', 2020)?.year).toBe(2020);
    expect(latestNational(idx, 'm', 2015)).toBeNull();
  });
  it('ignores provincial rows; null when no national figure', () => {
    expect(latestNational(buildIndex([fig({ region: JS, year: 2023, value: 1 })]), 'm')).toBeNull();
    expect(latestNational(idx, 'other')).toBeNull();
  });
});

describe('sourceIdsOf', () => {
  it('collects source ids of all figures of all cells, de-duplicated, first-seen order, skipping null cells', () => {
    const c1 = makeCell([fig({ region: JS, year: 2019, value: 1, sourceId: 'a' }), fig({ region: JS, year: 2019, value: 2, sourceId: 'b' })]);
    const c2 = makeCell([fig({ region: ZJ, year: 2019, value: 1, sourceId: 'b' }), fig({ region: ZJ, year: 2019, value: 1, sourceId: 'c' })]);
    const c3 = makeCell([fig({ region: GD, year: 2019, value: 1, sourceId: 'a' })]);
    expect(sourceIdsOf([c1, null, c2, undefined, c3])).toEqual(['a', 'b', 'c']);
    expect(sourceIdsOf([])).toEqual([]);
  });
});
