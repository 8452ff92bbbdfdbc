import { describe, expect, it } from 'vitest';
import { autoSlideTitle } from '../../../src/present/slideTitle';
import { chartFileName } from '../../../src/export/fileName';
import { loadLang } from '../../../src/i18n/ui';
import { metric } from '../helpers';

const M = metric({ id: 'incubators_national', label: { zh: '国家级科技企业孵化器', en: 'National-level incubators' } });

describe('titles and file names name the metric in their language, never by id', () => {
  it('slide titles', async () => {
    await loadLang('en');
    expect(autoSlideTitle({ view: 'map', metric: M, year: 2023, region: null, lang: 'zh' })).toBe('地图 · 国家级科技企业孵化器 · 2023');
    expect(autoSlideTitle({ view: 'map', metric: M, year: 2023, region: null, lang: 'en' })).toBe('Map · National-level incubators · 2023');
    expect(autoSlideTitle({ view: 'ranking', metric: M, year: 'latest', region: null, lang: 'zh' })).toBe('排名 · 国家级科技企业孵化器 · 最新可得');
    expect(autoSlideTitle({ view: 'trend', metric: M, year: 2023, region: null, lang: 'en' })).toBe('Trend · National-level incubators');
    expect(autoSlideTitle({ view: 'province', metric: M, year: null, region: '320000', lang: 'zh' })).toBe('省份 · 江苏');
    expect(autoSlideTitle({ view: 'overview', metric: M, year: 2023, region: null, lang: 'en' })).toBe('Overview');
    for (const lang of ['zh', 'en'] as const) {
      expect(autoSlideTitle({ view: 'map', metric: M, year: 2023, region: null, lang })).not.toContain('incubators_national');
    }
  });
  it('export file names', () => {
    expect(chartFileName({ metric: M, year: 2023, view: 'map', extra: '3x', lang: 'zh' }, 'png')).toBe('国家级科技企业孵化器-2023-3x-map.png');
    expect(chartFileName({ metric: M, year: 2023, view: 'map', extra: '3x', lang: 'en' }, 'png')).toBe('National-level_incubators-2023-3x-map.png');
    expect(chartFileName({ metric: M, year: 'latest', view: 'ranking', lang: 'en' }, 'csv')).toBe('National-level_incubators-latest-ranking.csv');
    expect(chartFileName({ metric: null, year: null, view: 'trend', lang: 'en' }, 'svg')).toBe('hatch-atlas-trend.svg');
  });
});
