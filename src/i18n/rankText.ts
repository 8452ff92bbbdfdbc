/**
 * A rank in words, always with its base: "第 1 位 / 共 2 个有数据的省份（仅 2
 * 个省份有数据，排名意义有限）" — never a bare "第 1 位". The rule (base,
 * caution) is data/rankBase.ts; this is its only wording. Pure.
 */
import type { RankBase } from '../data/rankBase';
import type { Lang } from '../data/types';
import { t } from './ui';

export interface RankTextOptions {
  /** the year the rank is of (profile: "2019 年第 1 位 …") */
  year?: number;
  /** table cells: "1 / 共 2 省" */
  short?: boolean;
}

/** The cautions that go with a rank, as words ("仅 2 个省份有数据，排名意义有限"), empty when none. */
export function rankCautions(lang: Lang, rb: RankBase): string[] {
  const out: string[] = [];
  if (rb.caution === 'few') out.push(t(lang, 'rankFew', { n: rb.base }));
  if (rb.yearsVary) out.push(t(lang, 'rankYearsVary'));
  return out;
}

export function rankText(lang: Lang, rb: RankBase, o: RankTextOptions = {}): string {
  if (rb.caution === 'alone') return o.year === undefined ? t(lang, 'rankAlone') : t(lang, 'rankAloneYear', { year: o.year });
  const p = { rank: rb.rank, n: rb.base, year: o.year ?? '' };
  if (o.short) {
    const short = t(lang, 'rankShort', p);
    return rb.caution === 'few' ? t(lang, 'withNote', { text: short, note: t(lang, 'rankFewShort') }) : short;
  }
  const main = t(lang, o.year === undefined ? 'rankOf' : 'rankOfYear', p);
  const c = rankCautions(lang, rb);
  return c.length ? t(lang, 'withNote', { text: main, note: c.join(t(lang, 'cautionSep')) }) : main;
}
