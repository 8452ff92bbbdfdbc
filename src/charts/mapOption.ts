/**
 * The ECharts option for the province choropleth: data in, option out
 * (after Superset's `transformProps`). Pure; unit-tested without a DOM.
 */
import type { EChartsOption } from 'echarts';
import type { Cell, ProvinceDatum, YearSelection } from '../data/query';
import { regionName } from '../data/regions';
import { niceMax, scalePosition, type ColorScaleSpec } from '../data/scale';
import { withoutStale, type Staleness } from '../data/staleness';
import type { Lang, MetricDef, Source } from '../data/types';
import { formatFigure, formatNumber, QUALIFIER_MARK } from '../i18n/format';
import { t } from '../i18n/ui';
import { esc } from './escape';
import { chartAria, chartFrame, titleLines, yearText } from './frame';
import { CONFLICT_COLOR } from './tooltipParts';
import type { CarrierLayer, MapBox } from './carrierLayer';
import { classColors, isClassed, scaleValue, SEQUENTIAL } from './colorScale';
import { CHINA, CHINA_SVG } from './maps';

export { niceMax, SEQUENTIAL };
export const NO_DATA_COLOR = '#d5d8dc';
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
  /**
   * the SVG outlines are registered (./maps): a map of one year is drawn from them, which ECharts
   * only restyles on a year change; otherwise, and in "latest available" (whose old figures are
   * hatched: a decal pattern on an SVG outline is scaled with the outline's units), from the GeoJSON
   */
  svg?: boolean;
  /** the chart's width where it is narrow (a small embed) */
  width?: number;
  /** the chart's height where it is known (an embed; see mapBox) */
  height?: number;
  /** ids of the sources behind what is drawn (for the in-chart source line) */
  sourceIds: readonly string[];
  /**
   * the optional layer of named carriers (geo + scatter series + legend),
   * built by carrierLayer() with the box mapBox(compact, true)
   */
  layer?: CarrierLayer | null;
  /** the metric's colour scale, the same in every year and mode (data/scale.ts) */
  scale: ColorScaleSpec;
  /** "latest available": which figures are old (data/staleness.ts); null or absent in a year */
  stale?: Staleness | null;
  /** old figures drawn hidden: not coloured by the scale, nor ranked */
  hideStale?: boolean;
  /**
   * the tooltip's HTML (./mapTooltip.ts, loaded after the first chart: a
   * tooltip is only needed on hover); until it is there the tooltip names the province
   */
  tooltipHtml?: MapTooltipHtml | null;
  /**
   * the legend of a classed scale and the old-figures swatch (./mapLegend.ts, loaded when a map
   * first needs them); required where the scale is classed or old figures are shown
   */
  legend?: MapLegend | null;
}

export interface MapLegend {
  /** `side`: the map has its colour bar at its right (sideBar) and its legend rows at the bottom left */
  (input: MapOptionInput, staleShown: boolean, fs: number, scaleName: string, side: boolean): object[];
  /** "2023–2024：12 省；2015–2019：5 省（旧数据）" (./yearGroups): the subtitle of "latest available" */
  groups: (st: Staleness, lang: Lang) => string;
  /** an old figure: white hatching over its colour */
  decal: object;
  /** an old figure that the reader chose to hide: not coloured by the scale */
  hidden: object;
}

/** A province's tooltip as HTML (escaped); undefined where its code is not there yet (the option then shows the name) */
export type MapTooltipHtml = (code: string, d: ProvinceDatum | undefined, input: TooltipInput) => string | undefined;
export type TooltipInput = Pick<MapOptionInput, 'lang' | 'metric' | 'yearSel' | 'sources' | 'stale' | 'hideStale'>;

function figureText(c: Cell, unit: string, lang: Lang): string {
  const f = c.primary;
  return formatFigure(f.value, f.qualifier, unit, lang);
}

/**
 * Where the map sits in the chart; the carrier layer's geo uses the same box so that points line up.
 * `height`: the chart's, where it is known (an embed): a compact map then ends above its legend
 * (the scale's name, 92 px above the bottom, ends ≈ 106 px above it) instead of 20 % above the
 * bottom, which in a 250 px embed put the colour bar over the southern provinces. The outlines
 * keep their shape in the box (`preserveAspect`), centred in it. In a short one (under 400 px: a
 * 300×250 embed) a continuous scale's bar stands at the right of the map instead (`sideBar`), which
 * leaves the map twice the height.
 */
export const sideBar = (compact: boolean, withLegend: boolean, height = 0, classed?: boolean): boolean => compact && !withLegend && !classed && height >= 160 && height < 400;

export function mapBox(compact: boolean, withLegend: boolean, height?: number, classed?: boolean): MapBox {
  const side = sideBar(compact, withLegend, height, classed);
  // Percentages where the height is not known, so that no chart gets a negative box; where it is,
  // a compact map keeps clear of the title and subtitle (≈ 58 px) and of the legend below
  const px = compact && height && height >= 160;
  return {
    top: px ? Math.round(Math.max(height * 0.19, 58)) : compact ? '19%' : '11%',
    bottom: side ? 62 : px ? Math.round(Math.min(Math.max(height * 0.2, 106), height * 0.5)) : compact ? '20%' : '6%',
    left: compact ? 4 : 200,
    right: side ? 56 : compact ? 4 : withLegend ? 230 : 24,
    // the outlines keep their shape in any box (without it ECharts stretched them to the box: 1.7×
    // wide at 1280×800), centred in it: on a wide screen the room the height leaves is shared left
    // and right (the callouts east of the coast take from the right half)
    preserveAspect: 'contain',
    preserveAspectAlign: 'center',
  };
}

/** The scale's name, and the legend of a classed scale and the old-figures swatch where they are drawn (./mapLegend). */
function legendGraphic(input: MapOptionInput, staleShown: boolean, fs: number, side: boolean): object[] {
  const { lang, scale, compact = false } = input;
  const name = `${t(lang, 'scale')}${t(lang, 'colon')}${t(lang, `scale_${scale.kind}`)} · ${t(lang, 'scaleSame')}`;
  const out = staleShown || isClassed(scale) ? input.legend!(input, staleShown, fs, name, side) : [];
  if (!isClassed(scale)) out.push({ type: 'text', id: 'scale-name', ...(side ? { left: 8, bottom: staleShown ? 60 : 42 } : compact ? { left: 'center', bottom: 92 } : { left: 24, bottom: (staleShown ? 84 : 64) + 262 }), style: { text: name, fontSize: fs - 2, fill: '#555' } });
  return out;
}

export function buildMapOption(input: MapOptionInput): EChartsOption {
  const { lang, metric, yearSel, rows, national, sources, nameMap, compact = false, width, height, sourceIds, layer, scale, stale, hideStale = false } = input;
  const classed = isClassed(scale);
  const side = sideBar(compact, !!layer, height, classed);
  const unit = metric.unit[lang];
  const latest = yearSel === 'latest';
  const svg = !latest && input.svg;
  const old = latest && stale ? stale.stale : new Set<string>();
  // hidden old figures are not ranked: the others are ranked again among themselves
  const shown = hideStale && old.size ? withoutStale(rows, old) : rows;
  const byCode = new Map<string, ProvinceDatum>([...rows.map((d) => [d.region, d] as const), ...shown.map((d) => [d.region, d] as const)]);
  const colors = classColors(scale);
  const title = `${metric.label[lang]} · ${yearText(yearSel, lang)}`;
  const fs = compact ? 12 : 14;
  const staleShown = old.size > 0;

  const data = rows.map((d) => {
    const f = d.cell.primary;
    const isOld = old.has(d.region);
    const hidden = isOld && hideStale;
    const style = {
      ...(classed && !hidden ? { areaColor: colors[scalePosition(scale, f.value)] } : {}),
      // (old figures are only in "latest available", whose map always has its legend part)
      ...(hidden ? input.legend!.hidden : {}),
      ...(isOld && !hidden ? { decal: input.legend!.decal } : {}),
      // dashed outline where sources disagree
      ...(d.cell.conflict ? { borderType: 'dashed' as const, borderColor: CONFLICT_COLOR, borderWidth: 1.5 } : {}),
    };
    return {
      name: d.region,
      // a hidden figure takes no colour from the scale
      value: hidden ? NaN : scaleValue(scale, f.value),
      // the figure itself (on a log scale `value` is its log10), for readers of the option: tests, exports
      figure: f.value,
      itemStyle: Object.keys(style).length ? style : undefined,
      // a bound or an approximation is marked on the map; in latest mode the year of each figure
      // (its mark, and whether it is old) is written by the labels layer (./mapLabels), which
      // places small provinces' labels beside the map instead of over their neighbours. No label
      // object where none is shown (each one costs ECharts a label model per province and year change)
      label: !latest && f.qualifier !== 'exact' ? { show: true, formatter: QUALIFIER_MARK[f.qualifier].trim() } : undefined,
    };
  });

  const nationalText = national
    ? `${t(lang, 'nationalFigure')}${t(lang, 'colon')}${formatFigure(national.primary.value, national.primary.qualifier, unit, lang)}${national.conflict ? ` ⚠ ${t(lang, 'conflict')}` : ''}`
    : '';
  const groups = latest && stale?.groups.length ? input.legend!.groups(stale, lang) : '';
  const box = mapBox(compact, !!layer, height, classed);
  // in a frame of known height the map starts below a title that wraps and the subtitle's second
  // line (the years' groups), and a side bar's map ends above the old figures' swatch row
  if (typeof box.top == 'number') box.top += (titleLines(title, compact, width) - 1) * 19 + (groups ? 17 : 0);
  if (side && staleShown) box.bottom = 80;

  const frame = chartFrame({
    lang,
    title,
    subtitle: [t(lang, 'legendUnit', { unit }), nationalText].filter(Boolean).join('   ') + (groups ? (compact ? '\n' : '   ') + groups : ''),
    sourceIds,
    sources,
    compact,
    width,
  });
  const tip = { ...input, hideStale };

  return {
    title: frame.title,
    aria: chartAria([
      `${title}.`,
      t(lang, 'provincesWithData', { n: rows.length }) + '.',
      groups ? `${groups}.` : '',
      ...[...rows]
        .sort((a, b) => a.rank - b.rank)
        .map((d) => `${regionName(d.region, lang)} ${d.year}: ${old.has(d.region) ? t(lang, 'withNote', { text: figureText(d.cell, unit, lang), note: t(lang, 'oldFigures') }) : figureText(d.cell, unit, lang)}`),
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
        return input.tooltipHtml?.(name, byCode.get(name), tip) ?? esc(regionName(name, lang));
      },
    },
    // continuous scales colour through the visual map (log: on log10 of the value, labelled in real values);
    // classed ones colour each province themselves and draw their legend below
    ...(classed
      ? {}
      : {
          visualMap: {
            type: 'continuous',
            min: scaleValue(scale, scale.min),
            max: scaleValue(scale, scale.max),
            calculable: false,
            realtime: false,
            inRange: { color: SEQUENTIAL },
            orient: compact && !side ? 'horizontal' : 'vertical',
            ...(side ? { right: 8, top: box.top } : { left: compact ? 'center' : 24, bottom: compact ? 48 : staleShown ? 84 : 64 }),
            itemHeight: side ? Math.max(12, height! - (box.top as number) - (box.bottom as number) - 36) : compact ? 160 : 180,
            itemWidth: compact ? 12 : 16,
            text: [formatNumber(scale.max, lang), formatNumber(scale.min, lang)],
            textStyle: { fontSize: fs },
            seriesIndex: 0,
          },
        }),
    graphic: [
      ...(frame.graphic as object[]),
      ...legendGraphic(input, staleShown, fs, side),
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
        map: svg ? CHINA_SVG : CHINA,
        // the GeoJSON's default, given for the SVG, so that both lie in the same place
        aspectScale: 0.75,
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
    ...(layer ? { geo: { ...(layer.geo as object), ...box }, legend: { ...(layer.legend as object), top: compact ? 64 : 80, ...(compact ? { orient: 'horizontal', right: 'center', top: 'auto', bottom: 62 } : {}) } } : {}),
  } as EChartsOption;
}
