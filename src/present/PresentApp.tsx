import { Suspense, useEffect, useMemo, useState } from 'react';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { useData } from '../state/data';
import { useStore } from '../state/store';
import { usePlayLoop } from '../hooks';
import { presentKeyAction } from './keys';
import { tPresent } from '../i18n/present';
import { sessionFlag } from './start';
import { isChartView, VIEW_TABLE } from '../views/viewTable';
import { VIEW_CHARTS } from '../views/ViewChart';
import { stageFor, type StageFit } from './stage';
import './present.css';

const FOOT_H = 40;

/** The stage on this screen: its size and its scale (CSS transform, not zoom). */
function useStage(): StageFit {
  const calc = () => stageFor(window.innerWidth, window.innerHeight);
  const [s, setS] = useState(calc);
  useEffect(() => {
    const on = () => setS(calc());
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, []);
  return s;
}

/**
 * Presentation mode (`?present=1`): a stage of the screen's aspect ratio
 * (./stage.ts) scaled to the screen, type sized from its height, high
 * contrast, the chart filling the stage with its title, year, unit and source. ←/→ year, Space play/pause, ↑/↓ or
 * PageUp/PageDown slides (a clicker), Esc leaves.
 */
export function PresentApp() {
  const lang = useStore((s) => s.lang);
  const view = useStore((s) => s.view);
  const deck = useStore((s) => s.deck);
  const slide = useStore((s) => s.slide);
  const findings = useStore((s) => s.findings);
  const status = useData((s) => s.status);
  const stage = useStage();
  const { scale } = stage;
  const [years, setYears] = useState<readonly number[]>([]);
  const onYears = useMemo(() => (y: readonly number[]) => setYears((old) => (old.join() === y.join() ? old : [...y])), []);
  const ratio = Math.max(1, window.devicePixelRatio || 1) * Math.max(1, scale);

  // go to the first slide's view when opening a deck without a current view
  useEffect(() => {
    const s = useStore.getState();
    if (s.deck.length && s.deck[s.slide]) s.goSlide(s.slide);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    document.documentElement.classList.add('presenting');
    return () => document.documentElement.classList.remove('presenting');
  }, []);

  // leaving full screen (Esc in the browser) leaves the presentation
  useEffect(() => {
    const on = () => {
      if (!document.fullscreenElement && useStore.getState().present && sessionFlag.enteredFullscreen) {
        sessionFlag.enteredFullscreen = false;
        useStore.getState().setPresent(false);
      }
    };
    document.addEventListener('fullscreenchange', on);
    return () => document.removeEventListener('fullscreenchange', on);
  }, []);

  usePlayLoop(years);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const s = useStore.getState();
      const action = presentKeyAction(e.key, { years, year: s.year, slide: s.slide, slides: s.deck.length });
      if (!action) return;
      e.preventDefault();
      if (action.kind === 'year') {
        s.setPlaying(false);
        s.setYear(action.year);
      } else if (action.kind === 'play') s.togglePlay(years);
      else if (action.kind === 'slide') s.goSlide(action.slide);
      else if (action.kind === 'exit') {
        if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
        s.setPresent(false);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [years]);

  // a single-chart view is presented as its chart; the others whole
  const { present, component: Whole } = VIEW_TABLE[view];
  const Chart = isChartView(view) ? VIEW_CHARTS[view] : null;
  const title = deck[slide]?.title;

  return (
    <div className="present-root" data-testid="present-root">
      <div
        className="stage"
        data-testid="stage"
        style={{ width: stage.width, height: stage.height, transform: `translate(${stage.left}px, ${stage.top}px) scale(${scale})` }}
      >
        <div className="stage-body">
          {status === 'loading' ? (
            <p className="loading">{tPresent(lang, 'loading')}</p>
          ) : (
            <ErrorBoundary lang={lang} key={`${view}-${slide}`}>
              {!present ? null : Chart ? (
                <Chart compact={false} height={stage.height - FOOT_H} pixelRatio={ratio} stage={stage} onYears={onYears} findings={findings} />
              ) : (
                <div className="stage-whole">
                  <Suspense fallback={null}>
                    <Whole />
                  </Suspense>
                </div>
              )}
            </ErrorBoundary>
          )}
        </div>
        <footer className="stage-foot" style={{ height: FOOT_H }}>
          <span className="stage-title" data-testid="slide-title">{title ?? ''}</span>
          <span className="stage-hint">{tPresent(lang, 'keys')}</span>
          {deck.length > 0 && <span className="stage-count" data-testid="slide-count">{slide + 1} / {deck.length}</span>}
          <button type="button" className="stage-exit" onClick={() => useStore.getState().setPresent(false)} aria-label={tPresent(lang, 'exit')}>✕ {tPresent(lang, 'exit')}</button>
        </footer>
      </div>
    </div>
  );
}

