/**
 * Colours and legend labels of a metric's colour scale (data/scale.ts). The
 * palettes are ColorBrewer YlGnBu (colour-blind safe): the 7-step ramp for the
 * continuous scales, the scheme of k classes for the classed ones. Pure.
 */
import { classCount, type ColorScaleSpec } from '../data/scale';
import type { Lang } from '../data/types';
import { formatNumber } from '../i18n/format';
import { t } from '../i18n/ui';

/** Sequential, colour-blind-safe (ColorBrewer YlGnBu, 7 classes). */
export const SEQUENTIAL = ['#edf8b1', '#c7e9b4', '#7fcdbb', '#41b6c4', '#1d91c0', '#225ea8', '#0c2c84'];

/** ColorBrewer YlGnBu for 1–7 classes. */
const CLASS_PALETTES: readonly (readonly string[])[] = [
  ['#41b6c4'],
  ['#a1dab4', '#2c7fb8'],
  ['#edf8b1', '#7fcdbb', '#2c7fb8'],
  ['#ffffcc', '#a1dab4', '#41b6c4', '#225ea8'],
  ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'],
  ['#ffffcc', '#c7e9b4', '#7fcdbb', '#41b6c4', '#2c7fb8', '#253494'],
  SEQUENTIAL,
];

export const isClassed = (s: ColorScaleSpec): s is Extract<ColorScaleSpec, { breaks: number[] }> => 'breaks' in s;

/** The colours of the classes of a classed scale, lowest first. */
export function classColors(s: ColorScaleSpec): readonly string[] {
  return CLASS_PALETTES[Math.min(7, Math.max(1, classCount(s))) - 1]!;
}

/** Legend labels of the classes, lowest first: "低于 85", "85–120", "1000 及以上" (zh numbers in 万/亿). */
export function classLabels(s: ColorScaleSpec, lang: Lang): string[] {
  if (!isClassed(s)) return [];
  const f = (v: number) => formatNumber(v, lang);
  const b = s.breaks;
  if (!b.length) return [s.min === s.max ? f(s.min) : `${f(s.min)}–${f(s.max)}`];
  return [t(lang, 'classBelow', { v: f(b[0]!) }), ...b.slice(1).map((x, i) => `${f(b[i]!)}–${f(x)}`), t(lang, 'classAbove', { v: f(b[b.length - 1]!) })];
}

/** The value a continuous scale positions: log10 on a log scale (values below its minimum at the minimum). */
export function scaleValue(s: ColorScaleSpec, v: number): number {
  return s.kind === 'log' ? Math.log10(Math.max(v, s.min)) : v;
}
