import { t } from '../i18n/strings';
import { lazy, Suspense, useDeferredValue } from 'react';
import { formatFigure } from '../i18n/format';
import { useData } from '../state/data';
import { useStore } from '../state/store';
import { useMedia } from '../hooks';
import { ChartPanel } from '../components/ChartPanel';
import { ViewControls } from '../components/ViewControls';
import { Notice } from '../components/Notices';
import { yearRanges } from './labels';
import { useMapChart } from './useMapChart';
import { THIS_YEAR } from '../state/useResolved';
import { useFirstChartDrawn } from '../state/firstChart';
// the scale and old-figure controls: not needed to draw the first chart
const MapReadingControls = lazy(() => import('./MapReadingControls'));

const UnplacedCarriers = lazy(() => import('./UnplacedCarriers'));
// below the chart: loaded once the first chart is drawn, not before it
const SourcesPanel = lazy(() => import('../components/SourcesPanel').then((m) => ({ default: m.SourcesPanel })));

export function MapView() {
  const lang = useStore((s) => s.lang);
  const { pkg, index, geoError, citiesError } = useData();
  const showCarriers = useStore((s) => s.carriers);
  const setCarriers = useStore((s) => s.setCarriers);
  const compact = useMedia('(max-width: 700px)');
  const m = useMapChart(compact);
  // what is below the chart follows a moment later, so that a year change redraws the map first
  const below = useDeferredValue(m);
  const bUnit = below.metric?.unit[lang] ?? '';
  const { metric, year, cov, placement } = m;
  const afterFirst = useFirstChartDrawn();
  if (!pkg) return null;

  return (
    <main className="map-view" id="main">
      <ViewControls resolved={m.resolved}>
        <Suspense fallback={null}>
          <MapReadingControls lang={lang} scale={m.scale} stale={m.stale} latest={year === 'latest'} />
        </Suspense>
        <label className="check">
          <input type="checkbox" data-testid="carriers-toggle" checked={showCarriers} onChange={(e) => setCarriers(e.target.checked)} />
          {t(lang, 'showCarriers')}
        </label>
      </ViewControls>
      {citiesError && <Notice kind="error">{t(lang, 'loadError', { file: citiesError, reason: '' })}</Notice>}
      {cov && cov.provincesAnyYear === 0 && <Notice>{t(lang, 'noProvincial')}</Notice>}
      {geoError && <Notice kind="error">{t(lang, 'mapError', { file: 'data/geo/china.json', reason: geoError })}</Notice>}
      {m.option && metric && (
        <ChartPanel option={m.option} label={m.label} height={compact ? 520 : 'max(440px, calc(100vh - 250px))'} testId="map-chart" onEvents={m.onEvents}
          exportInfo={{ metric, year, view: 'map', csv: async () => (await import('../data/csvExport')).chartDataCsv(index, metric, year ?? 'latest', pkg.sources, lang, THIS_YEAR) }} />
      )}
      {below.metric && (
        <div className="below-chart">
          <div className="national" data-testid="national-figure">
            <span className="label">{t(lang, 'nationalFigure')}{typeof below.year === 'number' ? ` (${below.year})` : ''}: </span>
            {below.national ? (
              <strong>
                {formatFigure(below.national.primary.value, below.national.primary.qualifier, below.metric.unit[lang], lang)}
                {below.national.primary.asOf && ` (${t(lang, 'asOf', { date: below.national.primary.asOf })})`}
                {below.national.conflict && (
                  <span className="conflict"> ⚠ {t(lang, 'conflict')}: {below.national.all.map((f) => formatFigure(f.value, f.qualifier, bUnit, lang)).join(' / ')}</span>
                )}
              </strong>
            ) : (
              <span className="muted">{below.year === 'latest' ? '—' : t(lang, 'nationalNone')}</span>
            )}
          </div>
          <div className="metric-info">
            <strong>{below.metric.label[lang]}</strong> — {below.metric.definition[lang]} <span className="muted">({t(lang, `kind_${below.metric.kind}`)}; {t(lang, 'provincesWithData', { n: below.rows.length })}
              {cov && cov.nationalYears.length ? `; ${lang === 'zh' ? '全国数据年份' : 'national figures'}: ${yearRanges(cov.nationalYears)}` : ''})</span>
          </div>
          {placement && (
            <Suspense fallback={null}>
              <UnplacedCarriers placement={placement} lang={lang} />
            </Suspense>
          )}
          <p className="keyboard-hint muted">{t(lang, 'keyboardHint')}</p>
          {afterFirst && (
            <Suspense fallback={null}>
              <SourcesPanel lang={lang} all={pkg.sources} viewSources={below.sourceIds.map((id) => ({ id, figures: (below.supports.get(id) ?? []).join('; ') }))} />
            </Suspense>
          )}
        </div>
      )}
    </main>
  );
}
