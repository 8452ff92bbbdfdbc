/**
 * Old figures beside new ones. In "latest available" every province shows its
 * most recent figure, so a figure of 2015 can stand beside one of 2024; one
 * older than the metric's newest figure by more than a threshold (years) is
 * "old" and is drawn, ranked and counted as such. Pure; used by the map, the
 * ranking and the overview (and meant for any text that states findings).
 */
import { rankValues, type ProvinceDatum } from './query';

/** Default threshold: a figure more than this many years older than the newest is old (`stale=` in the URL). */
export const STALE_YEARS = 3;
/** The overview marks a national headline figure older than this many years than the newest headline. */
export const OLD_HEADLINE_YEARS = 5;

/** Whether a figure of `year` is old beside the newest figure (of `newest`): more than `threshold` years older. */
export function isStale(year: number, newest: number, threshold = STALE_YEARS): boolean {
  return newest - year > threshold;
}

/** Provinces whose figures fall in one range of years. */
export interface YearGroup {
  /** earliest and latest year of the figures in the group */
  from: number;
  to: number;
  /** provinces in the group */
  n: number;
  stale: boolean;
}

export interface Staleness {
  /** the newest year among the figures, null when there are none */
  newest: number | null;
  threshold: number;
  /** regions whose figure is old */
  stale: Set<string>;
  /** recent figures first, then the old ones; empty groups left out */
  groups: YearGroup[];
}

/** The old figures among rows of one metric (each with its own year, as in "latest available"). */
export function staleness(rows: readonly { region: string; year: number }[], threshold = STALE_YEARS): Staleness {
  if (!rows.length) return { newest: null, threshold, stale: new Set(), groups: [] };
  const newest = Math.max(...rows.map((r) => r.year));
  const stale = new Set<string>();
  const groups: YearGroup[] = [];
  for (const old of [false, true]) {
    const ys = rows.filter((r) => isStale(r.year, newest, threshold) === old);
    if (!ys.length) continue;
    if (old) for (const r of ys) stale.add(r.region);
    const years = ys.map((r) => r.year);
    groups.push({ from: Math.min(...years), to: Math.max(...years), n: ys.length, stale: old });
  }
  return { newest, threshold, stale, groups };
}

/**
 * The rows without the old figures, ranked again among those left (a hidden
 * province is not counted in anyone's rank base).
 */
export function withoutStale<T extends ProvinceDatum>(rows: readonly T[], stale: ReadonlySet<string>): T[] {
  const kept = rows.filter((r) => !stale.has(r.region));
  const ranks = rankValues(kept.map((d) => ({ region: d.region, value: d.cell.primary.value })));
  return kept.map((d) => ({ ...d, rank: ranks.get(d.region)!, ranked: kept.length }));
}
