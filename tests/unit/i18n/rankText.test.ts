/** Rank bases (src/data/rankBase.ts) and their words (src/i18n/rankText.ts): every rank names its base, a caution under 5 provinces. */
import { beforeAll, describe, expect, it } from 'vitest';
import { MIN_RANK_BASE, rankBase } from '../../../src/data/rankBase';
import { rankText } from '../../../src/i18n/rankText';
import { loadLang } from '../../../src/i18n/ui';

beforeAll(() => loadLang('en'));

describe('rank bases: every rank says what it ranks', () => {
  it('cautions a base under 5 provinces and refuses to rank one alone', () => {
    expect(MIN_RANK_BASE).toBe(5);
    expect(rankBase(1, 31).caution).toBe('none');
    expect(rankBase(1, 5).caution).toBe('none');
    expect(rankBase(1, 4).caution).toBe('few');
    expect(rankBase(1, 2).caution).toBe('few');
    expect(rankBase(1, 1).caution).toBe('alone');
  });
  it('the words always name the base; under 5 with the caution; never a bare "第 1 位"', () => {
    expect(rankText('zh', rankBase(3, 12))).toBe('第 3 位 / 共 12 个有数据的省份');
    expect(rankText('zh', rankBase(1, 2))).toBe('第 1 位 / 共 2 个有数据的省份（仅 2 个省份有数据，排名意义有限）');
    expect(rankText('zh', rankBase(1, 2), { year: 2019 })).toBe('2019 年第 1 位 / 共 2 个有数据的省份（仅 2 个省份有数据，排名意义有限）');
    expect(rankText('zh', rankBase(1, 1), { year: 2019 })).toBe('2019 年仅此一省有数据，无排名');
    expect(rankText('zh', rankBase(2, 3), { short: true })).toBe('2 / 共 3 省（样本少）');
    expect(rankText('zh', rankBase(2, 9, true))).toBe('第 2 位 / 共 9 个有数据的省份（各省数据年份不一）');
    expect(rankText('en', rankBase(1, 2))).toBe('#1 of 2 provinces with data (only 2 provinces have data: the rank says little)');
    expect(rankText('en', rankBase(4, 20), { year: 2023 })).toBe('#4 of 20 provinces with data in 2023');
    expect(rankText('en', rankBase(2, 3), { short: true })).toBe('2 of 3 (few)');
    expect(rankText('en', rankBase(1, 1))).toBe('the only province with a figure: no rank');
    for (const lang of ['zh', 'en'] as const) {
      for (let base = 1; base < 40; base++) {
        for (const o of [{}, { year: 2020 }, { short: true }]) {
          const s = rankText(lang, rankBase(1, base), o);
          if (base > 1) expect(s).toContain(String(base));
          if (base > 1 && base < MIN_RANK_BASE) expect(s).toMatch(lang === 'zh' ? /样本少|意义有限/ : /few|says little/);
          if (base === 1) expect(s).toMatch(lang === 'zh' ? /无排名/ : /no rank/);
        }
      }
    }
  });
});
