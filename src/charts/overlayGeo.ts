/**
 * The map series' box and the invisible geo component that layers drawn over the map
 * (value labels, carriers) use as their coordinate system: the same outlines, names and
 * box as the map series, drawing nothing and answering no pointer. Pure.
 */
import { CHINA } from './maps';

/** Where the map series is drawn in the chart (ECharts box properties). */
export interface MapBox {
  top: number | string;
  bottom: number | string;
  left: number | string;
  right: number | string;
  /** the outlines keep their shape, inside the box and aligned in it */
  preserveAspect: 'contain';
  preserveAspectAlign: 'center';
}

export function overlayGeo(nameMap: Record<string, string>, box: MapBox) {
  return {
    map: CHINA,
    nameMap,
    silent: true,
    roam: false,
    ...box,
    itemStyle: { areaColor: 'transparent', borderColor: 'transparent', borderWidth: 0 },
    emphasis: { disabled: true },
    label: { show: false },
    tooltip: { show: false },
    z: 3,
  };
}
