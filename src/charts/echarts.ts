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

echarts.use([MapChart, TitleComponent, TooltipComponent, VisualMapContinuousComponent, GraphicComponent, AriaComponent, CanvasRenderer]);

export { echarts };

let registeredGeo: unknown = null;
/** Register the province outlines under the name `china` (which also adds the 南海诸岛 inset). */
export function registerChinaMap(geo: object): void {
  if (registeredGeo === geo) return;
  echarts.registerMap('china', geo as Parameters<typeof echarts.registerMap>[1]);
  registeredGeo = geo;
}
