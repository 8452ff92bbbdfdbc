import { describe, expect, it } from 'vitest';
import { buildIndex, coverage } from '../../../src/data/query';
import { NATIONAL } from '../../../src/data/regions';
import { coverageLabel, yearRanges } from '../../../src/i18n/labels';
import { fig } from '../helpers';

describe('yearRanges', () => {
  it.each<[number[], string]>([
    [[2012, 2013, 2014, 2016], '2012–2014, 2016'],
    [[2012, 2013, 2014, 2015, 2018, 2020, 2021, 2022, 2023], '2012–2015, 2018, 2020–2023'],
    [[2019], '2019'],
    [[2019, 2020], '2019–2020'],
    [[2010, 2012, 2014], '2010, 2012, 2014'],
    [[], ''],
  ])('%j → %s', (years, s) => {
    expect(yearRanges(years)).toBe(s);
  });
});

describe('coverageLabel', () => {
  const idx = buildIndex([
    fig({ region: '320000', year: 2012, value: 1 }),
    fig({ region: '320000', year: 2013, value: 1 }),
    fig({ region: '330000', year: 2013, value: 1 }),
    fig({ region: '440000', year: 2016, value: 1 }),
    fig({ region: NATIONAL, year: 2010, value: 1 }),
    fig({ metric: 'nat', region: NATIONAL, year: 2015, value: 1 }),
    fig({ metric: 'nat', region: NATIONAL, year: 2016, value: 1 }),
    fig({ metric: 'nat', region: NATIONAL, year: 2018, value: 1 }),
  ]);

  it('provincial metric: years, provinces, max in one year', () => {
    const c = coverage(idx, 'm');
    expect(coverageLabel(c, 'zh')).toBe('2012–2013, 2016 · 3 省（单年最多 2）');
    expect(coverageLabel(c, 'en')).toBe('2012–2013, 2016 · 3 prov. (max 2 in a year)');
  });

  it('national-only metric', () => {
    const c = coverage(idx, 'nat');
    expect(coverageLabel(c, 'zh')).toBe('仅全国 · 2015–2016, 2018');
    expect(coverageLabel(c, 'en')).toBe('national only · 2015–2016, 2018');
  });

  it('no coverage: empty string', () => {
    expect(coverageLabel(undefined, 'zh')).toBe('');
  });
});
