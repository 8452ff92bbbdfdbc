/**
 * Lines every figure tooltip shares (map, ranking): the value with ≥/≈ and
 * unit, a ratio's formula, what the qualifier means, the as-of date, the
 * rank, and the sources (a ratio's: both inputs'). Escaped HTML.
 */
import type { Cell } from '../data/query';
import type { RankBase } from '../data/rankBase';
import type { Figure, Lang, Source } from '../data/types';
import { formatFigure } from '../i18n/format';
import { rankText } from '../i18n/rankText';
import { t } from '../i18n/ui';
import { esc } from './escape';
import { figureSources } from './sourceLabel';

/** Outline of a province or bar whose sources disagree, and the tooltip's "⚠ sources disagree". */
export const CONFLICT_COLOR = '#b45309';

/** `rank`: the figure's rank with its base (data/rankBase.ts), null when it is not ranked. */
export function figureLines(f: Figure, unit: string, lang: Lang, rank: RankBase | null): string[] {
  const lines = [`<span style="font-size:1.25em;font-weight:600">${esc(formatFigure(f.value, f.qualifier, unit, lang))}</span>`];
  // a ratio: both inputs ("江苏 2022：244 家 ÷ 8515 万人 = 2.87 家/百万人")
  const formula = f.derived?.formula?.[lang];
  if (formula) lines.push(`<span style="color:#333">${esc(formula)}</span>`);
  const quals: string[] = [];
  if (f.qualifier !== 'exact') quals.push(t(lang, f.qualifier === 'at_least' ? 'qualifier_at_least' : 'qualifier_about'));
  // (a ratio's formula already says the date and which denominator it is divided by)
  if (f.asOf && !formula) quals.push(t(lang, 'asOf', { date: f.asOf }));
  if (quals.length) lines.push(`<span style="color:#555">${esc(quals.join(' · '))}</span>`);
  if (rank) lines.push(`${esc(t(lang, 'rank'))}: ${esc(rankText(lang, rank))}`);
  return lines;
}

/** The source of a figure; where several sources give one, "sources disagree" (or "n sources agree") and every figure with its source. */
export function sourceLines(cell: Cell, unit: string, lang: Lang, sources: ReadonlyMap<string, Source>): string[] {
  if (cell.all.length <= 1) return [`<span style="color:#555">${esc(t(lang, 'source'))}: ${esc(figureSources(cell.primary, sources))}</span>`];
  return [
    cell.conflict ? `<b style="color:${CONFLICT_COLOR}">⚠ ${esc(t(lang, 'conflict'))}</b>` : esc(t(lang, 'agree', { n: cell.all.length })),
    ...cell.all.map((g) => `· ${esc(g.derived?.formula?.[lang] ?? formatFigure(g.value, g.qualifier, unit, lang))}${g.asOf ? ` (${esc(g.asOf)})` : ''} — ${esc(figureSources(g, sources))}`),
  ];
}
