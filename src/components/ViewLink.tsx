import { useEffect, useRef, type AnchorHTMLAttributes } from 'react';
import { browserHandles, navigated } from '../state/navigation';
import { useStore, viewOf } from '../state/store';
import { toQuery, type ViewState } from '../state/url';
import { afterUrlWrite } from '../state/urlSync';

type Props = { to: Partial<ViewState> } & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href' | 'onClick'>;

/** The href of a link to `to` from the current view. */
const hrefOf = (to: Partial<ViewState>) => toQuery(navigated(viewOf(useStore.getState()), to)) || '?';

/**
 * A link to another view (or the same view with other parameters). A real
 * link whose href is the view it opens, so that ctrl/⌘/shift/middle-click
 * open it in a new tab or window; a plain click navigates in the app.
 * The href is brought up to date after each address-bar write (after the
 * paint) rather than by re-rendering: a year change does not render the links.
 */
export function ViewLink({ to, children, ...rest }: Props) {
  const ref = useRef<HTMLAnchorElement>(null);
  const target = useRef(to);
  target.current = to;
  useEffect(
    () =>
      afterUrlWrite(() => {
        const h = hrefOf(target.current);
        if (ref.current && ref.current.getAttribute('href') !== h) ref.current.setAttribute('href', h);
      }),
    [],
  );
  return (
    <a
      {...rest}
      ref={ref}
      href={hrefOf(to)}
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
