import type { Lang } from '../data/types';
import { t, type UiKey } from '../i18n/ui';
import { useStore } from '../state/store';
import type { ViewId } from '../state/url';
import { ViewLink } from './ViewLink';

/** Tabs for the views; each is a real link (its URL), so it can be opened in a new tab. */
export function Nav({ lang, views }: { lang: Lang; views: readonly { id: ViewId; label: UiKey }[] }) {
  const view = useStore((s) => s.view);
  return (
    <nav className="nav" aria-label={t(lang, 'viewsNav')}>
      {views.map(({ id, label }) => (
        <ViewLink
          key={id}
          to={{ view: id }}
          data-testid={`nav-${id}`}
          className={id === view ? 'nav-link active' : 'nav-link'}
          aria-current={id === view ? 'page' : undefined}
        >
          {t(lang, label)}
        </ViewLink>
      ))}
    </nav>
  );
}
