import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CALLOUTS, calloutLabel, clearOverlaps, inlineLabel, mapLabelsLayer, darkFills, withMapLabels, type MapLabelsInput } from '../../../src/charts/mapLabels';
import { buildMapOption, mapBox } from '../../../src/charts/mapOption';
import { buildIndex, provinceData, type YearSelection } from '../../../src/data/query';
import { REGIONS } from '../../../src/data/regions';
import { labelPoint, labelPoints } from '../../../src/data/geoShapes';
import { geoNameMap } from '../../../src/data/load';
import type { Figure } from '../../../src/data/types';
import { continuousScale, metricValues } from '../../../src/data/scale';
import { fig, metric, source, sourceMap } from '../helpers';

const M = metric({ id: 'm', label: { zh: '孵化器', en: 'Incubators' } });
const JS = '320000';
const HK = '810000';
const BJ = '110000';
const FIGS: Figure[] = [
  fig({ metric: 'm', region: JS, year: 2022, value: 1000, qualifier: 'at_least', sourceId: 's' }),
  fig({ metric: 'm', region: JS, year: 2021, value: 900, sourceId: 's' }),
  fig({ metric: 'm', region: HK, year: 2021, value: 12, sourceId: 's' }),
  fig({ metric: 'm', region: BJ, year: 2022, value: 45000, sourceId: 's' }),
];
const IDX = buildIndex(FIGS);
const NAME_MAP: Record<string, string> = Object.fromEntries(REGIONS.map((r) => [r.zh, r.code]));
const POINTS = new Map<string, [number, number]>(REGIONS.map((r) => [r.code, [110, 30]]));

function layerInput(sel: YearSelection, values: boolean, lang: 'zh' | 'en' = 'zh'): MapLabelsInput {
  return { lang, rows: provinceData(IDX, 'm', sel), latest: sel === 'latest', values, points: POINTS, nameMap: NAME_MAP, box: mapBox(false, false) };
}
type Item = { name: string; value: number[]; label: { formatter: string; position?: string } };
type LabelSeries = { id: string; data: Item[]; markLine?: { data: unknown[] } };
/** The layer's series as [values on the map, callouts beside it] (ECharts gets the callouts first). */
const seriesOf = (input: MapLabelsInput) => {
  const all = mapLabelsLayer(input).series(0) as LabelSeries[];
  return ['map-labels', 'map-callouts'].map((id) => all.find((x) => x.id === id)!);
};

describe('map labels', () => {
  it('write each province value, with the qualifier, and the year when years vary', () => {
    const [inline] = seriesOf(layerInput(2022, true));
    expect(inline!.data.find((d) => d.name === JS)!.label.formatter).toBe('{v|≥ 1000}');
    const [latest] = seriesOf(layerInput('latest', true));
    expect(latest!.data.find((d) => d.name === JS)!.label.formatter).toBe('{v|≥ 1000}\n{y|2022}');
    // latest mode in the interactive map: the year alone (with its mark)
    const [years] = seriesOf(layerInput('latest', false));
    expect(years!.data.find((d) => d.name === JS)!.label.formatter).toBe('{y|≥ 2022}');
  });

  it('put the labels of small provinces beside the map, named, with a leader line from the province', () => {
    const [inline, callouts] = seriesOf(layerInput('latest', true));
    expect(inline!.data.map((d) => d.name)).not.toContain(HK);
    expect(inline!.data.map((d) => d.name)).not.toContain(BJ);
    const hk = callouts!.data.find((d) => d.name === HK)!;
    expect(hk.value).toEqual(CALLOUTS[HK]!.at);
    expect(hk.label.formatter).toBe('{n|香港}{v|\u200212}{y|\u2002(2021)}');
    expect(callouts!.data.find((d) => d.name === BJ)!.label.formatter).toBe('{n|北京}{v|\u20024.5万}{y|\u2002(2022)}');
    expect(callouts!.markLine!.data).toEqual(callouts!.data.map((d) => [{ coord: POINTS.get(d.name) }, { coord: CALLOUTS[d.name]!.at }]));
    expect(calloutLabel(provinceData(IDX, 'm', 2022).find((d) => d.region === BJ)!, { lang: 'en', latest: false, values: true })).toBe('{n|Beijing}{v|\u200245,000}');
  });

  it('list every small province the issue names, each label clear of Hong Kong and Macau\'s neighbour 广东', () => {
    expect(Object.keys(CALLOUTS).sort()).toEqual(['110000', '120000', '310000', '460000', '640000', '810000', '820000']);
    // Hong Kong and Macau write their labels over the sea south of 广东 (its coast is north of 21.5°N there)
    for (const code of [HK, '820000']) expect(CALLOUTS[code]!.at[1]).toBeLessThan(21.2);
  });

  it('are white on a dark halo where the province is filled dark, dark on a white halo elsewhere', () => {
    // the fill read from the built option: a class colour, or the visualMap ramp at the value
    const ramp = { visualMap: { min: 0, max: 100, inRange: { color: ['#edf8b1', '#7fcdbb', '#1d91c0', '#0c2c84'] } } };
    const opt = (data: object[]) => ({ ...ramp, series: [{ type: 'map', data }] }) as never;
    expect([...darkFills(opt([{ name: 'a', value: 95 }, { name: 'b', value: 10 }, { name: 'c', value: 50 }]))]).toEqual(['a']);
    expect([...darkFills(opt([{ name: 'a', value: 95, itemStyle: { areaColor: '#edf8b1' } }, { name: 'b', value: 1, itemStyle: { areaColor: '#225ea8' } }]))]).toEqual(['b']);
    // a hidden figure (NaN) takes no colour from the ramp
    expect(darkFills(opt([{ name: 'a', value: NaN }])).size).toBe(0);
    const [, inline] = mapLabelsLayer({ ...layerInput(2022, true), dark: new Set([JS]) }).series(0) as { label: { color: string; textBorderColor: string }; data: { name: string; label: { color?: string; textBorderColor?: string; rich?: { v: { color: string } } } }[] }[];
    const js = inline!.data.find((d) => d.name === JS)!.label;
    expect([js.color, js.rich!.v.color, js.textBorderColor]).toEqual(['#fff', '#fff', '#0c2c84']);
    expect([inline!.label.color, inline!.label.textBorderColor]).toEqual(['#111', '#fff']);
    const [, plain] = mapLabelsLayer(layerInput(2022, true)).series(0) as { data: { name: string; label: { color?: string } }[] }[];
    expect(plain!.data.find((d) => d.name === JS)!.label.color).toBeUndefined();
  });

  it('latest available: an old figure\'s year says so (旧 / old); hidden old figures get no label', () => {
    const old = new Set([HK]);
    const [, callouts] = seriesOf({ ...layerInput('latest', true), old });
    expect(callouts!.data.find((d) => d.name === HK)!.label.formatter).toBe('{n|香港}{v|\u200212}{y|\u2002(2021 旧)}');
    const [inline] = seriesOf({ ...layerInput('latest', false, 'en'), old: new Set([JS]) });
    expect(inline!.data.find((d) => d.name === JS)!.label.formatter).toBe('{y|≥ 2022 old}');
    const [hidIn, hidOut] = seriesOf({ ...layerInput('latest', true), old, hideStale: true });
    expect([...hidIn!.data, ...hidOut!.data].map((d) => d.name)).not.toContain(HK);
    expect(hidOut!.data.map((d) => d.name)).toContain(BJ);
  });

  it('only provinces with a figure are labelled (grey is no data, never 0)', () => {
    const [inline, callouts] = seriesOf(layerInput(2021, true));
    expect([...inline!.data, ...callouts!.data].map((d) => d.name).sort()).toEqual([JS, HK].sort());
  });

  it('are added to the map option without touching its colours; the map series draws no label of its own', () => {
    const base = buildMapOption({ lang: 'zh', metric: M, yearSel: 'latest', rows: provinceData(IDX, 'm', 'latest'), national: null, sources: sourceMap(source({ id: 's' })), nameMap: NAME_MAP, sourceIds: ['s'], scale: continuousScale(metricValues(IDX, 'm'), 'linear') });
    const o = withMapLabels(base, mapLabelsLayer(layerInput('latest', true))) as { geo: object[]; series: { type: string; id?: string; geoIndex?: number; data: { label?: { show?: boolean } }[] }[]; visualMap: unknown };
    expect(o.geo).toHaveLength(1);
    expect(o.series.map((s) => s.id ?? s.type)).toEqual(['map', 'map-callouts', 'map-labels']);
    expect(o.series[1]!.geoIndex).toBe(0);
    expect(o.series[0]!.data.every((d) => d.label?.show === false)).toBe(true);
    expect(o.visualMap).toEqual((base as { visualMap: unknown }).visualMap);
  });
});

describe('label layout: neighbours kept apart', () => {
  type R = { x: number; y: number; width: number; height: number };
  const area = (a: R, b: R) => Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));
  const moved = (r: R, d: { dx: number; dy: number }) => ({ ...r, x: r.x + d.dx, y: r.y + d.dy });
  const covers = (r: R, [px, py]: [number, number]) => px >= r.x && px <= r.x + r.width && py >= r.y && py <= r.y + r.height;

  it('a label clear of the others stays where it is', () => {
    const layout = clearOverlaps();
    expect(layout({ dataIndex: 0, labelRect: { x: 0, y: 0, width: 40, height: 20 } })).toEqual({ dx: 0, dy: 0 });
    expect(layout({ dataIndex: 1, labelRect: { x: 100, y: 0, width: 40, height: 20 } })).toEqual({ dx: 0, dy: 0 });
  });

  it('a label over one placed before it moves by the least that clears it, and still covers its own point', () => {
    const layout = clearOverlaps();
    const a = { x: 0, y: 0, width: 40, height: 20 };
    const b = { x: 20, y: 12, width: 40, height: 20 };
    layout({ dataIndex: 0, labelRect: a });
    const d = layout({ dataIndex: 1, labelRect: b });
    const placed = moved(b, d);
    expect(area(placed, a)).toBe(0);
    // at most half the label's size: its province's point (the rect's centre) is still under it
    expect(Math.abs(d.dx)).toBeLessThanOrEqual(b.width / 2);
    expect(Math.abs(d.dy)).toBeLessThanOrEqual(b.height / 2);
    expect(covers(placed, [b.x + b.width / 2, b.y + b.height / 2])).toBe(true);
    // nearest first: no smaller shift would have cleared it
    const size = Math.hypot(d.dx, d.dy);
    for (const [fx, fy] of [[0, 0.25], [0, -0.25], [0.25, 0], [-0.25, 0]] as const) {
      const alt = { dx: fx * b.width, dy: fy * b.height };
      if (Math.hypot(alt.dx, alt.dy) < size) expect(area(moved(b, alt), a)).toBeGreaterThan(0);
    }
  });

  it('where nothing near clears it, a label goes where it overlaps least, and never farther than its own size', () => {
    const layout = clearOverlaps();
    // boxed in on every side
    const around = [[-30, -15], [0, -15], [30, -15], [-30, 0], [30, 0], [-30, 15], [0, 15], [30, 15]];
    around.forEach(([x, y], i) => layout({ dataIndex: i, labelRect: { x: x!, y: y!, width: 30, height: 15 } }));
    const c = { x: 0, y: 0, width: 30, height: 15 };
    const d = layout({ dataIndex: around.length, labelRect: c });
    expect(Math.abs(d.dx)).toBeLessThanOrEqual(30);
    expect(Math.abs(d.dy)).toBeLessThanOrEqual(15);
  });

  it('values on the map keep clear of the callouts beside it, which stay where they are', () => {
    const layout = clearOverlaps();
    const callout = { x: 0, y: 0, width: 60, height: 20 };
    expect(layout.keep({ dataIndex: 0, labelRect: callout })).toEqual({ dx: 0, dy: 0 });
    const value = { x: 30, y: 10, width: 30, height: 20 };
    const d = layout({ dataIndex: 0, labelRect: value });
    expect(area(moved(value, d), callout)).toBe(0);
    // with no callouts, a drawing starts afresh at the first value
    const alone = clearOverlaps();
    alone({ dataIndex: 0, labelRect: callout });
    expect(alone({ dataIndex: 0, labelRect: value })).toEqual({ dx: 0, dy: 0 });
  });

  it('drawn again, the same layout: shifts are from the label\'s own place (centred on its point), not from where ECharts last drew it', () => {
    const point = (r: R) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2, width: 0, height: 0 });
    const a = { x: 0, y: 0, width: 40, height: 20 };
    const b = { x: 20, y: 12, width: 40, height: 20 };
    const first = clearOverlaps();
    first({ dataIndex: 0, labelRect: a, rect: point(a) });
    const d = first({ dataIndex: 1, labelRect: b, rect: point(b) });
    expect(d).not.toEqual({ dx: 0, dy: 0 });
    // the next drawing: ECharts hands over b where it was moved to
    const again = clearOverlaps();
    again({ dataIndex: 0, labelRect: a, rect: point(a) });
    expect(again({ dataIndex: 1, labelRect: moved(b, d), rect: point(b) })).toEqual(d);
  });

  it('a new drawing (the first label again) forgets the last one\'s labels', () => {
    const layout = clearOverlaps();
    const r = { x: 0, y: 0, width: 40, height: 20 };
    layout({ dataIndex: 0, labelRect: r });
    expect(layout({ dataIndex: 1, labelRect: r })).not.toEqual({ dx: 0, dy: 0 });
    expect(layout({ dataIndex: 0, labelRect: r })).toEqual({ dx: 0, dy: 0 });
    expect(layout({ dataIndex: 1, labelRect: { x: 200, y: 0, width: 40, height: 20 } })).toEqual({ dx: 0, dy: 0 });
  });

  it('is what the labels series lays its labels out with; on a phone overlapping labels are left out instead', () => {
    // the drawn labels themselves are measured in the browser (tests/e2e/rooms.test.mjs)
    const [inline] = seriesOf(layerInput(2022, true)) as unknown as { labelLayout: unknown }[];
    expect(typeof inline!.labelLayout).toBe('function');
    const [callouts, phone] = mapLabelsLayer({ ...layerInput(2022, true), compact: true }).series(0) as { id: string; labelLayout: unknown }[];
    expect(phone!.labelLayout).toEqual({ hideOverlap: true });
    // the callouts too, laid out first: a province's label that would lie on one is left out (e2e embed-size)
    expect(callouts!.id).toBe('map-callouts');
    expect(callouts!.labelLayout).toEqual({ hideOverlap: true });
  });

  it('the inline text: value, qualifier and year, or only the year in the interactive latest map', () => {
    const d = provinceData(IDX, 'm', 'latest').find((r) => r.region === JS)!;
    expect(inlineLabel(d, { lang: 'en', latest: true, values: true })).toBe('{v|≥ 1,000}\n{y|2022}');
    expect(inlineLabel(d, { lang: 'zh', latest: false, values: false })).toBe('{y|≥}');
  });
});

describe('label points', () => {
  it('the point of a shape farthest from its outline', () => {
    // an L shape: the label goes in the thick part, not at the bounding box centre (outside the L)
    const L: [number, number][] = [[0, 0], [10, 0], [10, 4], [4, 4], [4, 10], [0, 10], [0, 0]];
    const [x, y] = labelPoint([L], 1);
    expect(x).toBeGreaterThan(0.5);
    expect(x).toBeLessThan(4);
    expect(y).toBeLessThan(4);
    expect(y).toBeGreaterThan(0.5);
  });
  it('every province of the shipped map gets a point inside its own outline', () => {
    const geo = JSON.parse(readFileSync('public/data/geo/china.json', 'utf8'));
    const pts = labelPoints(geo, geoNameMap(geo));
    expect(pts.size).toBe(34);
    // a few known places: 江苏's label is in 江苏, 内蒙古's far from its capital at the southern edge
    const [jx, jy] = pts.get(JS)!;
    expect(jx).toBeGreaterThan(117);
    expect(jx).toBeLessThan(121.5);
    expect(jy).toBeGreaterThan(31);
    expect(jy).toBeLessThan(35);
    expect(pts.get('150000')![1]).toBeGreaterThan(42.5);
  });
});
