/**
 * What the sources of a view support, for its sources panel ("江苏 2019: 848 家"
 * under the source that gives it). Pure; loaded with the panels, not before the first chart.
 */
import type { Figure, Lang } from '../data/types';
import { formatFigure } from '../i18n/format';
import { t } from '../i18n/strings';

/**
 * What a figure's sources support, for a sources panel: [source id, "848 家 (截至 2019-06)"];
 * a ratio's two inputs each under its own source.
 */
export function figureSupports(f: Figure, unit: string, lang: Lang): [string, string][] {
  const d = f.derived;
  if (d?.inputs) return [[f.sourceId, d.inputs[lang][0]], [d.denominator.sourceId, d.inputs[lang][1]]];
  return [[f.sourceId, formatFigure(f.value, f.qualifier, unit, lang) + (f.asOf ? ` (${t(lang, 'asOf', { date: f.asOf })})` : '')]];
}
