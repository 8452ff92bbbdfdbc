/**
 * Lines every figure tooltip shares (map, ranking): the value with ≥/≈ and
 * unit, a ratio's formula, what the qualifier means, the as-of date, and the
 * rank. Escaped HTML.
 */
import type { Figure, Lang } from '../data/types';
import { formatFigure } from '../i18n/format';
import { t } from '../i18n/strings';
import { esc } from './escape';

export function figureLines(f: Figure, unit: string, lang: Lang, rank: number, ranked: number): string[] {
  const lines = [`<span style="font-size:1.25em;font-weight:600">${esc(formatFigure(f.value, f.qualifier, unit, lang))}</span>`];
  // a ratio: both inputs ("江苏 2022：244 家 ÷ 8515 万人 = 2.87 家/百万人")
  const formula = f.derived?.formula?.[lang];
  if (formula) lines.push(`<span style="color:#333">${esc(formula)}</span>`);
  const quals: string[] = [];
  if (f.qualifier !== 'exact') quals.push(t(lang, f.qualifier === 'at_least' ? 'qualifier_at_least' : 'qualifier_about'));
  if (f.asOf) quals.push(t(lang, 'asOf', { date: f.asOf }));
  if (quals.length) lines.push(`<span style="color:#555">${esc(quals.join(' · '))}</span>`);
  lines.push(`${esc(t(lang, 'rank'))}: ${esc(t(lang, 'rankOf', { rank, n: ranked }))}`);
  return lines;
}
