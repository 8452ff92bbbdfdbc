/** ECharts parts of the ranking and trend charts, registered when their code loads. */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent } from 'echarts/components';
import { LabelLayout } from 'echarts/features';
import { registerParts } from './echarts';

registerParts([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, LabelLayout]);
