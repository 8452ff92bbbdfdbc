/**
 * The ECharts option for the province choropleth: data in, option out
 * (after Superset's `transformProps`). Pure; unit-tested without a DOM.
 */
import type { EChartsOption } from 'echarts';
import type { Cell, ProvinceDatum, YearSelection } from '../data/query';
import { regionName } from '../data/regions';
import type { Lang, MetricDef, Source } from '../data/types';
import { formatFigure, formatNumber, formatPercent, formatSigned, QUALIFIER_MARK } from '../i18n/format';
import { t } from '../i18n/ui';
import { esc } from './escape';
import { chartAria, chartFrame, yearText } from './frame';
import { CONFLICT_COLOR, figureLines, sourceLines } from './tooltipParts';
import type { CarrierLayer, MapBox } from './carrierLayer';

export const NO_DATA_COLOR = '#d5d8dc';
/** Sequential, colour-blind-safe (ColorBrewer YlGnBu). */
export const SEQUENTIAL = ['#edf8b1', '#c7e9b4', '#7fcdbb', '#41b6c4', '#1d91c0', '#225ea8', '#0c2c84'];
export const NANHAI = '南海诸岛';

export interface MapOptionInput {
  lang: Lang;
  metric: MetricDef;
  yearSel: YearSelection;
  rows: readonly ProvinceDatum[];
  national: Cell | null;
  sources: ReadonlyMap<string, Source>;
  /** geo feature name → region code, so that figures join by code, not by display name */
  nameMap: Record<string, string>;
  /** narrow screens: smaller type, legend below */
  compact?: boolean;
  /** ids of the sources behind what is drawn (for the in-chart source line) */
  sourceIds: readonly string[];
  /**
   * the optional layer of named carriers (geo + scatter series + legend),
   * built by carrierLayer() with the box mapBox(compact, true)
   */
  layer?: CarrierLayer | null;
}

function figureText(c: Cell, unit: string, lang: Lang): string {
  const f = c.primary;
  return formatFigure(f.value, f.qualifier, unit, lang);
}

/** The tooltip's HTML for one region. Every data string is escaped. */
export function mapTooltipHtml(code: string, datum: ProvinceDatum | undefined, input: Pick<MapOptionInput, 'lang' | 'metric' | 'yearSel' | 'sources'>): string {
  const { lang, metric, yearSel, sources } = input;
  const unit = metric.unit[lang];
  if (code === NANHAI) return `<b>${esc(t(lang, 'nanhai'))}</b>`;
  const name = esc(regionName(code, lang));
  if (!datum) {
    const when = yearSel === 'latest' ? '' : ` · ${yearSel}`;
    return `<b>${name}</b>${esc(when)}<br/><span style="color:#666">${esc(t(lang, 'noData'))}</span>`;
  }
  const figure = datum.cell.primary;
  const lines: string[] = [];
  lines.push(`<b>${name}</b> · ${esc(yearSel === 'latest' ? t(lang, 'yearOf', { year: datum.year }) : datum.year)}`);
  lines.push(...figureLines(figure, unit, lang, datum.rank, datum.ranked));
  if (datum.change) {
    const change = datum.change;
    const pct = change.ratio === null ? '' : ` (${formatPercent(change.ratio, lang)})`;
    lines.push(
      `${esc(t(lang, 'changeFrom', { year: change.fromYear }))}: ${esc(formatSigned(change.delta, lang))}${esc(pct)}` +
        `${change.indicative ? `<span style="color:#666">${esc(t(lang, 'changeIndicative'))}</span>` : ''}`,
    );
  } else {
    lines.push(`<span style="color:#666">${esc(t(lang, 'firstYear'))}</span>`);
  }
  lines.push(...sourceLines(datum.cell, unit, lang, sources));
  return `<div style="max-width:320px;white-space:normal;line-height:1.5">${lines.join('<br/>')}</div>`;
}

/** Upper end of the colour scale: a round number at or above the largest value. */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const p = Math.pow(10, Math.floor(Math.log10(max)));
  for (const m of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * p >= max) return m * p;
  return 10 * p;
}

/** Where the map sits in the chart; the carrier layer's geo uses the same box so that points line up. */
export function mapBox(compact: boolean, withLegend: boolean): MapBox {
  // Percentages, not pixels, so that a small chart (an embed of 300×250) never gets a negative box.
  return { top: compact ? '19%' : '11%', bottom: compact ? '20%' : '6%', left: compact ? 4 : 200, right: compact ? 4 : withLegend ? 230 : 24 };
}

export function buildMapOption(input: MapOptionInput): EChartsOption {
  const { lang, metric, yearSel, rows, national, sources, nameMap, compact = false, sourceIds, layer } = input;
  const box = mapBox(compact, !!layer);
  const unit = metric.unit[lang];
  const byCode = new Map(rows.map((d) => [d.region, d]));
  const values = rows.map((d) => d.cell.primary.value);
  const max = niceMax(Math.max(0, ...values));
  const latest = yearSel === 'latest';
  const title = `${metric.label[lang]} · ${yearText(yearSel, lang)}`;
  const fs = compact ? 12 : 14;

  const data = rows.map((d) => {
    const f = d.cell.primary;
    return {
      name: d.region,
      value: f.value,
      // dashed outline where sources disagree
      itemStyle: d.cell.conflict ? { borderType: 'dashed' as const, borderColor: CONFLICT_COLOR, borderWidth: 1.5 } : undefined,
      // a mark (≥, ≈) and, for 'latest', the figure's year; no label object where none is shown
      // (each one costs ECharts a label model per province and year change)
      label: latest || f.qualifier !== 'exact'
        ? { show: true, formatter: `${QUALIFIER_MARK[f.qualifier].trim()}${latest ? `${f.qualifier !== 'exact' ? ' ' : ''}${d.year}` : ''}` }
        : undefined,
    };
  });

  const nationalText = national
    ? `${t(lang, 'nationalFigure')}: ${formatFigure(national.primary.value, national.primary.qualifier, unit, lang)}${national.conflict ? ` ⚠ ${t(lang, 'conflict')}` : ''}`
    : '';

  const frame = chartFrame({
    lang,
    title,
    subtitle: [t(lang, 'legendUnit', { unit }), nationalText].filter(Boolean).join('   '),
    sourceIds,
    sources,
    compact,
  });

  return {
    title: frame.title,
    aria: chartAria([
      `${title}.`,
      t(lang, 'provincesWithData', { n: rows.length }) + '.',
      ...[...rows].sort((a, b) => a.rank - b.rank).map((d) => `${regionName(d.region, lang)} ${d.year}: ${figureText(d.cell, unit, lang)}`),
      nationalText,
    ]),
    // a new year is shown at once, not faded in over 300 ms: a presenter scrubbing through the
    // years sees each one immediately, and the page is not redrawn 18 more times per change
    animation: false,
    tooltip: {
      trigger: 'item',
      confine: true,
      enterable: false,
      formatter: (p: unknown) => {
        const name = String((p as { name?: string }).name ?? '');
        return mapTooltipHtml(name, byCode.get(name), input);
      },
    },
    visualMap: {
      type: 'continuous',
      min: 0,
      max,
      calculable: false,
      realtime: false,
      inRange: { color: SEQUENTIAL },
      orient: compact ? 'horizontal' : 'vertical',
      left: compact ? 'center' : 24,
      bottom: compact ? 48 : 64,
      itemHeight: compact ? 160 : 180,
      itemWidth: compact ? 12 : 16,
      text: [formatNumber(max, lang), '0'],
      textStyle: { fontSize: fs },
      formatter: (v: unknown) => formatNumber(Number(v), lang),
      seriesIndex: 0,
    },
    graphic: [
      ...(frame.graphic as object[]),
      // "no data" swatch: grey is missing, never zero
      {
        type: 'group',
        left: compact ? 8 : 24,
        bottom: compact ? 24 : 32,
        children: [
          { type: 'rect', shape: { x: 0, y: 0, width: 14, height: 14 }, style: { fill: NO_DATA_COLOR, stroke: '#999' } },
          { type: 'text', x: 20, y: 1, style: { text: t(lang, 'mapNote'), fontSize: fs - 1, fill: '#333' } },
        ],
      },
    ],
    series: [
      {
        type: 'map',
        map: 'china',
        nameMap,
        roam: false,
        selectedMode: false,
        showLegendSymbol: false,
        ...box,
        itemStyle: { areaColor: NO_DATA_COLOR, borderColor: '#ffffff', borderWidth: 0.8 },
        // hover highlights the province; its name is in the tooltip. No hover label: ECharts
        // would build a text for every province on every redraw (a year change) to have it ready.
        emphasis: { itemStyle: { areaColor: '#f59e0b' } },
        label: { show: false, fontSize: compact ? 9 : 11, color: '#111', textBorderColor: '#fff', textBorderWidth: 2 },
        data,
      },
      ...((layer?.series as object[]) ?? []),
    ],
    ...(layer ? { geo: layer.geo, legend: { ...(layer.legend as object), top: compact ? 64 : 80, ...(compact ? { orient: 'horizontal', right: 'center', top: 'auto', bottom: 62 } : {}) } } : {}),
  } as EChartsOption;
}
