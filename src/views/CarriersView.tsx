import { useMemo, useState } from 'react';
import {
  entityRegions,
  entityYears,
  filterEntities,
  isRanked,
  kindCounts,
  rankedGroups,
  sortEntities,
  type EntitySortKey,
  type SortDir,
} from '../data/entities';
import { regionName } from '../data/regions';
import type { Entity, Lang, Source } from '../data/types';
import type { KeyOf } from '../i18n/lookup';
import { kindLabel, tRanking } from '../i18n/ranking';
import { t } from '../i18n/ui';
import { tViews } from '../i18n/views';
import { useData } from '../state/data';
import { useStore } from '../state/store';
import { SourcesPanel } from '../components/SourcesPanel';
import { SourceLink } from '../components/SourceItem';
import { CompilerNote } from '../components/Annotations';
import './ranking.css';

const DEFAULT_KIND = 'returnee_park_base';
const DASH = '—';

type YearFilter = number | 'unknown' | null;

function Province({ e, lang }: { e: Entity; lang: Lang }) {
  return <>{e.region ? regionName(e.region, lang) : DASH}</>;
}

function SortHeader({ col, label, sort, onSort, lang }: {
  col: EntitySortKey; label: string; sort: { key: EntitySortKey; dir: SortDir }; onSort: (k: EntitySortKey) => void; lang: Lang;
}) {
  const active = sort.key === col;
  return (
    <th scope="col" aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className="carriers-sort" onClick={() => onSort(col)} title={tRanking(lang, 'sortBy', { col: label })}>
        {label}<span aria-hidden="true" className="carriers-sort-mark">{active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ' ↕'}</span>
      </button>
    </th>
  );
}

function SourceCell({ source, lang }: { source: Source | undefined; lang: Lang }) {
  return (
    <>
      <SourceLink source={source} lang={lang} />
      {source?.date ? <span className="muted"> · {source.date}</span> : null}
    </>
  );
}

export default function CarriersView() {
  const lang = useStore((s) => s.lang);
  const region = useStore((s) => s.region);
  const setRegion = useStore((s) => s.setRegion);
  const pkg = useData((s) => s.pkg);
  const entities = useMemo(() => pkg?.entities ?? [], [pkg]);
  const counts = useMemo(() => kindCounts(entities), [entities]);
  const [kindState, setKindState] = useState<string | null | undefined>(undefined);
  const [year, setYear] = useState<YearFilter>(null);
  const [sort, setSort] = useState<{ key: EntitySortKey; dir: SortDir }>({ key: 'year', dir: 'desc' });

  // default kind: the one with the published rankings, when the data has it
  const kind: string | null = kindState !== undefined ? kindState : counts.some((c) => c.kind === DEFAULT_KIND) ? DEFAULT_KIND : counts[0]?.kind ?? null;

  const ofKind = useMemo(() => filterEntities(entities, { kind, region: null, year: null }), [entities, kind]);
  const years = useMemo(() => entityYears(ofKind), [ofKind]);
  const regions = useMemo(() => entityRegions(ofKind), [ofKind]);
  const filtered = useMemo(() => filterEntities(entities, { kind, region, year }), [entities, kind, region, year]);
  const groups = useMemo(() => rankedGroups(filtered), [filtered]);
  const unranked = useMemo(() => sortEntities(filtered.filter((e) => !isRanked(e)), sort.key, sort.dir), [filtered, sort]);
  const viewSources = useMemo(() => {
    const m = new Map<string, number>();
    for (const e of filtered) m.set(e.sourceId, (m.get(e.sourceId) ?? 0) + 1);
    return [...m].map(([id, n]) => ({ id, figures: tRanking(lang, n === 1 ? 'entries1' : 'entriesN', { n }) }));
  }, [filtered, lang]);

  if (!pkg) return null;
  const sources = pkg.sources;
  const chooseKind = (k: string | null) => {
    setKindState(k);
    setYear(null);
  };
  const onSort = (k: EntitySortKey) => setSort((s) => (s.key === k ? { key: k, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key: k, dir: k === 'year' ? 'desc' : 'asc' }));
  const col = (k: KeyOf<typeof tRanking>) => tRanking(lang, k);
  const regionOptions = region && !regions.regions.includes(region) ? [...regions.regions, region] : regions.regions;
  const yearValue = year === null ? '' : String(year);
  const filtersOn = year !== null || region !== null;

  return (
    <main className="carriers-view" id="main">
      <div className="controls carriers-controls">
        <div className="carriers-kinds" role="group" aria-label={tRanking(lang, 'kindFilter')} data-testid="kind-filter">
          <button type="button" className={kind === null ? 'carriers-kind active' : 'carriers-kind'} aria-pressed={kind === null} onClick={() => chooseKind(null)}>
            {tRanking(lang, 'kindAll')} <span className="carriers-count">{entities.length}</span>
          </button>
          {counts.map((c) => (
            <button key={c.kind} type="button" data-kind={c.kind} className={kind === c.kind ? 'carriers-kind active' : 'carriers-kind'} aria-pressed={kind === c.kind}
              onClick={() => chooseKind(c.kind)}>
              {kindLabel(c.kind, lang)} <span className="carriers-count">{c.count}</span>
            </button>
          ))}
        </div>
        <div className="carriers-selects">
          <label className="field">
            <span className="field-label">{tRanking(lang, 'yearFilter')}</span>
            <select data-testid="carriers-year" value={yearValue}
              onChange={(e) => setYear(e.target.value === '' ? null : e.target.value === 'unknown' ? 'unknown' : Number(e.target.value))}>
              <option value="">{tRanking(lang, 'yearAll')}</option>
              {years.years.map((y) => <option key={y} value={String(y)}>{y}</option>)}
              {years.unknown && <option value="unknown">{tRanking(lang, 'yearUnknown')}</option>}
            </select>
          </label>
          <label className="field">
            <span className="field-label">{tRanking(lang, 'provinceFilter')}</span>
            <select data-testid="carriers-province" value={region ?? ''} onChange={(e) => setRegion(e.target.value || null)}>
              <option value="">{tRanking(lang, 'provinceAll')}</option>
              {regionOptions.map((c) => <option key={c} value={c}>{regionName(c, lang)}</option>)}
            </select>
          </label>
          {filtersOn && (
            <button type="button" className="btn" onClick={() => { setYear(null); setRegion(null); }}>{tRanking(lang, 'resetFilters')}</button>
          )}
        </div>
      </div>

      <p className="carriers-intro muted">
        {tRanking(lang, 'carriersIntro')} {tRanking(lang, 'yearColNote')}{' '}
        <strong data-testid="carriers-count">{tRanking(lang, 'shownOf', { n: filtered.length, total: kind === null ? entities.length : ofKind.length })}</strong>
      </p>

      {filtered.length === 0 && <p className="notice info" role="status">{tRanking(lang, 'noEntities')}</p>}

      {groups.length > 0 && (
        <section className="carriers-section" aria-labelledby="carriers-ranked-h">
          <h2 id="carriers-ranked-h">{tRanking(lang, 'rankedSection')}</h2>
          {groups.map((g) => (
            <div className="carriers-table-wrap" key={`${g.kind}|${g.year}`}>
              <table className="carriers-table carriers-ranked" data-testid="ranked-group" data-kind={g.kind} data-year={g.year ?? ''}>
                <caption>
                  {g.year !== null ? tRanking(lang, 'rankedGroup', { kind: kindLabel(g.kind, lang), year: g.year }) : tRanking(lang, 'rankedGroupNoYear', { kind: kindLabel(g.kind, lang) })}
                  {g.commonNote && <div className="carriers-caption-note"><CompilerNote note={g.commonNote} lang={lang} labelled /></div>}
                  {g.commonSourceId && (
                    <span className="carriers-caption-note carriers-caption-source">
                      {tRanking(lang, 'colSource')}{t(lang, 'colon')}<SourceCell source={sources.get(g.commonSourceId)} lang={lang} />
                    </span>
                  )}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{col('colRank')}</th>
                    <th scope="col">{col('colName')}</th>
                    <th scope="col">{col('colProvince')}</th>
                    <th scope="col">{col('colCity')}</th>
                    <th scope="col">{col('colYear')}</th>
                    {g.hasScore && <th scope="col">{col('colRating')}</th>}
                    {!g.commonNote && <th scope="col">{col('colNote')}</th>}
                    {!g.commonSourceId && <th scope="col">{col('colSource')}</th>}
                  </tr>
                </thead>
                <tbody>
                  {g.entries.map(({ entity: e, rank }, i) => (
                    <tr key={`${e.id}-${i}`}>
                      <td data-label={col('colRank')} className="carriers-rank">{rank}</td>
                      <td data-label={col('colName')} className="carriers-name">{e.name}</td>
                      <td data-label={col('colProvince')}><Province e={e} lang={lang} /></td>
                      <td data-label={col('colCity')}>{e.city || DASH}</td>
                      <td data-label={col('colYear')}>{e.year ?? DASH}</td>
                      {g.hasScore && <td data-label={col('colRating')}>{e.score || DASH}</td>}
                      {!g.commonNote && <td data-label={col('colNote')} className="carriers-note"><CompilerNote note={e.note} lang={lang} /></td>}
                      {!g.commonSourceId && <td data-label={col('colSource')} className="carriers-source"><SourceCell source={sources.get(e.sourceId)} lang={lang} /></td>}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </section>
      )}

      {unranked.length > 0 && (
        <section className="carriers-section" aria-labelledby="carriers-list-h">
          <h2 id="carriers-list-h">{tRanking(lang, 'unrankedSection')} <span className="muted carriers-h-count">{tRanking(lang, 'listCount', { n: unranked.length })}</span></h2>
          <div className="carriers-table-wrap">
            <table className="carriers-table carriers-list" data-testid="carriers-list">
              <thead>
                <tr>
                  <SortHeader col="name" label={col('colName')} sort={sort} onSort={onSort} lang={lang} />
                  {kind === null && <SortHeader col="kind" label={col('colKind')} sort={sort} onSort={onSort} lang={lang} />}
                  <SortHeader col="region" label={col('colProvince')} sort={sort} onSort={onSort} lang={lang} />
                  <SortHeader col="city" label={col('colCity')} sort={sort} onSort={onSort} lang={lang} />
                  <SortHeader col="year" label={col('colYear')} sort={sort} onSort={onSort} lang={lang} />
                  <SortHeader col="rating" label={col('colRating')} sort={sort} onSort={onSort} lang={lang} />
                  <th scope="col">{col('colNote')}</th>
                  <th scope="col">{col('colSource')}</th>
                </tr>
              </thead>
              <tbody>
                {unranked.map((e, i) => (
                  <tr key={`${e.id}-${i}`}>
                    <td data-label={col('colName')} className="carriers-name">{e.name}</td>
                    {kind === null && <td data-label={col('colKind')}>{kindLabel(e.kind, lang)}</td>}
                    <td data-label={col('colProvince')}><Province e={e} lang={lang} /></td>
                    <td data-label={col('colCity')}>{e.city || DASH}</td>
                    <td data-label={col('colYear')}>{e.year ?? DASH}</td>
                    <td data-label={col('colRating')}>{e.score || DASH}</td>
                    <td data-label={col('colNote')} className="carriers-note"><CompilerNote note={e.note} lang={lang} /></td>
                    <td data-label={col('colSource')} className="carriers-source"><SourceCell source={sources.get(e.sourceId)} lang={lang} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      {viewSources.length > 0 && <SourcesPanel lang={lang} all={sources} viewSources={viewSources} viewLabel={tViews(lang, 'sourcesOnPage')} />}
    </main>
  );
}
