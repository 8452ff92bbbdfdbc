import { lazy, type ComponentType } from 'react';
import type { UiKey } from '../i18n/ui';
import type { ViewId } from '../state/url';
import { MapView } from './MapView';

export interface ViewDef {
  /** the view's name in the navigation and on slides (a key of the UI strings) */
  label: UiKey;
  /** the whole view */
  component: ComponentType;
  /** a single-chart view: embedded and presented as its chart alone (./ViewChart.tsx); other views are embedded and presented whole */
  chart: boolean;
  /** can be shown in presentation mode */
  present: boolean;
}

/**
 * Every view of the app, one row each: the full app, the embeds and
 * presentation mode all read it. The map loads with the app; the other views
 * on demand.
 */
export const VIEW_TABLE = {
  overview: { label: 'view_overview', component: lazy(() => import('./OverviewView')), chart: false, present: true },
  map: { label: 'view_map', component: MapView, chart: true, present: true },
  ranking: { label: 'view_ranking', component: lazy(() => import('./RankingView')), chart: true, present: true },
  trend: { label: 'view_trend', component: lazy(() => import('./TrendView')), chart: true, present: true },
  table: { label: 'view_table', component: lazy(() => import('./TableView')), chart: false, present: true },
  province: { label: 'view_province', component: lazy(() => import('./ProvinceView')), chart: false, present: true },
  carriers: { label: 'view_carriers', component: lazy(() => import('./CarriersView')), chart: false, present: true },
  coverage: { label: 'view_coverage', component: lazy(() => import('./CoverageView')), chart: false, present: true },
} as const satisfies Record<ViewId, ViewDef>;

/** The single-chart views. */
export type ChartViewId = { [K in ViewId]: (typeof VIEW_TABLE)[K]['chart'] extends true ? K : never }[ViewId];

export function isChartView(view: ViewId): view is ChartViewId {
  return VIEW_TABLE[view].chart;
}
