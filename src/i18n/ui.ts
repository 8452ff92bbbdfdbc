/**
 * The app's own strings (header, navigation, controls, map): Chinese built in,
 * English in ./ui.en.ts, loaded on demand before the first English render
 * (main.tsx, store.setLang), so that t() never shows a mix and the first chart
 * does not wait for English it does not show.
 */
import type { Lang } from '../data/types';
import { lookup, type Tables } from './lookup';

const zh = {
  appName: '孵化图谱',
  appSubtitle: '留创园 · 孵化器 · 众创空间 · 大学科技园 · 孵化企业',
  metric: '指标',
  year: '年份',
  latest: '最新可得',
  latestHint: '各省取最近一年的数据',
  yearsVary: '年份不一',
  play: '播放',
  pause: '暂停',
  prevYear: '上一年',
  nextYear: '下一年',
  noData: '无数据',
  rank: '排名',
  rankOf: '第 {rank} 位 / 共 {n} 个有数据的省份',
  rankOfYear: '{year} 年第 {rank} 位 / 共 {n} 个有数据的省份',
  rankShort: '{rank} / 共 {n} 省',
  rankFew: '仅 {n} 个省份有数据，排名意义有限',
  rankFewShort: '样本少',
  withNote: '{text}（{note}）',
  oldMark: ' 旧',
  yearOld: '{year} 年，旧数据',
  cautionSep: '；',
  rankAlone: '仅此一省有数据，无排名',
  rankAloneYear: '{year} 年仅此一省有数据，无排名',
  rankYearsVary: '各省数据年份不一',
  yearGroup: '{years}：{n} 省',
  oldFigures: '旧数据',
  staleNote: '旧数据：比最新数据（{newest} 年）早 {n} 年',
  staleSwatch: '旧数据（{year} 年及以前）',
  staleHiddenSwatch: '旧数据（{year} 年及以前，已隐藏）',
  hideStale: '隐藏旧数据',
  staleYears: '早于最新数据 {n} 年以上为旧数据',
  scale: '色阶',
  scale_linear: '线性',
  scale_log: '对数',
  scale_quantile: '分位数分级',
  scale_jenks: '自然断点分级',
  scaleAuto: '默认',
  scaleSame: '各年同一色阶',
  classBelow: '低于 {v}',
  classAbove: '{v} 及以上',
  changeFrom: '较 {year} 年',
  changeIndicative: '（含下限或约数，仅供参考）',
  firstYear: '较上一年：此前无数据',
  asOf: '截至 {date}',
  yearOf: '{year} 年数据',
  conflict: '来源不一致',
  agree: '{n} 个来源一致',
  national: '全国',
  nationalFigure: '全国数据',
  nationalNone: '该年无全国数据',
  sources: '来源',
  sourcesOfView: '本图来源',
  allSources: '全部来源',
  showSources: '查看来源与原文',
  hideSources: '收起来源',
  quote: '原文',
  note: '备注',
  provincesWithData: '{n} 个省份有数据',
  noProvincial: '该指标只有全国数据，地图无省级数据。',
  noDataYear: '{year} 年该指标无省级数据。',
  legendUnit: '单位：{unit}',
  lang: 'English',
  langLabel: '切换语言',
  loading: '正在加载数据…',
  loadError: '数据文件 {file} 无法加载：{reason}。其余功能仍可使用。',
  mapError: '地图边界文件 {file} 无法加载：{reason}。',
  rowProblems: '{file} 中有 {n} 行数据未通过校验，已跳过（详见浏览器控制台）。',
  coverageYears: '{years}',
  metricInfo: '指标说明',
  kind_stock: '存量（年末数）',
  kind_flow: '当年/当批新增',
  kind_cumulative: '累计',
  source: '来源',
  sourceLine: '来源：{sources}',
  andMore: '等 {total} 个来源',
  dataBy: '孵化图谱 Hatch Atlas',
  includesImported: '（含导入数据）',
  searchSources: '筛选来源…',
  figuresN: '{n} 个数据',
  unitLabel: '单位',
  qualifier_at_least: '下限（原文“超过/余/多”）',
  qualifier_about: '约数（原文“近/约”）',
  qualifier_exact: '',
  close: '关闭',
  nanhai: '南海诸岛',
  mapNote: '灰色：无数据（不是 0）',
  citation: '引文',
  openSource: '打开来源网页',
  keyboardHint: '← → 切换年份，空格 播放/暂停',
  levelNote: '',
  present: '演示',
  slides: '幻灯片',
  showCarriers: '显示载体名录',
  pageTitle: '孵化图谱 · Hatch Atlas',
  skipToContent: '跳到主要内容',
  importData: '导入数据',
  dropToImport: '松开鼠标以导入文件（Excel 或 CSV）',
  viewsNav: '视图',
  view_overview: '概览',
  view_map: '地图',
  view_ranking: '排名',
  view_trend: '趋势',
  view_table: '表格',
  view_province: '省份',
  view_carriers: '载体名录',
  view_coverage: '数据覆盖',
  chartTools: '图表工具',
  viewFailed: '此视图出错，未能显示。',
  viewFailedHelp: '请刷新页面或换一个指标；如仍出错，请把地址栏链接发给维护人员。',
  tryAgain: '重试',
  nationalYears: '全国数据年份',
  coverageNational: '仅全国 · {years}',
  coverageProvinces: '{years} · {n} 省（单年最多 {max}）',
  latestVary: '最新可得（年份不一）',
  listSep: '、',
  semiSep: '；',
  colon: '：',
} as const;

export type UiKey = keyof typeof zh;

/** The tables of the UI strings; `en` is set by loadLang(). */
const UI_STRINGS: Tables<UiKey> = { zh };

export function hasLang(lang: Lang): boolean {
  return !!UI_STRINGS[lang];
}

export async function loadLang(lang: Lang): Promise<void> {
  if (lang === 'en' && !UI_STRINGS.en) UI_STRINGS.en = (await import('./ui.en')).en;
}

export const t = lookup(UI_STRINGS);

/** `<html lang>` of each UI language. */
export const HTML_LANG: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };

/** The language the language button switches to. */
export const OTHER_LANG: Record<Lang, Lang> = { zh: 'en', en: 'zh' };
