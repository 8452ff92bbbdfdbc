import { useMemo } from 'react';
import { profileRows } from '../data/profile';
import { REGIONS, regionName } from '../data/regions';
import type { Entity, Lang, Source } from '../data/types';
import { formatFigure } from '../i18n/format';
import { t } from '../i18n/strings';
import { ENTITY_KIND_LABELS, tv } from '../i18n/views';
import { noteTitle } from '../components/Annotations';
import { useData } from '../state/data';
import { useStore } from '../state/store';
import { THIS_YEAR } from '../state/useResolved';
import { toQuery, DEFAULT_STATE } from '../state/url';
import { Sparkline } from '../components/Sparkline';
import { rankBase } from '../data/rankBase';
import { rankText } from '../i18n/rankText';
import { SourcesPanel } from '../components/SourcesPanel';
import { SourceLink } from '../components/SourceItem';
import './views.css';

const DEFAULT_REGION = '320000';

export default function ProvinceView() {
  const lang = useStore((s) => s.lang);
  const wanted = useStore((s) => s.region);
  const navigate = useStore((s) => s.navigate);
  const { pkg, index } = useData();
  const region = wanted ?? DEFAULT_REGION;

  const rows = useMemo(() => (pkg ? profileRows(index, pkg.manifest.metrics, region, THIS_YEAR) : []), [pkg, index, region]);
  const entities = useMemo(() => (pkg ? pkg.entities.filter((e) => e.region === region) : []), [pkg, region]);
  if (!pkg) return null;

  const viewSources = new Map<string, string[]>();
  for (const r of rows) {
    for (const f of r.latest.cell.all) {
      const list = viewSources.get(f.sourceId) ?? [];
      list.push(`${r.metric.label[lang]} ${r.latest.year}: ${formatFigure(f.value, f.qualifier, r.metric.unit[lang], lang)}`);
      viewSources.set(f.sourceId, list);
    }
  }

  return (
    <main className="province-view" id="main">
      <div className="controls">
        <label className="field">
          <span className="field-label">{tv(lang, 'province')}</span>
          <select data-testid="province-select" value={region} onChange={(e) => navigate({ view: 'province', region: e.target.value })}>
            {REGIONS.map((r) => (
              <option key={r.code} value={r.code}>{lang === 'zh' ? r.zhFull : r.en}</option>
            ))}
          </select>
        </label>
        <span className="muted">{tv(lang, 'metricsWithData', { n: rows.length })}</span>
      </div>

      <h2 className="view-title">{regionName(region, lang)} <span className="muted">{lang === 'zh' ? REGIONS.find((r) => r.code === region)?.en : REGIONS.find((r) => r.code === region)?.zhFull}</span></h2>
      {!rows.length && <p className="notice">{tv(lang, 'noFigures')}</p>}

      <div className="metric-cards" data-testid="profile-metrics">
        {rows.map((r) => {
          const f = r.latest.cell.primary;
          const unit = r.metric.unit[lang];
          const trendHref = toQuery({ ...DEFAULT_STATE, lang, view: 'trend', metric: r.metric.id, regions: [region] });
          const spark = r.series.map((p) => ({ year: p.year, value: p.cell.primary.value, qualifier: p.cell.primary.qualifier }));
          return (
            <article className="metric-card" key={r.metric.id} data-metric={r.metric.id}>
              <div className="card-group">{pkg.manifest.groups.find((g) => g.id === r.metric.group)?.label[lang]}</div>
              <h3 className="card-title" title={r.metric.definition[lang]}>{r.metric.label[lang]}</h3>
              <div className="card-value">{formatFigure(f.value, f.qualifier, unit, lang)}</div>
              <div className="card-meta">
                {r.latest.year}
                {f.asOf && ` · ${t(lang, 'asOf', { date: f.asOf })}`}
                {f.qualifier !== 'exact' && ` · ${t(lang, f.qualifier === 'at_least' ? 'qualifier_at_least' : 'qualifier_about')}`}
              </div>
              {r.latest.cell.conflict && (
                <div className="conflict">⚠ {t(lang, 'conflict')}: {r.latest.cell.all.map((g) => formatFigure(g.value, g.qualifier, unit, lang)).join(' / ')}</div>
              )}
              <div className="card-meta" data-testid="profile-rank">{rankText(lang, rankBase(r.rank?.rank ?? 1, r.rank?.ranked ?? 1), { year: r.latest.year })}</div>
              <Sparkline
                points={spark}
                label={tv(lang, 'sparkLabel', { metric: r.metric.label[lang], values: r.series.map((p) => `${p.year} ${formatFigure(p.cell.primary.value, p.cell.primary.qualifier, unit, lang)}`).join('; ') })}
              />
              <div className="card-links">
                <a href={trendHref} onClick={(e) => { e.preventDefault(); navigate({ view: 'trend', metric: r.metric.id, regions: [region] }); }}>{tv(lang, 'trendLink')} →</a>
                <a href={toQuery({ ...DEFAULT_STATE, lang, view: 'map', metric: r.metric.id, year: r.latest.year })}
                  onClick={(e) => { e.preventDefault(); navigate({ view: 'map', metric: r.metric.id, year: r.latest.year }); }}>{tv(lang, 'mapLink')} →</a>
              </div>
            </article>
          );
        })}
      </div>

      <section className="carriers-here" data-testid="profile-carriers">
        <h3>{tv(lang, 'carriersHere')} ({entities.length})</h3>
        {entities.length ? <EntityTable entities={entities} lang={lang} sources={pkg.sources} /> : <p className="muted">{tv(lang, 'noCarriers')}</p>}
      </section>

      {viewSources.size > 0 && (
        <SourcesPanel lang={lang} viewLabel={lang === 'zh' ? '本页来源' : 'Sources on this page'} all={pkg.sources} viewSources={[...viewSources].map(([id, figs]) => ({ id, figures: figs.join('; ') }))} />
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
            <th scope="col">{tv(lang, 'kind')}</th>
            <th scope="col">{tv(lang, 'name')}</th>
            <th scope="col">{tv(lang, 'city')}</th>
            <th scope="col">{tv(lang, 'yearCol')}</th>
            <th scope="col">{tv(lang, 'rankScore')}</th>
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
              <td>{[e.rank && (lang === 'zh' ? `第 ${e.rank} 名` : `#${e.rank}`), e.score].filter(Boolean).join(' · ') || '—'}</td>
              <td><SourceLink source={sources.get(e.sourceId)} lang={lang} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
