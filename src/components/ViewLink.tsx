import type { AnchorHTMLAttributes } from 'react';
import { browserHandles, navigated } from '../state/navigation';
import { useStore, viewOf } from '../state/store';
import { toQuery, type ViewState } from '../state/url';

type Props = { to: Partial<ViewState> } & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href' | 'onClick'>;

/**
 * A link to another view (or the same view with other parameters). A real
 * link whose href is the view it opens, so that ctrl/⌘/shift/middle-click
 * open it in a new tab or window; a plain click navigates in the app.
 */
export function ViewLink({ to, children, ...rest }: Props) {
  // a string: the link re-renders only when its own URL changes
  const href = useStore((s) => toQuery(navigated(viewOf(s), to))) || '?';
  return (
    <a
      {...rest}
      href={href}
      onClick={(e) => {
        if (browserHandles(e)) return;
        e.preventDefault();
        useStore.getState().navigate(to);
      }}
    >
      {children}
    </a>
  );
}
