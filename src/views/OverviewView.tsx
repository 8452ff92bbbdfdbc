import { useMemo } from 'react';
import { buildMapOption } from '../charts/mapOption';
import { headlines, mostCompleteMetric } from '../data/overview';
import { provinceData, sourceIdsOf } from '../data/query';
import { REGION_BY_CODE } from '../data/regions';
import { formatFigure } from '../i18n/format';
import { t } from '../i18n/strings';
import { tv } from '../i18n/views';
import { useData } from '../state/data';
import { useStore } from '../state/store';
import { THIS_YEAR } from '../state/useResolved';
import { DEFAULT_STATE, toQuery } from '../state/url';
import { useMedia } from '../hooks';
import { EChart } from '../components/EChart';
import { SourcesPanel } from '../components/SourcesPanel';
import { isStale, OLD_HEADLINE_YEARS, staleness } from '../data/staleness';
import { useMetricScale } from './useMetricScale';
import { useMapTooltip } from './useLazyParts';
import './views.css';

export default function OverviewView() {
  const lang = useStore((s) => s.lang);
  const navigate = useStore((s) => s.navigate);
  const { pkg, index, geo, nameMap } = useData();
  const compact = useMedia('(max-width: 700px)');

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
    return { metric, option: buildMapOption({ lang, metric, yearSel: 'latest', rows, national: null, sources: pkg.sources, nameMap, compact, sourceIds, scale: scale.spec, stale, tooltipHtml }) };
  }, [pkg, mapMetric, geo, index, lang, nameMap, compact, scale, staleYears, tooltipHtml]);
  const onEvents = useMemo(
    () => ({ click: (p: unknown) => {
      const code = String((p as { name?: string }).name ?? '');
      if (REGION_BY_CODE.has(code)) navigate({ view: 'province', region: code });
    } }),
    [navigate],
  );

  if (!pkg) return null;
  const headSources = sourceIdsOf(heads.map((h) => h.cell));
  // a headline much older than the newest one is marked old
  const newest = Math.max(...heads.map((h) => h.year));
  const anyOld = heads.some((h) => isStale(h.year, newest, OLD_HEADLINE_YEARS));

  return (
    <main className="overview-view" id="main">
      <h2 className="overview-section-title">{tv(lang, 'headline')}</h2>
      <p className="muted" style={{ marginTop: 0 }}>{tv(lang, 'headlineNote')}{anyOld ? ` ${tv(lang, 'oldHeadlineNote', { n: OLD_HEADLINE_YEARS })}` : ''}</p>
      <div className="headline-grid" data-testid="headlines">
        {heads.map((h) => {
          const f = h.cell.primary;
          const old = isStale(h.year, newest, OLD_HEADLINE_YEARS);
          return (
            <a key={h.metric.id} className={old ? 'headline headline-old' : 'headline'} data-metric={h.metric.id} data-old={old ? '1' : undefined}
              href={toQuery({ ...DEFAULT_STATE, lang, view: 'trend', metric: h.metric.id })}
              onClick={(e) => { if (e.button !== 0 || e.ctrlKey || e.metaKey) return; e.preventDefault(); navigate({ view: 'trend', metric: h.metric.id, regions: [] }); }}>
              <span className="card-group">{pkg.manifest.groups.find((g) => g.id === h.metric.group)?.label[lang]}</span>
              <span className="card-title">{h.metric.label[lang]}</span>
              <span className="card-value">{formatFigure(f.value, f.qualifier, h.metric.unit[lang], lang)}</span>
              <span className="card-meta">({f.asOf ?? h.year}){h.cell.conflict ? ` ⚠ ${t(lang, 'conflict')}` : ''}</span>
              {old && <span className="headline-old-note">{tv(lang, 'oldHeadline', { newest, n: newest - h.year })}</span>}
            </a>
          );
        })}
      </div>
      {map && (
        <>
          <h2 className="overview-section-title">
            {tv(lang, 'mapHeadline', { metric: map.metric.label[lang] })}{' '}
            <a href={toQuery({ ...DEFAULT_STATE, lang, view: 'map', metric: map.metric.id, year: 'latest' })}
              onClick={(e) => { e.preventDefault(); navigate({ view: 'map', metric: map.metric.id, year: 'latest' }); }}>{tv(lang, 'openMap')} →</a>
          </h2>
          <EChart option={map.option} label={tv(lang, 'mapHeadline', { metric: map.metric.label[lang] })} height={compact ? 480 : 620} testId="overview-map" onEvents={onEvents} />
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
