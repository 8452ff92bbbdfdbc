/**
 * Strings of the ranking view and the named-carriers view, in Chinese
 * (default) and English. Pure.
 */
import type { Lang } from '../data/types';

const zh = {
  // ranking
  top: '显示',
  topAll: '全部',
  topN: '前 {n} 名',
  topAria: '只显示排名靠前的省份',
  rankingTitle: '{metric} · 分省排名 · {year}',
  rankingChartLabel: '{metric} 分省排名 {year}',
  shareOfNational: '占全国',
  shareIndicativeMark: '*',
  shareIndicative: '仅供参考',
  shareFootnote: '* 份额仅供参考：省级或全国数据为下限（≥）/约数（≈）、统计时点不同或来源不一致。',
  shareFootnoteShort: '* 份额仅供参考',
  reason_bound: '含下限数（≥）',
  reason_approx: '含约数（≈）',
  reason_date: '统计时点不同（{a} / {b}）',
  reason_conflict: '来源不一致',
  reason_exceeds: '超过全国数，口径可能不同',
  yearEnd: '年末',
  noShare: '该年无全国数据，无法计算份额',
  noDataList: '无数据',
  noDataNotZero: '无数据（不是 0）',
  noDataNone: '所有省份均有数据',
  noBars: '该年没有省级数据可排名。',
  nationalOnly: '该指标只有全国数据，没有省级数据可排名。',
  rankedList: '排名列表（{n} 个省份有数据）',
  openProvince: '点击条形查看省份详情',
  tieNote: '并列第 {rank} 位，故显示 {n} 个',
  nationalForYear: '全国（{year}）',
  yearsVaryShare: '各省年份不一：份额按各省数据年份的全国数计算',
  // carriers
  carriersTitle: '载体名录',
  carriersIntro: '数据包中有名称的载体（园区、孵化器、科技园、基地），每条附来源。省份、城市未知者标“—”，不作推断。',
  kindFilter: '类型',
  kindAll: '全部类型',
  yearFilter: '年份',
  yearAll: '全部年份',
  yearUnknown: '年份未知',
  provinceFilter: '省份',
  provinceAll: '全部省份',
  provinceUnknown: '省份未知',
  rankedSection: '排名',
  rankedGroup: '{kind} · {year} 年 · 排名',
  rankedGroupNoYear: '{kind} · 年份未知 · 排名',
  unrankedSection: '名录',
  listCount: '共 {n} 条',
  shownOf: '显示 {n} / {total} 条',
  colRank: '名次',
  colName: '名称',
  colProvince: '省份',
  colCity: '城市',
  colYear: '年份',
  colRating: '评级/得分',
  colNote: '备注',
  colSource: '来源',
  colKind: '类型',
  sortBy: '按{col}排序',
  noEntities: '没有符合条件的载体。',
  rankN: '第 {n} 名',
  resetFilters: '清除筛选',
  yearColNote: '年份为认定、列入或排名所依据的年份（见备注）。',
} as const;

export type RankingKey = keyof typeof zh;

const en: Record<RankingKey, string> = {
  top: 'Show',
  topAll: 'All',
  topN: 'Top {n}',
  topAria: 'Show only the top provinces',
  rankingTitle: '{metric} · provinces ranked · {year}',
  rankingChartLabel: '{metric}, provinces ranked, {year}',
  shareOfNational: 'Share of national',
  shareIndicativeMark: '*',
  shareIndicative: 'indicative only',
  shareFootnote: '* Share is indicative only: a provincial or national figure is a lower bound (≥) or approximate (≈), dated differently, or sources disagree.',
  shareFootnoteShort: '* share indicative',
  reason_bound: 'involves a lower bound (≥)',
  reason_approx: 'involves an approximation (≈)',
  reason_date: 'dated differently ({a} / {b})',
  reason_conflict: 'sources disagree',
  reason_exceeds: 'exceeds the national figure; definitions may differ',
  yearEnd: 'year end',
  noShare: 'no national figure for this year, so no share',
  noDataList: 'No data',
  noDataNotZero: 'No data (not zero)',
  noDataNone: 'every province has a figure',
  noBars: 'No provincial figures to rank in this year.',
  nationalOnly: 'This metric has national figures only; there are no provincial figures to rank.',
  rankedList: 'Ranked list ({n} provinces with data)',
  openProvince: 'Click a bar for the province profile',
  tieNote: 'tie at #{rank}, so {n} shown',
  nationalForYear: 'China ({year})',
  yearsVaryShare: 'years vary: each share uses the national figure of that province’s year',
  carriersTitle: 'Named carriers',
  carriersIntro: 'Carriers named in the data package (parks, incubators, science parks, bases), each with its source. Unknown province or city is shown as “—”, never guessed.',
  kindFilter: 'Kind',
  kindAll: 'All kinds',
  yearFilter: 'Year',
  yearAll: 'All years',
  yearUnknown: 'year unknown',
  provinceFilter: 'Province',
  provinceAll: 'All provinces',
  provinceUnknown: 'province unknown',
  rankedSection: 'Rankings',
  rankedGroup: '{kind} · {year} · ranking',
  rankedGroupNoYear: '{kind} · year unknown · ranking',
  unrankedSection: 'List',
  listCount: '{n} entries',
  shownOf: '{n} of {total} shown',
  colRank: 'Rank',
  colName: 'Name',
  colProvince: 'Province',
  colCity: 'City',
  colYear: 'Year',
  colRating: 'Rating / score',
  colNote: 'Note',
  colSource: 'Source',
  colKind: 'Kind',
  sortBy: 'Sort by {col}',
  noEntities: 'No carriers match these filters.',
  rankN: '#{n}',
  resetFilters: 'Clear filters',
  yearColNote: 'Year is the year of recognition, listing or the ranking’s data (see note).',
};

export function rt(lang: Lang, key: RankingKey, params?: Record<string, string | number>): string {
  let s: string = lang === 'zh' ? zh[key] : en[key];
  if (params) for (const [k, v] of Object.entries(params)) s = s.split(`{${k}}`).join(String(v));
  return s;
}

/** Labels of the entity kinds, in the order the carriers view offers them. */
export const CARRIER_KINDS: readonly { id: string; zh: string; en: string }[] = [
  { id: 'returnee_park_base', zh: '中国留学人员创业园区孵化基地', en: 'Returnee park incubation bases (national)' },
  { id: 'returnee_park', zh: '留学人员创业园', en: 'Returnee entrepreneurship parks' },
  { id: 'national_incubator', zh: '国家级科技企业孵化器', en: 'National technology business incubators' },
  { id: 'university_science_park', zh: '国家大学科技园', en: 'National university science parks' },
  { id: 'home_program_base', zh: '海智计划基地', en: 'HOME Programme (海智计划) bases' },
];

export function kindLabel(kind: string, lang: Lang): string {
  const k = CARRIER_KINDS.find((x) => x.id === kind);
  return k ? k[lang] : kind;
}
