import { useEffect, type ComponentType } from 'react';
import { EChart } from '../components/EChart';
import { ViewControls } from '../components/ViewControls';
import type { ChartModel } from './chartModel';
import { useMapChart } from './useMapChart';
import { useRankingChart } from './useRankingChart';
import { useTrendChart } from './useTrendChart';
import type { ChartViewId } from './viewTable';

/** The hook behind each single-chart view, and whether the view has a year. */
const CHART_HOOKS: Record<ChartViewId, { use: (compact: boolean) => ChartModel; year: boolean }> = {
  map: { use: useMapChart, year: true },
  ranking: { use: useRankingChart, year: true },
  trend: { use: useTrendChart, year: false },
};

export interface ViewChartProps {
  compact: boolean;
  height: number | string;
  /** canvas pixel ratio (presentation) */
  pixelRatio?: number;
  /** show the metric picker (and year control) above the chart */
  controls?: boolean;
  /** wrap the chart in a box of this class (the embed's, which fills the frame) */
  boxClass?: string;
  /** told the offered years (none for views without a year), for the presentation's keys and play loop */
  onYears?: (years: readonly number[]) => void;
}

const NO_YEARS: readonly number[] = [];

/** One component per single-chart view, made from one definition: the chart alone, as embedded and presented. */
function viewChart(view: ChartViewId): ComponentType<ViewChartProps> {
  const { use, year } = CHART_HOOKS[view];
  return function ViewChart({ compact, height, pixelRatio, controls, boxClass, onYears }: ViewChartProps) {
    const model = use(compact);
    const years = year ? model.resolved?.years ?? NO_YEARS : NO_YEARS;
    useEffect(() => onYears?.(years), [years, onYears]);
    const chart = model.option && <EChart option={model.option} label={model.label} height={height} testId={`${view}-chart`} pixelRatio={pixelRatio} onEvents={model.onEvents} />;
    if (!boxClass) return chart;
    return (
      <>
        {controls && <ViewControls resolved={model.resolved} year={year} />}
        <div className={boxClass}>{chart}</div>
      </>
    );
  };
}

export const VIEW_CHARTS: Record<ChartViewId, ComponentType<ViewChartProps>> = {
  map: viewChart('map'),
  ranking: viewChart('ranking'),
  trend: viewChart('trend'),
};
