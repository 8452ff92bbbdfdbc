import { lazy, memo, Suspense, useMemo } from 'react';
import { t } from '../i18n/ui';
import { useDrawn } from '../state/drawn';
import { useStore } from '../state/store';
import { useMedia } from '../hooks';
import { useAfterPaint } from '../components/afterPaint';
import { ChartPanel } from '../components/ChartPanel';
import { ViewControls } from '../components/ViewControls';
import { Notice } from '../components/Notices';
import { NationalFigure } from '../components/NationalFigure';
import { MetricInfo } from '../components/MetricInfo';
import type { Cell, Coverage, YearSelection } from '../data/query';
import type { Placement } from '../data/carriers';
import type { Lang, MetricDef, Source } from '../data/types';
import { useMapChart } from './useMapChart';
import { findingsExport, panelSources, supportsOf } from './chartModel';
import type { FindingsSpec } from './findingsSpec';
import { THIS_YEAR } from '../state/useResolved';
import { useFirstChartDrawn } from '../state/firstChart';
// the scale and old-figure controls: with the map itself (loaded after it, they pushed the
// drawn map down a row on a phone)
import MapReadingControls from './MapReadingControls';

const UnplacedCarriers = lazy(() => import('./UnplacedCarriers'));
const ViewFindings = lazy(() => import('./ViewFindings'));
// below the chart: loaded once the first chart is drawn, not before it
const SourcesPanel = lazy(() => import('../components/SourcesPanel').then((m) => ({ default: m.SourcesPanel })));

/** The province map of a metric and year, with the national figure, the metric and the sources below it. */
export function MapView() {
  const lang = useStore((s) => s.lang);
  const { pkg, index, geoError, citiesError } = useDrawn();
  const showCarriers = useStore((s) => s.carriers);
  const setCarriers = useStore((s) => s.setCarriers);
  const compact = useMedia('(max-width: 700px)');
  const map = useMapChart(compact);
  const { metric, year, cov, placement } = map;
  // What is below the chart follows once the chart's new year has been painted: on a year change
  // only the year control and the chart render in the key's (or play tick's) task, and the pass
  // after the paint renders only what is below the chart (memoised).
  const below = useAfterPaint(
    useMemo(
      () => ({ metric, year, national: map.national, cov, provinces: map.rows.length, sourceIds: map.sourceIds, cells: map.cells, findings: map.findings, label: map.label }),
      [metric, year, map.national, cov, map.rows.length, map.sourceIds, map.cells, map.findings, map.label],
    ),
  );
  const exportInfo = useMemo(
    () => (metric && pkg ? { metric, year, view: 'map', labels: map.labelling, csv: async () => (await import('../data/csvExport')).chartDataCsv(index, metric, year ?? 'latest', pkg.sources, lang, THIS_YEAR), findings: findingsExport(map.findings, lang, { index, pkg }) } : undefined),
    [metric, year, pkg, index, lang, map.labelling, map.findings],
  );
  // the same element while it does not change: React then leaves the checkbox alone on a year
  // change (re-rendering an <input> writes its type, name and value again, a style recalculation)
  const carriersToggle = useMemo(
    () => (
      <label className="check">
        <input type="checkbox" data-testid="carriers-toggle" checked={showCarriers} onChange={(e) => setCarriers(e.target.checked)} />
        {t(lang, 'showCarriers')}
      </label>
    ),
    [showCarriers, setCarriers, lang],
  );
  if (!pkg) return null;

  return (
    <main className="map-view" id="main">
      <ViewControls resolved={map.resolved}>
        <MapReadingControls lang={lang} scale={map.scale} stale={map.stale} latest={year === 'latest'} />
        {carriersToggle}
      </ViewControls>
      {citiesError && <Notice kind="error">{t(lang, 'loadError', { file: citiesError, reason: '' })}</Notice>}
      {cov && cov.provincesAnyYear === 0 && <Notice>{t(lang, 'noProvincial')}</Notice>}
      {geoError && <Notice kind="error">{t(lang, 'mapError', geoError)}</Notice>}
      {map.option && metric && (
        <ChartPanel option={map.option} label={map.label} height={compact ? 520 : 'max(440px, calc(100vh - 250px))'} testId="map-chart" onEvents={map.onEvents}
          exportInfo={exportInfo} />
      )}
      {below.metric && (
        <BelowChart lang={lang} metric={below.metric} year={below.year} national={below.national} cov={below.cov} provinces={below.provinces}
          placement={placement} sources={pkg.sources} sourceIds={below.sourceIds} cells={below.cells} findings={below.findings} title={below.label} />
      )}
    </main>
  );
}

/** The key findings, the national figure, the metric, the carriers not placed, and the sources of what the map draws (memoised: rendered after the chart's paint). */
const BelowChart = memo(function BelowChart({ lang, metric, year, national, cov, provinces, placement, sources, sourceIds, cells, findings, title }: {
  lang: Lang;
  metric: MetricDef;
  year: YearSelection | null;
  national: Cell | null;
  cov: Coverage | undefined;
  provinces: number;
  placement: Placement | null;
  sources: ReadonlyMap<string, Source>;
  sourceIds: string[];
  cells: Cell[];
  findings: FindingsSpec | null;
  title: string;
}) {
  const afterFirst = useFirstChartDrawn();
  const unit = metric.unit[lang];
  const viewSources = useMemo(() => panelSources(sourceIds, supportsOf(cells, unit, lang)), [sourceIds, cells, unit, lang]);
  return (
    <div className="below-chart">
      {afterFirst && findings && (
        <Suspense fallback={null}>
          <ViewFindings spec={findings} title={title} />
        </Suspense>
      )}
      <NationalFigure lang={lang} year={year} cell={national} unit={unit} latestText="—" />
      <MetricInfo lang={lang} metric={metric} cov={cov} provinces={provinces} />
      {placement && (
        <Suspense fallback={null}>
          <UnplacedCarriers placement={placement} lang={lang} />
        </Suspense>
      )}
      <p className="keyboard-hint muted">{t(lang, 'keyboardHint')}</p>
      {afterFirst && (
        <Suspense fallback={null}>
          <SourcesPanel lang={lang} all={sources} viewSources={viewSources} />
        </Suspense>
      )}
    </div>
  );
});
