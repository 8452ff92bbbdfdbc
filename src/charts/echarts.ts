/**
 * ECharts with only the parts Hatch Atlas uses (tree-shaken `echarts/core`).
 */
import * as echarts from 'echarts/core';
import { BarChart, LineChart, MapChart, ScatterChart } from 'echarts/charts';
import {
  AriaComponent,
  GeoComponent,
  GraphicComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
} from 'echarts/components';
import { LabelLayout } from 'echarts/features';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  MapChart,
  BarChart,
  LineChart,
  ScatterChart,
  TitleComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
  GraphicComponent,
  AriaComponent,
  GridComponent,
  LegendComponent,
  GeoComponent,
  MarkLineComponent,
  LabelLayout,
  CanvasRenderer,
]);

export { echarts };

let registeredGeo: unknown = null;
/** Register the province outlines under the name `china` (which also adds the 南海诸岛 inset). */
export function registerChinaMap(geo: object): void {
  if (registeredGeo === geo) return;
  echarts.registerMap('china', geo as Parameters<typeof echarts.registerMap>[1]);
  registeredGeo = geo;
}
