import { useMemo } from 'react';
import { buildMapOption } from '../charts/mapOption';
import { headlines, mostCompleteMetric } from '../data/overview';
import { provinceData, sourceIdsOf } from '../data/query';
import { formatFigure } from '../i18n/format';
import { t } from '../i18n/ui';
import { tViews } from '../i18n/views';
import { useData } from '../state/data';
import { useStore } from '../state/store';
import { THIS_YEAR } from '../state/useResolved';
import { useMedia } from '../hooks';
import { EChart } from '../components/EChart';
import { SourcesPanel } from '../components/SourcesPanel';
import { ViewLink } from '../components/ViewLink';
import { OPEN_PROVINCE } from './chartModel';
import './views.css';

export default function OverviewView() {
  const lang = useStore((s) => s.lang);
  const { pkg, index, geo, nameMap } = useData();
  const compact = useMedia('(max-width: 700px)');

  const heads = useMemo(() => (pkg ? headlines(index, pkg.metrics, THIS_YEAR) : []), [pkg, index]);
  const mapMetric = useMemo(() => (pkg ? mostCompleteMetric(index, pkg.manifest.metrics) : null), [pkg, index]);
  const map = useMemo(() => {
    if (!pkg || !mapMetric || !geo) return null;
    const metric = pkg.metrics.get(mapMetric)!;
    const rows = provinceData(index, mapMetric, 'latest', THIS_YEAR);
    const sourceIds = sourceIdsOf(rows.map((r) => r.cell));
    return { metric, option: buildMapOption({ lang, metric, yearSel: 'latest', rows, national: null, sources: pkg.sources, nameMap, compact, sourceIds }) };
  }, [pkg, mapMetric, geo, index, lang, nameMap, compact]);

  if (!pkg) return null;
  const headSources = sourceIdsOf(heads.map((h) => h.cell));

  return (
    <main className="overview-view" id="main">
      <h2 className="overview-section-title">{tViews(lang, 'headline')}</h2>
      <p className="muted" style={{ marginTop: 0 }}>{tViews(lang, 'headlineNote')}</p>
      <div className="headline-grid" data-testid="headlines">
        {heads.map((h) => {
          const f = h.cell.primary;
          return (
            <ViewLink key={h.metric.id} className="headline" data-metric={h.metric.id} to={{ view: 'trend', metric: h.metric.id, regions: [] }}>
              <span className="card-group">{pkg.manifest.groups.find((g) => g.id === h.metric.group)?.label[lang]}</span>
              <span className="card-title">{h.metric.label[lang]}</span>
              <span className="card-value">{formatFigure(f.value, f.qualifier, h.metric.unit[lang], lang)}</span>
              <span className="card-meta">({f.asOf ?? h.year}){h.cell.conflict ? ` ⚠ ${t(lang, 'conflict')}` : ''}</span>
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
