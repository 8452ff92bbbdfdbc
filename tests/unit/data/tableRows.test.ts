import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../src/data/query';
import { NATIONAL, REGIONS } from '../../../src/data/regions';
import { buildTableRows, defaultDir, metricYears, sortRows, sortValue, tableSummary, type TableRow } from '../../../src/data/tableRows';
import { fig, metric, source, sourceMap } from '../helpers';

const JS = '320000';
const ZJ = '330000';
const GD = '440000';
const BJ = '110000';
const XZ = '540000';

const M = metric({ id: 'm', unit: { zh: '家', en: 'incubators' } });
const SOURCES = sourceMap(
  source({ id: 's1', url: 'https://a.example/1', publisher: 'Alpha', quote: '江苏省848家' }),
  source({ id: 's2', citation: 'Torch report 2020', quote: '江苏832家' }),
  source({ id: 's3', url: 'https://c.example', publisher: 'Charlie' }),
);

const figures = [
  fig({ id: 'js848', region: JS, year: 2019, value: 848, sourceId: 's1', note: 'provincial' }),
  fig({ id: 'js832', region: JS, year: 2019, value: 832, sourceId: 's2' }),
  fig({ id: 'zj', region: ZJ, year: 2019, value: 500, sourceId: 's3', qualifier: 'at_least', asOf: '2019-06' }),
  fig({ id: 'gd1', region: GD, year: 2019, value: 1013, sourceId: 's1' }),
  fig({ id: 'gd2', region: GD, year: 2019, value: 1013, sourceId: 's3' }),
  fig({ id: 'bj2017', region: BJ, year: 2017, value: 300, sourceId: 's3' }),
  fig({ id: 'zj2021', region: ZJ, year: 2021, value: 600, sourceId: 's3', unit: '社/家' }),
  fig({ id: 'cn2019', region: NATIONAL, year: 2019, value: 5206, sourceId: 's3' }),
  fig({ id: 'cn2017', region: NATIONAL, year: 2017, value: 4000, sourceId: 's3' }),
  fig({ id: 'future', region: XZ, year: 2099, value: 1, sourceId: 's3' }),
];
const idx = buildIndex(figures);
const ids = (rows: TableRow[]) => rows.map((r) => r.key);

describe('buildTableRows for one year', () => {
  const d = buildTableRows(idx, M, 2019, SOURCES);

  it('keeps every figure, conflicting ones as adjacent rows of one group, flagged', () => {
    expect(ids(d.provinces)).toEqual(['js848', 'js832', 'zj', 'gd1', 'gd2']);
    const js = d.provinces.filter((r) => r.region === JS);
    expect(js.map((r) => r.figure?.value)).toEqual([848, 832]);
    expect(js.every((r) => r.conflict && r.groupSize === 2 && r.group === `${JS}|2019`)).toBe(true);
    expect(js.map((r) => r.primary)).toEqual([true, false]);
    expect(js[1]!.source?.citation).toBe('Torch report 2020');
  });

  it('agreeing sources are grouped but not flagged', () => {
    const gd = d.provinces.filter((r) => r.region === GD);
    expect(gd).toHaveLength(2);
    expect(gd.every((r) => !r.conflict && r.groupSize === 2)).toBe(true);
  });

  it('ranks come from provinceData (by the primary figure), the same on every row of a group', () => {
    const rank = new Map(d.provinces.map((r) => [r.key, r.rank]));
    expect(rank.get('gd1')).toBe(1);
    expect(rank.get('gd2')).toBe(1);
    expect(rank.get('js848')).toBe(2);
    expect(rank.get('js832')).toBe(2);
    expect(rank.get('zj')).toBe(3);
    expect(d.provinces.every((r) => r.ranked === 3)).toBe(true);
  });

  it('the national figure is its own row, unranked', () => {
    expect(ids(d.national)).toEqual(['cn2019']);
    expect(d.national[0]!.rank).toBeNull();
  });

  it('provinces without a figure are listed separately with no figure — never 0', () => {
    expect(d.noData).toHaveLength(REGIONS.length - 3);
    expect(d.noData.map((r) => r.region)).toContain(BJ);
    for (const r of d.noData) {
      expect(r.figure).toBeNull();
      expect(r.rank).toBeNull();
      expect(r.year).toBe(2019);
    }
    expect(d.provinces.some((r) => r.figure?.value === 0)).toBe(false);
  });

  it('a year without figures lists every province as no data', () => {
    const e = buildTableRows(idx, M, 2015, SOURCES);
    expect(e.provinces).toEqual([]);
    expect(e.national).toEqual([]);
    expect(e.noData).toHaveLength(REGIONS.length);
  });

  it('records the source unit only where it differs from the metric unit', () => {
    const all = buildTableRows(idx, M, 'all', SOURCES, 2030);
    expect(all.provinces.find((r) => r.key === 'zj2021')?.sourceUnit).toBe('社/家');
    expect(all.provinces.find((r) => r.key === 'zj')?.sourceUnit).toBeNull();
  });
});

describe('buildTableRows, latest', () => {
  const d = buildTableRows(idx, M, 'latest', SOURCES, 2030);

  it('takes each province at its own latest year, not later than maxYear', () => {
    const year = new Map(d.provinces.map((r) => [r.key, r.year]));
    expect(year.get('zj2021')).toBe(2021);
    expect(year.get('bj2017')).toBe(2017);
    expect(year.get('js848')).toBe(2019);
    expect(d.provinces.some((r) => r.key === 'zj')).toBe(false); // superseded by 2021
    expect(d.provinces.some((r) => r.key === 'future')).toBe(false); // 2099 > maxYear
    expect(d.noData.map((r) => r.region)).toContain(XZ);
    expect(d.noData.every((r) => r.year === null)).toBe(true);
  });

  it('ranks across the latest figures; national is the latest national figure', () => {
    const rank = new Map(d.provinces.map((r) => [r.key, r.rank]));
    expect(rank.get('gd1')).toBe(1);
    expect(rank.get('js848')).toBe(2);
    expect(rank.get('zj2021')).toBe(3);
    expect(rank.get('bj2017')).toBe(4);
    expect(ids(d.national)).toEqual(['cn2019']);
  });
});

describe('buildTableRows, all years', () => {
  const d = buildTableRows(idx, M, 'all', SOURCES, 2030);

  it('lists every figure of the metric across years, ranked per year', () => {
    expect(ids(d.national)).toEqual(['cn2017', 'cn2019']);
    expect(new Set(ids(d.provinces))).toEqual(new Set(['js848', 'js832', 'zj', 'gd1', 'gd2', 'bj2017', 'zj2021']));
    const rank = new Map(d.provinces.map((r) => [r.key, r.rank]));
    expect(rank.get('bj2017')).toBe(1); // alone in 2017
    expect(rank.get('zj2021')).toBe(1); // alone in 2021
    expect(rank.get('zj')).toBe(3); // third in 2019
    // one region's years are adjacent, ascending
    const zj = ids(d.provinces).filter((k) => k.startsWith('zj'));
    expect(zj).toEqual(['zj', 'zj2021']);
    expect(d.noData.map((r) => r.region)).not.toContain(BJ);
  });

  it('metricYears lists the years with any figure, bounded', () => {
    expect(metricYears(idx, 'm', 2030)).toEqual([2017, 2019, 2021]);
    expect(metricYears(idx, 'm')).toEqual([2017, 2019, 2021, 2099]);
  });

  it('summary counts provinces, no-data provinces, conflicting groups and figures', () => {
    expect(tableSummary(d)).toEqual({ provinces: 4, noData: REGIONS.length - 4, conflicts: 1, figures: 9 });
  });
});

describe('sortRows', () => {
  const d = buildTableRows(idx, M, 'latest', SOURCES, 2030);
  const rows = d.provinces;

  it('sorts numerically by value, keeping a conflict group together with its primary first', () => {
    expect(ids(sortRows(rows, 'value', 'desc', 'zh', M))).toEqual(['gd1', 'gd2', 'js848', 'js832', 'zj2021', 'bj2017']);
    expect(ids(sortRows(rows, 'value', 'asc', 'zh', M))).toEqual(['bj2017', 'zj2021', 'js848', 'js832', 'gd1', 'gd2']);
  });

  it('numeric, not lexical: 1013 > 848 > 600', () => {
    const v = sortRows(rows, 'value', 'desc', 'en', M).map((r) => r.figure!.value);
    expect(v).toEqual([1013, 1013, 848, 832, 600, 300]);
  });

  it('sorts by year and rank numerically', () => {
    expect(sortRows(rows, 'year', 'asc', 'zh', M).map((r) => r.year)).toEqual([2017, 2019, 2019, 2019, 2019, 2021]);
    expect(sortRows(rows, 'rank', 'asc', 'zh', M).map((r) => r.rank)).toEqual([1, 1, 2, 2, 3, 4]);
    expect(sortRows(rows, 'rank', 'desc', 'zh', M).map((r) => r.rank)).toEqual([4, 3, 2, 2, 1, 1]);
  });

  it('puts missing values last in both directions', () => {
    const asc = sortRows(rows, 'asOf', 'asc', 'zh', M);
    const desc = sortRows(rows, 'asOf', 'desc', 'zh', M);
    // only the Zhejiang 2019 figure has as_of, and it is not in latest; use all years
    const all = buildTableRows(idx, M, 'all', SOURCES, 2030).provinces;
    expect(sortRows(all, 'asOf', 'asc', 'zh', M)[0]!.key).toBe('zj');
    expect(sortRows(all, 'asOf', 'desc', 'zh', M)[0]!.key).toBe('zj');
    expect(asc.map((r) => r.key)).toEqual(desc.map((r) => r.key)); // all missing: stable
    // notes: only js848 has one
    expect(sortRows(rows, 'note', 'asc', 'zh', M)[0]!.key).toBe('js848');
    expect(sortRows(rows, 'note', 'desc', 'zh', M)[0]!.key).toBe('js848');
    // rank is missing for national rows
    const mixed = [...d.national, ...rows];
    expect(sortRows(mixed, 'rank', 'asc', 'zh', M).at(-1)!.region).toBe(NATIONAL);
    expect(sortRows(mixed, 'rank', 'desc', 'zh', M).at(-1)!.region).toBe(NATIONAL);
    // no-data rows have no value
    const withNoData = [...d.noData.slice(0, 2), ...rows];
    expect(sortRows(withNoData, 'value', 'desc', 'zh', M).slice(-2).every((r) => r.figure === null)).toBe(true);
    expect(sortRows(withNoData, 'value', 'asc', 'zh', M).slice(-2).every((r) => r.figure === null)).toBe(true);
  });

  it('sorts regions by their localized names', () => {
    const en = sortRows(rows, 'region', 'asc', 'en', M).map((r) => r.region);
    expect([...new Set(en)]).toEqual([BJ, GD, JS, ZJ]); // Beijing, Guangdong, Jiangsu, Zhejiang
  });

  it('sorts sources by their shown name; qualifier by precision', () => {
    const s = sortRows(rows, 'source', 'asc', 'en', M);
    expect(s[0]!.source?.publisher).toBe('Alpha');
    const all = buildTableRows(idx, M, 2019, SOURCES).provinces;
    expect(sortRows(all, 'qualifier', 'desc', 'zh', M)[0]!.key).toBe('zj'); // at_least
  });

  it('sortValue and defaultDir', () => {
    const js = rows.find((r) => r.key === 'js832')!;
    expect(sortValue(js, 'value', 'zh', M)).toBe(832);
    expect(sortValue(js, 'region', 'zh', M)).toBe('江苏');
    expect(sortValue(js, 'source', 'zh', M)).toBe('Torch report 2020');
    expect(sortValue(d.noData[0]!, 'value', 'zh', M)).toBeNull();
    expect(defaultDir('value')).toBe('desc');
    expect(defaultDir('region')).toBe('asc');
    expect(defaultDir('rank')).toBe('asc');
  });
});
