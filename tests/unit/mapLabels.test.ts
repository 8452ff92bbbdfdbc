import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CALLOUTS, calloutLabel, mapLabelsLayer, withMapLabels, type MapLabelsInput } from '../../src/charts/mapLabels';
import { buildMapOption, mapBox } from '../../src/charts/mapOption';
import { buildIndex, provinceData, type YearSelection } from '../../src/data/query';
import { REGIONS } from '../../src/data/regions';
import { labelPoint, labelPoints } from '../../src/data/geoShapes';
import { geoNameMap } from '../../src/data/load';
import type { Figure } from '../../src/data/types';
import { fig, metric, source, sourceMap } from './helpers';

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
const seriesOf = (input: MapLabelsInput) => mapLabelsLayer(input).series(0) as { id: string; data: Item[]; markLine?: { data: unknown[] } }[];

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

  it('only provinces with a figure are labelled (grey is no data, never 0)', () => {
    const [inline, callouts] = seriesOf(layerInput(2021, true));
    expect([...inline!.data, ...callouts!.data].map((d) => d.name).sort()).toEqual([JS, HK].sort());
  });

  it('are added to the map option without touching its colours; the map series draws no label of its own', () => {
    const base = buildMapOption({ lang: 'zh', metric: M, yearSel: 'latest', rows: provinceData(IDX, 'm', 'latest'), national: null, sources: sourceMap(source({ id: 's' })), nameMap: NAME_MAP, sourceIds: ['s'] });
    const o = withMapLabels(base, mapLabelsLayer(layerInput('latest', true))) as { geo: object[]; series: { type: string; id?: string; geoIndex?: number; data: { label?: { show?: boolean } }[] }[]; visualMap: unknown };
    expect(o.geo).toHaveLength(1);
    expect(o.series.map((s) => s.id ?? s.type)).toEqual(['map', 'map-labels', 'map-callouts']);
    expect(o.series[1]!.geoIndex).toBe(0);
    expect(o.series[0]!.data.every((d) => d.label?.show === false)).toBe(true);
    expect(o.visualMap).toEqual((base as { visualMap: unknown }).visualMap);
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
