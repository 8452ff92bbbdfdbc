/**
 * ECharts parts of the map's optional layers: points on a geo coordinate system (the carrier
 * layer, the value labels), a legend, leader lines and overlap hiding (the labels).
 */
import { ScatterChart } from 'echarts/charts';
import { GeoComponent, LegendComponent, MarkLineComponent } from 'echarts/components';
import { LabelLayout } from 'echarts/features';
import { registerParts } from './echarts';

registerParts([ScatterChart, GeoComponent, LegendComponent, MarkLineComponent, LabelLayout]);
