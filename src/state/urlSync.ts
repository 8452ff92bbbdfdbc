/**
 * Mirrors the store in the address bar: each change of view pushes a history
 * entry (replaced while playing, so that playback does not flood history);
 * back/forward restore the view.
 */
import { parseQuery, toQuery } from './url';
import { useStore, viewOf } from './store';
import { useNotices } from './notices';

let replaceNext = false;
/** The next store change only normalises the view (fills a default, drops an unknown value): replace, don't push. */
export function replaceHistoryNext(): void {
  replaceNext = true;
}

export function startUrlSync(win: Window = window): () => void {
  const initial = parseQuery(win.location.search);
  if (initial.rejected.length) {
    console.warn('Hatch Atlas: ignored URL parameters', initial.rejected);
    void import('./linkNotices').then((m) => {
      const n = m.rejectedParamNotice(initial.rejected);
      if (n) useNotices.getState().push(n);
    });
  }
  useStore.getState().applyView(initial.state);

  const onPop = () => useStore.getState().applyView(parseQuery(win.location.search).state);
  win.addEventListener('popstate', onPop);

  // The address bar is written in the task after the change, not during it: a year change
  // then draws first (writing history costs a few milliseconds, and more on a slow PC).
  // Changes made in one task make one history entry, pushed if any of them asks for a push.
  let pending: { replace: boolean } | null = null;
  const flush = () => {
    const replace = pending?.replace ?? true;
    pending = null;
    const q = toQuery(viewOf(useStore.getState()), new URLSearchParams(win.location.search));
    if (q === win.location.search || (q === '' && win.location.search === '')) return;
    const url = win.location.pathname + q + win.location.hash;
    try {
      if (replace) win.history.replaceState(null, '', url);
      else win.history.pushState(null, '', url);
    } catch (e) {
      // some file:// and sandboxed contexts refuse history changes: the view still works
      console.warn('Hatch Atlas: could not update the address bar', e);
    }
  };
  const unsub = useStore.subscribe((s, prev) => {
    // While playing, and when the app only fills in defaults, replace instead of push.
    const replace = replaceNext || s.playing || prev.playing;
    replaceNext = false;
    if (pending) {
      pending.replace &&= replace;
      return;
    }
    pending = { replace };
    setTimeout(flush, 0);
  });
  return () => {
    win.removeEventListener('popstate', onPop);
    unsub();
  };
}
