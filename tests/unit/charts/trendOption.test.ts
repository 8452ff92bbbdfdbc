import { describe, expect, it } from 'vitest';
import {
  buildTrendOption,
  CONFLICT_MARK_COLOR,
  dataItem,
  formatChange,
  NATIONAL_COLOR,
  pointValueText,
  QUALIFIER_SYMBOL,
  seriesColors,
  spanText,
  trendTooltipHtml,
  type TrendOptionInput,
} from '../../../src/charts/trendOption';
import { optionStructureKey } from '../../../src/charts/structure';
import { buildIndex, sourceIdsOf } from '../../../src/data/query';
import { NATIONAL } from '../../../src/data/regions';
import { buildTrend, type TrendMode } from '../../../src/data/trend';
import type { Figure, Lang, MetricDef } from '../../../src/data/types';
import { fig, metric, source, sourceMap } from '../helpers';

const JS = '320000';
const HN = '430000';
const QH = '630000';
const EVIL = '<img src=x onerror=alert(1)>';

const M: MetricDef = metric({ id: 'incubators_total', label: { zh: '科技企业孵化器', en: 'Technology business incubators' }, unit: { zh: '家', en: 'incubators' } });

const SOURCES = sourceMap(
  source({ id: 'prov', publisher: '江苏省科技厅', url: 'https://kxjst.jiangsu.gov.cn/x' }),
  source({ id: 'torch', publisher: '火炬中心', url: 'https://www.chinatorch.gov.cn/y' }),
  source({ id: 'evil', publisher: EVIL, url: 'https://evil.example/' }),
  source({ id: 'news', citation: '新华日报, 2023-06-01, 标题' }),
);

const FIGS: Figure[] = [
  fig({ metric: M.id, region: NATIONAL, year: 2016, value: 3255, sourceId: 'torch' }),
  fig({ metric: M.id, region: NATIONAL, year: 2018, value: 4849, sourceId: 'torch' }),
  fig({ metric: M.id, region: NATIONAL, year: 2019, value: 5206, sourceId: 'torch' }),
  fig({ metric: M.id, region: JS, year: 2018, value: 720, sourceId: 'prov' }),
  fig({ metric: M.id, region: JS, year: 2019, value: 848, sourceId: 'prov' }),
  fig({ metric: M.id, region: JS, year: 2019, value: 832, sourceId: 'evil' }),
  fig({ metric: M.id, region: JS, year: 2020, value: 965, sourceId: 'prov' }),
  fig({ metric: M.id, region: JS, year: 2022, value: 40000, qualifier: 'at_least', asOf: '2023-06', sourceId: 'news' }),
  fig({ metric: M.id, region: JS, year: 2023, value: 1100, qualifier: 'about', sourceId: 'news' }),
  fig({ metric: M.id, region: HN, year: 2016, value: 30, sourceId: 'prov' }),
  fig({ metric: M.id, region: QH, year: 2016, value: 8, sourceId: 'prov' }),
];
const IDX = buildIndex(FIGS);

function input(mode: TrendMode, regions: string[] = [JS, HN], lang: Lang = 'zh', extra: Partial<TrendOptionInput> = {}): TrendOptionInput {
  const data = buildTrend(IDX, { metric: M.id, regions, mode, includeNational: true });
  return { lang, metric: M, data, sources: SOURCES, sourceIds: sourceIdsOf(data.cells), ...extra };
}

type Obj = Record<string, unknown>;
const asObj = (v: unknown): Obj => (v && typeof v === 'object' ? (v as Obj) : {});
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.map(asObj) : v ? [asObj(v)] : []);
function seriesOf(opt: unknown, id: string): Obj {
  const s = list(asObj(opt).series).find((x) => x.id === id);
  if (!s) throw new Error(`no series ${id}`);
  return s;
}
function dataOf(opt: unknown, id: string): (Obj | null)[] {
  return (seriesOf(opt, id).data as unknown[]).map((d) => (d === null ? null : asObj(d)));
}
function titleText(opt: unknown): string {
  return list(asObj(opt).title).map((x) => `${String(x.text ?? '')} | ${String(x.subtext ?? '')}`).join(' || ');
}
function graphicTexts(opt: unknown): string[] {
  const out: string[] = [];
  const walk = (g: unknown) => {
    if (Array.isArray(g)) return g.forEach(walk);
    const o = asObj(g);
    const st = asObj(o.style);
    if (typeof st.text === 'string') out.push(st.text);
    if (o.children) walk(o.children);
  };
  walk(asObj(opt).graphic);
  return out;
}
function tooltipAt(opt: unknown, dataIndex: number, axisValue: string): string {
  const tip = asObj(asObj(opt).tooltip);
  const f = tip.formatter as (p: unknown) => string;
  return f([{ dataIndex, axisValue, seriesIndex: 0 }]);
}

describe('buildTrendOption · abs', () => {
  const inp = input('abs');
  const opt = buildTrendOption(inp);

  it('uses a category axis of every year, gaps included', () => {
    expect(asObj(asObj(opt).xAxis).data).toEqual(['2016', '2017', '2018', '2019', '2020', '2021', '2022', '2023']);
    expect(asObj(asObj(opt).xAxis).type).toBe('category');
  });

  it('never joins across a gap: connectNulls false, null where there is no figure', () => {
    for (const id of [NATIONAL, JS, HN]) {
      expect(seriesOf(opt, id).connectNulls).toBe(false);
      expect(seriesOf(opt, id).showSymbol).toBe(true);
      expect(seriesOf(opt, id).showAllSymbol).toBe(true);
    }
    const js = dataOf(opt, JS);
    expect(js.map((d) => (d ? d.value : null))).toEqual([null, null, 720, 848, 965, null, 40000, 1100]);
    const nat = dataOf(opt, NATIONAL);
    expect(nat.map((d) => (d ? d.value : null))).toEqual([3255, null, 4849, 5206, null, null, null, null]);
  });

  it('marks the qualifier by symbol: ● exact, ▲ lower bound, ◆ approximate', () => {
    const js = dataOf(opt, JS);
    expect(js[2]!.symbol).toBe('circle');
    expect(js[6]!.symbol).toBe(QUALIFIER_SYMBOL.at_least);
    expect(js[6]!.symbol).toBe('triangle');
    expect(js[7]!.symbol).toBe('diamond');
  });

  it('makes an isolated point bigger, so it cannot vanish', () => {
    const hn = dataOf(opt, HN);
    expect(hn[0]!.value).toBe(30);
    const js = dataOf(opt, JS);
    expect(Number(hn[0]!.symbolSize)).toBeGreaterThan(Number(js[3]!.symbolSize));
  });

  it('gives points with disagreeing sources a distinct border and a "!" label', () => {
    const p = dataOf(opt, JS)[3]!;
    expect(p.value).toBe(848); // the primary figure is drawn
    expect(asObj(p.itemStyle).borderColor).toBe(CONFLICT_MARK_COLOR);
    expect(asObj(p.label).show).toBe(true);
    expect(asObj(p.label).formatter).toBe('!');
    expect(dataOf(opt, JS)[2]!.label).toBeUndefined();
  });

  it('carries title with metric, mode and year span, the unit and the source line inside the chart', () => {
    const title = titleText(opt);
    expect(title).toContain('科技企业孵化器');
    expect(title).toContain('历年数值');
    expect(title).toContain('2016–2023');
    expect(title).toContain('单位：家');
    const texts = graphicTexts(opt).join('\n');
    expect(texts).toContain('来源：');
    expect(texts).toContain('火炬中心');
    expect(texts).toContain('▲ ≥ 下限');
    expect(texts).toContain('◆ ≈ 约数');
  });

  it('shares one y axis when the national figure is of the same order as the provinces', () => {
    expect(list(asObj(opt).yAxis).length).toBe(1);
    expect(seriesOf(opt, NATIONAL).yAxisIndex).toBe(0);
    expect(seriesOf(opt, NATIONAL).name).toBe('全国');
    expect(list(asObj(opt).yAxis)[0]!.name).toBe('家');
  });

  it('puts the national line on a named right axis when it dwarfs the provinces', () => {
    const o = buildTrendOption(input('abs', [QH]));
    const axes = list(asObj(o).yAxis);
    expect(axes.length).toBe(2);
    expect(String(axes[1]!.name)).toContain('右轴');
    expect(seriesOf(o, NATIONAL).yAxisIndex).toBe(1);
    expect(String(seriesOf(o, NATIONAL).name)).toContain('右轴');
    expect(asObj(asObj(o).legend).data).toContain('全国（右轴）');
  });

  it('uses the same colours in chips and lines (national in its own colour)', () => {
    const c = seriesColors(inp.data.series);
    expect(c.get(NATIONAL)).toBe(NATIONAL_COLOR);
    expect(seriesOf(opt, JS).color).toBe(c.get(JS));
  });

  it('uses an axis tooltip that lists every series of the year', () => {
    expect(asObj(asObj(opt).tooltip).trigger).toBe('axis');
    const html = tooltipAt(opt, 0, '2016');
    expect(html).toContain('全国');
    expect(html).toContain('3255 家');
    expect(html).toContain('湖南');
    expect(html).toContain('江苏（2016 年无数据）');
  });

  it('says "≥ … （下限）" and "截至 …" in the tooltip', () => {
    const html = trendTooltipHtml(2022, inp);
    expect(html).toContain('≥ 4万 家（下限）');
    expect(html).toContain('截至 2023-06');
    expect(trendTooltipHtml(2023, inp)).toContain('≈ 1100 家（约数）');
  });

  it('lists every figure with its source where sources disagree — escaped', () => {
    const html = trendTooltipHtml(2019, inp);
    expect(html).toContain('来源不一致');
    expect(html).toContain('848 家');
    expect(html).toContain('832 家');
    expect(html).toContain('江苏省科技厅');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
  });

  it('escapes a hostile publisher in the source line and aria text too', () => {
    const o = buildTrendOption(input('abs', [JS], 'en'));
    // the source line is canvas text (not HTML) and shows the name literally
    expect(graphicTexts(o).join(' ')).toContain(EVIL);
    const html = tooltipAt(o, 3, '2019');
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('Sources disagree');
  });

  it('is in English when asked', () => {
    const o = buildTrendOption(input('abs', [JS, HN], 'en'));
    expect(titleText(o)).toContain('Technology business incubators');
    expect(titleText(o)).toContain('Unit: incubators');
    expect(graphicTexts(o).join(' ')).toContain('▲ ≥ lower bound');
    expect(trendTooltipHtml(2022, input('abs', [JS], 'en'))).toContain('≥ 40,000 incubators (lower bound)');
    expect(trendTooltipHtml(2022, input('abs', [JS], 'en'))).toContain('as of 2023-06');
  });

  it('shows a message inside the chart when nothing can be drawn', () => {
    const o = buildTrendOption({ ...input('abs'), data: buildTrend(IDX, { metric: M.id, regions: ['110000'], mode: 'abs', includeNational: false }) });
    expect(graphicTexts(o).join(' ')).toContain('没有可画的数据');
  });
});

describe('buildTrendOption · yoy', () => {
  const inp = input('yoy', [JS]);
  const opt = buildTrendOption(inp);

  it('switches the y axis to percent', () => {
    const y = list(asObj(opt).yAxis)[0]!;
    expect(String(y.name)).toContain('%');
    expect(asObj(y.axisLabel).formatter).toBe('{value}%');
    expect(y.min).toBeUndefined(); // changes may be negative
    expect(titleText(opt)).toContain('同比');
  });

  it('draws a change only between consecutive years with figures', () => {
    // JS 2018→2019 (848 primary), 2019→2020; 2020→2022 skips 2021; 2022→2023
    const vals = dataOf(opt, JS).map((d) => (d ? Number(Number(d.value).toFixed(1)) : null));
    expect(asObj(asObj(opt).xAxis).data).toEqual(['2019', '2020', '2021', '2022', '2023']);
    expect(vals).toEqual([17.8, 13.8, null, null, -97.3]);
    // national: 2016→2018 skips 2017; 2018→2019 only
    expect(dataOf(opt, NATIONAL).map((d) => (d ? Number(Number(d.value).toFixed(1)) : null))).toEqual([7.4, null, null, null, null]);
  });

  it('hollows indicative points and explains the hollow marker', () => {
    const last = dataOf(opt, JS)[4]!;
    expect(asObj(last.itemStyle).color).toBe('#ffffff');
    const first = dataOf(opt, JS)[0]!;
    expect(asObj(first.itemStyle).color).not.toBe('#ffffff');
    expect(graphicTexts(opt).join(' ')).toContain('空心');
    expect(trendTooltipHtml(2023, inp)).toContain('仅供参考');
  });

  it('shows both years and their sources in the tooltip, and why a year has no change', () => {
    const html = trendTooltipHtml(2020, inp);
    expect(html).toContain('2019→2020');
    expect(html).toContain('848 家 → 965 家');
    expect(html).toContain('来源不一致'); // 2019 (the base) disagrees
    expect(trendTooltipHtml(2022, inp)).toContain('2021 年无数据，不计算同比');
  });

  it('adds a zero line that is neither in the legend nor in the tooltip', () => {
    const zero = seriesOf(opt, '__zero');
    expect(asObj(zero.markLine).data).toEqual([{ yAxis: 0 }]);
    expect(asObj(asObj(opt).legend).data).not.toContain(undefined);
    expect((asObj(asObj(opt).legend).data as string[]).length).toBe(2);
  });
});

describe('buildTrendOption · share', () => {
  const inp = input('share', [JS, HN]);
  const opt = buildTrendOption(inp);

  it('draws no national line and uses a percent axis', () => {
    expect(list(asObj(opt).series).map((s) => s.id)).toEqual([JS, HN]);
    expect(String(list(asObj(opt).yAxis)[0]!.name)).toContain('%');
  });

  it('divides by the same year’s national figure, only where it exists', () => {
    expect(asObj(asObj(opt).xAxis).data).toEqual(['2016', '2017', '2018', '2019']);
    const js = dataOf(opt, JS).map((d) => (d ? Math.round(Number(d.value) * 100) / 100 : null));
    expect(js).toEqual([null, null, 14.85, 16.29]);
    const html = trendTooltipHtml(2018, inp);
    expect(html).toContain('14.8%');
    expect(html).toContain('720 家 ÷ 全国 4849 家');
  });

  it('keeps province colours identical to the abs mode', () => {
    const abs = buildTrendOption(input('abs', [JS, HN]));
    expect(seriesOf(opt, JS).color).toBe(seriesOf(abs, JS).color);
    expect(seriesOf(opt, HN).color).toBe(seriesOf(abs, HN).color);
  });
});

describe('small formatters', () => {
  it('formats changes with a sign and spans with an en dash', () => {
    expect(formatChange(12.345)).toBe('+12.3%');
    expect(formatChange(-4)).toBe('−4.0%');
    expect(formatChange(0)).toBe('±0%');
    expect(spanText([2016, 2017, 2018])).toBe('2016–2018');
    expect(spanText([2019])).toBe('2019');
    expect(spanText([])).toBe('');
  });

  it('prefixes derived values with ≈ when indicative, and gaps are "no data"', () => {
    const d = input('yoy', [JS]).data;
    const p = d.series.find((s) => s.region === JS)!.points[4]!;
    expect(pointValueText(p, 'yoy', '家', 'zh')).toMatch(/^≈ −97/);
    const gap = d.series.find((s) => s.region === JS)!.points[2]!;
    expect(pointValueText(gap, 'yoy', '家', 'zh')).toBe('无数据');
    expect(dataItem(gap, 'yoy', '#000')).toBeNull();
  });
});

describe('optionStructureKey (the chart is rebuilt, not merged, when lines or axes go away)', () => {
  it('changes when a series, the second axis or the mode-specific zero line comes or goes', () => {
    const base = optionStructureKey(buildTrendOption(input('abs', [JS, HN])));
    expect(optionStructureKey(buildTrendOption(input('abs', [JS])))).not.toBe(base);
    expect(optionStructureKey(buildTrendOption(input('share', [JS, HN])))).not.toBe(base);
    expect(optionStructureKey(buildTrendOption(input('yoy', [JS, HN])))).not.toBe(base);
    expect(optionStructureKey(buildTrendOption(input('abs', [QH])))).not.toBe(optionStructureKey(buildTrendOption(input('abs', [HN]))));
  });
  it('stays the same for a language or size change, so those update smoothly', () => {
    const base = optionStructureKey(buildTrendOption(input('abs', [JS, HN])));
    expect(optionStructureKey(buildTrendOption(input('abs', [JS, HN], 'en')))).toBe(base);
    expect(optionStructureKey(buildTrendOption(input('abs', [JS, HN], 'zh', { compact: true })))).toBe(base);
  });
});
