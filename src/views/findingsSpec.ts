/**
 * What the findings panel of a view is about, and its findings from the
 * loaded data: the same queries the view's chart draws from (provinceData for
 * the map and ranking, the trend's lines, the profile's rows). Loaded with
 * the panel, after the first chart.
 */
import { yearFindings, type Findings } from '../data/findings';
import { profileFindings, trendFindings } from '../data/findingsSeries';
import type { FigureIndex, YearSelection } from '../data/query';
import type { Lang, MetricDef, Source } from '../data/types';
import { findingsPlainText } from '../i18n/findingsText';
import { THIS_YEAR } from '../state/useResolved';

export type FindingsSpec =
  /** map and ranking: one metric in one year, or each province's latest */
  | { kind: 'year'; metric: MetricDef; year: YearSelection; staleYears: number; hideStale: boolean }
  /** trend: the lines drawn */
  | { kind: 'trend'; metric: MetricDef; regions: readonly string[]; national: boolean }
  /** a province's profile */
  | { kind: 'profile'; region: string };

export function findingsOf(spec: FindingsSpec, idx: FigureIndex, metrics: readonly MetricDef[]): Findings {
  if (spec.kind === 'year') return yearFindings({ idx, metric: spec.metric, sel: spec.year, maxYear: THIS_YEAR, staleYears: spec.staleYears, hideStale: spec.hideStale });
  if (spec.kind === 'trend') return trendFindings({ idx, metric: spec.metric, regions: spec.regions, national: spec.national });
  return profileFindings({ idx, metrics, region: spec.region, maxYear: THIS_YEAR });
}

/** The findings as the text file of the export menu: the sentences and the source line. */
export function findingsFile(spec: FindingsSpec, idx: FigureIndex, metrics: readonly MetricDef[], sources: ReadonlyMap<string, Source>, lang: Lang): string {
  return `${findingsPlainText(findingsOf(spec, idx, metrics), sources, lang)}\n`;
}
