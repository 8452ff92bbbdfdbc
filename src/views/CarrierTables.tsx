/** The tables of the named-carriers view: one per published ranking, and the sortable list of the others. Data text as React text. */
import type { EntitySortKey, RankedGroup, SortDir } from '../data/entities';
import { regionName } from '../data/regions';
import type { Entity, Lang, Source } from '../data/types';
import { kindLabel, tRanking } from '../i18n/ranking';
import type { KeyOf } from '../i18n/lookup';
import { t } from '../i18n/ui';
import { SourceLink } from '../components/SourceItem';
import { CompilerNote } from '../components/Annotations';

const DASH = '—';

export type EntitySort = { key: EntitySortKey; dir: SortDir };

function Province({ e, lang }: { e: Entity; lang: Lang }) {
  return <>{e.region ? regionName(e.region, lang) : DASH}</>;
}

function SortHeader({ col, label, sort, onSort, lang }: {
  col: EntitySortKey; label: string; sort: EntitySort; onSort: (k: EntitySortKey) => void; lang: Lang;
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

/** One published ranking (a kind and a year): rank, name, place, year, and the note and source where they differ by row. */
export function RankedGroupTable({ group: g, lang, sources }: { group: RankedGroup; lang: Lang; sources: ReadonlyMap<string, Source> }) {
  const col = (k: KeyOf<typeof tRanking>) => tRanking(lang, k);
  return (
    <div className="carriers-table-wrap">
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
  );
}

/** The carriers that are not in a ranking, sortable by each column. */
export function CarrierList({ entities, lang, sources, showKind, sort, onSort }: {
  entities: readonly Entity[];
  lang: Lang;
  sources: ReadonlyMap<string, Source>;
  /** a column for the kind (when all kinds are shown) */
  showKind: boolean;
  sort: EntitySort;
  onSort: (k: EntitySortKey) => void;
}) {
  const col = (k: KeyOf<typeof tRanking>) => tRanking(lang, k);
  return (
    <div className="carriers-table-wrap">
      <table className="carriers-table carriers-list" data-testid="carriers-list">
        <thead>
          <tr>
            <SortHeader col="name" label={col('colName')} sort={sort} onSort={onSort} lang={lang} />
            {showKind && <SortHeader col="kind" label={col('colKind')} sort={sort} onSort={onSort} lang={lang} />}
            <SortHeader col="region" label={col('colProvince')} sort={sort} onSort={onSort} lang={lang} />
            <SortHeader col="city" label={col('colCity')} sort={sort} onSort={onSort} lang={lang} />
            <SortHeader col="year" label={col('colYear')} sort={sort} onSort={onSort} lang={lang} />
            <SortHeader col="rating" label={col('colRating')} sort={sort} onSort={onSort} lang={lang} />
            <th scope="col">{col('colNote')}</th>
            <th scope="col">{col('colSource')}</th>
          </tr>
        </thead>
        <tbody>
          {entities.map((e, i) => (
            <tr key={`${e.id}-${i}`}>
              <td data-label={col('colName')} className="carriers-name">{e.name}</td>
              {showKind && <td data-label={col('colKind')}>{kindLabel(e.kind, lang)}</td>}
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
  );
}
