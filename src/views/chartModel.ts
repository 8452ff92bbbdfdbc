/** What the single-chart views (map, ranking, trend) share: the shape of their chart hooks and their source lines. */
import type { EChartsOption } from 'echarts';
import type { Cell, FigureIndex, YearSelection } from '../data/query';
import { REGION_BY_CODE, regionName } from '../data/regions';
import { sourceSupports, type SupportLines } from '../data/supports';
import type { DataPackage, Figure, Lang } from '../data/types';
import { formatFigure } from '../i18n/format';
import { t } from '../i18n/ui';
import type { Resolved } from '../state/selectors';
import type { FindingsSpec } from './findingsSpec';
import { useStore } from '../state/store';

/** What a chart hook gives: enough to draw the chart alone (the view, its embed, a slide). */
export interface ChartModel {
  resolved: Resolved | null;
  option: EChartsOption | null;
  /** accessible name of the chart */
  label: string;
  onEvents?: Record<string, (p: unknown) => void>;
  /** the trend: whether it has a national line (that can be hidden) */
  hasNational?: boolean;
  /** what the key findings of the chart are about (null until the metric is known) */
  findings: FindingsSpec | null;
}

/** Chart events of the map and ranking charts: a click on a province (an area, a bar or its axis label) opens its profile. */
export const OPEN_PROVINCE: Record<string, (p: unknown) => void> = {
  click: (p) => {
    const e = p as { componentType?: string; name?: string; value?: unknown };
    const code = String((e.componentType === 'yAxis' ? e.value : e.name) ?? '');
    if (REGION_BY_CODE.has(code)) useStore.getState().navigate({ view: 'province', region: code });
  },
};

/**
 * What one figure gives its sources, each line after `head` ("江苏 2019: "): "848 家 (截至 2019-06)";
 * a ratio's two inputs each under its own source ("244 家", "8515 万人").
 */
export function figureSupports(f: Figure, head: string, unit: string, lang: Lang): SupportLines {
  const d = f.derived;
  if (d?.inputs) return [[f.sourceId, head + d.inputs[lang][0]], [d.denominator.sourceId, head + d.inputs[lang][1]]];
  return `${head}${formatFigure(f.value, f.qualifier, unit, lang)}${f.asOf ? ` (${t(lang, 'asOf', { date: f.asOf })})` : ''}`;
}

/** What each source supports among the cells drawn: "江苏 2019: 848 家 (截至 2019-06)". */
export function supportsOf(cells: Iterable<Cell | null>, unit: string, lang: Lang): Map<string, string[]> {
  return sourceSupports(cells, (f) => figureSupports(f, `${regionName(f.region, lang)} ${f.year}: `, unit, lang));
}

/** The sources panel's list: each source behind the chart with what it supports. */
export function panelSources(sourceIds: readonly string[], supports: ReadonlyMap<string, readonly string[]>): { id: string; figures: string }[] {
  return sourceIds.map((id) => ({ id, figures: (supports.get(id) ?? []).join('; ') }));
}

/** The export menu's text file of the key findings (their code loads when it is asked for). */
export function findingsExport(spec: FindingsSpec | null, lang: Lang, drawn: { index: FigureIndex; pkg: DataPackage | null }): (() => Promise<string>) | undefined {
  const { index, pkg } = drawn;
  if (!spec || !pkg) return undefined;
  return async () => (await import('./findingsSpec')).findingsFile(spec, index, [...pkg.metrics.values()], pkg.sources, lang);
}

/** A year as the chart's accessible name says it: "2023" or "最新可得". */
export function yearName(year: YearSelection | null, lang: Lang): string {
  return year === 'latest' ? t(lang, 'latest') : String(year ?? '');
}
