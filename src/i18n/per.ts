/**
 * Words of the per-resident / per-GDP measure: the control, the reasons a
 * metric offers none, and the formula of a ratio ("江苏 2022：244 家 ÷ 8515 万人 =
 * 2.87 家/百万人"). Pure; loaded with the measure (state/perKit.ts), never
 * before the first chart.
 */
import { PER, type PerBlock } from '../data/perCapita';
import { NATIONAL, regionName } from '../data/regions';
import type { Figure, Lang, Localised, MetricDef, PerKind } from '../data/types';
import { formatFigure } from './format';
import { fill } from './strings';

const zh = {
  measure: '口径',
  measureAria: '口径：绝对数、每百万常住人口或每千亿元地区生产总值',
  abs: '绝对数',
  capita: '每百万常住人口',
  gdp: '每千亿元GDP',
  disabled: '此指标不提供人均/单位GDP口径：{reason}。',
  unavailable: '（不适用）',
  block_context: '背景指标（常住人口、地区生产总值）本身就是分母，不再相除；人均地区生产总值的官方口径按年平均人口计算，用年末人口相除会得出与统计局公布数不同的数，故不提供',
  block_ratio: '该指标已是比率（百分比、占比、比率或人均数），不再相除',
  block_national: '该指标只有全国数据，没有可比较的省份',
  block_years: '该指标的省级数据没有一年有同年的{denominator}（{years}）',
  denominator_capita: '常住人口',
  denominator_gdp: '地区生产总值',
  dropped: '“{metric}”不提供“{measure}”口径（{reason}），已显示绝对数。',
  formula: '{region} {year}：{num} ÷ {den} = {result}',
  asOfCapita: '数字截至 {date}，分母为 {year} 年末常住人口',
  asOfGdp: '数字截至 {date}，分母为 {year} 年全年地区生产总值',
  denNational: '全国分母为年末总人口，含现役军人',
  noShare: '按人均或单位GDP口径时不计算占全国比重：比率之比不是份额',
  noShareShown: '按人均或单位GDP口径时不计算占全国比重（比率之比不是份额），已显示数值。',
  formulaHead: '计算',
  denominatorSource: '分母来源',
  denominatorQuote: '分母原文',
};

const en: Record<keyof typeof zh, string> = {
  measure: 'Measure',
  measureAria: 'Measure: absolute, per million residents or per 100 billion yuan of GDP',
  abs: 'Absolute',
  capita: 'Per million residents',
  gdp: 'Per 100 bn yuan GDP',
  disabled: 'No per-resident or per-GDP measure for this metric: {reason}.',
  unavailable: ' (not available)',
  block_context:
    'a context metric (population, GDP) is itself the denominator and is not divided; GDP per resident is not derived, because the official figure divides by the average population of the year and year-end population would give a different number',
  block_ratio: 'the metric is already a ratio (a percentage, share, rate or per-capita figure)',
  block_national: 'the metric has national figures only: no provinces to compare',
  block_years: 'no provincial figure of the metric falls in a year with {denominator} figures ({years})',
  denominator_capita: 'resident population',
  denominator_gdp: 'GDP',
  dropped: '“{metric}” has no “{measure}” measure ({reason}); showing absolute figures.',
  formula: '{region} {year}: {num} ÷ {den} = {result}',
  asOfCapita: 'figure as of {date}, divided by the year-end {year} population',
  asOfGdp: 'figure as of {date}, divided by the GDP of the whole year {year}',
  denNational: "the country's denominator is the total year-end population (incl. the armed forces)",
  noShare: 'no share of the national figure for a ratio (per resident or per GDP): a ratio of ratios is not a share',
  noShareShown: 'No share of the national figure for a ratio (per resident or per GDP): a ratio of ratios is not a share. Showing the values.',
  formulaHead: 'Calculation',
  denominatorSource: 'Denominator source',
  denominatorQuote: 'Denominator quote',
};

export type PerStringKey = keyof typeof zh;

export function pt(lang: Lang, key: PerStringKey, params?: Record<string, string | number>): string {
  return fill((lang === 'zh' ? zh : en)[key], params);
}

/** The denominator as the formula shows it, exactly: "8515 万人" / "85.15 million residents", "122875 亿元" / "12,287.5 bn yuan". */
export function denominatorText(d: Figure, per: PerKind, lang: Lang): string {
  const mark = d.qualifier === 'about' ? '≈ ' : '';
  if (lang === 'zh') return `${mark}${d.value} ${d.unit}`;
  const base = d.value * (PER[per].units[d.unit.trim()] ?? 1);
  const n = (x: number) => Number(x.toPrecision(12)).toLocaleString('en-US', { maximumFractionDigits: 6 });
  return per === 'capita' ? `${mark}${n(base / 100)} million residents` : `${mark}${n(base / 10)} bn yuan`;
}

/**
 * "江苏 2022：244 家 ÷ 8515 万人 = 2.87 家/百万人" (with the as-of note where the
 * figure is dated by month). `absUnit`: the metric's own unit; `perUnit`: the ratio's.
 */
export function formulaText(f: Figure, absUnit: Localised, perUnitText: Localised, lang: Lang): string {
  const d = f.derived;
  if (!d) return formatFigure(f.value, f.qualifier, absUnit[lang], lang);
  const n = d.numerator;
  let s = pt(lang, 'formula', {
    region: regionName(f.region, lang),
    year: f.year,
    num: formatFigure(n.value, n.qualifier, absUnit[lang], lang),
    den: denominatorText(d.denominator, d.per, lang),
    result: formatFigure(f.value, f.qualifier, perUnitText[lang], lang),
  });
  const notes: string[] = [];
  if (n.asOf) notes.push(pt(lang, d.per === 'capita' ? 'asOfCapita' : 'asOfGdp', { date: n.asOf, year: f.year }));
  if (f.region === NATIONAL && d.per === 'capita') notes.push(pt(lang, 'denNational'));
  if (notes.length) s += lang === 'zh' ? `（${notes.join('；')}）` : ` (${notes.join('; ')})`;
  return s;
}

/** A ratio's two inputs in words, as the sources panel lists them: ["244 家 (截至 2022-04)", "8515 万人"]. */
export function inputTexts(f: Figure, absUnit: Localised, lang: Lang): [string, string] {
  const d = f.derived!;
  const n = d.numerator;
  const asOf = n.asOf ? ` (${lang === 'zh' ? '截至' : 'as of'} ${n.asOf})` : '';
  return [formatFigure(n.value, n.qualifier, absUnit[lang], lang) + asOf, denominatorText(d.denominator, d.per, lang)];
}

/** The formula in both languages, as a derived figure carries it. */
export function formulas(f: Figure, abs: MetricDef, per: MetricDef): Localised {
  return { zh: formulaText(f, abs.unit, per.unit, 'zh'), en: formulaText(f, abs.unit, per.unit, 'en') };
}

/** Why a metric offers no ratio, in words; `years`: the years the denominator has ("2015–2024"). */
export function blockText(block: PerBlock, per: PerKind, lang: Lang, years: string): string {
  return pt(lang, `block_${block}`, { denominator: pt(lang, `denominator_${per}`), years });
}
