import { lazy, Suspense, useMemo } from 'react';
import { profileRows } from '../data/profile';
import { REGIONS, regionFullName, regionName } from '../data/regions';
import { sourceSupports } from '../data/supports';
import { figureSupports } from './chartModel';
import type { Entity, Lang, Source } from '../data/types';
import { formatFigure } from '../i18n/format';
import { OTHER_LANG, t } from '../i18n/ui';
import { ENTITY_KIND_LABELS, tViews } from '../i18n/views';
import { noteTitle } from '../components/Annotations';
import { useDrawn } from '../state/drawn';
import { useDetails } from '../state/data';
import { useStore } from '../state/store';
import { THIS_YEAR } from '../state/useResolved';
import { Sparkline } from '../components/Sparkline';
import { rankBase } from '../data/rankBase';
import { rankText } from '../i18n/rankText';
import { SourcesPanel } from '../components/SourcesPanel';
import { SourceLink } from '../components/SourceItem';
import { conflictText } from '../components/NationalFigure';
import { ViewLink } from '../components/ViewLink';
import './views.css';

const DEFAULT_REGION = '320000';
const ViewFindings = lazy(() => import('./ViewFindings'));
const PerControl = lazy(() => import('../components/PerControl'));

/** One province: its latest figure for every metric, with rank, series and links, and the carriers named in it. */
export default function ProvinceView() {
  useDetails();
  const lang = useStore((s) => s.lang);
  const wanted = useStore((s) => s.region);
  const navigate = useStore((s) => s.navigate);
  const { pkg, index } = useDrawn();
  const region = wanted ?? DEFAULT_REGION;

  const rows = useMemo(() => (pkg ? profileRows(index, [...pkg.metrics.values()], region, THIS_YEAR) : []), [pkg, index, region]);
  const findings = useMemo(() => ({ kind: 'profile' as const, region }), [region]);
  const entities = useMemo(() => (pkg ? pkg.entities.filter((e) => e.region === region) : []), [pkg, region]);
  if (!pkg) return null;

  // what each source supports: "国家级科技企业孵化器 2023: 1,100 家"
  // (a ratio: its population or GDP under its own source)
  const supports = sourceSupports(rows.map((r) => r.latest.cell), (f) => {
    const metric = pkg.metrics.get(f.metric)!;
    return figureSupports(f, `${metric.label[lang]} ${f.year}: `, metric.unit[lang], lang);
  });

  return (
    <main className="province-view" id="main">
      <div className="controls">
        <label className="field">
          <span className="field-label">{tViews(lang, 'province')}</span>
          <select data-testid="province-select" value={region} onChange={(e) => navigate({ view: 'province', region: e.target.value })}>
            {REGIONS.map((r) => (
              <option key={r.code} value={r.code}>{regionFullName(r.code, lang)}</option>
            ))}
          </select>
        </label>
        <Suspense fallback={null}>
          <PerControl metricId={null} />
        </Suspense>
        <span className="muted">{tViews(lang, 'metricsWithData', { n: rows.length })}</span>
      </div>

      <h2 className="view-title">{regionName(region, lang)} <span className="muted">{regionFullName(region, OTHER_LANG[lang])}</span></h2>
      {!rows.length && <p className="notice">{tViews(lang, 'noFigures')}</p>}
      <Suspense fallback={null}>
        <ViewFindings spec={findings} title={`${regionName(region, lang)} · ${t(lang, 'view_province')}`} />
      </Suspense>

      <div className="metric-cards" data-testid="profile-metrics">
        {rows.map((r) => {
          const f = r.latest.cell.primary;
          const unit = r.metric.unit[lang];
          const spark = r.series.map((p) => ({ year: p.year, value: p.cell.primary.value, qualifier: p.cell.primary.qualifier }));
          return (
            <article className="metric-card" key={r.metric.id} data-metric={r.metric.id}>
              <div className="card-group">{pkg.manifest.groups.find((g) => g.id === r.metric.group)?.label[lang]}</div>
              <h3 className="card-title" title={r.metric.definition?.[lang]}>{r.metric.label[lang]}</h3>
              <div className="card-value">{formatFigure(f.value, f.qualifier, unit, lang)}</div>
              <div className="card-meta">
                {r.latest.year}
                {f.asOf && ` · ${t(lang, 'asOf', { date: f.asOf })}`}
                {f.qualifier !== 'exact' && ` · ${t(lang, f.qualifier === 'at_least' ? 'qualifier_at_least' : 'qualifier_about')}`}
              </div>
              {r.latest.cell.conflict && <div className="conflict">⚠ {conflictText(r.latest.cell, unit, lang)}</div>}
              <div className="card-meta" data-testid="profile-rank">{rankText(lang, rankBase(r.rank?.rank ?? 1, r.rank?.ranked ?? 1), { year: r.latest.year })}</div>
              <Sparkline
                points={spark}
                label={tViews(lang, 'sparkLabel', { metric: r.metric.label[lang], values: r.series.map((p) => `${p.year} ${formatFigure(p.cell.primary.value, p.cell.primary.qualifier, unit, lang)}`).join('; ') })}
              />
              <div className="card-links">
                <ViewLink to={{ view: 'trend', metric: r.metric.id, regions: [region], per: r.metric.per ?? 'abs' }}>{tViews(lang, 'trendLink')} →</ViewLink>
                <ViewLink to={{ view: 'map', metric: r.metric.id, year: r.latest.year, per: r.metric.per ?? 'abs' }}>{tViews(lang, 'mapLink')} →</ViewLink>
              </div>
            </article>
          );
        })}
      </div>

      <section className="carriers-here" data-testid="profile-carriers">
        <h3>{tViews(lang, 'carriersHere')} ({entities.length})</h3>
        {entities.length ? <EntityTable entities={entities} lang={lang} sources={pkg.sources} /> : <p className="muted">{tViews(lang, 'noCarriers')}</p>}
      </section>

      {supports.size > 0 && (
        <SourcesPanel lang={lang} viewLabel={tViews(lang, 'sourcesOnPage')} all={pkg.sources} viewSources={[...supports].map(([id, figs]) => ({ id, figures: figs.join('; ') }))} />
      )}
    </main>
  );
}

export function EntityTable({ entities, lang, sources }: { entities: readonly Entity[]; lang: Lang; sources: ReadonlyMap<string, Source> }) {
  return (
    <div className="table-scroll">
      <table className="entity-table">
        <thead>
          <tr>
            <th scope="col">{tViews(lang, 'kind')}</th>
            <th scope="col">{tViews(lang, 'name')}</th>
            <th scope="col">{tViews(lang, 'city')}</th>
            <th scope="col">{tViews(lang, 'yearCol')}</th>
            <th scope="col">{tViews(lang, 'rankScore')}</th>
            <th scope="col">{t(lang, 'source')}</th>
          </tr>
        </thead>
        <tbody>
          {entities.map((e) => (
            <tr key={e.id}>
              <td>{ENTITY_KIND_LABELS[e.kind]?.[lang] ?? e.kind}</td>
              <td title={noteTitle(e.note, lang)}>{e.name}</td>
              <td>{e.city || '—'}</td>
              <td>{e.year ?? '—'}</td>
              <td>{[e.rank && tViews(lang, 'entityRank', { rank: e.rank }), e.score].filter(Boolean).join(' · ') || '—'}</td>
              <td><SourceLink source={sources.get(e.sourceId)} lang={lang} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
