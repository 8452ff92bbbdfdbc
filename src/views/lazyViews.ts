import { lazy, type ComponentType } from 'react';
import type { ViewId } from '../state/url';

/**
 * The views that load on demand, one lazy component each, shared by the full
 * app, presentation mode and embeds (the map loads up front: App.tsx).
 */
const overview = lazy(() => import('./OverviewView'));
const table = lazy(() => import('./TableView'));
const province = lazy(() => import('./ProvinceView'));
const carriers = lazy(() => import('./CarriersView'));
const coverage = lazy(() => import('./CoverageView'));

/** Views without a single chart: presented and embedded whole. */
export const WHOLE_VIEWS: Partial<Record<ViewId, ComponentType>> = { overview, table, province, carriers, coverage };

export const LAZY_VIEWS = {
  ...WHOLE_VIEWS,
  ranking: lazy(() => import('./RankingView')),
  trend: lazy(() => import('./TrendView')),
} as Record<Exclude<ViewId, 'map'>, ComponentType>;
