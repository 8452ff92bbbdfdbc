import { t } from '../i18n/strings';
import { lazy, Suspense } from 'react';
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

const UnplacedCarriers = lazy(() => import('./UnplacedCarriers'));
// below the chart: loaded beside it, not before it
const SourcesPanel = lazy(() => import('../components/SourcesPanel').then((m) => ({ default: m.SourcesPanel })));

export function MapView() {
  const lang = useStore((s) => s.lang);
  const { pkg, index, geoError, citiesError } = useData();
  const showCarriers = useStore((s) => s.carriers);
  const setCarriers = useStore((s) => s.setCarriers);
  const compact = useMedia('(max-width: 700px)');
  const m = useMapChart(compact);
  const { metric, year, cov, placement } = m;
  if (!pkg) return null;

  return (
    <main className="map-view" id="main">
      <ViewControls resolved={m.resolved}>
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
      {metric && (
        <div className="below-chart">
          <div className="national" data-testid="national-figure">
            <span className="label">{t(lang, 'nationalFigure')}{typeof year === 'number' ? ` (${year})` : ''}: </span>
            {m.national ? (
              <strong>
                {formatFigure(m.national.primary.value, m.national.primary.qualifier, metric.unit[lang], lang)}
                {m.national.primary.asOf && ` (${t(lang, 'asOf', { date: m.national.primary.asOf })})`}
                {m.national.conflict && (
                  <span className="conflict"> ⚠ {t(lang, 'conflict')}: {m.national.all.map((f) => formatFigure(f.value, f.qualifier, metric.unit[lang], lang)).join(' / ')}</span>
                )}
              </strong>
            ) : (
              <span className="muted">{year === 'latest' ? '—' : t(lang, 'nationalNone')}</span>
            )}
          </div>
          <div className="metric-info">
            <strong>{metric.label[lang]}</strong> — {metric.definition[lang]} <span className="muted">({t(lang, `kind_${metric.kind}`)}; {t(lang, 'provincesWithData', { n: m.rows.length })}
              {cov && cov.nationalYears.length ? `; ${lang === 'zh' ? '全国数据年份' : 'national figures'}: ${yearRanges(cov.nationalYears)}` : ''})</span>
          </div>
          {placement && (
            <Suspense fallback={null}>
              <UnplacedCarriers placement={placement} lang={lang} />
            </Suspense>
          )}
          <p className="keyboard-hint muted">{t(lang, 'keyboardHint')}</p>
          <Suspense fallback={null}>
            <SourcesPanel lang={lang} all={pkg.sources} viewSources={m.sourceIds.map((id) => ({ id, figures: (m.supports.get(id) ?? []).join('; ') }))} />
          </Suspense>
        </div>
      )}
    </main>
  );
}
