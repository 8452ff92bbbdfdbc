import type { Lang } from '../data/types';
import { fill } from './strings';

/** Strings of the overview and province views. */
const zh = {
  province: '省份',
  chooseProvince: '选择省份',
  metricsWithData: '{n} 个指标有数据',
  noFigures: '该省在数据包中没有数据。',
  latestFigure: '最新数据',
  trendLink: '看趋势',
  mapLink: '看地图',
  carriersHere: '本省载体名录',
  noCarriers: '数据包中没有本省的载体名录。',
  kind: '类型',
  name: '名称',
  city: '城市',
  yearCol: '年份',
  rankScore: '排名/评级',
  headline: '全国主要数据',
  headlineNote: '每项取有全国数据的最近一年；≥ 为下限，≈ 为约数。点击查看趋势。',
  oldHeadline: '旧数据：比最新的 {newest} 年早 {n} 年',
  oldHeadlineNote: '标“旧数据”的数字比最新数据早 {n} 年以上，不宜与其他数字并列比较。',
  mapHeadline: '分省：{metric}（各省最新可得）',
  openMap: '打开地图',
  sparkLabel: '{metric} 历年数据：{values}',
  series: '历年',
  carriersPlaced: '地图上标出 {placed} 个载体；{unplaced} 个无法定位（列于此，不作猜测）',
  noCity: '来源未给城市',
  cityNotFound: '城市不在城市坐标表中',
} as const;

export type ViewsKey = keyof typeof zh;

const en: Record<ViewsKey, string> = {
  province: 'Province',
  chooseProvince: 'Choose a province',
  metricsWithData: '{n} metrics with data',
  noFigures: 'The data package has no figures for this province.',
  latestFigure: 'Latest figure',
  trendLink: 'Trend',
  mapLink: 'Map',
  carriersHere: 'Named carriers in this province',
  noCarriers: 'The data package names no carriers in this province.',
  kind: 'Kind',
  name: 'Name',
  city: 'City',
  yearCol: 'Year',
  rankScore: 'Rank / rating',
  headline: 'National headline figures',
  headlineNote: 'Each at its latest year with a national figure; ≥ lower bound, ≈ approximate. Click for the trend.',
  oldHeadline: 'old figure: {n} years before the newest ({newest})',
  oldHeadlineNote: 'Figures marked “old” are more than {n} years older than the newest; do not compare them side by side with the others.',
  mapHeadline: 'By province: {metric} (latest available per province)',
  openMap: 'Open the map',
  sparkLabel: '{metric} by year: {values}',
  series: 'by year',
  carriersPlaced: '{placed} carriers on the map; {unplaced} cannot be placed (listed here, not guessed)',
  noCity: 'source gives no city',
  cityNotFound: 'city not in the city point table',
};

export function tv(lang: Lang, key: ViewsKey, params?: Record<string, string | number>): string {
  return fill(lang === 'zh' ? zh[key] : en[key], params);
}

export const ENTITY_KIND_LABELS: Record<string, { zh: string; en: string }> = {
  university_science_park: { zh: '国家大学科技园', en: 'National university science park' },
  national_incubator: { zh: '国家级孵化器', en: 'National incubator' },
  returnee_park: { zh: '留学人员创业园', en: 'Returnee entrepreneurship park' },
  returnee_park_base: { zh: '留创园孵化基地', en: 'Returnee park incubation base' },
  home_program_base: { zh: '海智计划基地', en: 'HOME programme base' },
  maker_space_national: { zh: '国家备案众创空间', en: 'National maker space (filed)' },
};
