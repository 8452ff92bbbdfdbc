import { Suspense, useEffect, useRef } from 'react';
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
 * The embedded app (`?embed=1`): the chart with its title, unit, year and
 * source line, optional controls, and a link back to the full view. It fills
 * the frame and tells the parent page the height it would like.
 */
export function EmbedApp() {
  const lang = useStore((s) => s.lang);
  const view = useStore((s) => s.view);
  const status = useData((s) => s.status);
  const issues = useData((s) => s.issues);
  const controls = useStore((s) => s.controls && !s.static);
  const findings = useStore((s) => s.findings);
  const compact = useMedia('(max-width: 700px)');
  const root = useRef<HTMLDivElement>(null);
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
        const chrome = [...el.children].reduce((h, c) => (c.classList.contains('embed-chart') || c.classList.contains('embed-whole') ? h : h + (c as HTMLElement).offsetHeight), 0);
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
    document.documentElement.classList.add('embedded');
    return () => document.documentElement.classList.remove('embedded');
  }, [lang]);

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
            <Chart compact={compact} height="100%" controls={controls} boxClass="embed-chart" findings={findings} />
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
        <span className="embed-tools"><ShareButtons target={root} href={full} /></span>
      </div>
    </div>
  );
}
