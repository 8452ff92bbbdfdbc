/**
 * The map's tooltip: a province's figure with ≥/≈, as-of date, its rank with
 * its base, the change on the previous year with data, every source where
 * they disagree, and whether the figure is old. Loaded after the first chart
 * (the map option takes it as `tooltipHtml`). Every data string is escaped.
 */
import type { ProvinceDatum } from '../data/query';
import { rankBase } from '../data/rankBase';
import { regionName } from '../data/regions';
import { formatFigure, formatPercent, formatSigned } from '../i18n/format';
import { t } from '../i18n/strings';
import { esc } from './escape';
import { sourceShortName } from './sourceLabel';
import { figureLines } from './tooltipParts';
import { NANHAI, type TooltipInput } from './mapOption';

/** The tooltip's HTML for one region. Every data string is escaped. */
export function mapTooltipHtml(code: string, d: ProvinceDatum | undefined, input: TooltipInput): string {
  const { lang, metric, yearSel, sources, stale } = input;
  const unit = metric.unit[lang];
  if (code === NANHAI) return `<b>${esc(t(lang, 'nanhai'))}</b>`;
  const name = esc(regionName(code, lang));
  if (!d) {
    const when = yearSel === 'latest' ? '' : ` · ${yearSel}`;
    return `<b>${name}</b>${esc(when)}<br/><span style="color:#666">${esc(t(lang, 'noData'))}</span>`;
  }
  const f = d.cell.primary;
  const lines: string[] = [];
  lines.push(`<b>${name}</b> · ${esc(yearSel === 'latest' ? t(lang, 'yearOf', { year: d.year }) : d.year)}`);
  const old = !!stale?.stale.has(d.region);
  if (old) lines.push(`<b style="color:#8a5a00">${esc(t(lang, 'staleNote', { newest: stale!.newest!, n: stale!.newest! - d.year }))}</b>`);
  lines.push(...figureLines(f, unit, lang, old && input.hideStale ? null : rankBase(d.rank, d.ranked, yearSel === 'latest')));
  if (d.change) {
    const ch = d.change;
    const pct = ch.ratio === null ? '' : ` (${formatPercent(ch.ratio, lang)})`;
    lines.push(
      `${esc(t(lang, 'changeFrom', { year: ch.fromYear }))}: ${esc(formatSigned(ch.delta, lang))}${esc(pct)}` +
        `${ch.indicative ? `<span style="color:#666">${esc(t(lang, 'changeIndicative'))}</span>` : ''}`,
    );
  } else {
    lines.push(`<span style="color:#666">${esc(t(lang, 'firstYear'))}</span>`);
  }
  if (d.cell.all.length > 1) {
    const head = d.cell.conflict ? `<b style="color:#b45309">⚠ ${esc(t(lang, 'conflict'))}</b>` : esc(t(lang, 'agree', { n: d.cell.all.length }));
    lines.push(head);
    for (const g of d.cell.all) {
      const s = sources.get(g.sourceId);
      lines.push(
        `· ${esc(formatFigure(g.value, g.qualifier, unit, lang))}${g.asOf ? ` (${esc(g.asOf)})` : ''} — ${esc(sourceShortName(s))}`,
      );
    }
  } else {
    lines.push(`<span style="color:#555">${esc(t(lang, 'source'))}: ${esc(sourceShortName(sources.get(f.sourceId)))}</span>`);
  }
  return `<div style="max-width:320px;white-space:normal;line-height:1.5">${lines.join('<br/>')}</div>`;
}

