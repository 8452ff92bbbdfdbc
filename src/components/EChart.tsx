import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import ReactEChartsCoreModule from 'echarts-for-react/lib/core';
import type { EChartsOption } from 'echarts';
import { echarts, partsRegistered, registerChinaMap } from '../charts/echarts';
import { useData } from '../state/data';
import { CHINA, CHINA_SVG } from '../charts/maps';
import { optionStructureKey } from '../charts/structure';
import { useTheme } from '../hooks';
import { useStore } from '../state/store';
import { markFirstChartDrawn } from '../state/firstChart';
import type { Stage } from '../charts/projector';

type Handler = (params: unknown) => void;

// echarts-for-react ships CommonJS only; depending on the bundler's interop the
// default export arrives wrapped once more.
const ReactEChartsCore: typeof ReactEChartsCoreModule =
  (ReactEChartsCoreModule as unknown as { default?: typeof ReactEChartsCoreModule }).default ?? ReactEChartsCoreModule;

interface Props {
  option: EChartsOption;
  /** accessible name of the chart region */
  label: string;
  height: number | string;
  onEvents?: Record<string, Handler>;
  testId?: string;
  /** canvas pixel ratio (presentation raises it so that a scaled stage stays sharp) */
  pixelRatio?: number;
  /** presentation: the stage the chart is on — type sized from its height, lines heavier (charts/projector.ts) */
  stage?: Stage;
}


/**
 * Thin wrapper around echarts-for-react's core build. Stable `opts`/`onEvents`
 * (memoised), an explicit height, and `data-rendered` set after every
 * ECharts `finished` so that tests and benchmarks can wait for the drawing.
 */
export function EChart({ option, label, height, onEvents, testId, pixelRatio, stage }: Props) {
  // Renderer options must keep their identity: a new object per render would rebuild the chart.
  const opts = useMemo(() => ({ renderer: 'canvas' as const, ...(pixelRatio ? { devicePixelRatio: pixelRatio } : {}) }), [pixelRatio]);
  // the province outlines, registered (each once loaded) before any chart that uses them is drawn:
  // the views build an option only with the outlines it draws with (views/useMapChart.ts)
  const geo = useData((s) => s.geo);
  const svg = useData((s) => s.geoSvg);
  if (geo) registerChinaMap(CHINA, geo);
  if (svg) registerChinaMap(CHINA_SVG, svg);
  const box = useRef<HTMLDivElement>(null);
  const theme = useTheme();
  const isStatic = useStore((s) => s.static);
  const decal = useStore((s) => s.decal);
  // dark theme, projector type, patterns, static slides: their code loads when first asked for
  // (the chart waits for it rather than flash in the wrong form); the default form needs none
  const transformed = theme !== 'light' || !!stage || decal || isStatic;
  const tf = useTransforms(transformed);
  const shown = useMemo(() => {
    if (!transformed) return option;
    if (!tf) return null;
    let o = tf.themedOption(stage ? tf.projectorOption(option, stage) : option, theme);
    if (decal) o = tf.decalOption(o);
    return isStatic ? tf.staticOption(o) : o;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [option, theme, isStatic, stage?.width, stage?.height, decal, transformed, tf]);
  // Handlers are read through a ref so the events object never changes identity.
  const handlers = useRef(onEvents);
  handlers.current = onEvents;
  const onFinished = useCallback(() => {
    const el = box.current;
    if (el) el.dataset.rendered = String(Number(el.dataset.rendered ?? '0') + 1);
    markFirstChartDrawn();
  }, []);
  const events = useMemo(() => {
    const ev: Record<string, Handler> = { finished: onFinished };
    for (const k of Object.keys(onEvents ?? {})) ev[k] = (p) => handlers.current?.[k]?.(p);
    return ev;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [Object.keys(onEvents ?? {}).join(',')]);
  const style = useMemo(() => ({ height, width: '100%' }), [height]);
  // replace the whole option when its structure changes, merge (and animate) otherwise
  const structure = shown ? optionStructureKey(shown) : '';
  const lastStructure = useRef(structure);
  const notMerge = structure !== lastStructure.current;
  useEffect(() => {
    lastStructure.current = structure;
  }, [structure]);
  const sizer = useRef<ResizeObserver | null>(null);
  useEffect(() => () => sizer.current?.disconnect(), []);
  const onReady = useCallback((inst: { resize: (o?: { width: 'auto'; height: 'auto' }) => void; getWidth: () => number; getHeight: () => number; getDom: () => HTMLElement | null; isDisposed: () => boolean; getZr: () => { animation: { isFinished: () => boolean } } }) => {
    // exposed on the container for browser tests and the benchmark (read-only use)
    if (box.current) (box.current as HTMLDivElement & { __chart?: unknown }).__chart = inst;
    // setOption is not lazy, so the first drawing happened inside echarts-for-react's first
    // setOption, before it bound the event handlers: its `finished` went unseen. Count it here,
    // unless an initial animation is still running (its end is then seen as usual).
    if (inst.getZr().animation.isFinished()) onFinished();
    // the container may have been laid out after init (hidden tab, late CSS), or changed size
    // before echarts-for-react's own observer first reported (it skips that first report, which
    // then already carries the change: a notice shown above an embed's chart left it drawn
    // taller than its box, its bottom cut off): resize whenever the box and the chart differ,
    // and only then (a resize redraws the whole chart). echarts-for-react creates the chart with
    // the container's size at that moment as a fixed width and height, which a plain resize()
    // keeps: 'auto' measures the container again.
    sizer.current?.disconnect();
    const dom = inst.getDom();
    if (!dom || typeof ResizeObserver === 'undefined') return;
    sizer.current = new ResizeObserver(() => {
      if (!inst.isDisposed() && (dom.clientWidth !== inst.getWidth() || dom.clientHeight !== inst.getHeight())) inst.resize({ width: 'auto', height: 'auto' });
    });
    sizer.current.observe(dom);
  }, [onFinished]);
  // setOption is not lazy: a new option (a year change) is drawn in the same task as the
  // click or key press that asked for it, instead of waiting for the next animation frame
  return (
    <div ref={box} className={isStatic ? 'chart-box static' : 'chart-box'} role="img" aria-label={label} data-testid={testId} data-theme={theme}>
      {/* a chart created before ECharts parts it now needs were registered is created again (see registerParts) */}
      {shown && <ReactEChartsCore key={partsRegistered()} echarts={echarts} option={shown} theme={theme === 'dark' ? 'dark' : undefined} opts={opts} style={style} onEvents={events} onChartReady={onReady} notMerge={notMerge} />}
    </div>
  );
}

type Transforms = typeof import('../charts/theme');
let transforms: Transforms | null = null;
/** The option transforms (charts/theme.ts), loaded the first time a chart needs one. */
function useTransforms(needed: boolean): Transforms | null {
  const [tf, setTf] = useState(transforms);
  useEffect(() => {
    if (!needed || tf) return;
    let live = true;
    void import('../charts/theme').then((m) => {
      transforms = m;
      if (live) setTf(m);
    });
    return () => {
      live = false;
    };
  }, [needed, tf]);
  return tf ?? transforms;
}
