/**
 * The map's optional layers — named carriers as points, values written on the provinces — with
 * the ECharts parts they draw with, in one chunk loaded on demand (views/useMapLayers.ts).
 */
import type { EChartsOption } from 'echarts';
import type { GeoJson } from '../data/load';
import { labelPoints } from '../data/geoShapes';
import { darkFills, mapLabelsLayer, withMapLabels, type MapLabelsInput } from './mapLabels';
import type { MapBox } from './overlayGeo';
import './echartsGeo';

export { carrierLayer } from './carrierLayer';

const cache = new WeakMap<object, ReadonlyMap<string, readonly [number, number]>>();

/** where each province's label goes (computed once per map geometry) */
function points(geo: GeoJson, nameMap: Record<string, string>): ReadonlyMap<string, readonly [number, number]> {
  let p = cache.get(geo);
  if (!p) cache.set(geo, (p = labelPoints(geo, nameMap)));
  return p;
}

/** A map option without labels, and what labelling it needs. */
export interface MapLabelling {
  option: EChartsOption;
  /** `geo`: the GeoJSON outlines the labels are placed on, null while only the SVG is loaded (a year's map without labels) */
  on: Omit<MapLabelsInput, 'values' | 'points' | 'dark' | 'box'> & { geo: GeoJson | null };
}

export const labels = {
  /**
   * A built map option with values written on it (`values`), or in latest mode at least the
   * year of each figure; unchanged otherwise.
   */
  label(option: EChartsOption, on: MapLabelling['on'], values: boolean): EChartsOption {
    if (!values && !on.latest) return option;
    if (!on.geo) throw new Error('the map outlines (data/geo/china.json) are not loaded');
    // the labels' geo in the map series' own box (the option's, which knows the title's lines and the legends)
    const s = (option.series as Record<string, unknown>[])[0]!;
    const box = { top: s.top, bottom: s.bottom, left: s.left, right: s.right, preserveAspect: s.preserveAspect, preserveAspectAlign: s.preserveAspectAlign } as MapBox;
    return withMapLabels(option, mapLabelsLayer({ ...on, box, values, points: points(on.geo, on.nameMap), dark: darkFills(option) }));
  },
};
