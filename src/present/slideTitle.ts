/**
 * The title a slide gets when the current view is added to the deck: the view and what it
 * shows, in words of the slide's language — "地图 · 国家级科技企业孵化器 · 2023",
 * "Trend · National-level incubators", "省份 · 江苏". Never an id. Pure.
 */
import type { YearSelection } from '../data/query';
import { regionName } from '../data/regions';
import type { Lang, MetricDef } from '../data/types';
import { t } from '../i18n/ui';
import { VIEW_TABLE } from '../views/viewTable';
import type { ViewId } from '../state/url';

const SHOWS_METRIC: readonly ViewId[] = ['map', 'ranking', 'trend', 'table'];
const SHOWS_YEAR: readonly ViewId[] = ['map', 'ranking', 'table'];

export function autoSlideTitle(s: { view: ViewId; metric: MetricDef | null; year: YearSelection | null; region: string | null; lang: Lang }): string {
  const { view, metric, year, region, lang } = s;
  const bits = [t(lang, VIEW_TABLE[view].label)];
  if (SHOWS_METRIC.includes(view) && metric) bits.push(metric.label[lang]);
  if (SHOWS_YEAR.includes(view) && year !== null) bits.push(year === 'latest' ? t(lang, 'latest') : String(year));
  if (view === 'province' && region) bits.push(regionName(region, lang));
  return bits.join(' · ');
}
