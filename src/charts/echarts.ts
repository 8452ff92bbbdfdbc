/**
 * ECharts with only the parts Hatch Atlas uses (tree-shaken `echarts/core`).
 * Loaded up front: what the province map needs. The cartesian charts
 * (ranking, trend) and the carrier layer register their parts when their
 * code loads (./echartsCartesian, ./echartsGeo).
 */
import { dispose, getInstanceByDom, init, registerMap, use } from 'echarts/core';
import { MapChart } from 'echarts/charts';
import { AriaComponent, GraphicComponent, TitleComponent, TooltipComponent, VisualMapContinuousComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { CHINA, CHINA_SVG } from './maps';

use([MapChart, TitleComponent, TooltipComponent, VisualMapContinuousComponent, GraphicComponent, AriaComponent, CanvasRenderer]);

/**
 * What echarts-for-react and the image export call, rather than the whole `echarts/core`
 * namespace: passed around as an object, the namespace keeps every export it has (its
 * `helper` API brings the axes' and scales' code into the first chart's chunk).
 */
export const echarts = { init, getInstanceByDom, dispose, registerMap, use };

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

const registered = new Map<string, unknown>();
/**
 * Register the province outlines under their map name (./maps), each once it
 * is loaded: the GeoJSON as CHINA (ECharts adds the 南海诸岛 inset), the SVG
 * text as CHINA_SVG.
 */
export function registerChinaMap(name: typeof CHINA | typeof CHINA_SVG, outlines: object | string): void {
  if (registered.get(name) === outlines) return;
  if (name === CHINA_SVG) echarts.registerMap(CHINA_SVG, { svg: outlines as string });
  else echarts.registerMap(CHINA, outlines as Parameters<typeof echarts.registerMap>[1]);
  registered.set(name, outlines);
}
