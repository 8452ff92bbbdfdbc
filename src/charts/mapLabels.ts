/**
 * The province map's labels, for readers who cannot hover (an audience, a
 * printed or pasted image): each province's value written on it — with the
 * year of its figure when years vary ('latest') — and, for provinces too small
 * to hold a label, the label beside the map with a leader line to the
 * province. With `values` off (latest mode in the interactive map) only the
 * year of each figure is written. Loaded on demand with its ECharts parts
 * (./mapLayers, ./echartsGeo); added to a built map option by withMapLabels. Pure.
 */
import type { EChartsOption } from 'echarts';
import type { ProvinceDatum } from '../data/query';
import { regionName } from '../data/regions';
import type { Lang } from '../data/types';
import { formatNumber, QUALIFIER_MARK } from '../i18n/format';
import { overlayGeo, type MapBox } from './overlayGeo';
import { t } from '../i18n/ui';

/**
 * Provinces too small on a map of China for a label of their own (北京, 天津, 上海, 宁夏, 海南,
 * 香港, 澳门): where their label goes instead (longitude, latitude — over the sea or an empty
 * stretch of a large neighbour) and on which side of that point the text runs.
 */
export const CALLOUTS: Readonly<Record<string, { at: [number, number]; side: 'right' | 'bottom' | 'top' }>> = {
  '110000': { at: [124.0, 40.2], side: 'right' }, // 北京 → over the Yellow Sea
  '120000': { at: [124.0, 38.8], side: 'right' }, // 天津 (clear of 河北's label on a 4:3 projector)
  '310000': { at: [124.0, 30.6], side: 'right' }, // 上海 → over the East China Sea
  '810000': { at: [116.0, 20.9], side: 'right' }, // 香港 → over the South China Sea, clear of 广东
  '820000': { at: [116.0, 19.4], side: 'right' }, // 澳门
  '460000': { at: [110.0, 17.6], side: 'bottom' }, // 海南 → below the island
  '640000': { at: [103.4, 41.2], side: 'top' }, // 宁夏 → north-west, over the Alxa desert
};

export interface MapLabelsInput {
  lang: Lang;
  rows: readonly ProvinceDatum[];
  /** years vary (`year=latest`): each label says the year of its figure */
  latest: boolean;
  /** write the values; off: only the years (latest mode) */
  values: boolean;
  /** "latest available": the provinces whose figure is old (their year is marked 旧 / old) */
  old?: ReadonlySet<string> | null;
  /** old figures are hidden (uncoloured, unranked): they get no label */
  hideStale?: boolean;
  /** provinces filled dark (darkFills): their labels are white */
  dark?: ReadonlySet<string>;
  /** a point inside each province with room for its label (data/geoShapes labelPoints), by code */
  points: ReadonlyMap<string, readonly [number, number]>;
  /** geo feature name → region code */
  nameMap: Record<string, string>;
  /** the map series' box, so that labels sit on their provinces */
  box: MapBox;
  compact?: boolean;
}

export interface MapLabelsLayer {
  geo: object;
  /** the series, drawn on the geo component at `geoIndex` (set by buildMapOption) */
  series: (geoIndex: number) => object[];
}

/** "1,234", "≥ 4万"; with `values` off only the qualifier. */
function valueText(d: ProvinceDatum, lang: Lang): string {
  const f = d.cell.primary;
  return QUALIFIER_MARK[f.qualifier] + formatNumber(f.value, lang);
}

/** The text on a province: its value (and the year below it in latest mode), or only the year. */
type LabelText = Pick<MapLabelsInput, 'lang' | 'latest' | 'values' | 'old'>;

/** The year of a figure in latest mode, "2016 旧" where it is old. */
function yearOf(d: ProvinceDatum, input: LabelText): string {
  return `${d.year}${input.old?.has(d.region) ? t(input.lang, 'oldMark') : ''}`;
}

export function inlineLabel(d: ProvinceDatum, input: LabelText): string {
  const mark = QUALIFIER_MARK[d.cell.primary.qualifier].trim();
  if (!input.values) return `{y|${mark}${input.latest ? `${mark ? ' ' : ''}${yearOf(d, input)}` : ''}}`;
  return `{v|${valueText(d, input.lang)}}${input.latest ? `\n{y|${yearOf(d, input)}}` : ''}`;
}

/** The text beside the map for a small province: its name, value and (latest mode) year. */
export function calloutLabel(d: ProvinceDatum, input: LabelText): string {
  const name = regionName(d.region, input.lang);
  // en spaces lead the styled runs: ECharts drops a plain space between two runs, and a narrow
  // one vanishes under the white halo of the text
  if (!input.values) return `{n|${name}}{y|\u2002${QUALIFIER_MARK[d.cell.primary.qualifier]}${yearOf(d, input)}}`;
  return `{n|${name}}{v|\u2002${valueText(d, input.lang)}}${input.latest ? `{y|\u2002(${yearOf(d, input)})}` : ''}`;
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const overlap = (a: Box, b: Box) => Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

/** Shifts tried, as shares of the label's width and height, nearest first (up to half: the label still covers its own point). */
const SHIFTS: [number, number][] = [[0, 0]];
for (const d of [0.25, 0.5]) for (const [fx, fy] of [[0, 1], [0, -1], [1, 0], [-1, 0], [1, 1], [-1, 1], [1, -1], [-1, -1]] as const) SHIFTS.push([fx * d, fy * d]);

const GAP = 2;

type LayoutParams = { dataIndex: number; labelRect: Box; rect?: Box };
type Shift = { dx: number; dy: number };

/**
 * ECharts labelLayout callbacks that move a label overlapping one placed before it (in the same
 * drawing) by the least that clears it — half its size at most where that is enough, so that it
 * still covers its province's point, and never more than its own size — or, where none clears
 * it, to where it overlaps least. `keep` (the callouts beside the map, laid out first) places labels where they
 * are, for the others to keep clear of. ECharts calls them for each label in series and data
 * order on every drawing; the first label starts a new drawing. Shifts are from the label's own
 * place (centred on its point), so that drawing again gives the same layout.
 */
export function clearOverlaps(): ((p: LayoutParams) => Shift) & { keep: (p: LayoutParams) => Shift } {
  let placed: Box[] = [];
  let kept = false;
  // a label's drawn glyphs reach a little beyond its layout box: keep a gap around each
  const place = (r: Box) => placed.push({ x: r.x - GAP, y: r.y - GAP, width: r.width + 2 * GAP, height: r.height + 2 * GAP });
  const keep = ({ dataIndex, labelRect }: LayoutParams): Shift => {
    if (dataIndex === 0) [placed, kept] = [[], true];
    place(labelRect);
    return { dx: 0, dy: 0 };
  };
  const move = ({ dataIndex, labelRect, rect }: LayoutParams): Shift => {
    if (dataIndex === 0) {
      if (!kept) placed = [];
      kept = false;
    }
    // the label's own place, centred on its point (rect, the zero-size symbol): ECharts passes the
    // label where it was last drawn — already moved, when the chart is drawn again
    const r = rect ? { ...labelRect, x: rect.x + rect.width / 2 - labelRect.width / 2, y: rect.y + rect.height / 2 - labelRect.height / 2 } : labelRect;
    let best = { dx: 0, dy: 0, cost: Infinity };
    for (const [fx, fy] of SHIFTS) {
      const b = { ...r, x: r.x + fx * r.width, y: r.y + fy * r.height };
      const cost = placed.reduce((c, p) => c + overlap(b, p), 0);
      if (cost < best.cost) best = { dx: fx * r.width, dy: fy * r.height, cost };
      if (cost === 0) break;
    }
    place({ ...r, x: r.x + best.dx, y: r.y + best.dy });
    return { dx: best.dx, dy: best.dy };
  };
  return Object.assign(move, { keep });
}

/** Relative luminance (WCAG) of a #rrggbb colour. */
function luminance(hex: string): number {
  const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!;
}

/** The colour of a continuous visualMap at a value: the nearer of its two neighbouring stops. */
function rampColor(vm: { min?: number; max?: number; inRange?: { color?: string[] } }, value: number): string | null {
  const stops = vm.inRange?.color;
  if (!stops?.length || typeof vm.min !== 'number' || typeof vm.max !== 'number' || !Number.isFinite(value)) return null;
  const t = vm.max > vm.min ? Math.min(1, Math.max(0, (value - vm.min) / (vm.max - vm.min))) : 0;
  return stops[Math.round(t * (stops.length - 1))] ?? null;
}

/**
 * The provinces a built map option fills dark — by its class colour, or by where its value falls on
 * the visualMap's ramp — where dark text would fall under about 4.5:1 contrast (luminance < 0.18):
 * their labels are white on a dark halo, the others dark on a white one.
 */
export function darkFills(option: EChartsOption): Set<string> {
  const o = option as { series?: { type?: string; data?: { name: string; value: number; itemStyle?: { areaColor?: string } }[] }[]; visualMap?: object | object[] };
  const vm = (Array.isArray(o.visualMap) ? o.visualMap[0] : o.visualMap) as Parameters<typeof rampColor>[0] | undefined;
  const map = o.series?.find((s) => s.type === 'map');
  const out = new Set<string>();
  for (const d of map?.data ?? []) {
    const fill = d.itemStyle?.areaColor ?? (vm ? rampColor(vm, d.value) : null);
    if (fill && /^#[0-9a-f]{6}$/i.test(fill) && luminance(fill) < 0.18) out.add(d.name);
  }
  return out;
}

function inks(fs: number) {
  const rich = (text: string, soft: string) => ({
    v: { fontSize: fs, fontWeight: 600, color: text },
    y: { fontSize: Math.round(fs * 0.85), color: soft },
    n: { fontSize: Math.round(fs * 0.95), color: soft },
  });
  const base = { textBorderWidth: 3, lineHeight: Math.round(fs * 1.15) };
  return {
    light: { ...base, color: '#111', textBorderColor: '#fff', rich: rich('#111', '#222') },
    dark: { ...base, color: '#fff', textBorderColor: '#0c2c84', rich: rich('#fff', '#fff') },
  };
}

export function mapLabelsLayer(input: MapLabelsInput): MapLabelsLayer {
  const { rows, points, nameMap, box, compact = false } = input;
  const fs = compact ? 10 : 12;
  // dark text on a white halo, white text on a dark one where the fill is dark
  const { light: ink, dark } = inks(fs);
  const darkFill = input.dark ?? new Set<string>();
  // hidden old figures are left unlabelled, as they are left uncoloured
  const shown = input.hideStale && input.old?.size ? rows.filter((d) => !input.old!.has(d.region)) : rows;
  // the most crowded first: they have the fewest free places, the others can move out of their way
  const crowd = (d: ProvinceDatum) => {
    const [x, y] = points.get(d.region)!;
    return shown.filter((o) => o !== d && points.has(o.region) && Math.abs(points.get(o.region)![0] - x) < 4 && Math.abs(points.get(o.region)![1] - y) < 3).length;
  };
  const inline = shown.filter((d) => !CALLOUTS[d.region] && points.has(d.region)).map((d) => ({ d, n: crowd(d) })).sort((a, b) => b.n - a.n).map((x) => x.d);
  const called = shown.filter((d) => CALLOUTS[d.region] && points.has(d.region));
  const common = { type: 'scatter', coordinateSystem: 'geo', symbolSize: 0, silent: true, tooltip: { show: false }, emphasis: { disabled: true }, animation: false, z: 5 };
  return {
    geo: overlayGeo(nameMap, box),
    series: (geoIndex) => {
      // the callouts are laid out first, so that values on the map keep clear of them
      const layout = clearOverlaps();
      return [
        {
          ...common,
          id: 'map-callouts',
          geoIndex,
          label: { show: true, distance: 2, ...ink },
          // in a small map the labels that would overlap are left out (none is moved off its province), the callouts
          // among them: laid out first, they are kept, and a province's label that would lie on one is not drawn
          labelLayout: compact ? { hideOverlap: true } : layout.keep,
          data: called.map((d) => ({
            name: d.region,
            value: [...CALLOUTS[d.region]!.at],
            label: { formatter: calloutLabel(d, input), position: CALLOUTS[d.region]!.side },
          })),
          // leader lines from each small province to its label
          markLine: {
            silent: true,
            animation: false,
            symbol: ['circle', 'none'],
            symbolSize: [5, 0],
            label: { show: false },
            emphasis: { disabled: true },
            lineStyle: { color: '#333', width: 1, type: 'solid', opacity: 0.9 },
            data: called.map((d) => [{ coord: [...points.get(d.region)!] }, { coord: [...CALLOUTS[d.region]!.at] }]),
          },
        },
        {
          ...common,
          id: 'map-labels',
          geoIndex,
          label: { show: true, position: 'inside', ...ink },
          // neighbours' labels that would overlap (the crowded east) are moved apart; where
          // provinces are drawn too small for every label (a phone), overlapping ones are left out
          labelLayout: compact ? { hideOverlap: true } : layout,
          data: inline.map((d) => ({ name: d.region, value: [...points.get(d.region)!], label: { ...(darkFill.has(d.region) ? dark : {}), formatter: inlineLabel(d, input) } })),
        },
      ];
    },
  };
}

/** The map option with the labels added: its geo beside any other, the map series' own labels off. */
export function withMapLabels(option: EChartsOption, layer: MapLabelsLayer): EChartsOption {
  const o = option as EChartsOption & { geo?: object | object[]; series: object[] };
  const geos = o.geo ? (Array.isArray(o.geo) ? o.geo : [o.geo]) : [];
  const [map, ...rest] = o.series as { data?: { label?: object }[] }[];
  const plain = map ? { ...map, data: map.data?.map((d) => ({ ...d, label: { show: false } })) } : map;
  return { ...o, geo: [...geos, layer.geo], series: [plain, ...rest, ...layer.series(geos.length)] } as EChartsOption;
}
