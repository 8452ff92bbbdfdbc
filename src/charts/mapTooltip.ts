/**
 * The map's tooltip: a province's figure with ≥/≈, as-of date, its rank with
 * its base, the change on the previous year with data, every source where
 * they disagree, and whether the figure is old. Loaded after the first chart
 * (the map option takes it as `tooltipHtml`). Every data string is escaped.
 */
import type { ProvinceDatum } from '../data/query';
import { rankBase } from '../data/rankBase';
import { regionName } from '../data/regions';
import { formatPercent, formatSigned } from '../i18n/format';
import { t } from '../i18n/ui';
import { esc } from './escape';
import { figureLines, sourceLines } from './tooltipParts';
import { NANHAI, type TooltipInput } from './mapOption';

/** The tooltip's HTML for one region. Every data string is escaped. */
export function mapTooltipHtml(code: string, datum: ProvinceDatum | undefined, input: TooltipInput): string {
  const { lang, metric, yearSel, sources, stale } = input;
  const unit = metric.unit[lang];
  if (code === NANHAI) return `<b>${esc(t(lang, 'nanhai'))}</b>`;
  const name = esc(regionName(code, lang));
  if (!datum) {
    const when = yearSel === 'latest' ? '' : ` · ${yearSel}`;
    return `<b>${name}</b>${esc(when)}<br/><span style="color:#666">${esc(t(lang, 'noData'))}</span>`;
  }
  const figure = datum.cell.primary;
  const lines: string[] = [];
  lines.push(`<b>${name}</b> · ${esc(yearSel === 'latest' ? t(lang, 'yearOf', { year: datum.year }) : datum.year)}`);
  const old = !!stale?.stale.has(datum.region);
  if (old) lines.push(`<b style="color:#8a5a00">${esc(t(lang, 'staleNote', { newest: stale!.newest!, n: stale!.newest! - datum.year }))}</b>`);
  lines.push(...figureLines(figure, unit, lang, old && input.hideStale ? null : rankBase(datum.rank, datum.ranked, yearSel === 'latest')));
  if (datum.change) {
    const change = datum.change;
    const pct = change.ratio === null ? '' : ` (${formatPercent(change.ratio, lang)})`;
    lines.push(
      `${esc(t(lang, 'changeFrom', { year: change.fromYear }))}: ${esc(formatSigned(change.delta, lang))}${esc(pct)}` +
        `${change.indicative ? `<span style="color:#666">${esc(t(lang, 'changeIndicative'))}</span>` : ''}`,
    );
  } else {
    lines.push(`<span style="color:#666">${esc(t(lang, 'firstYear'))}</span>`);
  }
  lines.push(...sourceLines(datum.cell, unit, lang, sources));
  return `<div style="max-width:320px;white-space:normal;line-height:1.5">${lines.join('<br/>')}</div>`;
}
