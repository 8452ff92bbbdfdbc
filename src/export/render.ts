/**
 * Rendering a chart for export: PNG at a chosen pixel ratio from the live
 * chart, and SVG by drawing the same option once more with ECharts' SVG
 * renderer (loaded only when asked for).
 */
import type { EChartsOption } from 'echarts';
import { echarts } from '../charts/echarts';
import { DARK_BACKGROUND, type ChartTheme } from '../charts/theme';

export interface ChartLike {
  getDataURL: (o: { type: 'png' | 'jpeg' | 'svg'; pixelRatio?: number; backgroundColor?: string }) => string;
  getOption: () => unknown;
  getWidth: () => number;
  getHeight: () => number;
  isDisposed: () => boolean;
}

export function backgroundFor(theme: ChartTheme): string {
  return theme === 'dark' ? DARK_BACKGROUND : '#ffffff';
}

export function pngDataUrl(chart: ChartLike, pixelRatio: number, theme: ChartTheme): string {
  return chart.getDataURL({ type: 'png', pixelRatio, backgroundColor: backgroundFor(theme) });
}

/**
 * An option drawn once more, off screen, as a PNG: at the chart's size for an image of the chart
 * as shown (but with its map labels), or at a slide's size for a slide image.
 */
export function renderPng(option: EChartsOption, width: number, height: number, pixelRatio: number, theme: ChartTheme): string {
  const inst = echarts.init(document.createElement('div'), theme === 'dark' ? 'dark' : undefined, { renderer: 'canvas', width, height, devicePixelRatio: pixelRatio });
  try {
    inst.setOption({ ...option, animation: false } as EChartsOption);
    return inst.getDataURL({ type: 'png', pixelRatio, backgroundColor: backgroundFor(theme) });
  } finally {
    inst.dispose();
  }
}

let svgReady: Promise<void> | null = null;

/** The chart's option drawn again as SVG, at the chart's size, without animation. */
export async function svgString(option: EChartsOption, width: number, height: number, theme: ChartTheme): Promise<string> {
  svgReady ??= import('./svgRenderer').then(() => undefined);
  await svgReady;
  const inst = echarts.init(null, theme === 'dark' ? 'dark' : undefined, { renderer: 'svg', ssr: true, width, height });
  try {
    inst.setOption({ ...option, animation: false, backgroundColor: (option as { backgroundColor?: string }).backgroundColor ?? backgroundFor(theme) } as EChartsOption);
    return inst.renderToSVGString();
  } finally {
    inst.dispose();
  }
}
