import { lazy, Suspense, useDeferredValue } from 'react';
import { t } from '../i18n/ui';
import { useDrawn } from '../state/drawn';
import { useStore } from '../state/store';
import { useMedia } from '../hooks';
import { ChartPanel } from '../components/ChartPanel';
import { ViewControls } from '../components/ViewControls';
import { Notice } from '../components/Notices';
import { NationalFigure } from '../components/NationalFigure';
import { MetricInfo } from '../components/MetricInfo';
import { useMapChart } from './useMapChart';
import { findingsExport, panelSources } from './chartModel';
import { THIS_YEAR } from '../state/useResolved';
import { useFirstChartDrawn } from '../state/firstChart';

const UnplacedCarriers = lazy(() => import('./UnplacedCarriers'));
// below the chart: loaded once the first chart is drawn, not before it
const ViewFindings = lazy(() => import('./ViewFindings'));
const SourcesPanel = lazy(() => import('../components/SourcesPanel').then((m) => ({ default: m.SourcesPanel })));

/** The province map of a metric and year, with the national figure, the metric and the sources below it. */
export function MapView() {
  const lang = useStore((s) => s.lang);
  const { pkg, index, geoError, citiesError } = useDrawn();
  const showCarriers = useStore((s) => s.carriers);
  const setCarriers = useStore((s) => s.setCarriers);
  const compact = useMedia('(max-width: 700px)');
  const map = useMapChart(compact);
  // what is below the chart follows a moment later, so that a year change redraws the map first
  const below = useDeferredValue(map);
  const { metric, year, cov, placement } = map;
  const afterFirst = useFirstChartDrawn();
  if (!pkg) return null;

  return (
    <main className="map-view" id="main">
      <ViewControls resolved={map.resolved}>
        <label className="check">
          <input type="checkbox" data-testid="carriers-toggle" checked={showCarriers} onChange={(e) => setCarriers(e.target.checked)} />
          {t(lang, 'showCarriers')}
        </label>
      </ViewControls>
      {citiesError && <Notice kind="error">{t(lang, 'loadError', { file: citiesError, reason: '' })}</Notice>}
      {cov && cov.provincesAnyYear === 0 && <Notice>{t(lang, 'noProvincial')}</Notice>}
      {geoError && <Notice kind="error">{t(lang, 'mapError', { file: 'data/geo/china.json', reason: geoError })}</Notice>}
      {map.option && metric && (
        <ChartPanel option={map.option} label={map.label} height={compact ? 520 : 'max(440px, calc(100vh - 250px))'} testId="map-chart" onEvents={map.onEvents}
          exportInfo={{ metric, year, view: 'map', csv: async () => (await import('../data/csvExport')).chartDataCsv(index, metric, year ?? 'latest', pkg.sources, lang, THIS_YEAR), findings: findingsExport(map.findings, lang, { index, pkg }) }} />
      )}
      {below.metric && (
        <div className="below-chart">
          {afterFirst && below.findings && (
            <Suspense fallback={null}>
              <ViewFindings spec={below.findings} title={below.label} />
            </Suspense>
          )}
          <NationalFigure lang={lang} year={below.year} cell={below.national} unit={below.metric.unit[lang]} latestText="—" />
          <MetricInfo lang={lang} metric={below.metric} cov={cov} provinces={below.rows.length} />
          {placement && (
            <Suspense fallback={null}>
              <UnplacedCarriers placement={placement} lang={lang} />
            </Suspense>
          )}
          <p className="keyboard-hint muted">{t(lang, 'keyboardHint')}</p>
          {afterFirst && (
            <Suspense fallback={null}>
              <SourcesPanel lang={lang} all={pkg.sources} viewSources={panelSources(below.sourceIds, below.supports)} />
            </Suspense>
          )}
        </div>
      )}
    </main>
  );
}
