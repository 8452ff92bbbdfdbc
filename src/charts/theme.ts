/**
 * Dark variant of a chart option. The option builders draw with one light
 * palette; for the dark theme their text and outline colours are mapped to
 * readable ones on a dark background. Pure.
 */
import type { EChartsOption } from 'echarts';
import { CHINA, CHINA_SVG } from './maps';

export type ChartTheme = 'light' | 'dark';

export const DARK_BACKGROUND = '#16191d';

const DARK: Record<string, string> = {
  '#111': '#f1f3f5',
  '#111111': '#f1f3f5',
  '#1a1d21': '#f1f3f5',
  '#222': '#e9ecef',
  '#333': '#dde1e6',
  '#333333': '#dde1e6',
  '#444': '#cfd4da',
  '#444444': '#cfd4da',
  '#555': '#c3c9d0',
  '#555555': '#c3c9d0',
  '#666': '#b4bac2',
  '#666666': '#b4bac2',
  '#999': '#8d949c',
  '#fff': '#16191d',
  '#ffffff': '#16191d',
  // "no data" grey: a mid grey, clearly apart from the darkest class of the colour scale (navy)
  // and from the background — a dark grey merged with the navy of the highest values
  '#d5d8dc': '#7a828c',
  '#e5e7eb': '#30363d', // grid lines
};

const COLOUR_KEYS = new Set(['color', 'fill', 'stroke', 'borderColor', 'textBorderColor', 'areaColor', 'shadowColor']);

function walk(v: unknown, key: string | null): unknown {
  if (typeof v === 'string') {
    if (key && COLOUR_KEYS.has(key)) return DARK[v.toLowerCase()] ?? v;
    return v;
  }
  if (Array.isArray(v)) return v.map((x) => walk(x, key === 'color' ? 'color' : null));
  if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = walk(x, k);
    return out;
  }
  return v; // functions, dates, typed arrays: unchanged
}

export function themedOption(option: EChartsOption, theme: ChartTheme): EChartsOption {
  if (theme === 'light') return option;
  const o = walk(option, null) as EChartsOption & { textStyle?: object; backgroundColor?: string };
  // visualMap colour ramps are data encodings, not ink: keep them as built
  if ((option as { visualMap?: unknown }).visualMap) (o as { visualMap?: unknown }).visualMap = (option as { visualMap?: unknown }).visualMap;
  return { ...o, backgroundColor: DARK_BACKGROUND, textStyle: { color: '#dde1e6', ...(o.textStyle ?? {}) } };
}

/** A static chart for slides: no animation, no tooltip, no hover effects. */
export function staticOption(option: EChartsOption): EChartsOption {
  return { ...option, animation: false, tooltip: { show: false } } as EChartsOption;
}

export { projectorOption, projectorType, slideStage, type Stage } from './projector';

/**
 * ECharts decal patterns on areas and bars, so that categories do not depend on colour alone.
 * A province map is drawn from the GeoJSON outlines then: a pattern on the SVG's would be scaled
 * with its units (./maps).
 */
export function decalOption(option: EChartsOption): EChartsOption {
  const aria = ((option as { aria?: object }).aria ?? {}) as Record<string, unknown>;
  const series = Array.isArray(option.series) ? option.series.map((s) => ((s as { map?: string }).map === CHINA_SVG ? { ...s, map: CHINA } : s)) : option.series;
  return { ...option, series, aria: { ...aria, enabled: true, decal: { show: true } } } as EChartsOption;
}
