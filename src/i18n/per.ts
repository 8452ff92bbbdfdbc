/**
 * Words of the per-resident / per-GDP measure (namespace `tPer`): the control,
 * the reasons a metric offers none, a ratio's unit, label and definition, and
 * its formula ("江苏 2022：244 家 ÷ 8515 万人 = 2.87 家/百万人"). Pure; loaded with
 * the measure (state/perKit.ts, components/PerControl.tsx), never before the
 * first chart. Both tables are built in: the kit writes every formula in both
 * languages at once.
 */
import { PER, type PerBlock } from '../data/perCapita';
import { NATIONAL, regionName } from '../data/regions';
import type { Figure, Lang, Localised, MetricDef, PerKind } from '../data/types';
import { formatFigure } from './format';
import { defineStrings } from './lookup';

export const tPer = defineStrings({
  zh: {
    measure: '口径',
    measureAria: '口径：绝对数、每百万常住人口或每千亿元地区生产总值',
    abs: '绝对数',
    capita: '每百万常住人口',
    gdp: '每千亿元GDP',
    title_capita: '每百万常住人口',
    title_gdp: '每千亿元地区生产总值',
    label: '{metric}（{measure}）',
    unit_capita: '{unit}/百万人',
    unit_gdp: '{unit}/千亿元',
    definition_capita: '{definition} 此处按每百万常住人口计：各省（及全国）的数值除以同一地区同一年的年末常住人口（全国为年末总人口）；缺少该年人口的地区为无数据。',
    definition_gdp: '{definition} 此处按每千亿元地区生产总值计：各省（及全国）的数值除以同一地区同一年的地区生产总值（当年价格）；缺少该年GDP的地区为无数据。',
    disabled: '此指标不提供人均/单位GDP口径：{reason}。',
    unavailable: '（不适用）',
    block_context: '背景指标（常住人口、地区生产总值）本身就是分母，不再相除；人均地区生产总值的官方口径按年平均人口计算，用年末人口相除会得出与统计局公布数不同的数，故不提供',
    block_ratio: '该指标已是比率（百分比、占比、比率或人均数），不再相除',
    block_national: '该指标只有全国数据，没有可比较的省份',
    block_years: '该指标的省级数据没有一年有同年的{denominator}（{years}）',
    denominator_capita: '常住人口',
    denominator_gdp: '地区生产总值',
    denText_capita: '{raw}',
    denText_gdp: '{raw}',
    dropped: '“{metric}”不提供“{measure}”口径（{reason}），已显示绝对数。',
    yearNotOffered: '{year} 年该指标没有可按同年{denominator}相除的省级数据，已显示 {shown} 年。',
    formula: '{region} {year}：{num} ÷ {den} = {result}',
    withNotes: '{text}（{notes}）',
    notesSep: '；',
    asOfShort: '{text} (截至 {date})',
    asOfCapita: '数字截至 {date}，分母为 {year} 年末常住人口',
    asOfGdp: '数字截至 {date}，分母为 {year} 年全年地区生产总值',
    denNational: '全国分母为年末总人口，含现役军人',
    noShare: '按人均或单位GDP口径时不计算占全国比重：比率之比不是份额',
    noShareShown: '按人均或单位GDP口径时不计算占全国比重（比率之比不是份额），已显示数值。',
    formulaHead: '计算',
    denominatorSource: '分母来源',
    denominatorQuote: '分母原文',
  },
  en: {
    measure: 'Measure',
    measureAria: 'Measure: absolute, per million residents or per 100 billion yuan of GDP',
    abs: 'Absolute',
    capita: 'Per million residents',
    gdp: 'Per 100 bn yuan GDP',
    title_capita: 'per million residents',
    title_gdp: 'per 100 billion yuan of GDP',
    label: '{metric} ({measure})',
    unit_capita: '{unit} per million residents',
    unit_gdp: '{unit} per 100 bn yuan of GDP',
    definition_capita:
      "{definition} Shown per million residents: each province's (and the country's) figure divided by its own year-end resident population of the same year (the country: total year-end population); a region without that year's population has no data.",
    definition_gdp:
      "{definition} Shown per 100 billion yuan (1000亿元) of GDP: each province's (and the country's) figure divided by its own GDP of the same year (current prices); a region without that year's GDP has no data.",
    disabled: 'No per-resident or per-GDP measure for this metric: {reason}.',
    unavailable: ' (not available)',
    block_context:
      'a context metric (population, GDP) is itself the denominator and is not divided; GDP per resident is not derived, because the official figure divides by the average population of the year and year-end population would give a different number',
    block_ratio: 'the metric is already a ratio (a percentage, share, rate or per-capita figure)',
    block_national: 'the metric has national figures only: no provinces to compare',
    block_years: 'no provincial figure of the metric falls in a year with {denominator} figures ({years})',
    denominator_capita: 'resident population',
    denominator_gdp: 'GDP',
    denText_capita: '{millions} million residents',
    denText_gdp: '{billions} bn yuan',
    dropped: '“{metric}” has no “{measure}” measure ({reason}); showing absolute figures.',
    yearNotOffered: "No provincial figures for {year} with the same year's {denominator} to divide by; showing {shown}.",
    formula: '{region} {year}: {num} ÷ {den} = {result}',
    withNotes: '{text} ({notes})',
    notesSep: '; ',
    asOfShort: '{text} (as of {date})',
    asOfCapita: 'figure as of {date}, divided by the year-end {year} population',
    asOfGdp: 'figure as of {date}, divided by the GDP of the whole year {year}',
    denNational: "the country's denominator is the total year-end population (incl. the armed forces)",
    noShare: 'no share of the national figure for a ratio (per resident or per GDP): a ratio of ratios is not a share',
    noShareShown: 'No share of the national figure for a ratio (per resident or per GDP): a ratio of ratios is not a share. Showing the values.',
    formulaHead: 'Calculation',
    denominatorSource: 'Denominator source',
    denominatorQuote: 'Denominator quote',
  },
});

/** Both languages of a string of this namespace. */
const both = (key: Parameters<typeof tPer>[1], params: (lang: Lang) => Record<string, string | number>): Localised => ({
  zh: tPer('zh', key, params('zh')),
  en: tPer('en', key, params('en')),
});

/** "家" → "家/百万人", "institutions" → "institutions per million residents". */
export function perUnit(unit: Localised, per: PerKind): Localised {
  return both(`unit_${per}`, (lang) => ({ unit: unit[lang] }));
}

/** The definition of a metric shown per resident or per GDP: its unit, label and definition say so. */
export function perMetric(m: MetricDef, per: PerKind): MetricDef {
  return {
    ...m,
    per,
    unit: perUnit(m.unit, per),
    label: both('label', (lang) => ({ metric: m.label[lang], measure: tPer(lang, `title_${per}`) })),
    ...(m.definition ? { definition: both(`definition_${per}`, (lang) => ({ definition: m.definition![lang] })) } : {}),
  };
}

/** The denominator as the formula shows it, exactly: "8515 万人" / "85.15 million residents", "122875 亿元" / "12,287.5 bn yuan". */
export function denominatorText(d: Figure, per: PerKind, lang: Lang): string {
  const mark = d.qualifier === 'about' ? '≈ ' : '';
  const base = d.value * (PER[per].units[d.unit.trim()] ?? 1);
  const n = (x: number) => Number(x.toPrecision(12)).toLocaleString('en-US', { maximumFractionDigits: 6 });
  return mark + tPer(lang, `denText_${per}`, { raw: `${d.value} ${d.unit}`, millions: n(base / 100), billions: n(base / 10) });
}

/**
 * "江苏 2022：244 家 ÷ 8515 万人 = 2.87 家/百万人" (with the as-of note where the
 * figure is dated by month). `absUnit`: the metric's own unit; `perUnitText`: the ratio's.
 */
export function formulaText(f: Figure, absUnit: Localised, perUnitText: Localised, lang: Lang): string {
  const d = f.derived;
  if (!d) return formatFigure(f.value, f.qualifier, absUnit[lang], lang);
  const n = d.numerator;
  const text = tPer(lang, 'formula', {
    region: regionName(f.region, lang),
    year: f.year,
    num: formatFigure(n.value, n.qualifier, absUnit[lang], lang),
    den: denominatorText(d.denominator, d.per, lang),
    result: formatFigure(f.value, f.qualifier, perUnitText[lang], lang),
  });
  const notes: string[] = [];
  if (n.asOf) notes.push(tPer(lang, d.per === 'capita' ? 'asOfCapita' : 'asOfGdp', { date: n.asOf, year: f.year }));
  if (f.region === NATIONAL && d.per === 'capita') notes.push(tPer(lang, 'denNational'));
  return notes.length ? tPer(lang, 'withNotes', { text, notes: notes.join(tPer(lang, 'notesSep')) }) : text;
}

/** A ratio's two inputs in words, as the sources panel lists them: ["244 家（截至 2022-04）", "8515 万人"]. */
export function inputTexts(f: Figure, absUnit: Localised, lang: Lang): [string, string] {
  const d = f.derived!;
  const n = d.numerator;
  const num = formatFigure(n.value, n.qualifier, absUnit[lang], lang);
  return [n.asOf ? tPer(lang, 'asOfShort', { text: num, date: n.asOf }) : num, denominatorText(d.denominator, d.per, lang)];
}

/** The formula in both languages, as a derived figure carries it. */
export function formulas(f: Figure, abs: MetricDef, per: MetricDef): Localised {
  return { zh: formulaText(f, abs.unit, per.unit, 'zh'), en: formulaText(f, abs.unit, per.unit, 'en') };
}

/** Why a metric offers no ratio, in words; `years`: the years the denominator has ("2015–2024"). */
export function blockText(block: PerBlock, per: PerKind, lang: Lang, years: string): string {
  return tPer(lang, `block_${block}`, { denominator: tPer(lang, `denominator_${per}`), years });
}
