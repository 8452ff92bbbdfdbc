/**
 * The map's value labels' code (charts/mapLabels.ts, the label points of data/geoShapes.ts and
 * the ECharts parts they draw with), loaded the first time labels are shown.
 */
import { useEffect, useState } from 'react';
import type { GeoJson } from '../data/load';

export interface MapLabelsKit {
  layer: typeof import('../charts/mapLabels').mapLabelsLayer;
  apply: typeof import('../charts/mapLabels').withMapLabels;
  /** where each province's label goes (computed once per map geometry) */
  points: (geo: GeoJson, nameMap: Record<string, string>) => ReadonlyMap<string, readonly [number, number]>;
}

let loaded: MapLabelsKit | null = null;
let loading: Promise<MapLabelsKit> | null = null;

export function loadMapLabels(): Promise<MapLabelsKit> {
  loading ??= Promise.all([import('../charts/mapLabels'), import('../data/geoShapes'), import('../charts/echartsLabels')]).then(([m, g]) => {
    const cache = new WeakMap<object, ReadonlyMap<string, readonly [number, number]>>();
    const points = (geo: GeoJson, nameMap: Record<string, string>) => {
      let p = cache.get(geo);
      if (!p) cache.set(geo, (p = g.labelPoints(geo, nameMap)));
      return p;
    };
    return (loaded = { layer: m.mapLabelsLayer, apply: m.withMapLabels, points });
  });
  return loading;
}

/** The labels' code once it is there (null before, and while `on` is false and it never was). */
export function useMapLabels(on: boolean): MapLabelsKit | null {
  const [kit, setKit] = useState<MapLabelsKit | null>(() => loaded);
  useEffect(() => {
    if (!on || kit) return;
    let live = true;
    loadMapLabels().then(
      (k) => {
        if (live) setKit(k);
      },
      (e: unknown) => console.error(`Hatch Atlas: the map labels could not be loaded: ${e instanceof Error ? e.message : String(e)}`),
    );
    return () => {
      live = false;
    };
  }, [on, kit]);
  return kit;
}
