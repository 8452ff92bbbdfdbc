/**
 * A chart option for a projector: the chart's layout zoomed so that its text
 * is sized from the stage's height (title ≥ 3.5 % and every other text ≥ 2.2 %
 * of it: readable from the back of a room), lines and markers heavier than
 * that zoom, text truncated to the stage's width (4:3 is narrower than 16:9),
 * grey text darkened to full contrast. Pure.
 */
import type { EChartsOption } from 'echarts';

/** The presentation stage (the chart's drawing area in CSS px, before the stage is scaled to the screen). */
export interface Stage {
  width: number;
  height: number;
}

/** The presentation stage's height in CSS px (its width follows the screen's aspect: present/stage.ts). */
export const STAGE_H = 720;

/** An exported slide image: 16:9 (1920×1080) or 4:3 (1440×1080), drawn on a stage of that aspect at 1.5× pixel ratio. */
export function slideStage(aspect: '16:9' | '4:3'): Stage & { pixelRatio: number } {
  return { width: aspect === '16:9' ? 1280 : 960, height: STAGE_H, pixelRatio: 1080 / STAGE_H };
}

/** Text sizes on the stage: the title, and the floor of every other text. */
export function projectorType(stage: Stage): { title: number; text: number } {
  return { title: Math.round(stage.height * 0.042), text: Math.round(stage.height * 0.025) };
}

/** The normal charts' label size: the zoom makes it the projector's text floor. */
const BASE_LABEL = 13;
/** lines and markers grow more than the layout: thin lines vanish on a projector */
const LINE_BOOST = 1.25;
const SYMBOL_BOOST = 1.1;

/** Pixel lengths of the layout, zoomed with the text (numbers only: percentages stay as they are). */
const LAYOUT_KEYS = new Set(['top', 'bottom', 'left', 'right', 'itemGap', 'nameGap', 'itemWidth', 'itemHeight', 'distance', 'padding', 'x', 'y', 'width', 'height', 'barMaxWidth', 'lineHeight', 'textBorderWidth', 'borderRadius', 'symbolSize']);
const GREY = new Set(['#444', '#555', '#666', '#444444', '#555555', '#666666']);
const INK_KEYS = new Set(['color', 'fill']);

export function projectorOption(option: EChartsOption, stage: Stage): EChartsOption {
  const type = projectorType(stage);
  const k = type.text / BASE_LABEL;
  const maxTextWidth = stage.width - Math.round(32 * k);
  const num = (v: number, key: string, parent: string | null): number => {
    if (key === 'fontSize') return Math.max(type.text, Math.round(v * k));
    if (key === 'width' && parent === 'lineStyle') return Math.round(v * k * LINE_BOOST * 10) / 10;
    if (key === 'symbolSize') return Math.round(v * k * SYMBOL_BOOST);
    if (LAYOUT_KEYS.has(key)) return Math.round(v * k * 10) / 10;
    return v;
  };
  const walk = (v: unknown, key: string | null, parent: string | null): unknown => {
    if (typeof v === 'number' && key) return num(v, key, parent);
    if (typeof v === 'string' && key && INK_KEYS.has(key) && GREY.has(v.toLowerCase())) return '#111';
    if (Array.isArray(v)) return v.map((x) => walk(x, key === 'padding' || key === 'symbolSize' ? key : null, parent));
    if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      const o = v as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const [k2, x] of Object.entries(o)) out[k2] = walk(x, k2, key);
      // text cut to its width is cut to the stage's width at most
      if (o.overflow === 'truncate' && typeof out.width === 'number') out.width = Math.min(out.width, maxTextWidth);
      // lines as tall as their (floored) type: a label's lines of small text would otherwise overlap
      if (typeof out.lineHeight === 'number') {
        const sizes = [out.fontSize, ...Object.values((out.rich ?? {}) as Record<string, { fontSize?: unknown }>).map((r) => r.fontSize)].filter((x): x is number => typeof x === 'number');
        if (sizes.length) out.lineHeight = Math.max(out.lineHeight, Math.round(Math.max(...sizes) * 1.2));
      }
      return out;
    }
    return v;
  };
  const o = walk(option, null, null) as EChartsOption & { title?: unknown; legend?: unknown; textStyle?: object };
  // the title: its own size; legends' markers as large as their text
  const titles = (Array.isArray(o.title) ? o.title : o.title ? [o.title] : []) as Record<string, unknown>[];
  const title = titles.map((t) => ({ ...t, textStyle: { ...(t.textStyle as object), fontSize: type.title } }));
  const legends = (Array.isArray(o.legend) ? o.legend : o.legend ? [o.legend] : []) as Record<string, unknown>[];
  const legend = legends.map((l) => ({ itemWidth: Math.round(25 * k), itemHeight: Math.round(14 * k), ...l }));
  return {
    ...o,
    ...(titles.length ? { title: Array.isArray(o.title) ? title : title[0] } : {}),
    ...(legends.length ? { legend: Array.isArray(o.legend) ? legend : legend[0] } : {}),
    // text the builder left to ECharts' default size
    textStyle: { ...(o.textStyle ?? {}), fontSize: type.text },
  } as EChartsOption;
}
