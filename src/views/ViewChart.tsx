import { lazy, Suspense, useEffect, useLayoutEffect, useRef, useState, type ComponentType, type ReactNode } from 'react';
import { EChart } from '../components/EChart';
import { ViewControls } from '../components/ViewControls';
import type { Stage } from '../charts/projector';
import type { ChartModel } from './chartModel';
import { NationalToggle } from './NationalToggle';
import { useMapChart } from './useMapChart';
import { useRankingChart } from './useRankingChart';
import { useTrendChart } from './useTrendChart';
import type { ChartViewId } from './viewTable';

/** The hook behind each single-chart view (given the chart's set size where it has one), and whether the view has a year. */
const CHART_HOOKS: Record<ChartViewId, { use: (compact: boolean, fitHeight?: number, fitWidth?: number) => ChartModel; year: boolean; extra?: (model: ChartModel) => ReactNode }> = {
  map: { use: useMapChart, year: true },
  ranking: { use: useRankingChart, year: true },
  trend: { use: useTrendChart, year: false, extra: (m) => <NationalToggle hasNational={!!m.hasNational} /> },
};

export interface ViewChartProps {
  compact: boolean;
  height: number | string;
  /** canvas pixel ratio (presentation) */
  pixelRatio?: number;
  /** presentation: the stage the chart is on (type sized from its height) */
  stage?: Stage;
  /** show the metric picker (and year control) above the chart */
  controls?: boolean;
  /** where the controls go when they are not a row above the chart (a small embed's folded controls) */
  wrapControls?: (controls: ReactNode) => ReactNode;
  /** wrap the chart in a box of this class (the embed's, which fills the frame) */
  boxClass?: string;
  /** told the offered years (none for views without a year), for the presentation's keys and play loop */
  onYears?: (years: readonly number[]) => void;
  /** the key findings beside the chart (presentation) or under it (embed): `findings=1` */
  findings?: boolean;
}

const NO_YEARS: readonly number[] = [];
const ViewFindings = lazy(() => import('./ViewFindings'));
const same = (node: ReactNode) => node;

/** One component per single-chart view, made from one definition: the chart alone, as embedded and presented. */
function viewChart(view: ChartViewId): ComponentType<ViewChartProps> {
  const { use, year, extra } = CHART_HOOKS[view];
  return function ViewChart({ compact, height, pixelRatio, stage, controls, wrapControls = same, boxClass, onYears, findings }: ViewChartProps) {
    // in a box that fills the frame (the embed), the chart's size is the box's: measured before
    // the first paint, and the chart drawn once it is known (a ranking shows the bars that fit, a
    // title wraps inside a narrow frame)
    const box = useRef<HTMLDivElement>(null);
    const [fit, setFit] = useState<{ h: number; w: number }>();
    useLayoutEffect(() => {
      const el = box.current;
      if (!el) return;
      const measure = () => setFit((f) => (f && f.h === el.clientHeight && f.w === el.clientWidth ? f : { h: el.clientHeight, w: el.clientWidth }));
      measure();
      const ro = new ResizeObserver(measure);
      ro.observe(el);
      return () => ro.disconnect();
    }, [boxClass]);
    const model = use(compact, fit?.h || undefined, fit?.w || undefined);
    const years = year ? model.resolved?.years ?? NO_YEARS : NO_YEARS;
    useEffect(() => onYears?.(years), [years, onYears]);
    const chart = model.option && (!boxClass || fit !== undefined) && <EChart option={model.option} label={model.label} height={height} testId={`${view}-chart`} pixelRatio={pixelRatio} stage={stage} onEvents={model.onEvents} />;
    const panel = findings && model.findings && (
      <Suspense fallback={null}>
        <ViewFindings spec={model.findings} title={model.label} tools={false} />
      </Suspense>
    );
    if (!boxClass) {
      if (!panel) return chart;
      return (
        <div className="chart-with-findings">
          <div className="chart-with-findings-chart">{chart}</div>
          <div className="chart-with-findings-panel">{panel}</div>
        </div>
      );
    }
    return (
      <>
        {controls && wrapControls(<ViewControls resolved={model.resolved} year={year}>{extra?.(model)}</ViewControls>)}
        <div className={boxClass} ref={box}>
          {chart}
        </div>
        {panel && <div className="embed-findings">{panel}</div>}
      </>
    );
  };
}

export const VIEW_CHARTS: Record<ChartViewId, ComponentType<ViewChartProps>> = {
  map: viewChart('map'),
  ranking: viewChart('ranking'),
  trend: viewChart('trend'),
};
