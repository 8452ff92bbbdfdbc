import type { Lang } from '../data/types';
import { tViews } from '../i18n/views';
import { ensureDetails, useData, type DataState } from '../state/data';
import './DetailsNote.css';

/**
 * The bundled package's quotes, notes and named carriers, which load after the first chart:
 * 'pending' until they are in, 'error' when they could not be loaded (asked again the next
 * time a view wants them, while the package is still waiting for them). Derived here, beside
 * its one reader, so that the first chart's code does not carry it.
 */
export function detailsStatus(s: Pick<DataState, 'bundled' | 'detailsError'>): 'pending' | 'ready' | 'error' {
  if (s.detailsError !== null) return 'error';
  return !s.bundled || s.bundled.pending ? 'pending' : 'ready';
}

/**
 * While the quotes and notes (loaded after the first chart) are not in, the list says so,
 * rather than show sources without their quotes as if they had none; if they could not be
 * loaded, it says that, with a way to ask again where one exists.
 */
export function DetailsNote({ lang }: { lang: Lang }) {
  const details = useData(detailsStatus);
  const reason = useData((s) => s.detailsError);
  const waiting = useData((s) => !!s.bundled?.pending);
  if (details === 'error')
    return (
      <p className="details-note error" role="status" data-testid="quotes-failed">
        {tViews(lang, 'quotesFailed', { reason: reason ?? '' })}{' '}
        {waiting ? (
          <button type="button" className="btn" onClick={ensureDetails}>{tViews(lang, 'quotesRetry')}</button>
        ) : (
          tViews(lang, 'quotesReload')
        )}
      </p>
    );
  return waiting ? <p className="details-note muted" role="status" data-testid="quotes-loading">{tViews(lang, 'quotesLoading')}</p> : null;
}

