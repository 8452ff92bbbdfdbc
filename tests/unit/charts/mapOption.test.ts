import { describe, expect, it } from 'vitest';
import { buildMapOption, mapBox, NANHAI, niceMax, sideBar, type MapOptionInput } from '../../../src/charts/mapOption';
import { overlayGeo } from '../../../src/charts/overlayGeo';
import { mapTooltipHtml } from '../../../src/charts/mapTooltip';
import { mapLegend } from '../../../src/charts/mapLegend';
import { decalOption } from '../../../src/charts/theme';
import { continuousScale, metricValues } from '../../../src/data/scale';
import { classedScale } from '../../../src/data/classBreaks';
import { staleness } from '../../../src/data/staleness';
import { buildIndex, provinceData, nationalCell, type ProvinceDatum, type YearSelection } from '../../../src/data/query';
import { NATIONAL, REGIONS } from '../../../src/data/regions';
import type { Figure, Lang, MetricDef } from '../../../src/data/types';
import { fig, metric, source, sourceMap } from '../helpers';

const JS = '320000';
const ZJ = '330000';
const GD = '440000';
const HB = '130000';
const XZ = '540000';

const M: MetricDef = metric({ id: 'incubators_total', label: { zh: '科技企业孵化器', en: 'Technology business incubators' }, unit: { zh: '家', en: 'incubators' } });

const SOURCES = sourceMap(
  source({ id: 'prov', publisher: '江苏省科技厅', url: 'https://kxjst.jiangsu.gov.cn/x', quote: '848家' }),
  source({ id: 'torch', publisher: '火炬中心', url: 'https://www.chinatorch.gov.cn/y', quote: '832家' }),
  source({ id: 'news', citation: '新华日报, 2023-06-01, 标题', quote: '超过1000家' }),
  source({ id: 'gd', publisher: 'gd.gov.cn', url: 'https://gd.gov.cn', quote: '1111家' }),
);

const FIGS: Figure[] = [
  fig({ metric: M.id, region: JS, year: 2018, value: 720, sourceId: 'prov' }),
  fig({ metric: M.id, region: JS, year: 2019, value: 848, sourceId: 'prov' }),
  fig({ metric: M.id, region: JS, year: 2019, value: 832, sourceId: 'torch' }),
  fig({ metric: M.id, region: JS, year: 2022, value: 1000, qualifier: 'at_least', asOf: '2023-06', sourceId: 'news' }),
  fig({ metric: M.id, region: GD, year: 2019, value: 1111, sourceId: 'gd' }),
  fig({ metric: M.id, region: GD, year: 2021, value: 1200, qualifier: 'about', sourceId: 'gd' }),
  fig({ metric: M.id, region: ZJ, year: 2019, value: 500, sourceId: 'prov' }),
  fig({ metric: M.id, region: ZJ, year: 2019, value: 500, sourceId: 'torch' }),
  fig({ metric: M.id, region: NATIONAL, year: 2019, value: 5206, sourceId: 'torch' }),
];
const IDX = buildIndex(FIGS);

function rowsOf(sel: YearSelection): ProvinceDatum[] {
  return provinceData(IDX, M.id, sel);
}
function row(sel: YearSelection, code: string): ProvinceDatum {
  const d = rowsOf(sel).find((r) => r.region === code);
  if (!d) throw new Error(`no row for ${code} in ${sel}`);
  return d;
}

const NAME_MAP: Record<string, string> = Object.fromEntries(REGIONS.map((r) => [r.zh, r.code]));

function input(lang: Lang, yearSel: YearSelection, extra: Partial<MapOptionInput> = {}): MapOptionInput {
  const rows = rowsOf(yearSel);
  return {
    lang,
    metric: M,
    yearSel,
    rows,
    national: typeof yearSel === 'number' ? nationalCell(IDX, M.id, yearSel) : null,
    sources: SOURCES,
    nameMap: NAME_MAP,
    sourceIds: ['prov', 'torch'],
    scale: continuousScale(metricValues(IDX, M.id), 'linear'),
    tooltipHtml: mapTooltipHtml,
    legend: mapLegend,
    ...extra,
  };
}

// --- helpers that read the option without depending on its exact layout ----
type Obj = Record<string, unknown>;
const asObj = (v: unknown): Obj => (v && typeof v === 'object' ? (v as Obj) : {});
const first = (v: unknown): Obj => asObj(Array.isArray(v) ? v[0] : v);

function titleText(opt: unknown): string {
  const t = asObj(opt).title;
  const list = Array.isArray(t) ? t : [t];
  return list.map((x) => String(asObj(x).text ?? '')).join(' | ');
}
function graphicTexts(opt: unknown): string[] {
  const out: string[] = [];
  const walk = (g: unknown) => {
    if (Array.isArray(g)) return g.forEach(walk);
    const o = asObj(g);
    const st = asObj(o.style);
    if (typeof st.text === 'string') out.push(st.text);
    if (o.children) walk(o.children);
    if (o.elements) walk(o.elements);
  };
  walk(asObj(opt).graphic);
  return out;
}
function mapSeries(opt: unknown): Obj {
  const s = asObj(opt).series;
  const list = (Array.isArray(s) ? s : [s]).map(asObj);
  const m = list.find((x) => x.type === 'map');
  if (!m) throw new Error('no map series');
  return m;
}
type DataItem = { name: string; value: number; itemStyle?: Obj; label?: { show?: boolean; formatter?: string } };
function seriesData(opt: unknown): DataItem[] {
  return mapSeries(opt).data as DataItem[];
}
function tooltipOf(opt: unknown, name: string): string {
  const fmt = asObj(asObj(opt).tooltip).formatter as (p: unknown) => string;
  return fmt({ name });
}

describe('mapBox', () => {
  it('without a known height: the box in per cent (a chart of any size), the legend beside a wide map', () => {
    expect(mapBox(false, false)).toMatchObject({ top: '11%', bottom: '6%', left: 200, right: 24 });
    expect(mapBox(true, false)).toMatchObject({ top: '19%', bottom: '20%', left: 4, right: 4 });
    expect(mapBox(true, false, 120)).toEqual(mapBox(true, false));
  });
  it('a compact map of known height keeps clear of the title (58 px) and the legend (106 px), and never gets a negative box', () => {
    const px = (v: number | string) => v as number;
    // a 300×250 embed's chart (≈ 215 px) with a classed legend or carriers: the 20 % of before put the legend over the south
    expect(mapBox(true, false, 215, true)).toMatchObject({ top: 58, bottom: 106, right: 4 });
    expect(mapBox(true, true, 215)).toMatchObject({ top: 58, bottom: 106 });
    // a tall phone chart: the per cent it had
    expect(mapBox(true, false, 700)).toMatchObject({ top: 133, bottom: 140 });
    for (const h of [160, 180, 215, 250, 400, 900]) {
      for (const b of [mapBox(true, true, h), mapBox(true, false, h)]) expect(h - px(b.top) - px(b.bottom), `height ${h}`).toBeGreaterThan(0);
    }
  });
  it('a short compact map with a continuous scale: the colour bar stands at its right, and the map has the height the bar had below it', () => {
    expect([215, 300, 399].map((h) => sideBar(true, false, h))).toEqual([true, true, true]);
    // not on a phone (520 px), a wide chart, with carriers or a classed scale (their legends are below), nor where the height is unknown
    expect([sideBar(true, false, 520), sideBar(false, false, 215), sideBar(true, true, 215), sideBar(true, false, 215, true), sideBar(true, false)]).toEqual([false, false, false, false, false]);
    expect(mapBox(true, false, 215)).toMatchObject({ top: 58, bottom: 62, left: 4, right: 56 });
    const o = buildMapOption(input('zh', 2019, { compact: true, height: 215 })) as Obj;
    const s = mapSeries(o);
    const vm = first(o.visualMap);
    expect([s.top, s.bottom, s.right]).toEqual([58, 62, 56]);
    // the bar: upright, right of the map (which ends 56 px from the edge), from the map's top, ending above the legend rows
    expect([vm.orient, vm.right, vm.top]).toEqual(['vertical', 8, 58]);
    expect(8 + (vm.itemWidth as number)).toBeLessThan(56);
    expect(58 + (vm.itemHeight as number) + 2 * 18).toBeLessThanOrEqual(215 - 62);
    // the scale's name on the rows at the bottom left, above the "no data" swatch
    const name = (o.graphic as Obj[]).find((g) => g.id === 'scale-name')!;
    expect([name.left, name.bottom]).toEqual([8, 42]);
    // a phone's chart keeps the bar below the map
    expect(first((buildMapOption(input('zh', 2019, { compact: true })) as Obj).visualMap).orient).toBe('horizontal');
  });
  it('in a frame of known height the map begins below a title that wraps and the subtitle\'s second line, and ends above the old figures\' row', () => {
    const top = (o: unknown) => mapSeries(o).top;
    expect(top(buildMapOption(input('zh', 2019, { compact: true, height: 215 })))).toBe(58);
    // a name too long for one line at 300 px: its second line (19 px)
    const long = { metric: { ...M, label: { zh: '科技企业孵化器内的在孵企业与团队累计数量', en: M.label.en } } };
    expect(top(buildMapOption(input('zh', 2019, { compact: true, height: 215, width: 300, ...long })))).toBe(77);
    // latest available: the years' groups on the subtitle's second line (17 px), below a title that wraps
    // (a longer name "…· 最新可得（年份不一）" at 300 px); the swatch of old figures on a row of its own
    const stale = staleness(rowsOf('latest'), 1);
    const o = buildMapOption(input('zh', 'latest', { compact: true, height: 215, width: 300, stale, metric: { ...M, label: { zh: '科技企业孵化器总数', en: M.label.en } } })) as Obj;
    expect([top(o), mapSeries(o).bottom]).toEqual([58 + 19 + 17, 80]);
    // "科技企业孵化器 · 最新可得（年份不一）" is drawn 268 px wide at 15 px: it fits the 276 px a 300 px chart gives it
    expect(top(buildMapOption(input('zh', 'latest', { compact: true, height: 215, width: 300, stale })))).toBe(58 + 17);
    expect(top(buildMapOption(input('zh', 'latest', { compact: true, height: 215, width: 600, stale })))).toBe(58 + 17);
    const g = o.graphic as Obj[];
    expect([g.find((x) => x.id === 'scale-name')!.bottom, g.find((x) => x.id === 'stale-swatch')!.bottom]).toEqual([60, 42]);
    expect(first(o.visualMap).top).toBe(94);
    // a classed scale keeps its legend grid below the map, and the old figures' swatch where it was (not on the grid's rows)
    const c = buildMapOption(input('zh', 'latest', { compact: true, height: 215, width: 300, stale, scale: classedScale(metricValues(IDX, M.id), 'quantile', 4) })) as Obj;
    const swatch = (c.graphic as Obj[]).find((x) => x.id === 'stale-swatch')!;
    expect([swatch.left, swatch.right, swatch.bottom]).toEqual([undefined, 8, 24]);
    // not where the height is unknown (a phone's chart: per cent, room enough for both)
    expect(top(buildMapOption(input('zh', 'latest', { compact: true, stale })))).toBe('19%');
    // the carriers' geo lies in the same box as the map
    const withLayer = buildMapOption(input('zh', 2019, { compact: true, height: 215, width: 300, ...long, layer: { geo: overlayGeo(NAME_MAP, mapBox(true, true, 215)), series: [] } })) as Obj;
    const keys = ['top', 'bottom', 'left', 'right'];
    expect(keys.map((k) => asObj(withLayer.geo)[k])).toEqual(keys.map((k) => mapSeries(withLayer)[k]));
    expect(mapSeries(withLayer).top).toBe(77);
  });
  it('the outlines keep their shape (no stretching to the box), on the map series and on the geo that labels and carriers use', () => {
    const s = mapSeries(buildMapOption(input('zh', 2019, { compact: true, height: 215 })));
    expect([s.preserveAspect, s.preserveAspectAlign]).toEqual(['contain', 'center']);
    expect([s.top, s.bottom]).toEqual([58, 62]);
    const g = overlayGeo(NAME_MAP, mapBox(true, false, 215)) as Record<string, unknown>;
    const keys = ['top', 'bottom', 'left', 'right', 'preserveAspect', 'preserveAspectAlign'];
    expect(keys.map((k) => g[k])).toEqual(keys.map((k) => s[k]));
    // on a wide chart too: centred between the legend and the right edge (e2e map: the room left and right measured)
    expect(mapSeries(buildMapOption(input('zh', 2019))).preserveAspectAlign).toBe('center');
  });
});

describe('niceMax', () => {
  it.each([
    [848, 1000],
    [1000, 1000],
    [1001, 1200],
    [101, 120],
    [1111, 1200],
    [7, 8],
    [1, 1],
    [26, 30],
    [55000, 60000],
  ])('%d → %d', (v, m) => {
    expect(niceMax(v)).toBe(m);
  });
  it('is ≥ the max, and 1 for 0 / negative / NaN', () => {
    for (const v of [3, 17, 123, 4567, 98765, 0.37]) expect(niceMax(v)).toBeGreaterThanOrEqual(v);
    expect(niceMax(0)).toBe(1);
    expect(niceMax(-5)).toBe(1);
    expect(niceMax(NaN)).toBe(1);
  });
});

describe('buildMapOption', () => {
  it('has one map series on map "china" with the geo nameMap', () => {
    const opt = buildMapOption(input('zh', 2019));
    const s = mapSeries(opt);
    expect(s.map).toBe('china');
    expect(s.nameMap).toBe(NAME_MAP);
    expect(s.aspectScale).toBe(0.75);
  });

  it('draws a year from the SVG outlines where they are registered; latest available and decal patterns from the GeoJSON', () => {
    // the SVG is parsed once and restyled on each year change; GeoJSON outlines are rebuilt
    const year = buildMapOption(input('zh', 2019, { svg: true }));
    expect(mapSeries(year).map).toBe('china-svg');
    // the same box and aspect as the GeoJSON, so that labels placed on a geo of china.json line up
    expect(mapSeries(year).aspectScale).toBe(0.75);
    expect(mapSeries(year).top).toBe(mapSeries(buildMapOption(input('zh', 2019))).top);
    // old figures are hatched with a decal, which an SVG outline would scale with its units
    expect(mapSeries(buildMapOption(input('zh', 'latest', { svg: true }))).map).toBe('china');
    // the pattern mode (all areas patterned) switches the map to the GeoJSON, and nothing else
    const patterned = decalOption(year);
    expect(mapSeries(patterned).map).toBe('china');
    expect({ ...mapSeries(patterned), map: 'china-svg' }).toEqual(mapSeries(year));
  });

  it('a classed scale or old figures need the legend part (loaded lazily); a continuous year needs none', () => {
    // never a classed map without its legend: the caller waits for the part (views/useMapChart)
    expect(graphicTexts(buildMapOption(input('zh', 2019, { legend: null })))).toContain('色阶：线性 · 各年同一色阶');
    expect(() => buildMapOption(input('zh', 2019, { legend: null, scale: classedScale(metricValues(IDX, M.id), 'quantile', 4) }))).toThrow();
    expect(() => buildMapOption(input('zh', 'latest', { legend: null, stale: staleness(rowsOf('latest'), 2) }))).toThrow();
  });

  it('data items are keyed by GB code (join by code, not by display name)', () => {
    const data = seriesData(buildMapOption(input('zh', 2019)));
    const names = data.map((d) => d.name).sort();
    expect(names).toEqual([JS, ZJ, GD].sort());
    for (const d of data) expect(d.name).toMatch(/^\d{6}$/);
    expect(data.find((d) => d.name === JS)?.value).toBe(848);
    expect(data.find((d) => d.name === GD)?.value).toBe(1111);
  });

  it('only provinces with data appear; no zero for missing, no national item', () => {
    const data = seriesData(buildMapOption(input('en', 2019)));
    expect(data).toHaveLength(3);
    expect(data.some((d) => d.name === HB || d.name === XZ || d.name === NATIONAL)).toBe(false);
    expect(data.some((d) => d.value === 0)).toBe(false);
    expect(seriesData(buildMapOption(input('en', 2016)))).toEqual([]);
  });

  it('marks conflicting cells with a dashed outline, and bounds with a ≥ label', () => {
    const data = seriesData(buildMapOption(input('zh', 2019)));
    expect(data.find((d) => d.name === JS)?.itemStyle?.borderType).toBe('dashed');
    expect(data.find((d) => d.name === ZJ)?.itemStyle).toBeUndefined(); // sources agree
    const y2022 = seriesData(buildMapOption({ ...input('zh', 2022) }));
    expect(y2022.find((d) => d.name === JS)?.label).toMatchObject({ show: true, formatter: '≥' });
    const latest = seriesData(buildMapOption(input('zh', 'latest')));
    const js = latest.find((d) => d.name === JS);
    expect(js?.value).toBe(1000);
    // in latest mode the year (and the mark) is written by the labels layer (mapLabels.test.ts), which keeps small provinces' labels off their neighbours: no label object here
    expect(js?.label).toBeUndefined();
    // an exact figure in a year view has no label at all (not a hidden one)
    expect(data.find((d) => d.name === ZJ)?.label).toBeUndefined();
  });

  it('one scale for every year and mode: the visualMap runs from 0 to niceMax of the largest value of any year', () => {
    const vm = first(asObj(buildMapOption(input('zh', 2019))).visualMap);
    expect(vm.min).toBe(0);
    expect(vm.max).toBe(niceMax(1200));
    expect(vm.max).toBe(1200);
    // 2018 alone tops out at 720, 2016 has no figure: the same scale
    for (const y of [2018, 2016, 'latest'] as const) {
      const o = first(asObj(buildMapOption(input('zh', y))).visualMap);
      expect([o.min, o.max]).toEqual([0, 1200]);
    }
  });

  it('log scale: colours on log10 of the value, the legend in real values', () => {
    const scale = continuousScale(metricValues(IDX, M.id), 'log');
    const opt = buildMapOption(input('zh', 2019, { scale }));
    const vm = first(asObj(opt).visualMap);
    expect([vm.min, vm.max]).toEqual([Math.log10(500), Math.log10(2000)]);
    expect(vm.text).toEqual(['2000', '500']);
    expect(seriesData(opt).find((d) => d.name === JS)?.value).toBeCloseTo(Math.log10(848));
    // the figure itself stays readable beside its log
    expect((seriesData(opt).find((d) => d.name === JS) as unknown as { figure: number }).figure).toBe(848);
  });

  it('classed scale: each province coloured by its class, no visualMap, a legend of classes with readable bounds', () => {
    const scale = classedScale(metricValues(IDX, M.id), 'jenks', 3);
    const colour = (y: 2018 | 2019 | 'latest', code: string) => seriesData(buildMapOption(input('zh', y, { scale }))).find((d) => d.name === code)?.itemStyle?.areaColor;
    const opt = buildMapOption(input('zh', 2019, { scale }));
    expect(asObj(opt).visualMap).toBeUndefined();
    // 720 (2018) and 848 (2019) and 500 fall in classes fixed for the metric, whatever the year shown
    expect(colour(2019, JS)).toBe(colour(2018, JS));
    expect(colour(2019, ZJ)).not.toBe(colour(2019, GD));
    const texts = graphicTexts(opt);
    expect(texts.some((t) => t.startsWith('低于 '))).toBe(true);
    expect(texts.some((t) => t.endsWith(' 及以上'))).toBe(true);
    expect(texts.some((t) => t.includes('自然断点分级') && t.includes('各年同一色阶'))).toBe(true);
  });

  it('latest available: old figures hatched and labelled, the title counts provinces per year range', () => {
    const stale = staleness(rowsOf('latest'), 1);
    // JS 2022, GD 2021, ZJ 2019: ZJ is more than 1 year older than 2022
    expect([...stale.stale]).toEqual([ZJ]);
    const opt = buildMapOption(input('zh', 'latest', { stale }));
    const zj = seriesData(opt).find((d) => d.name === ZJ)!;
    expect(zj.itemStyle?.decal).toBeDefined();
    expect(seriesData(opt).find((d) => d.name === JS)?.itemStyle?.decal).toBeUndefined();
    const sub = String(asObj(first(asObj(opt).title)).subtext);
    expect(sub).toContain('2021–2022：2 省');
    expect(sub).toContain('2019：1 省（旧数据）');
    expect(graphicTexts(opt).some((t) => t.includes('旧数据（2020 年及以前）'))).toBe(true);
    expect(tooltipOf(opt, ZJ)).toContain('旧数据：比最新数据（2022 年）早 3 年');
    // hidden: not coloured by the scale, not ranked
    const hidden = buildMapOption(input('zh', 'latest', { stale, hideStale: true }));
    expect(Number.isNaN(seriesData(hidden).find((d) => d.name === ZJ)!.value)).toBe(true);
    expect(tooltipOf(hidden, ZJ)).not.toContain('第 ');
    expect(tooltipOf(hidden, JS)).toContain('/ 共 2 个有数据的省份');
  });

  it('until the tooltip code has loaded, the tooltip names the province (escaped)', () => {
    const opt = buildMapOption(input('zh', 2019, { tooltipHtml: null }));
    expect(tooltipOf(opt, JS)).toBe('江苏');
  });

  it('every rank in the tooltip names its base, with the caution under 5 provinces', () => {
    const tip = tooltipOf(buildMapOption(input('zh', 2019)), GD);
    expect(tip).toContain('第 1 位 / 共 3 个有数据的省份（仅 3 个省份有数据，排名意义有限）');
  });

  it('title has the metric label and the year', () => {
    expect(titleText(buildMapOption(input('zh', 2019)))).toContain('科技企业孵化器');
    expect(titleText(buildMapOption(input('zh', 2019)))).toContain('2019');
    const en = titleText(buildMapOption(input('en', 2019)));
    expect(en).toContain('Technology business incubators');
    expect(en).toContain('2019');
  });

  it("title for 'latest' says latest available and that years vary", () => {
    const zh = titleText(buildMapOption(input('zh', 'latest')));
    expect(zh).toContain('最新可得');
    expect(zh).toContain('年份不一');
    const en = titleText(buildMapOption(input('en', 'latest')));
    expect(en).toContain('Latest available');
    expect(en).toContain('years vary');
  });

  // Cosmetic (src/charts/mapOption.ts, `yearText`): the 'latest' title wraps
  // t('yearsVary') in full-width Chinese parentheses （…） in both languages, so
  // the English title reads "Latest available（years vary）".
  it('English latest title uses ASCII parentheses, not full-width ones', () => {
    const en = titleText(buildMapOption(input('en', 'latest')));
    expect(en).not.toMatch(/[（）]/);
  });

  it('a graphic text carries the source line (in the chart, for screenshots)', () => {
    const zh = graphicTexts(buildMapOption(input('zh', 2019)));
    expect(zh.some((t) => t.includes('来源：') && t.includes('江苏省科技厅') && t.includes('火炬中心'))).toBe(true);
    const en = graphicTexts(buildMapOption(input('en', 2019, { sourceIds: ['news'] })));
    expect(en.some((t) => t.includes('Source: ') && t.includes('新华日报'))).toBe(true);
  });

  it('a graphic says grey means no data, not zero', () => {
    expect(graphicTexts(buildMapOption(input('zh', 2019)))).toContain('灰色：无数据（不是 0）');
    expect(graphicTexts(buildMapOption(input('en', 2019)))).toContain('Grey: no data (not zero)');
  });

  it('the national figure appears in the option (subtitle) when given', () => {
    const opt = asObj(buildMapOption(input('zh', 2019)));
    const title = first(opt.title);
    expect(String(title.subtext)).toContain('5206');
  });

  it('the tooltip formatter joins by code: a hovered code shows that province’s figure', () => {
    const opt = buildMapOption(input('zh', 2019));
    const html = tooltipOf(opt, GD);
    expect(html).toContain('广东');
    expect(html).toContain('1111 家');
    expect(tooltipOf(opt, HB)).toContain('无数据');
  });
});

describe('mapTooltipHtml', () => {
  const base = (lang: Lang, yearSel: YearSelection) => ({ lang, metric: M, yearSel, sources: SOURCES });

  it('a province without data shows "no data", with the year', () => {
    const zh = mapTooltipHtml(HB, undefined, base('zh', 2019));
    expect(zh).toContain('河北');
    expect(zh).toContain('无数据');
    expect(zh).toContain('2019');
    const en = mapTooltipHtml(HB, undefined, base('en', 'latest'));
    expect(en).toContain('Hebei');
    expect(en).toContain('no data');
  });

  it('the South China Sea islands get their own label', () => {
    expect(mapTooltipHtml(NANHAI, undefined, base('zh', 2019))).toContain('南海诸岛');
    expect(mapTooltipHtml(NANHAI, undefined, base('en', 2019))).toContain('South China Sea Islands');
  });

  it('a lower bound shows ≥, the qualifier and "as of"', () => {
    const d = row('latest', JS);
    const zh = mapTooltipHtml(JS, d, base('zh', 'latest'));
    expect(zh).toContain('≥ 1000 家');
    expect(zh).toContain('截至 2023-06');
    expect(zh).toContain('下限');
    expect(zh).toContain('2022 年数据');
    const en = mapTooltipHtml(JS, d, base('en', 'latest'));
    expect(en).toContain('≥ 1,000 incubators');
    expect(en).toContain('as of 2023-06');
    expect(en).toContain('lower bound');
  });

  it('an approximate figure shows ≈', () => {
    const d = row('latest', GD);
    expect(mapTooltipHtml(GD, d, base('zh', 'latest'))).toContain('≈ 1200 家');
    expect(mapTooltipHtml(GD, d, base('en', 'latest'))).toContain('≈ 1,200 incubators');
  });

  it('shows the rank among provinces with data', () => {
    const d = row(2019, JS); // 1111 GD, 848 JS, 500 ZJ
    expect(d.rank).toBe(2);
    const zh = mapTooltipHtml(JS, d, base('zh', 2019));
    expect(zh).toContain('第 2 位');
    expect(zh).toContain('共 3 个');
    expect(mapTooltipHtml(JS, d, base('en', 2019))).toContain('#2 of 3');
  });

  it('shows the change against the previous year with data', () => {
    const d = row(2019, JS);
    const zh = mapTooltipHtml(JS, d, base('zh', 2019));
    expect(zh).toContain('较 2018 年');
    expect(zh).toContain('+128');
    expect(zh).toContain('+18%');
    const en = mapTooltipHtml(JS, d, base('en', 2019));
    expect(en).toContain('vs 2018');
    expect(en).toContain('+128');
  });

  it('marks a change involving a bound as indicative', () => {
    const d = row('latest', JS); // 2022 ≥1000 vs 2019 848
    expect(mapTooltipHtml(JS, d, base('zh', 'latest'))).toContain('仅供参考');
    expect(mapTooltipHtml(JS, d, base('en', 'latest'))).toContain('indicative');
  });

  it('first year with data: says there is no earlier figure', () => {
    const d = row(2019, GD);
    expect(mapTooltipHtml(GD, d, base('zh', 2019))).toContain('此前无数据');
    expect(mapTooltipHtml(GD, d, base('en', 2019))).toContain('no earlier figure');
  });

  // Cosmetic (src/charts/mapOption.ts, the `else` branch of `if (d.change)`):
  // t('changeFrom', { year: '' }) is '较  年' in Chinese; the regex only strips
  // trailing colons/spaces, so the line reads "较  年：此前无数据".
  it('first-year line in Chinese does not contain the empty template "较  年"', () => {
    const html = mapTooltipHtml(GD, row(2019, GD), base('zh', 2019));
    expect(html).not.toMatch(/较\s+年/);
  });

  it('when sources disagree: the conflict line and every value with its source', () => {
    const d = row(2019, JS);
    const zh = mapTooltipHtml(JS, d, base('zh', 2019));
    expect(zh).toContain('来源不一致');
    expect(zh).toContain('848 家');
    expect(zh).toContain('832 家');
    expect(zh).toContain('江苏省科技厅');
    expect(zh).toContain('火炬中心');
    const en = mapTooltipHtml(JS, d, base('en', 2019));
    expect(en).toContain('Sources disagree');
    expect(en).toContain('848 incubators');
    expect(en).toContain('832 incubators');
  });

  it('when several sources agree: says so, no conflict line', () => {
    const d = row(2019, ZJ);
    const zh = mapTooltipHtml(ZJ, d, base('zh', 2019));
    expect(zh).toContain('2 个来源一致');
    expect(zh).not.toContain('来源不一致');
    expect(mapTooltipHtml(ZJ, d, base('en', 2019))).toContain('2 sources agree');
  });

  it('a single source is named (citation-only sources by the first part of the citation)', () => {
    const idx = buildIndex([fig({ metric: M.id, region: XZ, year: 2020, value: 3, sourceId: 'news' })]);
    const d = provinceData(idx, M.id, 2020)[0]!;
    const zh = mapTooltipHtml(XZ, d, base('zh', 2020));
    expect(zh).toContain('新华日报');
    expect(zh).not.toContain('2023-06-01'); // only the first part of the citation
  });

  describe('XSS: every data string is escaped', () => {
    const EVIL_PUB = '<img src=x onerror=alert(1)>';
    const EVIL = '"><script>alert(1)</script>';
    const evilMetric = metric({ id: 'm', label: { zh: EVIL, en: EVIL }, unit: { zh: EVIL, en: EVIL } });
    const evilSources = sourceMap(
      source({ id: 'evil', publisher: EVIL_PUB, url: 'https://x' }),
      source({ id: 'evil2', citation: `${EVIL_PUB}, 2020` }),
    );
    const figs = [
      fig({ metric: 'm', region: JS, year: 2018, value: 1, sourceId: 'evil' }),
      fig({ metric: 'm', region: JS, year: 2019, value: 2, sourceId: 'evil', asOf: '2020-01' }),
      fig({ metric: 'm', region: JS, year: 2019, value: 3, sourceId: 'evil2', qualifier: 'at_least' }),
      fig({ metric: 'm', region: GD, year: 2019, value: 5, sourceId: 'evil2' }),
    ];
    const idx = buildIndex(figs);

    for (const lang of ['zh', 'en'] as const) {
      it(`tooltip HTML has no raw <img or <script (${lang})`, () => {
        const rows = provinceData(idx, 'm', 2019);
        const htmls = [
          ...rows.map((d) => mapTooltipHtml(d.region, d, { lang, metric: evilMetric, yearSel: 2019, sources: evilSources })),
          ...provinceData(idx, 'm', 'latest').map((d) => mapTooltipHtml(d.region, d, { lang, metric: evilMetric, yearSel: 'latest', sources: evilSources })),
          mapTooltipHtml(HB, undefined, { lang, metric: evilMetric, yearSel: 2019, sources: evilSources }),
          mapTooltipHtml('<img src=x onerror=alert(2)>', undefined, { lang, metric: evilMetric, yearSel: 2019, sources: evilSources }),
        ];
        const opt = buildMapOption({ lang, metric: evilMetric, yearSel: 2019, rows, national: null, sources: evilSources, nameMap: NAME_MAP, sourceIds: ['evil', 'evil2'], scale: continuousScale([3, 5], 'linear'), tooltipHtml: mapTooltipHtml });
        htmls.push(tooltipOf(opt, JS), tooltipOf(opt, GD), tooltipOf(opt, '<script>x</script>'));
        for (const h of htmls) {
          expect(h).not.toMatch(/<img/i);
          expect(h).not.toMatch(/<script/i);
          expect(h).not.toContain('"><script');
          expect(h).not.toMatch(/onerror=alert\(\d\)>/);
        }
        // the evil strings are shown, escaped
        const js = htmls[0]!;
        expect(js).toContain('&lt;img src=x onerror=alert(1)&gt;');
        expect(js).toContain('&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
        expect(htmls.some((h) => h.includes('&lt;img src=x onerror=alert(2)&gt;'))).toBe(true);
      });
    }
  });
});
