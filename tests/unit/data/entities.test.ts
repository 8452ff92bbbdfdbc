import { describe, expect, it } from 'vitest';
import {
  entityRegions,
  entityYears,
  filterEntities,
  isRanked,
  kindCounts,
  parseRank,
  rankedGroups,
  rankingYears,
  sortEntities,
} from '../../../src/data/entities';
import type { Entity } from '../../../src/data/types';

let seq = 0;
function ent(p: Partial<Entity> & { kind: string; name: string }): Entity {
  seq++;
  return { id: p.id ?? `e${seq}`, kind: p.kind, name: p.name, region: p.region ?? '', city: p.city ?? '', year: p.year === undefined ? null : p.year,
    rank: p.rank ?? '', score: p.score ?? '', note: p.note ?? '', sourceId: p.sourceId ?? 's1' };
}

const NOTE24 = '2024 竞争力报告综合评价排名前十';
const LIST: Entity[] = [
  ent({ kind: 'university_science_park', name: '清华大学科技园', year: 2001 }),
  ent({ kind: 'returnee_park_base', name: '苏州留学人员创业园', region: '320000', city: '苏州', year: 2023, rank: '2', note: NOTE24 }),
  ent({ kind: 'returnee_park_base', name: '上海漕河泾留学人员创业园', region: '310000', city: '上海', year: 2023, rank: '1', note: NOTE24 }),
  ent({ kind: 'returnee_park_base', name: '无锡留学人员创业园', region: '320000', city: '无锡', year: 2023, rank: '10', note: NOTE24 }),
  ent({ kind: 'returnee_park_base', name: '上海张江留学人员创业园', region: '310000', year: 2020, rank: '1', note: 'rank in the 2020 ranking' }),
  ent({ kind: 'returnee_park_base', name: '北航留学人员创业园', year: 2020, rank: '6', note: 'rank in the 2020 ranking' }),
  ent({ kind: 'returnee_park_base', name: '常熟留学人员创业园', region: '320000', city: '常熟' }),
  ent({ kind: 'national_incubator', name: '武汉三新材料孵化器', region: '420000', city: '武汉', year: 2022, score: '优秀 (A)' }),
  ent({ kind: 'national_incubator', name: '中山张企科技企业孵化器', region: '440000', city: '中山', year: 2022, score: 'A' }),
  ent({ kind: 'national_incubator', name: '大唐盛视孵化器', region: '440000', city: '中山', year: 2022, score: 'B' }),
  ent({ kind: 'home_program_base', name: '浙江清华长三角研究院离岸基地', region: '330000', rank: '2', score: '优秀' }),
  ent({ kind: 'mystery_kind', name: '<img src=x onerror=alert(1)>', region: '330000', year: 2019 }),
];

describe('parseRank / isRanked', () => {
  it('accepts positive whole numbers only', () => {
    expect(parseRank('1')).toBe(1);
    expect(parseRank(' 10 ')).toBe(10);
    for (const s of ['', '0', 'A', '优秀', '2.5', '-1', '第1']) expect(parseRank(s)).toBeNull();
    expect(isRanked(LIST[1]!)).toBe(true);
    expect(isRanked(LIST[7]!)).toBe(false);
  });
});

describe('filterEntities', () => {
  it('filters by kind, province and year, each optional', () => {
    expect(filterEntities(LIST, { kind: 'returnee_park_base', region: null, year: null })).toHaveLength(6);
    expect(filterEntities(LIST, { kind: 'returnee_park_base', region: '320000', year: null }).map((e) => e.name)).toEqual([
      '苏州留学人员创业园', '无锡留学人员创业园', '常熟留学人员创业园',
    ]);
    expect(filterEntities(LIST, { kind: 'returnee_park_base', region: '320000', year: 2023 })).toHaveLength(2);
    expect(filterEntities(LIST, { kind: null, region: null, year: 2022 })).toHaveLength(3);
    expect(filterEntities(LIST, { kind: null, region: null, year: null })).toHaveLength(LIST.length);
  });
  it("year 'unknown' selects entities without a year; an unknown province never matches a province", () => {
    expect(filterEntities(LIST, { kind: null, region: null, year: 'unknown' }).map((e) => e.name)).toEqual(['常熟留学人员创业园', '浙江清华长三角研究院离岸基地']);
    expect(filterEntities(LIST, { kind: null, region: '110000', year: null })).toEqual([]);
  });
});

describe('kindCounts', () => {
  it('counts per kind in display order, unknown kinds last, with how many are ranked', () => {
    expect(kindCounts(LIST)).toEqual([
      { kind: 'returnee_park_base', count: 6, ranked: 5 },
      { kind: 'national_incubator', count: 3, ranked: 0 },
      { kind: 'university_science_park', count: 1, ranked: 0 },
      { kind: 'home_program_base', count: 1, ranked: 1 },
      { kind: 'mystery_kind', count: 1, ranked: 0 },
    ]);
  });
});

describe('years and provinces available', () => {
  it('entityYears: newest first, and whether some have no year', () => {
    expect(entityYears(LIST)).toEqual({ years: [2023, 2022, 2020, 2019, 2001], unknown: true });
    expect(entityYears(LIST.slice(0, 2))).toEqual({ years: [2023, 2001], unknown: false });
  });
  it('rankingYears: only years with a rank', () => {
    expect(rankingYears(LIST)).toEqual([2023, 2020]);
    expect(rankingYears(filterEntities(LIST, { kind: 'national_incubator', region: null, year: null }))).toEqual([]);
  });
  it('entityRegions: in province order, and whether some are unplaced', () => {
    expect(entityRegions(LIST)).toEqual({ regions: ['310000', '320000', '330000', '420000', '440000'], unknown: true });
  });
});

describe('rankedGroups', () => {
  it('one group per kind and year, newest first, entries by rank, shared note once', () => {
    const g = rankedGroups(LIST);
    expect(g.map((x) => [x.kind, x.year])).toEqual([
      ['returnee_park_base', 2023],
      ['returnee_park_base', 2020],
      ['home_program_base', null],
    ]);
    expect(g[0]!.entries.map((x) => [x.rank, x.entity.name])).toEqual([
      [1, '上海漕河泾留学人员创业园'],
      [2, '苏州留学人员创业园'],
      [10, '无锡留学人员创业园'],
    ]);
    expect(g[0]!.commonNote).toBe(NOTE24);
    expect(g[0]!.commonSourceId).toBe('s1');
    expect(g[0]!.hasScore).toBe(false);
    expect(g[2]!.hasScore).toBe(true);
    expect(g[1]!.entries.map((x) => x.rank)).toEqual([1, 6]);
  });
  it('a province filter keeps the published ranks (no re-numbering)', () => {
    const g = rankedGroups(filterEntities(LIST, { kind: null, region: '320000', year: 2023 }));
    expect(g[0]!.entries.map((x) => x.rank)).toEqual([2, 10]);
  });
  it('differing notes and sources are not merged into one', () => {
    const g = rankedGroups([
      ent({ kind: 'k', name: 'a', year: 2020, rank: '1', note: 'x' }),
      ent({ kind: 'k', name: 'b', year: 2020, rank: '2', note: 'y', sourceId: 's2' }),
    ]);
    expect(g[0]!.commonNote).toBeNull();
    expect(g[0]!.commonSourceId).toBeNull();
  });
});

describe('sortEntities', () => {
  const list = filterEntities(LIST, { kind: null, region: null, year: null }).filter((e) => !isRanked(e));
  it('by year, missing years last in both directions', () => {
    expect(sortEntities(list, 'year', 'desc').map((e) => e.year)).toEqual([2022, 2022, 2022, 2019, 2001, null]);
    expect(sortEntities(list, 'year', 'asc').map((e) => e.year)).toEqual([2001, 2019, 2022, 2022, 2022, null]);
  });
  it('by province in the usual order, unknown province last', () => {
    const names = sortEntities(list, 'region', 'asc').map((e) => e.region);
    expect(names).toEqual(['320000', '330000', '420000', '440000', '440000', '']);
  });
  it('by rating and by city, missing last; does not mutate the input', () => {
    const before = list.map((e) => e.id);
    const ratings = sortEntities(list, 'rating', 'asc').map((e) => e.score);
    expect(ratings.indexOf('A')).toBeLessThan(ratings.indexOf('B'));
    expect(ratings.slice(3)).toEqual(['', '', '']);
    expect(sortEntities(list, 'rating', 'desc').map((e) => e.score).slice(3)).toEqual(['', '', '']);
    expect(sortEntities(list, 'city', 'asc').at(-1)!.city).toBe('');
    expect(list.map((e) => e.id)).toEqual(before);
  });
});
