/** ECharts parts of the carrier layer on the map (points on a geo coordinate system). */
import { ScatterChart } from 'echarts/charts';
import { GeoComponent, LegendComponent } from 'echarts/components';
import { registerParts } from './echarts';

registerParts([ScatterChart, GeoComponent, LegendComponent]);
