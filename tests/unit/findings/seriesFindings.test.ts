/**
 * Findings of the trend and the province profile (data/findingsSeries.ts),
 * in words: the expected sentences in full, in Chinese and English.
 */
import { describe, expect, it } from 'vitest';
import type { Findings } from '../../../src/data/findings';
import { profileFindings, trendFindings } from '../../../src/data/findingsSeries';
import type { MetricDef } from '../../../src/data/types';
import { findingsPlainText, findingText } from '../../../src/i18n/findingsText';
import { metric } from '../helpers';
import { BJ, CN, figures, GD, HA, HB, JS, M, SD, SIX, SOURCES, ZJ } from './fixtures';

const words = (f: Findings) => ({ zh: f.sentences.map((s) => findingText(s, 'zh')), en: f.sentences.map((s) => findingText(s, 'en')) });

describe('trend: first and last figure of each line, average yearly growth over the years with data', () => {
  const { idx } = figures([
    [CN, 2016, 500], [CN, 2018, 700], [CN, 2023, 1100],
    [JS, 2020, 260], [JS, 2023, 200, { asOf: '2023-06' }],
    [GD, 2019, 100, { qualifier: 'at_least' }], [GD, 2022, 150],
    [ZJ, 2021, 0], [ZJ, 2023, 30],
    [SD, 2020, 90], [SD, 2021, 90],
    [HA, 2022, 60, { qualifier: 'about' }],
  ]);
  it('up, down, a bound, a zero start, flat, one year, none', () => {
    const f = trendFindings({ idx, metric: M, regions: [JS, GD, ZJ, SD, HA], national: true });
    expect(words(f)).toEqual({
      zh: [
        '全国孵化器由 2016 年的 500 家增至 2023 年的 1100 家，8 年间 3 年有数据，年均增长 11.9%。',
        '江苏孵化器由 2020 年的 260 家降至 2023 年的 200 家（截至 2023 年 6 月），4 年间 2 年有数据，年均下降 8.4%。',
        '广东孵化器 2019 年为超过 100 家，2022 年为 150 家，4 年间 2 年有数据；含下限或约数，不计算年均增速。',
        '浙江孵化器由 2021 年的 0 家变为 2023 年的 30 家，3 年间 2 年有数据；起点为 0，不计算年均增速。',
        '山东孵化器 2020 年和 2021 年均为 90 家，2 年间 2 年有数据。',
        '河南孵化器只有 2022 年有数据：约 60 家。',
      ],
      en: [
        'China: Incubators rose from 500 incubators in 2016 to 1,100 incubators in 2023, with data for 3 of 8 years: up 11.9% a year on average.',
        'Jiangsu: Incubators fell from 260 incubators in 2020 to 200 incubators (as of June 2023) in 2023, with data for 2 of 4 years: down 8.4% a year on average.',
        'Guangdong: Incubators: over 100 incubators in 2019, 150 incubators in 2022, with data for 2 of 4 years; a lower bound or approximation: no average growth computed.',
        'Zhejiang: Incubators went from 0 incubators in 2021 to 30 incubators in 2023, with data for 2 of 3 years; it started at 0: no average growth computed.',
        'Shandong: Incubators stood at 90 incubators in both 2020 and 2021, with data for 2 of 2 years.',
        'Henan: Incubators has a figure for 2022 only: about 60 incubators.',
      ],
    });
    expect(findingsPlainText(f, SOURCES, 'zh').split('\n').at(-1)).toBe('来源：科技部火炬中心；孵化图谱，2016–2023 年数据');
    expect(f.sentences[0]!.slots.rate).toMatchObject({ refs: [{ id: `${CN}-2016` }, { id: `${CN}-2023` }] });
  });

  it('a line without figures; more lines than sentences; disputed ends', () => {
    const f = trendFindings({ idx, metric: M, regions: [HB, JS, GD, ZJ, SD, HA, BJ], national: false });
    expect(words(f).zh[0]).toBe('湖北没有孵化器数据。');
    expect(words(f).en[0]).toBe('Hubei: no figures for Incubators.');
    expect(words(f).zh.at(-1)).toBe('另有 1 条线见图表。');
    expect(words(f).en.at(-1)).toBe('1 more lines in the chart.');
    const disputed = figures([[JS, 2020, 260], [JS, 2023, 200], [JS, 2023, 210, { id: 'b' }]]);
    expect(words(trendFindings({ idx: disputed.idx, metric: M, regions: [JS], national: false })).zh).toEqual(['江苏 2023 年孵化器的数据各来源不一（200 家、210 家），不据以排名或计算。']);
  });
});

describe('province profile: where it stands on each metric with a base of 5 or more', () => {
  const other: MetricDef = metric({ id: 'few', label: { zh: '大学科技园', en: 'Science parks' }, unit: { zh: '家', en: 'parks' } });
  const old: MetricDef = metric({ id: 'old', label: { zh: '众创空间', en: 'Maker spaces' }, unit: { zh: '家', en: 'spaces' } });
  const { idx } = figures([
    ...SIX,
    ...([[JS, 2023, 3], [GD, 2023, 5]] as const).map(([r, y, v]) => [r, y, v, { metric: 'few' }] as (typeof SIX)[number]),
    ...([[JS, 2018, 300], [GD, 2018, 200], [ZJ, 2018, 100], [SD, 2018, 90], [HA, 2018, 80], [HB, 2024, 10]] as const).map(([r, y, v]) => [r, y, v, { metric: 'old', id: `-old` }] as (typeof SIX)[number]),
  ]);
  it('rank with share, an old figure, a thin base counted', () => {
    const f = profileFindings({ idx, metrics: [M, other, old], region: JS, maxYear: 2025 });
    expect(words(f)).toEqual({
      zh: [
        '孵化器：244 家（2023 年），在 6 个有数据的省份中居第 1 位，占全国 22.2%。',
        '众创空间：300 家（2018 年），数据较旧（该指标最新数据为 2024 年），在 2018 年 5 个有数据的省份中居第 1 位。',
        '另有 1 个指标有江苏的数据，但有数据的省份不足 5 个，不作排名。',
      ],
      en: [
        'Incubators: 244 incubators (2023), #1 of 6 provinces with data, 22.2% of the national figure.',
        'Maker spaces: 300 spaces (2018), an old figure (the newest are for 2024), #1 of 5 provinces with data in 2018.',
        '1 more metrics have a figure for Jiangsu, but fewer than 5 provinces have one: no rank.',
      ],
    });
    expect(findingsPlainText(f, SOURCES, 'en').split('\n').at(-1)).toBe('Sources: 江苏省科技厅, 科技部火炬中心; Hatch Atlas, latest available data of each metric');
  });

  it('a rank without a share; more metrics than sentences; a province without figures', () => {
    const f = profileFindings({ idx, metrics: [M, M, M, M, M, M, old], region: SD, maxYear: 2025 });
    expect(words(f).zh[0]).toBe('孵化器：90 家（2023 年），在 6 个有数据的省份中居第 4 位，占全国 8.2%。');
    expect(words(f).zh.slice(5)).toEqual(['另有 2 个指标的排名见下方卡片。']);
    expect(words(f).en.slice(5)).toEqual(['2 more ranked metrics in the cards below.']);
    const noNational = profileFindings({ idx: figures(SIX.filter(([r]) => r !== CN)).idx, metrics: [M], region: SD });
    expect(words(noNational)).toEqual({ zh: ['孵化器：90 家（2023 年），在 6 个有数据的省份中居第 4 位。'], en: ['Incubators: 90 incubators (2023), #4 of 6 provinces with data.'] });
    expect(words(profileFindings({ idx, metrics: [M], region: BJ }))).toEqual({ zh: ['北京暂无任何指标的数据。'], en: ['No figures for Beijing yet.'] });
  });
});
