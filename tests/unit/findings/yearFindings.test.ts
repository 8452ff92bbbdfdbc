/**
 * Findings of the map and the ranking (data/findings.ts yearFindings), in
 * words (i18n/findingsText.ts): the expected sentences written out in full,
 * in Chinese and English, for every template and qualifier case.
 */
import { describe, expect, it } from 'vitest';
import { yearFindings, type Findings } from '../../../src/data/findings';
import type { Figure } from '../../../src/data/types';
import { findingsPlainText, findingText } from '../../../src/i18n/findingsText';
import { BJ, CN, figures, GD, HA, HB, JS, M, SD, SIX, SOURCES, ZJ } from './fixtures';

const words = (f: Findings) => ({ zh: f.sentences.map((s) => findingText(s, 'zh')), en: f.sentences.map((s) => findingText(s, 'en')) });
const year = (rows: Parameters<typeof figures>[0], sel: number | 'latest', o: { hideStale?: boolean; maxYear?: number } = {}) =>
  yearFindings({ idx: figures(rows).idx, metric: M, sel, maxYear: o.maxYear ?? 2025, hideStale: o.hideStale });
/** SIX with some rows replaced. */
const six = (patch: Record<string, [number, Partial<Figure>?]>) =>
  SIX.map(([r, y, v, o]) => (patch[`${r}-${y}`] ? ([r, y, patch[`${r}-${y}`]![0], { ...o, ...patch[`${r}-${y}`]![1] }] as (typeof SIX)[number]) : ([r, y, v, o] as (typeof SIX)[number])));

describe('a year with 5 provinces or more', () => {
  it('leader with its share, top three, last year\'s rank, the national change, largest rise and fall', () => {
    const f = year(SIX, 2023);
    expect(words(f)).toEqual({
      zh: [
        '2023 年，江苏孵化器 244 家，在 6 个有数据的省份中居首位，占全国 22.2%。',
        '居前三位的依次是江苏（244 家）、广东（180 家）、浙江（150 家）。',
        '江苏在 2022 年也居首位（共 6 个有数据的省份）。',
        '2023 年全国孵化器 1100 家，较 2022 年的 1000 家增加 100 家（+10%）。',
        '在 2022 年和 2023 年都有确切数据的 6 个省份中，江苏增加最多，由 200 家增至 244 家（+44 家，+22%）；山东减少最多，由 100 家降至 90 家（−10 家，−10%）。',
      ],
      en: [
        'Incubators, 2023: Jiangsu is first of the 6 provinces with data, with 244 incubators, 22.2% of the national figure.',
        'The top three: Jiangsu (244 incubators), Guangdong (180 incubators), Zhejiang (150 incubators).',
        'Jiangsu was also first in 2022 (of 6 provinces with data).',
        'China as a whole, 2023: 1,100 incubators (Incubators), up 100 incubators (+10%) on 1,000 incubators in 2022.',
        'Of the 6 provinces with exact figures for both 2022 and 2023, Jiangsu rose most, from 200 incubators to 244 incubators (+44 incubators, +22%), and Shandong fell most, from 100 incubators to 90 incubators (−10 incubators, −10%).',
      ],
    });
    expect(f.period).toEqual({ t: 'year', year: 2023 });
  });

  it('copies as plain text, one sentence a line, with the source line', () => {
    const f = year(SIX, 2023);
    expect(findingsPlainText(f, SOURCES, 'zh').split('\n').at(-1)).toBe('来源：江苏省科技厅、科技部火炬中心；孵化图谱，2023 年数据');
    expect(findingsPlainText(f, SOURCES, 'en').split('\n').at(-1)).toBe('Sources: 江苏省科技厅, 科技部火炬中心; Hatch Atlas, data for 2023');
    expect(findingsPlainText(f, SOURCES, 'zh').split('\n')).toHaveLength(6);
  });

  it('a leader that was not first the year before; a national fall; no rise', () => {
    const f = year(six({ [`${GD}-2022`]: [260], [`${JS}-2022`]: [250], [`${ZJ}-2022`]: [160], [`${SD}-2022`]: [95], [`${HA}-2022`]: [70], [`${HB}-2022`]: [45], [`${CN}-2022`]: [1200] }), 2023);
    expect(words(f).zh.slice(2)).toEqual([
      '江苏在 2022 年居第 2 位（共 6 个有数据的省份），2023 年升至首位。',
      '2023 年全国孵化器 1100 家，较 2022 年的 1200 家减少 100 家（−8.3%）。',
      '在 2022 年和 2023 年都有确切数据的 6 个省份中，没有增加的省份，广东减少最多，由 260 家降至 180 家（−80 家，−31%）。',
    ]);
    expect(words(f).en.slice(2)).toEqual([
      'Jiangsu was #2 of 6 provinces with data in 2022 and rose to first in 2023.',
      'China as a whole, 2023: 1,100 incubators (Incubators), down 100 incubators (−8.3%) on 1,200 incubators in 2022.',
      'Of the 6 provinces with exact figures for both 2022 and 2023, none rose; Guangdong fell most, from 260 incubators to 180 incubators (−80 incubators, −31%).',
    ]);
  });

  it('no fall; everything flat; the national figure unchanged', () => {
    const up = year(six({ [`${SD}-2023`]: [100] }), 2023);
    expect(words(up).zh.at(-1)).toBe('在 2022 年和 2023 年都有确切数据的 6 个省份中，江苏增加最多，由 200 家增至 244 家（+44 家，+22%），没有减少的省份。');
    expect(words(up).en.at(-1)).toBe('Of the 6 provinces with exact figures for both 2022 and 2023, Jiangsu rose most, from 200 incubators to 244 incubators (+44 incubators, +22%); none fell.');
    const flat = year(SIX.map(([r, y, v, o]) => [r, y, y === 2023 ? SIX.find((x) => x[0] === r && x[1] === 2022)![2] : v, o] as (typeof SIX)[number]), 2023);
    expect(words(flat).zh.slice(-2)).toEqual([
      '2023 年全国孵化器 1000 家，较 2022 年的 1000 家持平。',
      '在 2022 年和 2023 年都有确切数据的 6 个省份中，各省数值均无变化。',
    ]);
    expect(words(flat).en.slice(-2)).toEqual([
      'China as a whole, 2023: 1,000 incubators (Incubators), unchanged on 1,000 incubators in 2022.',
      'Of the 6 provinces with exact figures for both 2022 and 2023, none changed.',
    ]);
  });

  it('a largest rise shared by two provinces names neither: no rise-and-fall sentence', () => {
    const f = year(six({ [`${GD}-2023`]: [194] }), 2023);
    expect(words(f).zh.some((s) => s.includes('增加最多'))).toBe(false);
    expect(f.sentences.map((s) => s.key)).toEqual(['leaderShare', 'top3', 'leaderPrevSame', 'nationalChange']);
  });

  it('a tie for first, a tie in the top three', () => {
    const f = year(six({ [`${GD}-2023`]: [244], [`${SD}-2023`]: [150] }), 2023);
    expect(words(f).zh.slice(0, 2)).toEqual([
      '2023 年，江苏、广东孵化器均为 244 家，在 6 个有数据的省份中并列首位。',
      '居前三位（含并列）的依次是江苏（244 家）、广东（244 家）、浙江（150 家）、山东（150 家）。',
    ]);
    expect(words(f).en.slice(0, 2)).toEqual([
      'Incubators, 2023: Jiangsu, Guangdong share first place among the 6 provinces with data, each with 244 incubators.',
      'The top three (with ties): Jiangsu (244 incubators), Guangdong (244 incubators), Zhejiang (150 incubators), Shandong (150 incubators).',
    ]);
    // no "also first" sentence for a shared first place
    expect(words(f).zh.some((s) => s.includes('也居首位'))).toBe(false);
  });
});

describe('qualifiers: ≥ → 超过 / over, ≈ → 约 / about, as-of → 截至 / as of, 万/亿 in Chinese', () => {
  it('a lower bound for the leader: its share is "at least"; the national change is not computed', () => {
    const f = year(six({ [`${JS}-2023`]: [52000, { qualifier: 'at_least', sourceId: 's3' }], [`${CN}-2023`]: [200000] }), 2023);
    expect(words(f).zh).toEqual([
      '2023 年，江苏孵化器超过 5.2万 家，在 6 个有数据的省份中居首位，占全国至少 26.0%。',
      '居前三位的依次是江苏（超过 5.2万 家）、广东（180 家）、浙江（150 家）。',
      '江苏在 2022 年也居首位（共 6 个有数据的省份）。',
      '2023 年全国孵化器 20万 家，较 2022 年的 1000 家增加 19.9万 家（+19900%）。',
      '在 2022 年和 2023 年都有确切数据的 5 个省份中，广东增加最多，由 150 家增至 180 家（+30 家，+20%）；山东减少最多，由 100 家降至 90 家（−10 家，−10%）。',
    ]);
    expect(words(f).en[0]).toBe('Incubators, 2023: Jiangsu is first of the 6 provinces with data, with over 52,000 incubators, at least 26.0% of the national figure.');
    expect(findingsPlainText(f, SOURCES, 'zh').split('\n').at(-1)).toBe('来源：某省统计公报、科技部火炬中心；孵化图谱，2023 年数据');
  });

  it('an approximate national figure: the share is "about"; the change is not computed', () => {
    const f = year(six({ [`${CN}-2023`]: [1100, { qualifier: 'about' }] }), 2023);
    expect(words(f).zh[0]).toBe('2023 年，江苏孵化器 244 家，在 6 个有数据的省份中居首位，约占全国 22.2%。');
    expect(words(f).zh[3]).toBe('2023 年全国孵化器约 1100 家，2022 年为 1000 家（含下限或约数，不计算增减）。');
    expect(words(f).en[0]).toBe('Incubators, 2023: Jiangsu is first of the 6 provinces with data, with 244 incubators, about 22.2% of the national figure.');
    expect(words(f).en[3]).toBe('China as a whole, 2023: about 1,100 incubators (Incubators); 2022: 1,000 incubators (a lower bound or approximation: no change computed).');
  });

  it('a national lower bound: the share is "at most"; both bounds: no share at all', () => {
    const atMost = year(six({ [`${CN}-2023`]: [1100, { qualifier: 'at_least' }] }), 2023);
    expect(words(atMost).zh[0]).toBe('2023 年，江苏孵化器 244 家，在 6 个有数据的省份中居首位，占全国不超过 22.2%。');
    expect(words(atMost).en[0]).toBe('Incubators, 2023: Jiangsu is first of the 6 provinces with data, with 244 incubators, at most 22.2% of the national figure.');
    const none = year(six({ [`${CN}-2023`]: [1100, { qualifier: 'at_least' }], [`${JS}-2023`]: [244, { qualifier: 'at_least' }] }), 2023);
    expect(words(none).zh[0]).toBe('2023 年，江苏孵化器超过 244 家，在 6 个有数据的省份中居首位。');
    expect(words(none).en[0]).toBe('Incubators, 2023: Jiangsu is first of the 6 provinces with data, with over 244 incubators.');
  });

  it('an as-of month travels with its figure, in brackets or after a comma inside them; a share of figures dated differently is "about"', () => {
    const f = year(six({ [`${JS}-2023`]: [244, { asOf: '2023-06' }] }), 2023);
    expect(words(f).zh.slice(0, 2)).toEqual([
      '2023 年，江苏孵化器 244 家（截至 2023 年 6 月），在 6 个有数据的省份中居首位，约占全国 22.2%。',
      '居前三位的依次是江苏（244 家，截至 2023 年 6 月）、广东（180 家）、浙江（150 家）。',
    ]);
    expect(words(f).en.slice(0, 2)).toEqual([
      'Incubators, 2023: Jiangsu is first of the 6 provinces with data, with 244 incubators (as of June 2023), about 22.2% of the national figure.',
      'The top three: Jiangsu (244 incubators, as of June 2023), Guangdong (180 incubators), Zhejiang (150 incubators).',
    ]);
  });

  it('亿 in Chinese; a share over 100% is not stated', () => {
    const f = year(six({ [`${JS}-2023`]: [123456789] }), 2023);
    expect(words(f).zh[0]).toBe('2023 年，江苏孵化器 1.23亿 家，在 6 个有数据的省份中居首位。');
    expect(words(f).en[0]).toBe('Incubators, 2023: Jiangsu is first of the 6 provinces with data, with 123,456,789 incubators.');
  });
});

describe('sources that disagree are said to disagree, and nothing rests on them', () => {
  it('a disputed leader: no leader, top three or rank-change sentence; the rise and fall leave it out', () => {
    const f = year([...SIX, [JS, 2023, 230, { id: 'b', sourceId: 's1' }]], 2023);
    expect(words(f).zh).toEqual([
      '江苏 2023 年孵化器的数据各来源不一（244 家、230 家），不据以排名或计算。',
      '2023 年全国孵化器 1100 家，较 2022 年的 1000 家增加 100 家（+10%）。',
      '在 2022 年和 2023 年都有确切数据的 5 个省份中，广东增加最多，由 150 家增至 180 家（+30 家，+20%）；山东减少最多，由 100 家降至 90 家（−10 家，−10%）。',
    ]);
    expect(words(f).en[0]).toBe('Sources differ on Incubators for Jiangsu in 2023 (244 incubators, 230 incubators); no rank or change is based on it.');
  });

  it('a disputed national figure: no change on the year before', () => {
    const f = year([...SIX, [CN, 2023, 1050, { id: 'b' }]], 2023);
    expect(words(f).zh[0]).toBe('2023 年，江苏孵化器 244 家，在 6 个有数据的省份中居首位。');
    expect(words(f).zh[3]).toBe('全国 2023 年孵化器的数据各来源不一（1100 家、1050 家），不据以排名或计算。');
    expect(words(f).en[3]).toBe('Sources differ on Incubators for China in 2023 (1,100 incubators, 1,050 incubators); no rank or change is based on it.');
  });
});

describe('under 5 provinces: no rank, no share', () => {
  it('four provinces: listed in province order, without rank or share', () => {
    const f = year([[JS, 2023, 244], [GD, 2023, 180], [BJ, 2023, 90, { qualifier: 'about' }], [HB, 2023, 40], [CN, 2023, 1100]], 2023);
    expect(words(f).zh).toEqual([
      '2023 年只有 4 个省份有孵化器数据（不足 5 个），不作排名和占全国比重：北京（约 90 家）、江苏（244 家）、湖北（40 家）、广东（180 家）。',
      '2023 年全国孵化器 1100 家。',
    ]);
    expect(words(f).en).toEqual([
      'Only 4 provinces have figures for Incubators in 2023 (fewer than 5), so no rank or share is given: Beijing (about 90 incubators), Jiangsu (244 incubators), Hubei (40 incubators), Guangdong (180 incubators).',
      'China as a whole, 2023: 1,100 incubators (Incubators).',
    ]);
  });

  it('one province; no province', () => {
    expect(words(year([[JS, 2023, 244]], 2023))).toEqual({ zh: ['2023 年只有江苏有孵化器数据：244 家，不作排名。'], en: ['Only Jiangsu has a figure for Incubators in 2023: 244 incubators; no rank.'] });
    expect(words(year([[JS, 2023, 244], [CN, 2021, 900]], 2021))).toEqual({ zh: ['2021 年没有孵化器的省级数据。', '2021 年全国孵化器 900 家。'], en: ['No provincial figures for Incubators in 2021.', 'China as a whole, 2021: 900 incubators (Incubators).'] });
  });

  it('the rise and fall and last year\'s rank need 5 provinces in both years', () => {
    const f = year(SIX.filter(([r, y]) => !(y === 2022 && (r === HA || r === HB))), 2023);
    expect(words(f).zh).toEqual([
      '2023 年，江苏孵化器 244 家，在 6 个有数据的省份中居首位，占全国 22.2%。',
      '居前三位的依次是江苏（244 家）、广东（180 家）、浙江（150 家）。',
      '2023 年全国孵化器 1100 家，较 2022 年的 1000 家增加 100 家（+10%）。',
    ]);
  });

  it('no sentence states a rank or a share over fewer than 5 provinces', () => {
    for (let n = 1; n <= 7; n++) {
      const rows = [JS, GD, ZJ, SD, HA, HB, BJ].slice(0, n).map((r, i) => [r, 2023, 100 + i] as (typeof SIX)[number]);
      const f = year([...rows, [CN, 2023, 2000]], 2023);
      for (const lang of ['zh', 'en'] as const) {
        const text = f.sentences.map((s) => findingText(s, lang)).join(' ');
        const ranked = lang === 'zh' ? /首位|第 \d+ 位|前三|占全国(?!比重)/ : /first|#\d|top three|of the national figure/;
        expect([n, lang, ranked.test(text)]).toEqual([n, lang, n >= 5]);
      }
    }
  });
});

describe('latest available: the years vary and say so', () => {
  const rows: Parameters<typeof figures>[0] = [
    [JS, 2023, 244], [GD, 2024, 180], [ZJ, 2022, 150], [SD, 2018, 300], [HA, 2019, 60], [HB, 2024, 40], [CN, 2023, 1100], [CN, 2024, 1200],
  ];
  it('year groups with the old ones marked, the leader and top three with their years, the share against its own year', () => {
    const f = year(rows, 'latest');
    expect(words(f)).toEqual({
      zh: [
        '各省年份不一：4 个省份为 2022–2024 年数据、2 个省份为 2018–2019 年的旧数据（比最新数据早 3 年以上）。',
        '按各省最新可得数据（各省年份不一），山东孵化器 300 家（2018 年），在 6 个有数据的省份中居首位。',
        '居前三位的依次是山东（300 家，2018 年）、江苏（244 家，2023 年）、广东（180 家，2024 年）。',
      ],
      en: [
        'Years vary by province: 4 provinces from 2022–2024, 2 provinces from 2018–2019, old (more than 3 years before the newest).',
        'Incubators, latest available figures (years vary by province): Shandong is first of the 6 provinces with data, with 300 incubators (2018).',
        'The top three: Shandong (300 incubators, 2018), Jiangsu (244 incubators, 2023), Guangdong (180 incubators, 2024).',
      ],
    });
    expect(findingsPlainText(f, SOURCES, 'zh').split('\n').at(-1)).toBe('来源：科技部火炬中心；孵化图谱，各省最新可得数据（年份不一）');
  });

  it('old figures hidden: not ranked, not counted; the share against the national figure of the leader\'s year', () => {
    const f = year([...rows, [BJ, 2024, 100], [SD, 2018, 300]], 'latest', { hideStale: true });
    expect(words(f).zh).toEqual([
      '各省年份不一：5 个省份为 2022–2024 年数据。',
      '按各省最新可得数据（各省年份不一），江苏孵化器 244 家（2023 年），在 5 个有数据的省份中居首位，占全国 22.2%（按 2023 年全国数据计）。',
      '居前三位的依次是江苏（244 家，2023 年）、广东（180 家，2024 年）、浙江（150 家，2022 年）。',
    ]);
    expect(words(f).en[1]).toBe('Incubators, latest available figures (years vary by province): Jiangsu is first of the 5 provinces with data, with 244 incubators (2023), 22.2% of the national figure (against the national figure of 2023).');
  });

  it('a tie for first; fewer than 5 provinces', () => {
    const tie = year([[JS, 2023, 244], [GD, 2024, 244], [ZJ, 2022, 150], [SD, 2023, 100], [HA, 2023, 60]], 'latest');
    expect(words(tie).zh[1]).toBe('按各省最新可得数据（各省年份不一），江苏、广东孵化器均为 244 家（2023 年），在 5 个有数据的省份中并列首位。');
    expect(words(tie).en[1]).toBe('Incubators, latest available figures (years vary by province): Jiangsu, Guangdong share first place among the 5 provinces with data, each with 244 incubators (2023).');
    const few = year([[JS, 2023, 244], [GD, 2024, 180]], 'latest');
    expect(words(few)).toEqual({
      zh: ['各省年份不一：2 个省份为 2023–2024 年数据。', '按各省最新可得数据，只有 2 个省份有孵化器数据（不足 5 个），不作排名和占全国比重：江苏（244 家，2023 年）、广东（180 家，2024 年）。'],
      en: ['Years vary by province: 2 provinces from 2023–2024.', 'Only 2 provinces have figures for Incubators (latest available; fewer than 5), so no rank or share is given: Jiangsu (244 incubators, 2023), Guangdong (180 incubators, 2024).'],
    });
  });
});

describe('every number rests on figures', () => {
  it('the leader\'s value on its figure, its share on it and the national figure, a change on both years', () => {
    const f = year(SIX, 2023);
    const slots = f.sentences[0]!.slots;
    expect(slots.value).toMatchObject({ refs: [{ id: `${JS}-2023`, sourceId: 's2' }] });
    expect(slots.share).toMatchObject({ refs: [{ id: `${JS}-2023` }, { id: `${CN}-2023` }] });
    expect(f.sentences[3]!.slots.change).toMatchObject({ refs: [{ id: `${CN}-2022` }, { id: `${CN}-2023` }] });
  });
});
