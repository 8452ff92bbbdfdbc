/**
 * The frame every chart carries inside its own drawing area — title, unit,
 * year, source line and the dashboard's name — so that a screenshot or an
 * exported image stays self-explanatory. Pure.
 */
import type { EChartsOption } from 'echarts';
import type { YearSelection } from '../data/query';
import { IMPORTED_SOURCE_PREFIX, type Lang, type Source } from '../data/types';
import { t } from '../i18n/ui';
import { sourceLine } from './sourceLabel';

export interface FrameInput {
  lang: Lang;
  /** e.g. "国家级科技企业孵化器 · 2022" */
  title: string;
  /** e.g. "单位：家   全国数据: 1425 家" */
  subtitle?: string;
  sourceIds: readonly string[];
  sources: ReadonlyMap<string, Source>;
  compact?: boolean;
  /** the chart's width in px where it is known to be narrow (a small embed): the compact texts keep inside it */
  width?: number;
}

/** The year in a chart's title: "2023", or "最新可得（年份不一）" where each province is at its latest year. */
export function yearText(yearSel: YearSelection, lang: Lang): string {
  return yearSel === 'latest' ? t(lang, 'latestVary') : String(yearSel);
}

/** The chart's ECharts `aria` description, read out by screen readers: its sentences, empty ones left out. */
export function chartAria(sentences: readonly string[]): EChartsOption['aria'] {
  return { enabled: true, label: { description: sentences.filter(Boolean).join(' ') } };
}

/** A compact text's width: `most` px, or less in a chart narrower than that (a small embed). */
const fitWidth = (most: number, width = Infinity): number => Math.min(most, width - 24);

/**
 * A character's width in a 15 px bold title, about: CJK a full em; Latin by its shape (narrow
 * letters and marks, capitals, the rest), a little wider than common sans-serif fonts draw them,
 * so that a title reckoned to fit does (one that does not wraps, and the map starts lower).
 */
function charWidth(ch: string): number {
  if (/[\u2e80-\u9fff\uff00-\uffef]/.test(ch)) return 15;
  if (/[ilIjtfr.,:;'’|!·()\-\s]/.test(ch)) return 5.2;
  if (/[MW]/.test(ch)) return 14;
  if (/[A-Z0-9]/.test(ch)) return 10;
  return 9;
}

/** Lines a title takes: on a phone a long one wraps (its characters' width at 15 px against 340 px, or a narrower chart's width). */
export function titleLines(title: string, compact: boolean, width?: number): number {
  if (!compact) return 1;
  let w = 0;
  for (const ch of title) w += charWidth(ch);
  return w > fitWidth(340, width) ? 2 : 1;
}

/** Space the frame takes at the top and bottom, for grids and series to keep clear of (more under a title that wraps). */
export function frameInsets(compact = false, title = '', width?: number): { top: number; bottom: number } {
  return compact ? { top: 64 + (titleLines(title, compact, width) - 1) * 19, bottom: 30 } : { top: 76, bottom: 34 };
}

export function chartFrame({ lang, title, subtitle, sourceIds, sources, compact = false, width }: FrameInput): Pick<EChartsOption, 'title' | 'graphic'> {
  // figures imported in this browser are marked as such wherever they are drawn (their sources are named too)
  const imported = sourceIds.some((id) => id.startsWith(IMPORTED_SOURCE_PREFIX)) ? t(lang, 'includesImported') : '';
  return {
    title: {
      text: title,
      subtext: subtitle ?? '',
      left: compact ? 8 : 16,
      top: compact ? 6 : 10,
      // on a phone a long title (a ratio's says its measure) wraps to a second line rather than losing its year
      textStyle: { fontSize: compact ? 15 : 20, fontWeight: 600, width: compact ? fitWidth(340, width) : 1100, overflow: compact ? 'break' : 'truncate', lineHeight: compact ? 19 : undefined },
      subtextStyle: { fontSize: compact ? 11 : 13, color: '#444', width: compact ? fitWidth(360, width) : 1200, overflow: 'truncate' },
    },
    graphic: [
      {
        id: 'source-line',
        type: 'text',
        left: compact ? 8 : 16,
        bottom: compact ? 4 : 8,
        style: {
          text: `${sourceLine(sourceIds, sources, lang)}${imported}   ${t(lang, 'dataBy')}`,
          fontSize: compact ? 10 : 12,
          fill: '#555',
          width: compact ? fitWidth(280, width) : 1400,
          overflow: 'truncate',
        },
      },
    ],
  };
}
