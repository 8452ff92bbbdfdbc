/**
 * What a rank ranks. "第 1 位" quoted alone reads as a national rank; over two
 * provinces it says almost nothing. Every rank the app shows goes through
 * rankBase(): the rank, its base (how many provinces had a figure) and a
 * caution level, which i18n/rankText.ts turns into words. Pure; meant also for
 * text that states findings in words.
 */

/** Fewest provinces for a rank to be stated without a caution. */
export const MIN_RANK_BASE = 5;

/**
 * none   base of MIN_RANK_BASE or more
 * few    fewer provinces than that: the rank is shown only with the caution
 * alone  the only province with a figure: no rank at all
 */
export type RankCaution = 'none' | 'few' | 'alone';

export interface RankBase {
  /** 1-based competition rank (ties share a rank) */
  rank: number;
  /** provinces with a figure that were ranked */
  base: number;
  caution: RankCaution;
  /** the ranked figures are of different years ("latest available") */
  yearsVary: boolean;
}

export function rankBase(rank: number, base: number, yearsVary = false): RankBase {
  const caution: RankCaution = base <= 1 ? 'alone' : base < MIN_RANK_BASE ? 'few' : 'none';
  return { rank, base, caution, yearsVary };
}

/** The caution of a ranking as a whole (its base alone). */
export function baseCaution(base: number): RankCaution {
  return rankBase(1, base).caution;
}
