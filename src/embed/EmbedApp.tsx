import { Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { ShareButtons } from '../components/ShareButtons';
import { LoadNotices, ViewNotices } from '../components/Notices';
import { HTML_LANG, t } from '../i18n/ui';
import { tShare } from '../i18n/share';
import { useData } from '../state/data';
import { useStore, viewOf } from '../state/store';
import { fullViewUrl } from './snippet';
import { parseSetMessage, preferredChartHeight, resizeMessage } from './protocol';
import { useMedia } from '../hooks';
import { isChartView, VIEW_TABLE } from '../views/viewTable';
import { VIEW_CHARTS } from '../views/ViewChart';
import './embed.css';

/**
 * Frames where the controls and a readable chart do not both fit (at 300×250 the controls took
 * two thirds of the frame): the controls fold behind a button in the footer and open over the chart.
 */
const SMALL_FRAME = '(max-height: 460px), (max-width: 399px)';
const OVERLAY_ID = 'embed-controls';

/** The folded controls of a small frame, opened over the chart. */
function overlay(children: ReactNode) {
  return <div className="embed-overlay" id={OVERLAY_ID} data-testid="embed-controls-overlay">{children}</div>;
}

/**
 * The embedded app (`?embed=1`): the chart with its title, unit, year and
 * source line, optional controls, and a link back to the full view. It fills
 * the frame and tells the parent page the height it would like.
 */
export function EmbedApp() {
  const lang = useStore((s) => s.lang);
  const view = useStore((s) => s.view);
  const status = useData((s) => s.status);
  const issues = useData((s) => s.issues);
  const findings = useStore((s) => s.findings);
  const root = useRef<HTMLDivElement>(null);
  const wantControls = useStore((s) => s.controls && !s.static);
  const compact = useMedia('(max-width: 700px)');
  const small = useMedia(SMALL_FRAME);
  const [open, setOpen] = useState(false);
  // in a row above the chart; in a small frame folded, or open over the chart
  const controls = wantControls && (!small || open);
  // a single-chart view is embedded as its chart; the others whole
  const Chart = isChartView(view) ? VIEW_CHARTS[view] : null;
  const Whole = VIEW_TABLE[view].component;

  // inbound: only from the parent page, only the documented message
  useEffect(() => {
    const on = (e: MessageEvent) => {
      if (e.source !== window.parent || window.parent === window) return;
      const patch = parseSetMessage(e.data);
      if (!patch) return;
      useStore.getState().setParams(patch);
    };
    window.addEventListener('message', on);
    return () => window.removeEventListener('message', on);
  }, []);

  // outbound: the height this embed would like, whenever it may have changed
  useEffect(() => {
    if (window.parent === window) return;
    let last = 0;
    let raf = 0;
    const post = () => {
      cancelAnimationFrame(raf);
      raf = requestAnimationFrame(() => {
        const el = root.current;
        if (!el) return;
        // what takes height beside the chart (not the controls laid over it in a small frame)
        const chrome = [...el.children].reduce((h, c) => (c.classList.contains('embed-chart') || c.classList.contains('embed-whole') || c.classList.contains('embed-overlay') ? h : h + (c as HTMLElement).offsetHeight), 0);
        const whole = el.querySelector<HTMLElement>('.embed-whole');
        const want = whole ? chrome + whole.scrollHeight : chrome + preferredChartHeight(useStore.getState().view, el.clientWidth);
        if (Math.abs(want - last) < 2) return;
        last = want;
        window.parent.postMessage(resizeMessage(want, el.clientWidth, window.location.href), '*');
      });
    };
    const ro = new ResizeObserver(post);
    if (root.current) {
      ro.observe(root.current);
      for (const c of root.current.children) ro.observe(c);
    }
    const unsub = useStore.subscribe(post);
    post();
    return () => {
      ro.disconnect();
      unsub();
      cancelAnimationFrame(raf);
    };
  }, [status, view]);

  useEffect(() => {
    document.documentElement.lang = HTML_LANG[lang];
  }, [lang]);

  // the folded controls: focus goes into them when they open, Esc folds them again
  useEffect(() => {
    if (!controls || !small) return;
    document.getElementById(OVERLAY_ID)?.querySelector<HTMLElement>('select, button, input')?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [controls, small]);

  const full = fullViewUrl(viewOf(useStore.getState()), window.location.href);
  return (
    <div className="embed" ref={root} data-testid="embed-root">
      <LoadNotices issues={issues} lang={lang} />
      <ViewNotices lang={lang} />
      {status === 'loading' ? (
        <p className="loading" role="status">{t(lang, 'loading')}</p>
      ) : (
        <ErrorBoundary lang={lang} key={view}>
          {Chart ? (
            <Chart compact={compact} height="100%" controls={controls} wrapControls={small ? overlay : undefined} boxClass="embed-chart" findings={findings} />
          ) : (
            <div className="embed-whole">
              <Suspense fallback={<p className="loading">{t(lang, 'loading')}</p>}>
                <Whole />
              </Suspense>
            </div>
          )}
        </ErrorBoundary>
      )}
      <div className="embed-foot">
        <a href={full} target="_blank" rel="noopener" data-testid="embed-backlink">{t(lang, 'appName')} · {tShare(lang, 'openFull')} ↗</a>
        <span className="embed-tools">
          {wantControls && small && Chart && (
            <button type="button" className="btn" data-testid="embed-controls-toggle" aria-expanded={open} aria-controls={OVERLAY_ID}
              title={tShare(lang, 'controlsToggleTitle')} onClick={() => setOpen(!open)}>
              {open ? `✕ ${tShare(lang, 'close')}` : `⚙ ${tShare(lang, 'controlsToggle')}`}
            </button>
          )}
          <ShareButtons target={root} href={full} />
        </span>
      </div>
    </div>
  );
}
