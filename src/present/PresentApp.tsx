import { Suspense, useEffect, useMemo, useState, type ComponentType } from 'react';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { EChart } from '../components/EChart';
import { stepYear } from '../data/query';
import { useData } from '../state/data';
import { useStore } from '../state/store';
import type { ViewId } from '../state/url';
import { useMapChart } from '../views/useMapChart';
import { useRankingChart } from '../views/useRankingChart';
import { useTrendChart } from '../views/useTrendChart';
import { PLAY_INTERVAL_MS } from '../components/YearControl';
import { presentKeyAction } from './keys';
import { tPresent } from '../i18n/present';
import { sessionFlag } from './start';
import { WHOLE_VIEWS } from '../views/lazyViews';
import './present.css';

export const STAGE_W = 1920;
export const STAGE_H = 1080;
const FOOT_H = 64;

/** Scale of the fixed 1920×1080 stage on this screen (CSS transform, not zoom). */
function useStageScale(): number {
  const calc = () => Math.min(window.innerWidth / STAGE_W, window.innerHeight / STAGE_H);
  const [s, setS] = useState(calc);
  useEffect(() => {
    const on = () => setS(calc());
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, []);
  return s;
}

interface SlideChartProps {
  ratio: number;
  onYears: (years: readonly number[]) => void;
}

function MapSlide({ ratio, onYears }: SlideChartProps) {
  const m = useMapChart(false);
  const years = m.resolved?.years;
  useEffect(() => onYears(years ?? []), [years, onYears]);
  return m.option ? <EChart option={m.option} label={m.label} height={STAGE_H - FOOT_H} testId="map-chart" pixelRatio={ratio} onEvents={m.onEvents} /> : null;
}
function RankingSlide({ ratio, onYears }: SlideChartProps) {
  const m = useRankingChart(false);
  const years = m.resolved?.years;
  useEffect(() => onYears(years ?? []), [years, onYears]);
  return m.option ? <EChart option={m.option} label={m.label} height={STAGE_H - FOOT_H} testId="ranking-chart" pixelRatio={ratio} onEvents={m.onEvents} /> : null;
}
function TrendSlide({ ratio, onYears }: SlideChartProps) {
  const m = useTrendChart(false);
  useEffect(() => onYears([]), [onYears]);
  return m.option ? <EChart option={m.option} label={m.label} height={STAGE_H - FOOT_H} testId="trend-chart" pixelRatio={ratio} /> : null;
}

const CHART_SLIDES: Partial<Record<ViewId, ComponentType<SlideChartProps>>> = { map: MapSlide, ranking: RankingSlide, trend: TrendSlide };

/**
 * Presentation mode (`?present=1`): a fixed 1920×1080 stage scaled to the
 * screen, large type, high contrast, the chart filling the stage with its
 * title, year, unit and source. ←/→ year, Space play/pause, ↑/↓ or
 * PageUp/PageDown slides (a clicker), Esc leaves.
 */
export function PresentApp() {
  const lang = useStore((s) => s.lang);
  const view = useStore((s) => s.view);
  const deck = useStore((s) => s.deck);
  const slide = useStore((s) => s.slide);
  const playing = useStore((s) => s.playing);
  const status = useData((s) => s.status);
  const scale = useStageScale();
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

  // play: one offered year per tick
  useEffect(() => {
    if (!playing) return;
    const id = window.setInterval(() => {
      const s = useStore.getState();
      const next = typeof s.year === 'number' ? stepYear(years, s.year, 1) : years[0];
      if (next === undefined) s.setPlaying(false);
      else s.setYear(next);
    }, PLAY_INTERVAL_MS);
    return () => window.clearInterval(id);
  }, [playing, years]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const s = useStore.getState();
      const a = presentKeyAction(e.key, { years, year: s.year, slide: s.slide, slides: s.deck.length });
      if (!a) return;
      e.preventDefault();
      if (a.kind === 'year') {
        s.setPlaying(false);
        s.setYear(a.year);
      } else if (a.kind === 'play') s.togglePlay(years);
      else if (a.kind === 'slide') s.goSlide(a.slide);
      else if (a.kind === 'exit') {
        if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
        s.setPresent(false);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [years]);

  const Chart = CHART_SLIDES[view];
  const Whole = Chart ? null : WHOLE_VIEWS[view];
  const title = deck[slide]?.title;
  const left = (window.innerWidth - STAGE_W * scale) / 2;
  const top = (window.innerHeight - STAGE_H * scale) / 2;

  return (
    <div className="present-root" data-testid="present-root">
      <div
        className="stage"
        data-testid="stage"
        style={{ width: STAGE_W, height: STAGE_H, transform: `translate(${left}px, ${top}px) scale(${scale})` }}
      >
        <div className="stage-body">
          {status === 'loading' ? (
            <p className="loading">{tPresent(lang, 'loading')}</p>
          ) : (
            <ErrorBoundary lang={lang} key={`${view}-${slide}`}>
              {Chart ? (
                <Chart ratio={ratio} onYears={onYears} />
              ) : Whole ? (
                <div className="stage-whole">
                  <Suspense fallback={null}>
                    <Whole />
                  </Suspense>
                </div>
              ) : null}
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

