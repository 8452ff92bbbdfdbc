import { useMemo, useState } from 'react';
import type { Lang, Source } from '../data/types';
import { t } from '../i18n/ui';
import { tViews } from '../i18n/views';
import { DetailsNote } from './DetailsNote';
import { SourceItem } from './SourceItem';
import './SourcesPanel.css';

interface Props {
  lang: Lang;
  /** sources of what is drawn, with what each supports */
  viewSources: { id: string; figures: string }[];
  all: ReadonlyMap<string, Source>;
  /** heading of the first tab (default: "sources of this chart") */
  viewLabel?: string;
}

const PAGE = 60;

export function SourcesPanel({ lang, viewSources, all, viewLabel }: Props) {
  const [tab, setTab] = useState<'view' | 'all'>('view');
  const [filter, setFilter] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const allList = useMemo(() => {
    const q = filter.trim().toLowerCase();
    const list = [...all.values()];
    return q ? list.filter((s) => `${s.publisher} ${s.url} ${s.citation} ${s.quote}`.toLowerCase().includes(q)) : list;
  }, [all, filter]);
  return (
    <section className="sources-panel" aria-label={t(lang, 'sources')} data-testid="sources-panel">
      <div className="tabs" role="tablist">
        <button role="tab" type="button" aria-selected={tab === 'view'} className={tab === 'view' ? 'tab active' : 'tab'} onClick={() => setTab('view')}>
          {viewLabel ?? t(lang, 'sourcesOfView')} ({viewSources.length})
        </button>
        <button role="tab" type="button" aria-selected={tab === 'all'} className={tab === 'all' ? 'tab active' : 'tab'} onClick={() => setTab('all')}>
          {t(lang, 'allSources')} ({all.size})
        </button>
      </div>
      <DetailsNote lang={lang} />
      {tab === 'view' ? (
        <ol className="source-list">
          {viewSources.map(({ id, figures }) => {
            const s = all.get(id);
            return s ? <SourceItem key={id} source={s} lang={lang} figures={figures} /> : null;
          })}
        </ol>
      ) : (
        <>
          <input className="filter" type="search" value={filter} placeholder={t(lang, 'searchSources')} aria-label={t(lang, 'searchSources')}
            onChange={(e) => { setFilter(e.target.value); setLimit(PAGE); }} />
          <ol className="source-list">
            {allList.slice(0, limit).map((s) => <SourceItem key={s.id} source={s} lang={lang} />)}
          </ol>
          {allList.length > limit && (
            <button type="button" className="btn" onClick={() => setLimit(limit + PAGE * 4)}>
              {tViews(lang, 'showMore', { n: allList.length - limit })}
            </button>
          )}
        </>
      )}
    </section>
  );
}
