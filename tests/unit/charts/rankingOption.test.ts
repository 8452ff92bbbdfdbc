import { describe, expect, it } from 'vitest';
import {
  barLabel,
  buildRankingOption,
  formatShareRatio,
  rankingBarsFitting,
  rankingHeight,
  rankingTooltipHtml,
  type RankingOptionInput,
} from '../../../src/charts/rankingOption';
import { rankingModel, shareOf } from '../../../src/charts/rankingModel';
import { buildIndex, makeCell, type YearSelection } from '../../../src/data/query';
import { NATIONAL, REGIONS } from '../../../src/data/regions';
import type { Figure, Lang, MetricDef } from '../../../src/data/types';
import { fig, metric, source, sourceMap } from '../helpers';

const JS = '320000';
const ZJ = '330000';
const GD = '440000';
const BJ = '110000';
const SH = '310000';
const XZ = '540000';
const QH = '630000';

const M: MetricDef = metric({ id: 'inc', label: { zh: '国家级科技企业孵化器', en: 'National incubators' }, unit: { zh: '家', en: 'incubators' } });
const EVIL = '<img src=x onerror=alert(1)>';

const SOURCES = sourceMap(
  source({ id: 'prov', publisher: '江苏省科技厅', url: 'https://kxjst.jiangsu.gov.cn/x', quote: '175家' }),
  source({ id: 'torch', publisher: '火炬中心', url: 'https://www.chinatorch.gov.cn/y', quote: '170家' }),
  source({ id: 'evil', publisher: EVIL, url: 'https://example.org', quote: EVIL }),
);

const FIGS: Figure[] = [
  // 2018: Jiangsu (two disagreeing sources), Guangdong, Zhejiang (lower bound), Beijing (about), national exact
  fig({ metric: M.id, region: JS, year: 2018, value: 175, sourceId: 'prov' }),
  fig({ metric: M.id, region: JS, year: 2018, value: 170, sourceId: 'torch' }),
  fig({ metric: M.id, region: GD, year: 2018, value: 110, sourceId: 'torch' }),
  fig({ metric: M.id, region: ZJ, year: 2018, value: 20000, qualifier: 'at_least', sourceId: 'evil' }),
  fig({ metric: M.id, region: BJ, year: 2018, value: 60, qualifier: 'about', sourceId: 'torch' }),
  fig({ metric: M.id, region: SH, year: 2018, value: 60, sourceId: 'torch' }),
  fig({ metric: M.id, region: NATIONAL, year: 2018, value: 1000, sourceId: 'torch' }),
  // 2019: only two provinces, no national figure
  fig({ metric: M.id, region: JS, year: 2019, value: 190, sourceId: 'prov' }),
  fig({ metric: M.id, region: GD, year: 2019, value: 200, asOf: '2019-06', sourceId: 'torch' }),
  // 2021: Guangdong only, latest year for Guangdong; national with as_of
  fig({ metric: M.id, region: GD, year: 2021, value: 250, sourceId: 'torch' }),
  fig({ metric: M.id, region: NATIONAL, year: 2021, value: 1200, asOf: '2021-06', sourceId: 'torch' }),
];
const IDX = buildIndex(FIGS);

function input(lang: Lang, yearSel: YearSelection, top: number | null = null, extra: Partial<RankingOptionInput> = {}): RankingOptionInput {
  return {
    lang,
    metric: M,
    yearSel,
    model: rankingModel(IDX, M.id, yearSel, top),
    sources: SOURCES,
    sourceIds: ['prov', 'torch', 'evil'],
    ...extra,
  };
}

// the option is a loose object for the tests
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;
const series0 = (o: Any) => o.series[0];
const labelOf = (o: Any, code: string) => series0(o).label.formatter({ name: code, value: 0 });
const tipOf = (o: Any, code: string) => o.tooltip.formatter({ name: code, componentType: 'series' });

describe('rankingModel', () => {
  it('orders provinces largest first and keeps the province-order for ties', () => {
    const m = rankingModel(IDX, M.id, 2018, null);
    expect(m.bars.map((b) => b.region)).toEqual([ZJ, JS, GD, BJ, SH]);
    expect(m.bars.map((b) => b.rank)).toEqual([1, 2, 3, 4, 4]);
    expect(m.ranked).toBe(5);
  });

  it('cuts to the top N, keeping ties at the cut', () => {
    expect(rankingModel(IDX, M.id, 2018, 2).bars.map((b) => b.region)).toEqual([ZJ, JS]);
    // Beijing and Shanghai share rank 4: top 4 shows both
    expect(rankingModel(IDX, M.id, 2018, 4).bars.map((b) => b.region)).toEqual([ZJ, JS, GD, BJ, SH]);
    expect(rankingModel(IDX, M.id, 2018, 20).bars).toHaveLength(5);
  });

  it('returns provinces without a figure as a list, never as bars', () => {
    const m = rankingModel(IDX, M.id, 2019, null);
    expect(m.bars.map((b) => b.region)).toEqual([GD, JS]);
    expect(m.noData).toHaveLength(REGIONS.length - 2);
    expect(m.noData).toContain(XZ);
    expect(m.noData).toContain(QH);
    expect(m.noData).not.toContain(JS);
    expect(m.bars.every((b) => b.cell.primary.value > 0)).toBe(true);
  });

  it("'latest' takes each province at its own most recent year", () => {
    const m = rankingModel(IDX, M.id, 'latest', null);
    const gd = m.bars.find((b) => b.region === GD)!;
    const js = m.bars.find((b) => b.region === JS)!;
    expect(gd.year).toBe(2021);
    expect(js.year).toBe(2019);
    expect(m.national).toBeNull();
    // each share against the national figure of the row's own year
    expect(gd.national?.primary.value).toBe(1200);
    expect(js.share).toBeNull();
  });

  it('a metric with no figures yields no bars and every province as no data', () => {
    const m = rankingModel(IDX, 'nothing', 2018, null);
    expect(m.bars).toEqual([]);
    expect(m.noData).toHaveLength(REGIONS.length);
  });
});

describe('shareOf', () => {
  const nat = makeCell([fig({ region: NATIONAL, year: 2018, value: 1000 })]);
  it('is null without a national figure', () => {
    expect(shareOf(makeCell([fig({ region: JS, year: 2018, value: 10 })])!, null)).toBeNull();
  });
  it('is exact only when both figures are exact, same date, undisputed', () => {
    const s = shareOf(makeCell([fig({ region: JS, year: 2018, value: 153 })])!, nat)!;
    expect(s.ratio).toBeCloseTo(0.153);
    expect(s.indicative).toBe(false);
    expect(formatShareRatio(s.ratio)).toBe('15.3%');
  });
  it('a lower bound makes the share indicative', () => {
    const s = shareOf(makeCell([fig({ region: JS, year: 2018, value: 100, qualifier: 'at_least' })])!, nat)!;
    expect(s.indicative).toBe(true);
    expect(s.reasons).toContain('bound');
    const n2 = makeCell([fig({ region: NATIONAL, year: 2018, value: 1000, qualifier: 'at_least' })]);
    expect(shareOf(makeCell([fig({ region: JS, year: 2018, value: 100 })])!, n2)!.reasons).toContain('bound');
  });
  it('an approximation, a different as-of date or a dispute make it indicative', () => {
    expect(shareOf(makeCell([fig({ region: JS, year: 2018, value: 100, qualifier: 'about' })])!, nat)!.reasons).toEqual(['approx']);
    expect(shareOf(makeCell([fig({ region: JS, year: 2018, value: 100, asOf: '2018-03' })])!, nat)!.reasons).toEqual(['date']);
    const disputed = makeCell([fig({ region: JS, year: 2018, value: 100 }), fig({ region: JS, year: 2018, value: 90 })])!;
    expect(shareOf(disputed, nat)!.reasons).toEqual(['conflict']);
  });
  it('more than the national figure is flagged', () => {
    expect(shareOf(makeCell([fig({ region: JS, year: 2018, value: 2000 })])!, nat)!.reasons).toContain('exceeds');
  });
});

describe('buildRankingOption', () => {
  it('is a bar race: realtimeSort, inverse category axis keyed by code, linear update animation', () => {
    const o: Any = buildRankingOption(input('zh', 2018, null, { animationMs: 1400 }));
    expect(series0(o).type).toBe('bar');
    expect(series0(o).realtimeSort).toBe(true);
    expect(o.yAxis.type).toBe('category');
    expect(o.yAxis.inverse).toBe(true);
    expect(o.yAxis.data).toEqual([ZJ, JS, GD, BJ, SH]);
    expect(series0(o).data.map((d: Any) => d.name)).toEqual([ZJ, JS, GD, BJ, SH]);
    expect(series0(o).data.map((d: Any) => d.value)).toEqual([20000, 175, 110, 60, 60]);
    expect(o.yAxis.axisLabel.formatter(JS)).toBe('江苏');
    expect(o.animationDurationUpdate).toBe(1400);
    expect(o.animationEasingUpdate).toBe('linear');
    // the year large inside the chart
    const yearText = o.graphic.find((g: Any) => g.id === 'ranking-year');
    expect(yearText.style.text).toBe('2018');
    // title, unit and source line inside the chart
    expect(o.title.text).toContain('国家级科技企业孵化器');
    expect(o.title.text).toContain('2018');
    expect(o.title.subtext).toContain('单位：家');
    expect(o.title.subtext).toMatch(/全国数据：1000 家/);
    expect(o.graphic.find((g: Any) => g.id === 'source-line').style.text).toMatch(/来源/);
  });

  it('top N: only those bars, and the title says so', () => {
    const o: Any = buildRankingOption(input('en', 2018, 2));
    expect(series0(o).data).toHaveLength(2);
    expect(o.yAxis.data).toEqual([ZJ, JS]);
    expect(o.title.text).toMatch(/Top 2/);
  });

  it('labels carry ≥/≈, 万 in Chinese, the share, and say when sources disagree', () => {
    const o: Any = buildRankingOption(input('zh', 2018));
    expect(labelOf(o, ZJ)).toMatch(/^≥ 2万/);
    // share of a lower bound: marked indicative, never exact
    expect(labelOf(o, ZJ)).toContain('2000.0%*');
    expect(labelOf(o, BJ)).toMatch(/^≈ 60 · 6\.0%\*$/);
    expect(labelOf(o, SH)).toBe('60 · 6.0%');
    expect(labelOf(o, JS)).toContain('来源不一致');
    expect(labelOf(o, JS)).toContain('17.5%*');
    const en: Any = buildRankingOption(input('en', 2018));
    expect(labelOf(en, ZJ)).toMatch(/^≥ 20,000/);
    expect(labelOf(en, JS)).toContain('Sources disagree');
    expect(o.title.subtext).toContain('份额仅供参考');
  });

  it('no share where there is no national figure; latest labels carry the year', () => {
    const o: Any = buildRankingOption(input('zh', 2019));
    expect(labelOf(o, GD)).toBe('200');
    expect(tipOf(o, GD)).toContain('该年无全国数据');
    const l: Any = buildRankingOption(input('zh', 'latest'));
    expect(labelOf(l, GD)).toMatch(/^250 \(2021\) · 20\.8%\*$/);
    expect(l.title.text).toContain('年份不一');
    expect(l.graphic.find((g: Any) => g.id === 'ranking-year').style.text).toBe('');
  });

  it('the tooltip shows all figures with their sources where they disagree', () => {
    const o: Any = buildRankingOption(input('zh', 2018));
    const tip = tipOf(o, JS);
    expect(tip).toContain('来源不一致');
    expect(tip).toContain('175 家');
    expect(tip).toContain('170 家');
    expect(tip).toContain('江苏省科技厅');
    expect(tip).toContain('火炬中心');
    expect(tip).toContain('第 2 位 / 共 5 个有数据的省份');
    expect(tip).toContain('占全国');
    expect(tip).toContain('仅供参考');
  });

  it('explains why a share is indicative, e.g. different dates', () => {
    const o: Any = buildRankingOption(input('en', 'latest'));
    const tip = tipOf(o, GD);
    expect(tip).toContain('indicative only');
    expect(tip).toContain('dated differently (2021 year end / 2021-06)');
  });

  it('escapes every data string in the tooltip', () => {
    const o: Any = buildRankingOption(input('zh', 2018));
    const tip = tipOf(o, ZJ);
    expect(tip).not.toContain('<img');
    expect(tip).toContain('&lt;img src=x onerror=alert(1)&gt;');
    const row = rankingModel(IDX, M.id, 2018, null).bars[0]!;
    expect(rankingTooltipHtml(row, { lang: 'en', metric: M, yearSel: 2018, sources: SOURCES })).not.toMatch(/<img/i);
  });

  it('describes the ranking for screen readers, including provinces without data', () => {
    const o: Any = buildRankingOption(input('en', 2019));
    const d: string = o.aria.label.description;
    expect(d).toContain('1. Guangdong: 200');
    expect(d).toContain('2. Jiangsu: 190');
    expect(d).toMatch(/No data: .*Tibet/);
    expect(d).not.toMatch(/Tibet: 0/);
  });

  it('barLabel uses the row as given', () => {
    const row = rankingModel(IDX, M.id, 2018, null).bars.find((b) => b.region === GD)!;
    expect(barLabel(row, 'zh', false)).toBe('110 · 11.0%');
  });
});

describe('rankingHeight', () => {
  it('grows with the number of bars, never below 420px', () => {
    expect(rankingHeight(1)).toBe(420);
    expect(rankingHeight(30)).toBeGreaterThan(rankingHeight(20));
    expect(rankingHeight(34) / 34).toBeGreaterThanOrEqual(30);
  });
});

describe('compact (phone) frame', () => {
  it('keeps the title short and moves "years vary" to the subtitle', () => {
    const o: Any = buildRankingOption(input('zh', 'latest', null, { compact: true }));
    expect(o.title.text).toBe('国家级科技企业孵化器 · 最新可得');
    expect(o.title.subtext).toMatch(/^年份不一/);
    const y: Any = buildRankingOption(input('en', 2018, 3, { compact: true }));
    expect(y.title.text).toBe('National incubators · 2018 · Top 3');
  });
});

describe('a ranking in a chart of a set height (an embed)', () => {
  it('shows the bars that fit with their names, at least 3, and all where all fit', () => {
    // a 300×250 frame leaves a chart of about 200 px: 31 provinces do not fit
    const n = rankingBarsFitting(200, 31, true);
    expect(n).not.toBeNull();
    expect(n!).toBeGreaterThanOrEqual(3);
    expect(n!).toBeLessThanOrEqual(6);
    // the page's own height for n bars always fits them
    for (const k of [1, 5, 12, 31]) {
      expect(rankingBarsFitting(rankingHeight(k), k)).toBeNull();
      expect(rankingBarsFitting(rankingHeight(k, true), k, true)).toBeNull();
    }
    expect(rankingBarsFitting(600, 31, false)).toBe(Math.floor((600 - 76 - 34 - 40) / 24));
  });

  it('names every bar, and a cut names the base: how many provinces have data', () => {
    const o: Any = buildRankingOption(input('zh', 2018, 2));
    expect(o.yAxis.axisLabel.interval).toBe(0);
    expect(o.title.text).toMatch(/前 2 名/);
    expect(o.title.subtext).toMatch(/5 个省份有数据/);
    // without a cut, no count is added (under 5 provinces the caution says it)
    expect(buildRankingOption(input('zh', 2018)).title).not.toMatchObject({ subtext: expect.stringMatching(/个省份有数据/) });
  });
});
