/**
 * The ECharts option for the trend chart: shaped series in, option out.
 * Pure; unit-tested without a DOM.
 *
 * - Years without a value are `null` with `connectNulls: false`: a gap, never
 *   a line drawn across it.
 * - Every point carries a symbol (a lone point between gaps would otherwise
 *   be invisible): ● exact, ▲ lower bound (≥), ◆ approximate (≈); in the
 *   derived modes (yoy, share) a hollow marker means "indicative".
 * - A point resting on disagreeing sources has a dark-orange border and a
 *   "!" label; the tooltip lists every figure with its source.
 */
import type { EChartsOption } from 'echarts';
import type { Cell } from '../data/query';
import { regionName } from '../data/regions';
import { needsNationalAxis, type TrendData, type TrendMode, type TrendPoint, type TrendSeries } from '../data/trend';
import type { Figure, Lang, MetricDef, Qualifier, Source } from '../data/types';
import { formatFigure, formatNumber } from '../i18n/format';
import { t } from '../i18n/ui';
import { tTrend } from '../i18n/trend';
import { esc } from './escape';
import { chartAria, chartFrame, frameInsets } from './frame';
import { figureSources } from './sourceLabel';

/** Province line colours (Okabe–Ito based, colour-blind-safe first eight), in the order chosen. */
export const TREND_PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#7f3c8d', '#999933', '#882255', '#44AA99', '#5b6770', '#b8860b', '#1b9e77'];
export const NATIONAL_COLOR = '#1a1d21';
/** Border and "!" badge of points whose sources disagree (darker than the map's and ranking's CONFLICT_COLOR: white text sits on it). */
export const CONFLICT_MARK_COLOR = '#9a3412';

export const QUALIFIER_SYMBOL: Record<Qualifier, string> = { exact: 'circle', at_least: 'triangle', about: 'diamond' };

export function provinceColor(i: number): string {
  return TREND_PALETTE[i % TREND_PALETTE.length]!;
}

/** Colour of each drawn series: national in near-black, provinces by their position among the provinces. */
export function seriesColors(series: readonly Pick<TrendSeries, 'region' | 'national'>[]): Map<string, string> {
  const m = new Map<string, string>();
  let i = 0;
  for (const s of series) m.set(s.region, s.national ? NATIONAL_COLOR : provinceColor(i++));
  return m;
}

export interface TrendOptionInput {
  lang: Lang;
  metric: MetricDef;
  data: TrendData;
  sources: ReadonlyMap<string, Source>;
  /** ids of the sources behind what is drawn (sourceIdsOf(data.cells)) */
  sourceIds: readonly string[];
  /** narrow screens: smaller type */
  compact?: boolean;
  /** the chart's width where it is narrow (a small embed) */
  width?: number;
  /** line colour per region (default: seriesColors(data.series)) */
  colors?: ReadonlyMap<string, string>;
}

const MODE_TITLE: Record<TrendMode, 'modeTitle_abs' | 'modeTitle_yoy' | 'modeTitle_share'> = {
  abs: 'modeTitle_abs',
  yoy: 'modeTitle_yoy',
  share: 'modeTitle_share',
};

export function seriesName(s: Pick<TrendSeries, 'region' | 'national'>, lang: Lang, rightAxis = false): string {
  if (s.national) return rightAxis ? tTrend(lang, 'nationalRight') : tTrend(lang, 'national');
  return regionName(s.region, lang);
}

/** "+12.3%", "−4%", "±0%" */
export function formatChange(pct: number): string {
  if (pct === 0) return '±0%';
  const s = Math.abs(pct) >= 100 ? pct.toFixed(0) : pct.toFixed(1);
  return `${pct > 0 ? '+' : ''}${s.replace('-', '−')}%`;
}

/** A share already in percent: 15.83 → "15.8%", under 1% two decimals (0.42 → "0.42%"). */
export function formatSharePercent(pct: number): string {
  const s = pct >= 1 ? pct.toFixed(1) : pct.toFixed(2);
  return `${s}%`;
}

/** The value as text, in the mode's terms ("≥ 4万 家", "+12.3%", "15.8%"). */
export function pointValueText(p: TrendPoint, mode: TrendMode, unit: string, lang: Lang): string {
  if (p.value === null) return tTrend(lang, 'noData');
  if (mode === 'abs') return formatFigure(p.value, p.qualifier, unit, lang);
  const mark = p.indicative ? '≈ ' : '';
  return mark + (mode === 'yoy' ? formatChange(p.value) : formatSharePercent(p.value));
}

/** "≥ 4万 家（下限，截至 2023-06）" — one figure with its qualifier in words and its date. */
export function figureLong(f: Figure, unit: string, lang: Lang): string {
  const notes: string[] = [];
  if (f.qualifier !== 'exact') notes.push(tTrend(lang, f.qualifier === 'at_least' ? 'boundWord' : 'aboutWord'));
  if (f.asOf) notes.push(t(lang, 'asOf', { date: f.asOf }));
  const s = formatFigure(f.value, f.qualifier, unit, lang);
  if (!notes.length) return s;
  return tTrend(lang, 'withNote', { text: s, note: notes.join(tTrend(lang, 'noteSep')) });
}

const GREY = 'color:#555';

/** Source lines of one cell: the source of a single figure, or every figure with its source under "Sources disagree". */
function cellSourcesHtml(c: Cell, unit: string, lang: Lang, sources: ReadonlyMap<string, Source>, label = ''): string {
  const pre = label ? `${esc(label)}: ` : '';
  if (c.all.length === 1 || !c.conflict) {
    const names = [...new Set(c.all.map((f) => figureSources(f, sources)))];
    const agree = c.all.length > 1 ? ` (${esc(t(lang, 'agree', { n: c.all.length }))})` : '';
    return `<div style="${GREY};font-size:0.9em">${pre}${esc(tTrend(lang, 'sourceOf'))}: ${esc(names.join(t(lang, 'semiSep')))}${agree}</div>`;
  }
  // one line per distinct figure and source name (the same figure read twice on one site is counted, not repeated)
  const lines = new Map<string, number>();
  for (const f of c.all) {
    const line = `${f.derived?.formula?.[lang] ?? figureLong(f, unit, lang)} — ${figureSources(f, sources)}`;
    lines.set(line, (lines.get(line) ?? 0) + 1);
  }
  const items = [...lines]
    .map(([line, n]) => `<div style="padding-left:0.8em">· ${esc(line)}${n > 1 ? ` <span style="${GREY}">×${n}</span>` : ''}</div>`)
    .join('');
  return `<div><b style="color:${CONFLICT_MARK_COLOR}">⚠ ${pre}${esc(t(lang, 'conflict'))}</b>${items}</div>`;
}

function missingText(p: TrendPoint, lang: Lang): string {
  switch (p.missing) {
    case 'noPrevYear':
      return tTrend(lang, 'missingPrevYear', { year: p.year - 1 });
    case 'zeroBase':
      return tTrend(lang, 'yoyZeroBase', { year: p.year - 1 });
    case 'noNational':
    case 'zeroNational':
      return tTrend(lang, 'missingNational');
    default:
      return tTrend(lang, 'missingThisYear', { year: p.year });
  }
}

/**
 * The tooltip's HTML for one year: every drawn series, its value in the
 * mode's terms, the figures behind it with their qualifiers, dates and
 * sources, and which series have no value (and why). Every data string is
 * escaped.
 */
export function trendTooltipHtml(year: number, input: Pick<TrendOptionInput, 'lang' | 'metric' | 'data' | 'sources'>, colors?: ReadonlyMap<string, string>): string {
  const { lang, metric, data, sources } = input;
  const unit = metric.unit[lang];
  const yearIndex = data.years.indexOf(year);
  const colorOf = colors ?? seriesColors(data.series);
  const rows: string[] = [];
  const missing: string[] = [];
  for (const series of data.series) {
    const point = series.points[yearIndex];
    if (!point) continue;
    const name = seriesName(series, lang);
    if (point.value === null) {
      const why = missingText(point, lang);
      missing.push(tTrend(lang, 'withNote', { text: name, note: why }));
      continue;
    }
    const dot = `<span style="display:inline-block;width:9px;height:9px;border-radius:50%;margin-right:4px;background:${esc(colorOf.get(series.region) ?? '#888')}"></span>`;
    const lines: string[] = [];
    const cell = point.cell!;
    // abs: "≥ 4万 家（下限）"; derived modes: "+12.3%"
    const qualWord = data.mode === 'abs' && point.qualifier !== 'exact' ? tTrend(lang, point.qualifier === 'at_least' ? 'boundShort' : 'aboutShort') : '';
    lines.push(
      `${dot}<b>${esc(name)}</b>: <b style="font-size:1.1em">${esc(pointValueText(point, data.mode, unit, lang) + qualWord)}</b>` +
        `${point.conflict ? ` <b style="color:${CONFLICT_MARK_COLOR}">!</b>` : ''}`,
    );
    if (data.mode === 'abs') {
      const figure = cell.primary;
      if (figure.asOf) lines.push(`<div style="${GREY}">${esc(t(lang, 'asOf', { date: figure.asOf }))}</div>`);
      // a ratio: both inputs
      if (figure.derived?.formula) lines.push(`<div style="${GREY}">${esc(figure.derived.formula[lang])}</div>`);
      lines.push(cellSourcesHtml(cell, unit, lang, sources));
    } else {
      const base = point.base!;
      if (data.mode === 'yoy') {
        lines.push(
          `<div style="${GREY}">${esc(tTrend(lang, 'yoyFrom', { from: point.year - 1, to: point.year }))}: ${esc(figureLong(base.primary, unit, lang))} → ${esc(figureLong(cell.primary, unit, lang))}</div>`,
        );
        lines.push(cellSourcesHtml(base, unit, lang, sources, String(point.year - 1)));
        lines.push(cellSourcesHtml(cell, unit, lang, sources, String(point.year)));
      } else {
        lines.push(
          `<div style="${GREY}">${esc(figureLong(cell.primary, unit, lang))} ÷ ${esc(tTrend(lang, 'national'))} ${esc(figureLong(base.primary, unit, lang))}</div>`,
        );
        lines.push(cellSourcesHtml(cell, unit, lang, sources, regionName(series.region, lang)));
        lines.push(cellSourcesHtml(base, unit, lang, sources, tTrend(lang, 'national')));
      }
      if (point.indicative) lines.push(`<div style="color:#7a4b00">○ ${esc(tTrend(lang, 'indicative'))}</div>`);
    }
    rows.push(`<div style="margin-top:4px">${lines.join('')}</div>`);
  }
  const modeLabel = tTrend(lang, `mode_${data.mode}`);
  const head = `<div><b style="font-size:1.1em">${esc(year)}</b> · ${esc(metric.label[lang])} · ${esc(modeLabel)}</div>`;
  const tail = missing.length ? `<div style="${GREY};margin-top:4px">${esc(tTrend(lang, 'noData'))}: ${esc(missing.join(t(lang, 'semiSep')))}</div>` : '';
  return `<div style="max-width:360px;white-space:normal;line-height:1.45">${head}${rows.join('')}${tail}</div>`;
}

/** The point as an ECharts data item, or null for a gap. */
export function dataItem(p: TrendPoint, mode: TrendMode, color: string, compact = false): null | Record<string, unknown> {
  if (p.value === null) return null;
  const base = compact ? 7 : 8;
  // abs: the marker says how the source states the figure; derived modes: a
  // hollow marker says the value rests on a bound or an approximation
  const symbol = mode === 'abs' ? QUALIFIER_SYMBOL[p.qualifier] : 'circle';
  const hollow = mode !== 'abs' && p.indicative;
  const size = (p.isolated ? base + 3 : base) + (symbol === 'circle' ? 0 : 3);
  const itemStyle: Record<string, unknown> = hollow ? { color: '#ffffff', borderColor: color, borderWidth: 2 } : { color };
  if (p.conflict) Object.assign(itemStyle, { borderColor: CONFLICT_MARK_COLOR, borderWidth: 2.5 });
  const item: Record<string, unknown> = {
    value: Number(p.value.toFixed(6)),
    symbol,
    symbolSize: size,
    itemStyle,
  };
  if (p.conflict) {
    item.label = {
      show: true,
      formatter: '!',
      position: 'top',
      distance: 6,
      color: '#ffffff',
      backgroundColor: CONFLICT_MARK_COLOR,
      padding: [1, 4],
      borderRadius: 3,
      fontWeight: 'bold',
      fontSize: compact ? 10 : 11,
    };
  }
  return item;
}

/** "2000–2024", "2019", or "" */
export function spanText(years: readonly number[]): string {
  const a = years[0];
  const b = years[years.length - 1];
  if (a === undefined || b === undefined) return '';
  return a === b ? String(a) : `${a}–${b}`;
}

/** The whole option. */
export function buildTrendOption(input: TrendOptionInput): EChartsOption {
  const { lang, metric, data, sources, sourceIds, compact = false, width } = input;
  const unit = metric.unit[lang];
  const mode = data.mode;
  // Two y axes are avoided where possible: with two scales, where lines cross
  // or how close they run means nothing, and readers take it to mean
  // something. They are used only when the national figure is ten times or
  // more the largest drawn province, because the provinces would otherwise
  // be squashed flat along the bottom. The national line, its legend entry
  // and its axis then all say "right axis". Every line (national included)
  // can also be hidden by clicking its legend entry.
  const dual = needsNationalAxis(data);
  const colors = input.colors ?? seriesColors(data.series);
  const span = spanText(data.years);
  const title = `${metric.label[lang]} · ${tTrend(lang, MODE_TITLE[mode])}${span ? ` · ${span}` : ''}`;
  const inset = frameInsets(compact, title, width);
  const fs = compact ? 11 : 13;
  const drawnSeries = data.series.filter((s) => s.drawn > 0);
  const empty = drawnSeries.length === 0;

  const frame = chartFrame({
    lang,
    title,
    subtitle: [
      mode === 'abs' ? t(lang, 'legendUnit', { unit }) : t(lang, 'legendUnit', { unit: '%' }),
      dual ? tTrend(lang, 'dualAxisNote') : '',
    ]
      .filter(Boolean)
      .join('   '),
    sourceIds,
    sources,
    compact,
    width,
  });

  const legendTop = inset.top;
  // a small chart (a phone, a small embed) leaves out the axis name where the unit line above says it
  const axisName = compact && mode === 'abs' && !dual ? '' : mode === 'abs' ? unit : mode === 'yoy' ? tTrend(lang, 'axisYoy') : tTrend(lang, 'axisShare');
  const gridTop = inset.top + (axisName ? (compact ? 52 : 56) : 34);
  // the marks' note just above the source line (10 px type, 4 px apart in a small chart: a 300×250 frame's plot
  // had 24 px, with 17 px empty under the note)
  const noteBottom = compact ? inset.bottom - 9 : inset.bottom + 4;
  const gridBottom = noteBottom + (compact ? 18 : 22);

  const valueFormatter = (v: unknown) => formatNumber(Number(v), lang);
  const yAxis: Record<string, unknown>[] = [
    {
      type: 'value',
      name: axisName,
      nameTextStyle: { fontSize: fs, align: 'left', color: '#444' },
      nameGap: 12,
      // counts start at zero; changes may be negative
      min: mode === 'yoy' ? undefined : 0,
      // in a short chart (a small embed) labels that would overlap are left out
      axisLabel: mode === 'abs' ? { formatter: valueFormatter, fontSize: fs, hideOverlap: true } : { formatter: '{value}%', fontSize: fs, hideOverlap: true },
      splitLine: { lineStyle: { color: '#e5e7eb' } },
    },
  ];
  if (dual) {
    yAxis.push({
      type: 'value',
      name: tTrend(lang, 'nationalRightAxis', { unit }),
      nameTextStyle: { fontSize: fs, align: 'right', color: NATIONAL_COLOR, fontWeight: 600 },
      nameGap: 12,
      min: 0,
      position: 'right',
      axisLine: { show: true, lineStyle: { color: NATIONAL_COLOR } },
      axisLabel: { formatter: valueFormatter, fontSize: fs, color: NATIONAL_COLOR },
      splitLine: { show: false },
    });
  }

  const series: Record<string, unknown>[] = data.series.map((s) => {
    const color = colors.get(s.region) ?? '#888888';
    return {
      id: s.region,
      name: seriesName(s, lang, dual),
      type: 'line',
      yAxisIndex: s.national && dual ? 1 : 0,
      // gaps stay gaps: no line across a year without a figure
      connectNulls: false,
      showSymbol: true,
      showAllSymbol: true,
      smooth: false,
      color,
      z: s.national ? 3 : 2,
      lineStyle: { width: s.national ? 3 : 2, color },
      // no fading of the other lines on hover: the axis tooltip reads all of them at once
      emphasis: { focus: 'none', scale: 1.4 },
      labelLayout: { hideOverlap: false },
      data: s.points.map((p) => dataItem(p, mode, color, compact)),
    };
  });
  if (mode === 'yoy' && !empty) {
    // the zero line of the change, in no legend and no tooltip
    series.push({
      id: '__zero',
      type: 'line',
      data: [],
      silent: true,
      markLine: { silent: true, symbol: 'none', label: { show: false }, lineStyle: { color: '#6b7280', type: 'solid', width: 1 }, data: [{ yAxis: 0 }] },
    });
  }

  const note = mode === 'abs' ? tTrend(lang, 'legendMarks') : tTrend(lang, 'legendMarksDerived');

  const aria = chartAria([
    `${title}.`,
    ...data.series.map((s) => {
      const pts = s.points.filter((p) => p.value !== null).map((p) => `${p.year} ${pointValueText(p, mode, unit, lang)}${p.conflict ? ` (${t(lang, 'conflict')})` : ''}`);
      return `${seriesName(s, lang, dual)}: ${pts.length ? pts.join(', ') : tTrend(lang, 'noData')}.`;
    }),
  ]);

  return {
    title: frame.title,
    aria,
    animationDuration: 300,
    animationDurationUpdate: 300,
    color: data.series.map((s) => colors.get(s.region) ?? '#888888'),
    legend: {
      type: 'scroll',
      top: legendTop,
      left: compact ? 8 : 16,
      right: compact ? 8 : 16,
      itemGap: compact ? 10 : 16,
      textStyle: { fontSize: fs },
      data: data.series.map((s) => seriesName(s, lang, dual)),
    },
    tooltip: {
      trigger: 'axis',
      confine: true,
      enterable: false,
      axisPointer: { type: 'line' },
      formatter: (params: unknown) => {
        const list = Array.isArray(params) ? params : [params];
        const first = list[0] as { dataIndex?: number; axisValue?: string | number } | undefined;
        const year = first?.axisValue !== undefined ? Number(first.axisValue) : data.years[first?.dataIndex ?? -1];
        return year === undefined || Number.isNaN(year) ? '' : trendTooltipHtml(year, input, colors);
      },
    },
    grid: {
      top: gridTop,
      bottom: gridBottom,
      left: compact ? 8 : 20,
      right: dual ? (compact ? 8 : 20) : compact ? 14 : 28,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: data.years.map(String),
      axisLabel: { fontSize: fs, hideOverlap: true },
      axisLine: { onZero: false },
      axisTick: { alignWithLabel: true },
    },
    yAxis,
    graphic: [
      ...(frame.graphic as object[]),
      {
        id: 'marks-note',
        type: 'text',
        left: compact ? 8 : 16,
        bottom: noteBottom,
        silent: true,
        style: { text: note, fontSize: compact ? 10 : 12, fill: '#333', width: compact ? 370 : 1400, overflow: 'truncate' },
      },
      ...(empty
        ? [
            {
              id: 'empty-note',
              type: 'text',
              left: 'center',
              top: 'middle',
              silent: true,
              style: { text: tTrend(lang, 'noValuesInMode'), fontSize: compact ? 13 : 16, fill: '#555' },
            },
          ]
        : []),
    ],
    series,
  } as EChartsOption;
}
