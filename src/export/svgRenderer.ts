/** ECharts' SVG renderer, loaded only when an SVG is exported. */
import { SVGRenderer } from 'echarts/renderers';
import { echarts } from '../charts/echarts';

echarts.use([SVGRenderer]);
