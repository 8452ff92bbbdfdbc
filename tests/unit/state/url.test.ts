import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, parseQuery, toQuery, type ViewState } from '../../../src/state/url';

describe('parseQuery', () => {
  it('empty query: default state, nothing rejected', () => {
    expect(parseQuery('')).toEqual({ state: DEFAULT_STATE, rejected: [] });
    expect(parseQuery('?')).toEqual({ state: DEFAULT_STATE, rejected: [] });
  });

  it('reads metric, year and lang', () => {
    const r = parseQuery('?metric=incubators_national&year=2022&lang=en');
    expect(r.rejected).toEqual([]);
    expect(r.state).toEqual({ ...DEFAULT_STATE, metric: 'incubators_national', year: 2022, lang: 'en' });
  });

  it('reads year=latest and view=map, with or without the "?"', () => {
    expect(parseQuery('year=latest&view=map').state).toEqual({ ...DEFAULT_STATE, view: 'map', year: 'latest' });
    expect(parseQuery('?year=latest').state.year).toBe('latest');
  });

  it('rejects malicious or unknown values, lists them, and keeps defaults', () => {
    const r = parseQuery('?year=abc&metric=%3Cscript%3E&lang=fr&view=evil');
    expect(r.state).toEqual(DEFAULT_STATE);
    expect(r.rejected).toEqual(
      expect.arrayContaining([
        { param: 'year', value: 'abc' },
        { param: 'metric', value: '<script>' },
        { param: 'lang', value: 'fr' },
        { param: 'view', value: 'evil' },
      ]),
    );
    expect(r.rejected).toHaveLength(4);
  });

  it.each([
    ['metric', 'Incubators'],
    ['metric', '1abc'],
    ['metric', 'a-b'],
    ['metric', 'a'.repeat(65)],
    ['metric', ''],
    ['metric', 'x"><img src=x onerror=alert(1)>'],
    ['year', '22'],
    ['year', '2022.5'],
    ['year', '20222'],
    ['year', '-2022'],
    ['year', ''],
    ['year', 'LATEST'],
    ['lang', 'EN'],
    ['lang', ''],
    ['view', 'Map'],
  ])('rejects %s=%j', (param, value) => {
    const r = parseQuery(`?${param}=${encodeURIComponent(value)}`);
    expect(r.rejected).toEqual([{ param, value }]);
    expect(r.state).toEqual(DEFAULT_STATE);
  });

  it('accepts good values and rejects only the bad one', () => {
    const r = parseQuery('?metric=maker_spaces_total&year=20x1&lang=en');
    expect(r.state).toEqual({ ...DEFAULT_STATE, metric: 'maker_spaces_total', year: null, lang: 'en' });
    expect(r.rejected).toEqual([{ param: 'year', value: '20x1' }]);
  });

  it('ignores unrelated params without rejecting them', () => {
    const r = parseQuery('?utm_source=x&fbclid=abc&metric=a_b');
    expect(r.rejected).toEqual([]);
    expect(r.state.metric).toBe('a_b');
  });
});

describe('toQuery', () => {
  it('default state is the empty string', () => {
    expect(toQuery(DEFAULT_STATE)).toBe('');
  });

  it('leaves default values out', () => {
    expect(toQuery({ ...DEFAULT_STATE, metric: 'm' })).toBe('?metric=m');
    expect(toQuery({ ...DEFAULT_STATE, lang: 'en' })).toBe('?lang=en');
  });

  it.each<ViewState>([
    { ...DEFAULT_STATE, view: 'map', metric: 'incubators_national', year: 2022, lang: 'en' },
    { ...DEFAULT_STATE, view: 'map', metric: 'incubators_national', year: 'latest', lang: 'zh' },
    { ...DEFAULT_STATE, metric: null, year: 'latest', lang: 'en' },
    { ...DEFAULT_STATE, metric: 'x1', year: null, lang: 'zh' },
    DEFAULT_STATE,
  ])('round-trips %j', (s) => {
    const q = toQuery(s);
    expect(parseQuery(q)).toEqual({ state: s, rejected: [] });
  });

  it('round-trips the canonical query strings', () => {
    for (const q of ['?metric=incubators_national&year=2022&lang=en', '?metric=incubators_national&year=latest', '?year=latest&lang=en']) {
      expect(toQuery(parseQuery(q).state)).toBe(q);
    }
  });

  it('keeps unrelated params and replaces the state params of `keep`', () => {
    const keep = new URLSearchParams('?utm_source=news&metric=old&year=1999&lang=fr&view=evil&ref=home');
    const q = toQuery({ ...DEFAULT_STATE, metric: 'new_metric', year: 2020, lang: 'zh' }, keep);
    const p = new URLSearchParams(q);
    expect(p.get('utm_source')).toBe('news');
    expect(p.get('ref')).toBe('home');
    expect(p.get('metric')).toBe('new_metric');
    expect(p.get('year')).toBe('2020');
    expect(p.has('lang')).toBe(false);
    expect(p.get('view')).not.toBe('evil');
    expect(p.getAll('metric')).toEqual(['new_metric']);
  });

  it('encodes values safely', () => {
    const keep = new URLSearchParams();
    keep.set('q', 'a&b=<c>');
    const q = toQuery(DEFAULT_STATE, keep);
    expect(q).not.toContain('<');
    expect(new URLSearchParams(q).get('q')).toBe('a&b=<c>');
  });
});
