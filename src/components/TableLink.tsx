import { tShare } from '../i18n/share';
import { useStore } from '../state/store';
import { ViewLink } from './ViewLink';

/** The figures behind a chart as a table, one step away (a text alternative to the chart). */
export function TableLink() {
  const lang = useStore((s) => s.lang);
  return (
    <ViewLink className="btn" to={{ view: 'table' }} data-testid="table-link">
      {tShare(lang, 'dataTable')}
    </ViewLink>
  );
}
