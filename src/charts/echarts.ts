/**
 * ECharts with only the parts Hatch Atlas uses (tree-shaken `echarts/core`).
 * Loaded up front: what the province map needs. The cartesian charts
 * (ranking, trend) and the carrier layer register their parts when their
 * code loads (./echartsCartesian, ./echartsGeo).
 */
import * as echarts from 'echarts/core';
import { MapChart } from 'echarts/charts';
import { AriaComponent, GraphicComponent, TitleComponent, TooltipComponent, VisualMapContinuousComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { CHINA, CHINA_SVG } from './maps';

echarts.use([MapChart, TitleComponent, TooltipComponent, VisualMapContinuousComponent, GraphicComponent, AriaComponent, CanvasRenderer]);

export { echarts };

let parts = 0;
/**
 * Register ECharts parts loaded after the first chart (./echartsCartesian, ./echartsGeo). An
 * ECharts instance runs only the layouts and processors registered before it was created
 * (ECharts: "register processors incrementally for a echarts instance is not supported"), so a
 * chart created earlier would draw a new series type without its layout — the carrier layer's
 * points were never drawn. EChart creates its chart again when partsRegistered() has changed.
 */
export function registerParts(list: Parameters<typeof echarts.use>[0]): void {
  echarts.use(list);
  parts++;
}
export const partsRegistered = (): number => parts;

let registeredGeo: unknown = null;
/** Register the province outlines as GeoJSON (ECharts adds the 南海诸岛 inset) and as SVG (./maps). */
export function registerChinaMap(geo: object, svg: string): void {
  if (registeredGeo === geo) return;
  echarts.registerMap(CHINA, geo as Parameters<typeof echarts.registerMap>[1]);
  echarts.registerMap(CHINA_SVG, { svg });
  registeredGeo = geo;
}
