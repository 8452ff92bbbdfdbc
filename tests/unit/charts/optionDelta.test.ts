import { describe, expect, it } from 'vitest';
import type { EChartsOption } from 'echarts';
import { optionDelta, sameOptionValue } from '../../../src/charts/optionDelta';
import { buildMapOption, type MapOptionInput } from '../../../src/charts/mapOption';
import { continuousScale, metricValues } from '../../../src/data/scale';
import { buildIndex, nationalCell, provinceData } from '../../../src/data/query';
import { NATIONAL, REGIONS } from '../../../src/data/regions';
import type { MetricDef } from '../../../src/data/types';
import { fig, metric, source, sourceMap } from '../helpers';

const M: MetricDef = metric({ id: 'incubators_total', label: { zh: '科技企业孵化器', en: 'Technology business incubators' }, unit: { zh: '家', en: 'incubators' } });
const SOURCES = sourceMap(source({ id: 'torch', publisher: '火炬中心', url: 'https://www.chinatorch.gov.cn/y', quote: '832家' }));
const IDX = buildIndex([
  fig({ metric: M.id, region: '320000', year: 2016, value: 720, sourceId: 'torch' }),
  fig({ metric: M.id, region: '440000', year: 2016, value: 650, sourceId: 'torch' }),
  fig({ metric: M.id, region: '320000', year: 2017, value: 848, sourceId: 'torch' }),
  fig({ metric: M.id, region: NATIONAL, year: 2017, value: 5206, sourceId: 'torch' }),
]);
const mapInput = (year: number): MapOptionInput => ({
  lang: 'zh', metric: M, yearSel: year, rows: provinceData(IDX, M.id, year), national: nationalCell(IDX, M.id, year), sources: SOURCES,
  nameMap: Object.fromEntries(REGIONS.map((r) => [r.zh, r.code])), sourceIds: ['torch'], scale: continuousScale(metricValues(IDX, M.id), 'linear'),
});

describe('sameOptionValue', () => {
  it('compares plain objects and arrays by content, functions by identity', () => {
    const f = () => 'x';
    expect(sameOptionValue({ a: [1, { b: 'c' }], f }, { a: [1, { b: 'c' }], f })).toBe(true);
    expect(sameOptionValue({ a: [1, { b: 'c' }] }, { a: [1, { b: 'd' }] })).toBe(false);
    expect(sameOptionValue({ f: () => 'x' }, { f: () => 'x' })).toBe(false);
    expect(sameOptionValue([1, 2], [1, 2, 3])).toBe(false);
    expect(sameOptionValue({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameOptionValue(NaN, NaN)).toBe(true);
    expect(sameOptionValue([1], { 0: 1 })).toBe(false);
  });
});

describe('optionDelta', () => {
  it('keeps only the top-level parts that changed, null when none did', () => {
    const prev = { title: { text: 'A · 2016' }, graphic: [{ type: 'text', style: { text: 'src' } }], series: [{ type: 'map', data: [1] }], animation: false } as EChartsOption;
    const next = { title: { text: 'A · 2017' }, graphic: [{ type: 'text', style: { text: 'src' } }], series: [{ type: 'map', data: [2] }], animation: false } as EChartsOption;
    expect(optionDelta(prev, next)).toEqual({ title: next.title, series: next.series });
    expect(optionDelta(prev, { ...prev })).toBeNull();
  });

  it("a map's year change leaves its frame graphics and visual map out, and sends the new title, data and description", () => {
    const y1 = buildMapOption(mapInput(2016)) as Record<string, unknown>;
    const y2 = buildMapOption(mapInput(2017)) as Record<string, unknown>;
    const d = optionDelta(y1 as EChartsOption, y2 as EChartsOption) as Record<string, unknown>;
    expect(Object.keys(d).sort()).toEqual(['aria', 'series', 'title', 'tooltip']);
    expect(d.series).toBe(y2.series);
    expect(y2.graphic).toBeDefined();
    expect(y2.visualMap).toBeDefined();
  });
});
