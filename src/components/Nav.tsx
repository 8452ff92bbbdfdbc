import type { Lang } from '../data/types';
import { useStore, viewOf } from '../state/store';
import { toQuery, type ViewId, type ViewState } from '../state/url';

export const VIEW_LABELS: Record<ViewId, { zh: string; en: string }> = {
  overview: { zh: '概览', en: 'Overview' },
  map: { zh: '地图', en: 'Map' },
  ranking: { zh: '排名', en: 'Ranking' },
  trend: { zh: '趋势', en: 'Trend' },
  table: { zh: '表格', en: 'Table' },
  province: { zh: '省份', en: 'Province' },
  carriers: { zh: '载体名录', en: 'Named carriers' },
  coverage: { zh: '数据覆盖', en: 'Coverage' },
};

/** Tabs for the views; each is a real link (its URL), so it can be opened in a new tab. */
export function Nav({ lang, views }: { lang: Lang; views: readonly ViewId[] }) {
  const view = useStore((s) => s.view);
  // the serialised view state: a string, so the nav re-renders only when a link changes
  const stateJson = useStore((s) => JSON.stringify(viewOf(s)));
  const hrefOf = (v: ViewId) => toQuery({ ...(JSON.parse(stateJson) as ViewState), view: v }) || '?';
  const setView = useStore((s) => s.setView);
  return (
    <nav className="nav" aria-label={lang === 'zh' ? '视图' : 'Views'}>
      {views.map((v) => (
        <a
          key={v}
          href={hrefOf(v)}
          data-testid={`nav-${v}`}
          className={v === view ? 'nav-link active' : 'nav-link'}
          aria-current={v === view ? 'page' : undefined}
          onClick={(e) => {
            if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
            e.preventDefault();
            setView(v);
          }}
        >
          {VIEW_LABELS[v][lang]}
        </a>
      ))}
    </nav>
  );
}
