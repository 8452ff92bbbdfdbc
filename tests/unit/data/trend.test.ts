import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../src/data/query';
import { NATIONAL, REGIONS } from '../../../src/data/regions';
import {
  buildTrend,
  effectiveRegions,
  filterRegions,
  needsNationalAxis,
  regionYearCounts,
  topRegions,
  yearSpan,
  type TrendData,
  type TrendSeries,
} from '../../../src/data/trend';
import type { Figure } from '../../../src/data/types';
import { fig } from '../helpers';

const JS = '320000';
const HN = '430000';
const HB = '420000';
const GD = '440000';
const QH = '630000';
const M = 'm';

const FIGS: Figure[] = [
  // national: 2015 is a lower bound, 2017 missing
  fig({ region: NATIONAL, year: 2015, value: 1000, qualifier: 'at_least' }),
  fig({ region: NATIONAL, year: 2016, value: 1200 }),
  fig({ region: NATIONAL, year: 2018, value: 1500 }),
  fig({ region: NATIONAL, year: 2019, value: 1600 }),
  // Jiangsu: 2017 missing; 2019 two disagreeing sources; 2020 approximate
  fig({ region: JS, year: 2016, value: 100, asOf: '2016-03' }),
  fig({ region: JS, year: 2018, value: 150 }),
  fig({ region: JS, year: 2019, value: 180, sourceId: 'a' }),
  fig({ region: JS, year: 2019, value: 176, sourceId: 'b' }),
  fig({ region: JS, year: 2020, value: 200, qualifier: 'about' }),
  // Hunan: a lone figure between gaps
  fig({ region: HN, year: 2018, value: 20 }),
  // Guangdong: two consecutive years, a zero base
  fig({ region: GD, year: 2015, value: 0 }),
  fig({ region: GD, year: 2016, value: 50 }),
  fig({ region: QH, year: 2016, value: 5 }),
  fig({ region: QH, year: 2017, value: 6 }),
  fig({ region: QH, year: 2018, value: 7 }),
];
const IDX = buildIndex(FIGS);

function series(d: TrendData, region: string): TrendSeries {
  const s = d.series.find((x) => x.region === region);
  if (!s) throw new Error(`no series ${region}`);
  return s;
}
function valuesOf(d: TrendData, region: string): (number | null)[] {
  return series(d, region).points.map((p) => (p.value === null ? null : Number(p.value.toFixed(4))));
}

describe('yearSpan', () => {
  it('lists every year from the first to the last, gaps included', () => {
    expect(yearSpan([2019, 2015, 2017])).toEqual([2015, 2016, 2017, 2018, 2019]);
    expect(yearSpan([])).toEqual([]);
  });
});

describe('buildTrend · abs', () => {
  const d = buildTrend(IDX, { metric: M, regions: [JS, HN], mode: 'abs', includeNational: true });

  it('draws the national series first, then the provinces in the order chosen', () => {
    expect(d.series.map((s) => s.region)).toEqual([NATIONAL, JS, HN]);
    expect(series(d, NATIONAL).national).toBe(true);
  });

  it('runs the x axis over every year from the first to the last figure', () => {
    expect(d.years).toEqual([2015, 2016, 2017, 2018, 2019, 2020]);
    for (const s of d.series) expect(s.points.map((p) => p.year)).toEqual(d.years);
  });

  it('leaves years without a figure as null gaps — never 0, never interpolated', () => {
    expect(valuesOf(d, NATIONAL)).toEqual([1000, 1200, null, 1500, 1600, null]);
    expect(valuesOf(d, JS)).toEqual([null, 100, null, 150, 180, 200]);
    const js2017 = series(d, JS).points[2]!;
    expect(js2017.value).toBeNull();
    expect(js2017.cell).toBeNull();
    expect(js2017.missing).toBe('noFigure');
  });

  it('marks a point standing alone between gaps as isolated', () => {
    const hn = series(d, HN).points;
    expect(hn.map((p) => p.value)).toEqual([null, null, null, 20, null, null]);
    expect(hn[3]!.isolated).toBe(true);
    // Jiangsu 2016 stands between two gaps too; 2018 has a neighbour
    expect(series(d, JS).points[1]!.isolated).toBe(true);
    expect(series(d, JS).points[3]!.isolated).toBe(false);
  });

  it('keeps qualifiers and flags the bound/approximate points', () => {
    const nat = series(d, NATIONAL).points[0]!;
    expect(nat.qualifier).toBe('at_least');
    expect(nat.indicative).toBe(true);
    const js2020 = series(d, JS).points[5]!;
    expect(js2020.qualifier).toBe('about');
    expect(series(d, JS).points[3]!.qualifier).toBe('exact');
  });

  it('flags conflicting sources and keeps every figure of the cell', () => {
    const p = series(d, JS).points[4]!;
    expect(p.conflict).toBe(true);
    expect(p.cell!.all.map((f) => f.value).sort()).toEqual([176, 180]);
    expect(p.value).toBe(p.cell!.primary.value);
    expect(series(d, JS).points[3]!.conflict).toBe(false);
  });

  it('collects the cells behind drawn points (for the source line)', () => {
    const sources = new Set(d.cells.flatMap((c) => c.all.map((f) => f.sourceId)));
    expect(sources).toEqual(new Set(['s1', 'a', 'b']));
    expect(d.cells.length).toBe(4 + 4 + 1);
  });

  it('omits the national series when asked, or when the metric has no national figure', () => {
    expect(buildTrend(IDX, { metric: M, regions: [JS], mode: 'abs', includeNational: false }).series.map((s) => s.region)).toEqual([JS]);
    const noNat = buildIndex([fig({ region: JS, year: 2020, value: 1 })]);
    expect(buildTrend(noNat, { metric: M, regions: [JS], mode: 'abs', includeNational: true }).series.map((s) => s.region)).toEqual([JS]);
  });

  it('keeps a chosen province without data as an empty series, and an empty axis when nothing is drawn', () => {
    const d2 = buildTrend(IDX, { metric: M, regions: [HB], mode: 'abs', includeNational: false });
    expect(d2.years).toEqual([]);
    expect(d2.series[0]!.drawn).toBe(0);
  });
});

describe('buildTrend · yoy', () => {
  const d = buildTrend(IDX, { metric: M, regions: [JS, QH, GD], mode: 'yoy', includeNational: true });

  it('computes the change only between consecutive calendar years that both have a figure', () => {
    // Jiangsu: 2016→2018 skips 2017: no change for 2018; 2018→2019 and 2019→2020 exist
    const js = series(d, JS).points;
    const at = (y: number) => js.find((p) => p.year === y)!;
    expect(at(2018).value).toBeNull();
    expect(at(2018).missing).toBe('noPrevYear');
    expect(at(2019).value).toBeCloseTo(20, 6); // 150 → 180 (primary is the first, exact)
    expect(at(2020).value).toBeCloseTo(((200 - 180) / 180) * 100, 6);
    expect(at(2017).missing).toBe('noFigure');
  });

  it('runs the axis over the years with a computed change only', () => {
    // national 2016 (vs 2015), 2019 (vs 2018); Jiangsu 2019, 2020; Qinghai 2017, 2018; Guangdong 2016 has a 0 base
    expect(d.years).toEqual([2016, 2017, 2018, 2019, 2020]);
  });

  it('flags changes involving a bound or approximate figure as indicative', () => {
    const nat = series(d, NATIONAL).points.find((p) => p.year === 2016)!;
    expect(nat.value).toBeCloseTo(20, 6);
    expect(nat.indicative).toBe(true); // 2015 is "≥ 1000"
    const js2020 = series(d, JS).points.find((p) => p.year === 2020)!;
    expect(js2020.indicative).toBe(true); // 2020 is "≈ 200"
    const qh = series(d, QH).points.find((p) => p.year === 2017)!;
    expect(qh.indicative).toBe(false);
  });

  it('flags a change as conflicting when either year has disagreeing sources', () => {
    const js = series(d, JS).points;
    expect(js.find((p) => p.year === 2019)!.conflict).toBe(true); // this year disagrees
    expect(js.find((p) => p.year === 2020)!.conflict).toBe(true); // the base year disagrees
    expect(js.find((p) => p.year === 2020)!.base!.primary.year).toBe(2019);
  });

  it('gives no percentage on a zero base', () => {
    const gd = series(d, GD).points.find((p) => p.year === 2016)!;
    expect(gd.value).toBeNull();
    expect(gd.missing).toBe('zeroBase');
  });
});

describe('buildTrend · share', () => {
  const d = buildTrend(IDX, { metric: M, regions: [JS, QH], mode: 'share', includeNational: true });

  it('never draws the national series', () => {
    expect(d.series.map((s) => s.region)).toEqual([JS, QH]);
  });

  it('divides by the national figure of the same year, only where both exist', () => {
    const js = series(d, JS).points;
    const at = (y: number) => js.find((p) => p.year === y);
    expect(at(2016)!.value).toBeCloseTo((100 / 1200) * 100, 6);
    expect(at(2018)!.value).toBeCloseTo(10, 6);
    expect(at(2019)!.value).toBeCloseTo((180 / 1600) * 100, 6);
    // 2020: Jiangsu has a figure, the country does not
    expect(at(2020)).toBeUndefined(); // not even on the axis: nothing drawn there
    const qh2017 = series(d, QH).points.find((p) => p.year === 2017)!;
    expect(qh2017.value).toBeNull();
    expect(qh2017.missing).toBe('noNational');
    expect(d.years).toEqual([2016, 2017, 2018, 2019]);
  });

  it('flags shares involving a bound or approximation as indicative', () => {
    const d2 = buildTrend(IDX, { metric: M, regions: [GD], mode: 'share', includeNational: true });
    const gd2015 = series(d2, GD).points.find((p) => p.year === 2015)!;
    expect(gd2015.value).toBe(0); // a real 0 figure is drawn as 0
    expect(gd2015.indicative).toBe(true); // national 2015 is a lower bound
    expect(series(d2, GD).points.find((p) => p.year === 2016)!.indicative).toBe(false);
  });

  it('includes the national cells in the cells behind the drawing', () => {
    expect(d.cells.some((c) => c.primary.region === NATIONAL)).toBe(true);
  });
});

describe('defaults and quick picks', () => {
  it('counts years of data per province', () => {
    const c = regionYearCounts(IDX, M);
    expect(c.get(JS)).toBe(4);
    expect(c.get(HN)).toBe(1);
    expect(c.has(HB)).toBe(false);
    expect(c.has(NATIONAL)).toBe(false);
  });

  it('picks the provinces with most years of data, ties to the more recent', () => {
    expect(topRegions(IDX, M, 3)).toEqual([JS, QH, GD]);
    expect(topRegions(IDX, M, 2, [JS])).toEqual([QH, GD]);
    expect(topRegions(IDX, M, 10).length).toBe(4);
  });

  it('uses the default only when nothing is chosen', () => {
    expect(effectiveRegions(IDX, M, [])).toEqual({ regions: [JS, QH, GD], isDefault: true });
    expect(effectiveRegions(IDX, M, [HB])).toEqual({ regions: [HB], isDefault: false });
  });
});

describe('needsNationalAxis', () => {
  it('puts the national line on its own axis only when it is ten times the provinces or more (abs mode)', () => {
    expect(needsNationalAxis(buildTrend(IDX, { metric: M, regions: [JS], mode: 'abs', includeNational: true }))).toBe(false);
    expect(needsNationalAxis(buildTrend(IDX, { metric: M, regions: [QH], mode: 'abs', includeNational: true }))).toBe(true);
    expect(needsNationalAxis(buildTrend(IDX, { metric: M, regions: [QH], mode: 'yoy', includeNational: true }))).toBe(false);
    expect(needsNationalAxis(buildTrend(IDX, { metric: M, regions: [], mode: 'abs', includeNational: true }))).toBe(false);
  });
});

describe('filterRegions', () => {
  const counts = new Map([[JS, 4], [HN, 1]]);
  const codes = (q: string) => filterRegions(q, counts).map((o) => o.region.code);

  it('lists all 34 with most data first when nothing is typed', () => {
    const all = codes('');
    expect(all.length).toBe(REGIONS.length);
    expect(all.slice(0, 2)).toEqual([JS, HN]);
  });

  it('finds by English, pinyin, Chinese, full name and alias, case and spaces ignored', () => {
    expect(codes('Hubei')[0]).toBe(HB);
    expect(codes('hubei')).toEqual([HB]);
    expect(codes('湖')).toEqual([HN, HB]); // both match; Hunan has data, so it comes first
    expect(codes('广东省')[0]).toBe(GD);
    expect(codes('nei menggu')[0]).toBe('150000');
    expect(codes('xizang')[0]).toBe('540000');
    expect(codes('Canton')[0]).toBe(GD);
    expect(codes('苏')[0]).toBe(JS);
  });

  it('ranks an exact spelling before prefixes and substrings', () => {
    const r = codes('shanxi');
    expect(r[0]).toBe('140000');
    expect(codes('jiang')).toEqual(expect.arrayContaining([JS, '330000', '360000', '230000']));
    expect(codes('jiang')[0]).toBe(JS); // prefix match with data
  });

  it('reports the years of data with each option', () => {
    const o = filterRegions('Jiangsu', counts)[0]!;
    expect(o.years).toBe(4);
    expect(filterRegions('Hubei', counts)[0]!.years).toBe(0);
  });

  it('does not match inside long alias forms, only names and word starts', () => {
    const hu = codes('hu');
    expect(hu.slice(0, 2)).toEqual([HN, HB]);
    expect(hu).toContain('340000'); // Anhui: inside the name
    expect(hu).toContain('640000'); // Ningxia Hui …: a word start
    expect(hu).not.toContain('650000'); // "Uyghur" is inside a word of an alias
  });

  it('returns nothing for text that matches no province', () => {
    expect(codes('Atlantis')).toEqual([]);
  });
});
