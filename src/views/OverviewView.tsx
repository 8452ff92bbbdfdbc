import { useMemo } from 'react';
import { buildMapOption } from '../charts/mapOption';
import { mapLegend } from '../charts/mapLegend';
import { headlines, mostCompleteMetric } from '../data/overview';
import { provinceData, sourceIdsOf } from '../data/query';
import { formatFigure } from '../i18n/format';
import { t } from '../i18n/ui';
import { tViews } from '../i18n/views';
import { useData, useMapFile } from '../state/data';
import { useStore } from '../state/store';
import { THIS_YEAR } from '../state/useResolved';
import { useMedia } from '../hooks';
import { EChart } from '../components/EChart';
import { SourcesPanel } from '../components/SourcesPanel';
import { isStale, OLD_HEADLINE_YEARS, staleness } from '../data/staleness';
import { useMetricScale } from './useMetricScale';
import { useMapTooltip } from './useLazyParts';
import { ViewLink } from '../components/ViewLink';
import { OPEN_PROVINCE } from './chartModel';
import './views.css';

export default function OverviewView() {
  const lang = useStore((s) => s.lang);
  const { pkg, index, geo, nameMap } = useData();
  const compact = useMedia('(max-width: 700px)');
  // "latest available" is drawn from the GeoJSON outlines (state/mapFiles.ts)
  useMapFile('json');

  const heads = useMemo(() => (pkg ? headlines(index, pkg.metrics, THIS_YEAR) : []), [pkg, index]);
  const mapMetric = useMemo(() => (pkg ? mostCompleteMetric(index, pkg.manifest.metrics) : null), [pkg, index]);
  // the map's scale and old figures as on the map view (its default scale, stale= of the URL)
  const scale = useMetricScale(mapMetric, null);
  const staleYears = useStore((s) => s.stale);
  const tooltipHtml = useMapTooltip();
  const map = useMemo(() => {
    if (!pkg || !mapMetric || !geo || !scale?.spec) return null;
    const metric = pkg.metrics.get(mapMetric)!;
    const rows = provinceData(index, mapMetric, 'latest', THIS_YEAR);
    const sourceIds = sourceIdsOf(rows.map((r) => r.cell));
    const stale = staleness(rows, staleYears);
    return { metric, option: buildMapOption({ lang, metric, yearSel: 'latest', rows, national: null, sources: pkg.sources, nameMap, compact, sourceIds, scale: scale.spec, stale, tooltipHtml, legend: mapLegend }) };
  }, [pkg, mapMetric, geo, index, lang, nameMap, compact, scale, staleYears, tooltipHtml]);

  if (!pkg) return null;
  const headSources = sourceIdsOf(heads.map((h) => h.cell));
  // a headline much older than the newest one is marked old
  const newest = Math.max(...heads.map((h) => h.year));
  const anyOld = heads.some((h) => isStale(h.year, newest, OLD_HEADLINE_YEARS));

  return (
    <main className="overview-view" id="main">
      <h2 className="overview-section-title">{tViews(lang, 'headline')}</h2>
      <p className="muted" style={{ marginTop: 0 }}>{tViews(lang, 'headlineNote')}{anyOld ? ` ${tViews(lang, 'oldHeadlineNote', { n: OLD_HEADLINE_YEARS })}` : ''}</p>
      <div className="headline-grid" data-testid="headlines">
        {heads.map((h) => {
          const f = h.cell.primary;
          const old = isStale(h.year, newest, OLD_HEADLINE_YEARS);
          return (
            <ViewLink key={h.metric.id} className={old ? 'headline headline-old' : 'headline'} data-metric={h.metric.id} data-old={old ? '1' : undefined}
              to={{ view: 'trend', metric: h.metric.id, regions: [] }}>
              <span className="card-group">{pkg.manifest.groups.find((g) => g.id === h.metric.group)?.label[lang]}</span>
              <span className="card-title">{h.metric.label[lang]}</span>
              <span className="card-value">{formatFigure(f.value, f.qualifier, h.metric.unit[lang], lang)}</span>
              <span className="card-meta">({f.asOf ?? h.year}){h.cell.conflict ? ` ⚠ ${t(lang, 'conflict')}` : ''}</span>
              {old && <span className="headline-old-note">{tViews(lang, 'oldHeadline', { newest, n: newest - h.year })}</span>}
            </ViewLink>
          );
        })}
      </div>
      {map && (
        <>
          <h2 className="overview-section-title">
            {tViews(lang, 'mapHeadline', { metric: map.metric.label[lang] })}{' '}
            <ViewLink to={{ view: 'map', metric: map.metric.id, year: 'latest' }}>{tViews(lang, 'openMap')} →</ViewLink>
          </h2>
          <EChart option={map.option} label={tViews(lang, 'mapHeadline', { metric: map.metric.label[lang] })} height={compact ? 480 : 620} testId="overview-map" onEvents={OPEN_PROVINCE} />
        </>
      )}
      <div style={{ marginTop: 10 }}>
        <SourcesPanel lang={lang} all={pkg.sources} viewSources={headSources.map((id) => ({
          id,
          figures: heads.filter((h) => h.cell.all.some((f) => f.sourceId === id)).map((h) => `${h.metric.label[lang]} ${h.year}`).join('; '),
        }))} />
      </div>
    </main>
  );
}
