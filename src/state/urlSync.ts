/**
 * Mirrors the store in the address bar: each change of view pushes a history
 * entry (replaced while playing, so that playback does not flood history, and
 * within a burst of year steps, so that holding → makes one entry, not one per
 * year); back/forward restore the view.
 */
import { PARAM_KEYS, parseQuery, toQuery, type ViewState } from './url';
import { useStore, viewOf } from './store';
import { useNotices } from './notices';

let replaceNext = false;
/** The next store change only normalises the view (fills a default, drops an unknown value): replace, don't push. */
export function replaceHistoryNext(): void {
  replaceNext = true;
}

const afterWrite = new Set<() => void>();
/**
 * Run `fn` after each address-bar write (the task after a store change, after the paint): for
 * what only needs the URL or the view state to be right by the time it is used, such as the hrefs
 * of in-app links, so that a year change does not re-render them. Returns the unsubscribe.
 */
export function afterUrlWrite(fn: () => void): () => void {
  afterWrite.add(fn);
  return () => void afterWrite.delete(fn);
}

/** A year step is written to the address bar once the steps have been quiet this long. */
export const STEP_QUIET_MS = 300;

/** Year steps (arrow keys, ‹ ›, the slider) less than this long after the previous one share its history entry. */
export const BURST_MS = 1000;

/** Whether `next` differs from `prev` in the year and nothing else of the URL. */
export function onlyYearChanged(prev: ViewState, next: ViewState): boolean {
  if (Object.is(prev.year, next.year)) return false;
  return PARAM_KEYS.every((k) => k === 'year' || Object.is(prev[k], next[k]));
}

/**
 * How to write a change into history: replace when asked to (playing, defaults
 * filled in), or when it is a year step within BURST_MS of the previous year
 * step (`lastStep`, null when the last entry was not a year step); push otherwise.
 */
export function historyWrite(o: { replace: boolean; yearStep: boolean; now: number; lastStep: number | null }): 'push' | 'replace' {
  if (o.replace) return 'replace';
  return o.yearStep && o.lastStep !== null && o.now - o.lastStep < BURST_MS ? 'replace' : 'push';
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

  // the view last written, and when the last year step was (null: the last entry was something else)
  let written = viewOf(useStore.getState());
  let lastStep: number | null = null;
  const onPop = () => {
    lastStep = null;
    useStore.getState().applyView(parseQuery(win.location.search).state);
  };
  win.addEventListener('popstate', onPop);

  // The address bar is written in a task after the change, not during it: a year change
  // then draws first (writing history costs a few milliseconds, and more on a slow PC).
  // Changes made in one task make one history entry, pushed if any of them asks for a push.
  let pending: { replace: boolean; delay: number; timer: ReturnType<typeof setTimeout> | 0 } | null = null;
  const flush = () => {
    write();
    for (const fn of afterWrite) fn();
  };
  const write = () => {
    const replace = pending?.replace ?? true;
    pending = null;
    const view = viewOf(useStore.getState());
    const q = toQuery(view, new URLSearchParams(win.location.search));
    if (q === win.location.search || (q === '' && win.location.search === '')) {
      written = view;
      return;
    }
    const url = win.location.pathname + q + win.location.hash;
    const yearStep = onlyYearChanged(written, view);
    const now = Date.now();
    const how = historyWrite({ replace, yearStep, now, lastStep });
    // a burst goes on while its steps keep coming; playing or any other change ends it
    lastStep = yearStep && !replace ? now : null;
    written = view;
    try {
      if (how === 'replace') win.history.replaceState(null, '', url);
      else win.history.pushState(null, '', url);
    } catch (e) {
      // some file:// and sandboxed contexts refuse history changes: the view still works
      console.warn('Hatch Atlas: could not update the address bar', e);
    }
  };
  const unsub = useStore.subscribe((s, prev) => {
    // While playing (and as it stops, unless a year was chosen), and when the app only fills in
    // defaults, replace instead of push.
    const replace = replaceNext || s.playing || (prev.playing && Object.is(s.year, prev.year));
    replaceNext = false;
    // a year step waits until the steps have been quiet for STEP_QUIET_MS (while → is held, or
    // a presenter taps through years, the ≈ 6 ms (×4 on a slow PC) of each address-bar write is
    // not spent between two steps); anything else is written in the next task
    const delay = onlyYearChanged(viewOf(prev), viewOf(s)) ? STEP_QUIET_MS : 0;
    if (pending) {
      pending.replace &&= replace;
      // already due in the next task
      if (pending.delay === 0) return;
      clearTimeout(pending.timer);
      pending.delay = delay;
    } else pending = { replace, delay, timer: 0 };
    pending.timer = setTimeout(flush, pending.delay);
  });
  return () => {
    if (pending) clearTimeout(pending.timer);
    pending = null;
    win.removeEventListener('popstate', onPop);
    unsub();
  };
}
