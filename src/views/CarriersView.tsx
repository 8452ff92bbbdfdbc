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
} from '../data/entities';
import { regionName } from '../data/regions';
import { kindLabel, tRanking } from '../i18n/ranking';
import { tViews } from '../i18n/views';
import { useData, useDetails } from '../state/data';
import { useStore } from '../state/store';
import { SourcesPanel } from '../components/SourcesPanel';
import { CarrierList, RankedGroupTable, type EntitySort } from './CarrierTables';
import './ranking.css';

const DEFAULT_KIND = 'returnee_park_base';

type YearFilter = number | 'unknown' | null;

export default function CarriersView() {
  useDetails();
  const lang = useStore((s) => s.lang);
  const region = useStore((s) => s.region);
  const setRegion = useStore((s) => s.setRegion);
  const pkg = useData((s) => s.pkg);
  const entities = useMemo(() => pkg?.entities ?? [], [pkg]);
  const counts = useMemo(() => kindCounts(entities), [entities]);
  const [kindState, setKindState] = useState<string | null | undefined>(undefined);
  const [year, setYear] = useState<YearFilter>(null);
  const [sort, setSort] = useState<EntitySort>({ key: 'year', dir: 'desc' });

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
          {groups.map((g) => <RankedGroupTable key={`${g.kind}|${g.year}`} group={g} lang={lang} sources={sources} />)}
        </section>
      )}

      {unranked.length > 0 && (
        <section className="carriers-section" aria-labelledby="carriers-list-h">
          <h2 id="carriers-list-h">{tRanking(lang, 'unrankedSection')} <span className="muted carriers-h-count">{tRanking(lang, 'listCount', { n: unranked.length })}</span></h2>
          <CarrierList entities={unranked} lang={lang} sources={sources} showKind={kind === null} sort={sort} onSort={onSort} />
        </section>
      )}

      {viewSources.length > 0 && <SourcesPanel lang={lang} all={sources} viewSources={viewSources} viewLabel={tViews(lang, 'sourcesOnPage')} />}
    </main>
  );
}
