/**
 * Lines every figure tooltip shares (map, ranking): the value with ≥/≈ and
 * unit, what the qualifier means, the as-of date, and the rank. Escaped HTML.
 */
import type { RankBase } from '../data/rankBase';
import type { Figure, Lang } from '../data/types';
import { formatFigure } from '../i18n/format';
import { rankText } from '../i18n/rankText';
import { t } from '../i18n/strings';
import { esc } from './escape';

/** `rank`: the figure's rank with its base (data/rankBase.ts), null when it is not ranked. */
export function figureLines(f: Figure, unit: string, lang: Lang, rank: RankBase | null): string[] {
  const lines = [`<span style="font-size:1.25em;font-weight:600">${esc(formatFigure(f.value, f.qualifier, unit, lang))}</span>`];
  const quals: string[] = [];
  if (f.qualifier !== 'exact') quals.push(t(lang, f.qualifier === 'at_least' ? 'qualifier_at_least' : 'qualifier_about'));
  if (f.asOf) quals.push(t(lang, 'asOf', { date: f.asOf }));
  if (quals.length) lines.push(`<span style="color:#555">${esc(quals.join(' · '))}</span>`);
  if (rank) lines.push(`${esc(t(lang, 'rank'))}: ${esc(rankText(lang, rank))}`);
  return lines;
}
