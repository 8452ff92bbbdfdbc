/**
 * Pure helpers over the named carriers (`pkg.entities`): filtering by kind,
 * province and year, the published rankings in rank order, the years and
 * provinces present, and sorting for the list. Nothing is inferred: an entity
 * without a province stays without one, a rank that is not a whole number is
 * not a rank.
 */
import { REGIONS } from './regions';
import type { Entity } from './types';

/** Known kinds in display order; unknown kinds found in the data follow, alphabetically. */
export const ENTITY_KIND_ORDER: readonly string[] = [
  'returnee_park_base',
  'returnee_park',
  'national_incubator',
  'maker_space_national',
  'university_science_park',
  'home_program_base',
];

export interface EntityFilter {
  /** null = all kinds */
  kind: string | null;
  /** province code; null = all provinces */
  region: string | null;
  /** null = all years; 'unknown' = entities without a year */
  year: number | 'unknown' | null;
}

export function filterEntities(list: readonly Entity[], f: EntityFilter): Entity[] {
  return list.filter(
    (e) =>
      (f.kind === null || e.kind === f.kind) &&
      (f.region === null || e.region === f.region) &&
      (f.year === null || (f.year === 'unknown' ? e.year === null : e.year === f.year)),
  );
}

/** The rank as a positive whole number, or null ("", "—", "A", "2.5" are not ranks). */
export function parseRank(rank: string): number | null {
  const s = rank.trim();
  if (!/^\d{1,4}$/.test(s)) return null;
  const n = Number(s);
  return n >= 1 ? n : null;
}

export function isRanked(e: Entity): boolean {
  return parseRank(e.rank) !== null;
}

/** Number of entities per kind, known kinds first in display order, then unknown kinds found in the data. */
export function kindCounts(list: readonly Entity[]): { kind: string; count: number; ranked: number }[] {
  const counts = new Map<string, { count: number; ranked: number }>();
  for (const e of list) {
    const c = counts.get(e.kind) ?? { count: 0, ranked: 0 };
    c.count++;
    if (isRanked(e)) c.ranked++;
    counts.set(e.kind, c);
  }
  const extra = [...counts.keys()].filter((k) => !ENTITY_KIND_ORDER.includes(k)).sort();
  return [...ENTITY_KIND_ORDER, ...extra]
    .filter((k) => counts.has(k))
    .map((k) => ({ kind: k, ...counts.get(k)! }));
}

/** Years present (newest first), and whether some entities have no year. */
export function entityYears(list: readonly Entity[]): { years: number[]; unknown: boolean } {
  const ys = new Set<number>();
  let unknown = false;
  for (const e of list) {
    if (e.year === null) unknown = true;
    else ys.add(e.year);
  }
  return { years: [...ys].sort((a, b) => b - a), unknown };
}

/** Years in which some entity has a rank (newest first). */
export function rankingYears(list: readonly Entity[]): number[] {
  return entityYears(list.filter(isRanked)).years;
}

/** Province codes present, in the usual province order, and whether some entities have no province. */
export function entityRegions(list: readonly Entity[]): { regions: string[]; unknown: boolean } {
  const present = new Set(list.map((e) => e.region));
  return { regions: REGIONS.map((r) => r.code).filter((c) => present.has(c)), unknown: present.has('') };
}

export interface RankedGroup {
  kind: string;
  year: number | null;
  /** entities of this ranking, by rank (ties in file order) */
  entries: { entity: Entity; rank: number }[];
  /** the note all entries share, else null (each row then shows its own) */
  commonNote: string | null;
  /** the source all entries share, else null (each row then shows its own) */
  commonSourceId: string | null;
  /** whether any entry has a rating or score */
  hasScore: boolean;
}

/**
 * Ranked entities grouped by kind and year (one published ranking each),
 * newest year first, entries in rank order. A year-less ranked entity forms
 * its own group at the end.
 */
export function rankedGroups(list: readonly Entity[]): RankedGroup[] {
  const groups = new Map<string, RankedGroup>();
  for (const e of list) {
    const rank = parseRank(e.rank);
    if (rank === null) continue;
    const key = `${e.kind}|${e.year ?? ''}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { kind: e.kind, year: e.year, entries: [], commonNote: null, commonSourceId: null, hasScore: false }));
    g.entries.push({ entity: e, rank });
  }
  const kindPos = (k: string) => {
    const i = ENTITY_KIND_ORDER.indexOf(k);
    return i < 0 ? ENTITY_KIND_ORDER.length : i;
  };
  const out = [...groups.values()];
  for (const g of out) {
    g.entries.sort((a, b) => a.rank - b.rank); // stable: ties keep file order
    const notes = new Set(g.entries.map((x) => x.entity.note.trim()));
    const only = [...notes][0];
    g.commonNote = notes.size === 1 && only ? only : null;
    const srcs = new Set(g.entries.map((x) => x.entity.sourceId));
    g.commonSourceId = srcs.size === 1 ? [...srcs][0]! : null;
    g.hasScore = g.entries.some((x) => x.entity.score.trim() !== '');
  }
  return out.sort(
    (a, b) => kindPos(a.kind) - kindPos(b.kind) || a.kind.localeCompare(b.kind) || (b.year ?? -Infinity) - (a.year ?? -Infinity),
  );
}

export type EntitySortKey = 'name' | 'region' | 'city' | 'year' | 'rating' | 'kind';
export type SortDir = 'asc' | 'desc';

const REGION_POS = new Map(REGIONS.map((r, i) => [r.code, i]));
const collator = typeof Intl !== 'undefined' ? new Intl.Collator('zh-CN') : null;
const cmpText = (a: string, b: string) => (collator ? collator.compare(a, b) : a.localeCompare(b));

/**
 * Sorted copy of the list. Missing values (no year, no province, no city, no
 * rating) always sort last, whichever the direction; ties keep file order.
 */
export function sortEntities(list: readonly Entity[], key: EntitySortKey, dir: SortDir = 'asc'): Entity[] {
  const sign = dir === 'asc' ? 1 : -1;
  const value = (e: Entity): string | number | null => {
    switch (key) {
      case 'name':
        return e.name;
      case 'kind':
        return e.kind;
      case 'region':
        return e.region ? REGION_POS.get(e.region) ?? null : null;
      case 'city':
        return e.city || null;
      case 'year':
        return e.year;
      case 'rating':
        return e.score.trim() || null;
    }
  };
  return list
    .map((e, i) => ({ e, i, v: value(e) }))
    .sort((a, b) => {
      if (a.v === null || b.v === null) return a.v === b.v ? a.i - b.i : a.v === null ? 1 : -1;
      const c = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : cmpText(String(a.v), String(b.v));
      return c * sign || a.i - b.i;
    })
    .map((x) => x.e);
}
