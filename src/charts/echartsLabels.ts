/** ECharts parts of the map's value labels (points on a geo coordinate system, leader lines, overlap hiding). */
import { ScatterChart } from 'echarts/charts';
import { GeoComponent, MarkLineComponent } from 'echarts/components';
import { LabelLayout } from 'echarts/features';
import { registerParts } from './echarts';

registerParts([ScatterChart, GeoComponent, MarkLineComponent, LabelLayout]);
