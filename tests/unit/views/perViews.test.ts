/**
 * Ratios (per resident, per GDP) as the views show them: the kit that divides
 * the package (state/perKit.ts) — imported metrics included, with the app's
 * own denominators when only the user's files are shown — and what the option
 * builders, the table's CSV and the file names make of a ratio.
 */
import { describe, expect, it } from 'vitest';
import { buildMapOption } from '../../../src/charts/mapOption';
import { mapTooltipHtml } from '../../../src/charts/mapTooltip';
import { continuousScale, metricValues } from '../../../src/data/scale';
import { rankingTooltipHtml } from '../../../src/charts/rankingOption';
import { rankingModel, shareOf } from '../../../src/charts/rankingModel';
import { trendTooltipHtml } from '../../../src/charts/trendOption';
import { frameInsets, titleLines } from '../../../src/charts/frame';
import { figureSources } from '../../../src/charts/sourceLabel';
import { exportFileName, tableCsv } from '../../../src/data/csvExport';
import { mergePackage, type UserDataset } from '../../../src/data/merge';
import { buildIndex, coverage, nationalCell, provinceData } from '../../../src/data/query';
import { NATIONAL } from '../../../src/data/regions';
import { buildTableRows } from '../../../src/data/tableRows';
import { buildTrend } from '../../../src/data/trend';
import type { DataPackage, Figure, MetricDef } from '../../../src/data/types';
import { figureSupports, supportsOf } from '../../../src/views/chartModel';
import { chartFileName } from '../../../src/export/fileName';
import { useNotices } from '../../../src/state/notices';
import { perData } from '../../../src/state/perKit';
import { useStore } from '../../../src/state/store';
import { fig, metric, source, sourceMap } from '../helpers';

const JS = '320000';
const ZJ = '330000';
const M: MetricDef = metric({ id: 'inc', label: { zh: '孵化器', en: 'Incubators' }, unit: { zh: '家', en: 'institutions' } });
const POP: MetricDef = metric({ id: 'population_resident', group: 'context', label: { zh: '年末常住人口', en: 'Population' }, unit: { zh: '万人', en: '10,000 persons' } });
const GDP: MetricDef = metric({ id: 'gdp', group: 'context', kind: 'flow', label: { zh: '地区生产总值', en: 'GDP' }, unit: { zh: '亿元', en: '100 million yuan' } });
const SHARE: MetricDef = metric({ id: 'share', label: { zh: '占比', en: 'Share' }, unit: { zh: '%', en: '%' } });
const SOURCES = sourceMap(
  source({ id: 'torch', publisher: '火炬中心', url: 'https://torch.example/x', quote: '244家' }),
  source({ id: 'torch2', publisher: '科技日报', url: 'https://news.example/y', quote: '240家' }),
  { ...source({ id: 'nbs', publisher: 'github.com', url: 'https://github.com/x', quote: '江苏,8515' }), originalPublisher: '国家统计局' },
);
const FIGS: Figure[] = [
  fig({ id: 'a', metric: 'inc', region: JS, year: 2022, value: 244, asOf: '2022-04', sourceId: 'torch' }),
  fig({ id: 'b', metric: 'inc', region: ZJ, year: 2022, value: 109, sourceId: 'torch' }),
  fig({ id: 'b2', metric: 'inc', region: ZJ, year: 2022, value: 105, sourceId: 'torch2' }),
  fig({ id: 'c', metric: 'inc', region: NATIONAL, year: 2022, value: 1425, sourceId: 'torch' }),
  fig({ id: 'd', metric: 'inc', region: JS, year: 2021, value: 230, sourceId: 'torch' }),
  fig({ id: 'p1', metric: 'population_resident', region: JS, year: 2022, value: 8515, unit: '万人', sourceId: 'nbs' }),
  fig({ id: 'p2', metric: 'population_resident', region: ZJ, year: 2022, value: 6577, unit: '万人', sourceId: 'nbs' }),
  fig({ id: 'p3', metric: 'population_resident', region: NATIONAL, year: 2022, value: 141175, unit: '万人', sourceId: 'nbs' }),
  fig({ id: 'p4', metric: 'population_resident', region: JS, year: 2021, value: 8505, unit: '万人', sourceId: 'nbs' }),
  fig({ id: 'g1', metric: 'gdp', region: JS, year: 2022, value: 122875.6, unit: '亿元', sourceId: 'nbs' }),
  fig({ id: 's1', metric: 'share', region: JS, year: 2022, value: 12, unit: '%', sourceId: 'torch' }),
];

function pkgOf(figures: Figure[], metrics: MetricDef[]): DataPackage {
  return {
    manifest: { name: 't', version: '1', generated: '', datasets: [], groups: [], metrics },
    metrics: new Map(metrics.map((m) => [m.id, m])),
    figures,
    sources: SOURCES,
    entities: [],
  };
}
const PKG = pkgOf(FIGS, [M, POP, GDP, SHARE]);
const IDX = buildIndex(FIGS);
const COV = new Map([...PKG.metrics.keys()].map((id) => [id, coverage(IDX, id)]));
const D = perData(PKG, IDX, COV, 'capita');
const PM = D.metrics.get('inc')!;

describe('the kit: the package per resident', () => {
  it('divides, writes each ratio’s formula and inputs, and the ratio’s coverage', () => {
    const js = provinceData(D.index, 'inc', 2022).find((r) => r.region === JS)!;
    expect(js.cell.primary.derived!.formula!.zh).toBe('江苏 2022：244 家 ÷ 8515 万人 = 2.87 家/百万人（数字截至 2022-04，分母为 2022 年末常住人口）');
    expect(js.cell.primary.derived!.inputs!.zh).toEqual(['244 家 (截至 2022-04)', '8515 万人']);
    expect(D.coverage.get('inc')!.provinceYears).toEqual([2021, 2022]);
    expect(D.coverage.get('population_resident')).toBe(COV.get('population_resident'));
    expect(D.blocked).toEqual(new Map([['population_resident', 'context'], ['gdp', 'context'], ['share', 'ratio']]));
    // the same package and measure: the same object (views share it)
    expect(perData(PKG, IDX, COV, 'capita')).toBe(D);
  });

  it('drops a ratio asked of a metric that has none, with the reason; does nothing for one that has it', () => {
    useStore.setState({ per: 'capita' });
    useNotices.getState().clear();
    D.drop(PM);
    expect(useStore.getState().per).toBe('capita');
    D.drop(SHARE);
    expect(useStore.getState().per).toBe('abs');
    expect(useNotices.getState().notices[0]!.text.zh).toBe('“占比”不提供“每百万常住人口”口径（该指标已是比率（百分比、占比、比率或人均数），不再相除），已显示绝对数。');
    expect(D.dropNotice(POP).en).toContain('GDP per resident is not derived');
  });

  it('imported metrics get ratios too — with the app’s own population when only the user’s files are shown', () => {
    const U = metric({ id: 'user_parks', group: 'user', label: { zh: '园区', en: 'Parks' }, unit: { zh: '个', en: 'parks' } });
    const set: UserDataset = {
      id: 'u1', fileName: 'x.csv', importedAt: '', sources: [source({ id: 'u-1', citation: '年鉴' })], metrics: [U],
      figures: [fig({ metric: 'user_parks', region: JS, year: 2022, value: 17, unit: '个', sourceId: 'u-1' }), fig({ metric: 'user_parks', region: JS, year: 2010, value: 3, unit: '个', sourceId: 'u-1' })],
    };
    for (const mode of ['combined', 'user'] as const) {
      const merged = mergePackage(PKG, [set], mode);
      const idx = buildIndex(merged.figures);
      const cov = new Map([...merged.metrics.keys()].map((id) => [id, coverage(idx, id)]));
      const d = perData(merged, idx, cov, 'capita', PKG);
      const rows = provinceData(d.index, 'user_parks', 2022);
      expect(rows.map((r) => r.cell.primary.value), mode).toEqual([0.2]);
      expect(d.metrics.get('user_parks')!.unit.zh).toBe('个/百万人');
      // 2010: no population that year, so no ratio
      expect(provinceData(d.index, 'user_parks', 2010)).toEqual([]);
    }
  });
});

describe('what the charts make of a ratio', () => {
  const rows = provinceData(D.index, 'inc', 2022);
  const js = rows.find((r) => r.region === JS)!;
  const zj = rows.find((r) => r.region === ZJ)!;

  it('map tooltip: the formula with both inputs, both sources (the population’s by its original publisher)', () => {
    const html = mapTooltipHtml(JS, js, { lang: 'zh', metric: PM, yearSel: 2022, sources: SOURCES });
    expect(html).toContain('江苏 2022：244 家 ÷ 8515 万人 = 2.87 家/百万人');
    expect(html).toContain('来源: 火炬中心 ÷ 国家统计局');
    // a disputed cell: every figure's formula, each with its sources
    const z = mapTooltipHtml(ZJ, zj, { lang: 'zh', metric: PM, yearSel: 2022, sources: SOURCES });
    expect(z).toContain('浙江 2022：109 家 ÷ 6577 万人 = 1.66 家/百万人 — 火炬中心 ÷ 国家统计局');
    expect(z).toContain('浙江 2022：105 家 ÷ 6577 万人 = 1.6 家/百万人 — 科技日报 ÷ 国家统计局');
  });

  it('map option: the title, unit and legend are the ratio’s', () => {
    const o = buildMapOption({ lang: 'en', metric: D.metrics.get('inc')!, yearSel: 2022, rows, national: nationalCell(D.index, 'inc', 2022), sources: SOURCES, nameMap: {}, sourceIds: [], scale: continuousScale([...metricValues(D.index, 'inc')].sort((a, b) => a - b), 'linear') }) as {
      title: { text: string; subtext: string };
      visualMap: { max: number };
    };
    expect(o.title.text).toBe('Incubators (per million residents) · 2022');
    expect(o.title.subtext).toContain('Unit: institutions per million residents');
    expect(o.title.subtext).toContain('1.01 institutions per million residents');
    expect(o.visualMap.max).toBe(3);
  });

  it('ranking: no share of the national ratio; the tooltip has the formula and the national ratio', () => {
    const model = rankingModel(D.index, 'inc', 2022, null);
    expect(model.bars.map((b) => [b.region, b.cell.primary.value, b.share])).toEqual([[JS, 2.87, null], [ZJ, 1.66, null]]);
    expect(shareOf(js.cell, nationalCell(D.index, 'inc', 2022))).toBeNull();
    const html = rankingTooltipHtml(model.bars[0]!, { lang: 'zh', metric: PM, yearSel: 2022, sources: SOURCES });
    expect(html).toContain('江苏 2022：244 家 ÷ 8515 万人 = 2.87 家/百万人');
    expect(html).toContain('全国数据 (2022): 1.01 家/百万人');
    expect(html).not.toContain('份额');
  });

  it('trend tooltip: the formula under the value', () => {
    const data = buildTrend(D.index, { metric: 'inc', regions: [JS], mode: 'abs', includeNational: true });
    const html = trendTooltipHtml(2022, { lang: 'zh', metric: PM, data, sources: SOURCES });
    expect(html).toContain('江苏 2022：244 家 ÷ 8515 万人 = 2.87 家/百万人');
    expect(html).toContain('火炬中心 ÷ 国家统计局');
  });

  it('sources panels: each input under its own source', () => {
    expect(supportsOf([js.cell], PM.unit.zh, 'zh')).toEqual(new Map([['torch', ['江苏 2022: 244 家 (截至 2022-04)']], ['nbs', ['江苏 2022: 8515 万人']]]));
    expect(figureSupports(FIGS[0]!, '', '家', 'zh')).toBe('244 家 (截至 2022-04)');
    expect(figureSources(FIGS[0]!, SOURCES)).toBe('火炬中心');
  });
});

describe('the table and its files', () => {
  it('CSV: the formula and both inputs with their sources, in columns after the others', () => {
    const d = buildTableRows(D.index, PM, 2022, SOURCES);
    const csv = tableCsv([...d.national, ...d.provinces], PM, 'zh');
    const [head, ...lines] = csv.replace('\uFEFF', '').trim().split('\r\n');
    expect(head).toContain('计算,分子,分子单位,分母,分母单位,分母年份,分母来源,分母来源链接,分母原文,分子数据编号,分母数据编号,分母来源编号');
    const js = lines.find((l) => l.startsWith('江苏'))!;
    expect(js).toContain('江苏 2022：244 家 ÷ 8515 万人 = 2.87 家/百万人');
    expect(js).toContain(',244,家,8515,万人,2022,github.com,https://github.com/x,"江苏,8515",a,p1,nbs');
    expect(d.provinces[0]!.denominatorSource?.id).toBe('nbs');
    // an absolute table keeps its columns
    const abs = tableCsv(buildTableRows(IDX, M, 2022, SOURCES).provinces, M, 'zh');
    expect(abs).not.toContain('分母');
  });

  it('file names say the measure', () => {
    expect(exportFileName('table', PM, 2022, 'zh')).toBe('孵化图谱-孵化器（每百万常住人口）-2022.csv');
    expect(exportFileName('table', PM, 2022, 'en')).toBe('hatch-atlas-inc-per-million-residents-2022.csv');
    expect(chartFileName({ metric: PM, year: 2022, view: 'map', lang: 'en' }, 'png')).toBe('inc-per-million-residents-2022-map.png');
    expect(chartFileName({ metric: PM, year: 2022, view: 'map', lang: 'zh' }, 'png')).toBe('孵化器（每百万常住人口）-2022-map.png');
  });
});

describe('a title that says its measure on a phone', () => {
  it('wraps to a second line, and the chart keeps clear of it', () => {
    expect(titleLines('National-level incubators (per million residents) · 2022', true)).toBe(2);
    expect(titleLines('National-level incubators · 2022', true)).toBe(1);
    expect(titleLines('National-level incubators (per million residents) · 2022', false)).toBe(1);
    expect(frameInsets(true, 'National-level incubators (per million residents) · 2022').top).toBe(frameInsets(true).top + 19);
  });
});
