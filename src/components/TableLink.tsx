import { useStore } from '../state/store';
import { toQuery } from '../state/url';
import { viewOf } from '../state/store';

/** The figures behind a chart as a table, one step away (a text alternative to the chart). */
export function TableLink() {
  const lang = useStore((s) => s.lang);
  const navigate = useStore((s) => s.navigate);
  const href = toQuery({ ...viewOf(useStore.getState()), view: 'table' }) || '?';
  return (
    <a className="btn" href={href} data-testid="table-link"
      onClick={(e) => { if (e.button !== 0 || e.ctrlKey || e.metaKey) return; e.preventDefault(); navigate({ view: 'table' }); }}>
      {lang === 'zh' ? '数据表' : 'Data table'}
    </a>
  );
}
