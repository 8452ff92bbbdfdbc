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
import { tp } from './strings';
import { sessionFlag } from './start';
import { WHOLE_VIEWS } from '../views/lazyViews';
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

interface SlideChartProps {
  ratio: number;
  stage: StageFit;
  onYears: (years: readonly number[]) => void;
}

function MapSlide({ ratio, stage, onYears }: SlideChartProps) {
  const m = useMapChart(false);
  const years = m.resolved?.years;
  useEffect(() => onYears(years ?? []), [years, onYears]);
  return m.option ? <EChart option={m.option} label={m.label} height={stage.height - FOOT_H} testId="map-chart" pixelRatio={ratio} stage={stage} onEvents={m.onEvents} /> : null;
}
function RankingSlide({ ratio, stage, onYears }: SlideChartProps) {
  const m = useRankingChart(false);
  const years = m.resolved?.years;
  useEffect(() => onYears(years ?? []), [years, onYears]);
  return m.option ? <EChart option={m.option} label={m.label} height={stage.height - FOOT_H} testId="ranking-chart" pixelRatio={ratio} stage={stage} onEvents={m.onEvents} /> : null;
}
function TrendSlide({ ratio, stage, onYears }: SlideChartProps) {
  const m = useTrendChart(false);
  useEffect(() => onYears([]), [onYears]);
  return m.option ? <EChart option={m.option} label={m.label} height={stage.height - FOOT_H} testId="trend-chart" pixelRatio={ratio} stage={stage} /> : null;
}

const CHART_SLIDES: Partial<Record<ViewId, ComponentType<SlideChartProps>>> = { map: MapSlide, ranking: RankingSlide, trend: TrendSlide };

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
  const playing = useStore((s) => s.playing);
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

  return (
    <div className="present-root" data-testid="present-root">
      <div
        className="stage"
        data-testid="stage"
        style={{ width: stage.width, height: stage.height, transform: `translate(${stage.left}px, ${stage.top}px) scale(${scale})` }}
      >
        <div className="stage-body">
          {status === 'loading' ? (
            <p className="loading">{tp(lang, 'loading')}</p>
          ) : (
            <ErrorBoundary lang={lang} key={`${view}-${slide}`}>
              {Chart ? (
                <Chart ratio={ratio} stage={stage} onYears={onYears} />
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
          <span className="stage-hint">{tp(lang, 'keys')}</span>
          {deck.length > 0 && <span className="stage-count" data-testid="slide-count">{slide + 1} / {deck.length}</span>}
          <button type="button" className="stage-exit" onClick={() => useStore.getState().setPresent(false)} aria-label={tp(lang, 'exit')}>✕ {tp(lang, 'exit')}</button>
        </footer>
      </div>
    </div>
  );
}

