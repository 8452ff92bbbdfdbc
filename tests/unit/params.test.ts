/**
 * The URL parameter table (src/state/url.ts, PARAMS), row by row: every row
 * has its cases here (the compiler refuses a row without them), and each is
 * checked the same way — valid values read, invalid ones rejected with a
 * reason and reported, a missing one gives the default, a value survives
 * URL → state → URL, and the default is left out of the URL.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_STATE, PARAM_KEYS, PARAMS, paramName, parseQuery, readParam, toQuery, type ParamKey, type ParamTable, type ViewState,
} from '../../src/state/url';
import { encodeDeck, type Slide } from '../../src/state/deck';
import { parseSetMessage } from '../../src/embed/protocol';
import { useStore } from '../../src/state/store';

/** slides as a deck holds them (each query in its canonical form) */
const SLIDES: Slide[] = [
  { title: '地图', q: 'view=map&metric=incubators_national&year=latest' },
  { title: 'Ranking', q: 'view=ranking&metric=incubators_national&year=2023&top=5' },
  { title: 'Trend', q: `view=trend&metric=incubators_total&regions=${encodeURIComponent('江苏')}` },
];

interface RowCases<K extends ParamKey> {
  /** raw URL values and the state value each reads as */
  valid: [raw: string, value: ViewState[K]][];
  /** raw URL values that are rejected */
  invalid: string[];
  /** other parameters the row reads or writes with (e.g. `controls` is only written in an embed) */
  with?: Partial<ViewState>;
}

/** One entry per row of PARAMS — adding a URL parameter means adding its cases here. */
const ROWS: { [K in ParamKey]: RowCases<K> } = {
  view: { valid: [['map', 'map'], ['carriers', 'carriers'], ['coverage', 'coverage'], ['overview', 'overview']], invalid: ['Map', 'evil', ''] },
  metric: { valid: [['incubators_national', 'incubators_national'], ['x1', 'x1']], invalid: ['Incubators', '1abc', 'a-b', '', 'a'.repeat(65), '<script>'] },
  year: { valid: [['2022', 2022], ['latest', 'latest']], invalid: ['22', '2022.5', '-2022', 'LATEST', ''] },
  region: { valid: [['江苏', '320000'], ['320000', '320000'], ['Jiangsu', '320000']], invalid: ['火星', 'CN', ''] },
  regions: { valid: [['江苏,浙江', ['320000', '330000']], ['广东，北京、广东', ['440000', '110000']], ['', []]], invalid: ['火星', '火星,月亮'] },
  top: { valid: [['5', 5], ['34', 34], ['1', 1]], invalid: ['0', '35', 'x', '5.5', ''] },
  mode: { valid: [['yoy', 'yoy'], ['share', 'share'], ['abs', 'abs']], invalid: ['bad', 'YOY'] },
  national: { valid: [['0', false], ['1', true], ['no', false]], invalid: ['none', ''] },
  per: { valid: [['capita', 'capita'], ['gdp', 'gdp'], ['abs', 'abs']], invalid: ['Capita', 'population', 'percapita', ''] },
  carriers: { valid: [['carriers', true], ['', false]], invalid: ['points', 'Carriers'] },
  labels: { valid: [['1', true], ['0', false], ['auto', null], ['yes', true]], invalid: ['on', 'x', ''] },
  scale: { valid: [['jenks', 'jenks'], ['quantile', 'quantile'], ['log', 'log'], ['linear', 'linear'], ['auto', null]], invalid: ['Log', 'equal', ''] },
  stale: { valid: [['5', 5], ['0', 0], ['3', 3], ['99', 99]], invalid: ['-1', '100', 'x', '2.5', ''] },
  hideStale: { valid: [['1', true], ['0', false]], invalid: ['hide'] },
  lang: { valid: [['en', 'en'], ['zh', 'zh']], invalid: ['fr', 'EN', ''] },
  theme: { valid: [['dark', 'dark'], ['light', 'light'], ['auto', null]], invalid: ['blue', ''] },
  embed: { valid: [['1', true], ['true', true], ['no', false]], invalid: ['2', ''] },
  controls: { valid: [['0', false], ['yes', true]], invalid: ['off'], with: { embed: true } },
  static: { valid: [['1', true], ['0', false]], invalid: ['maybe'] },
  present: { valid: [['1', true], ['false', false]], invalid: ['on'] },
  decal: { valid: [['1', true], ['0', false]], invalid: ['x'] },
  findings: { valid: [['1', true], ['yes', true], ['0', false]], invalid: ['2'] },
  deck: { valid: [[encodeDeck(SLIDES), SLIDES], ['', []]], invalid: ['not base64!', 'abc'] },
  slide: { valid: [['2', 1], ['3', 2], ['9', 2], ['1', 0]], invalid: ['0', 'x', '1000'], with: { deck: SLIDES } },
};

const query = (key: ParamKey, raw: string) => new URLSearchParams([[paramName(key), raw]]);
const isDefault = (key: ParamKey, v: unknown) => JSON.stringify(v) === JSON.stringify(PARAMS[key].default);

describe('the URL parameter table', () => {
  it('has a row for every view-state key, each with its own parameter name', () => {
    expect(PARAM_KEYS).toEqual(Object.keys(DEFAULT_STATE));
    expect(Object.keys(ROWS).sort()).toEqual([...PARAM_KEYS].sort());
    expect(new Set(PARAM_KEYS.map(paramName)).size).toBe(PARAM_KEYS.length);
    expect(paramName('carriers')).toBe('layer');
  });

  it('refuses, at compile time, a table that lacks a row', () => {
    const { top, ...withoutTop } = PARAMS;
    // @ts-expect-error — `top` has no row
    const table: ParamTable = withoutTop;
    expect(table).not.toHaveProperty('top');
    expect(top.default).toBeNull();
  });

  it('lets a host page set only metric, year, lang and theme by message', () => {
    expect(PARAM_KEYS.filter((k) => PARAMS[k].message)).toEqual(['metric', 'year', 'lang', 'theme']);
  });
});

describe.each(PARAM_KEYS)('row %s', (key) => {
  const cases = ROWS[key] as RowCases<typeof key>;
  const before: ViewState = { ...DEFAULT_STATE, ...cases.with };
  const name = paramName(key);

  it('missing: not in the URL gives the default, and nothing is rejected', () => {
    expect(readParam(key, new URLSearchParams('utm_source=x'), before)).toEqual({ kind: 'missing' });
    const r = parseQuery('?utm_source=x');
    expect(r.state[key]).toEqual(PARAMS[key].default);
    expect(r.rejected).toEqual([]);
  });

  it.each(cases.valid)('valid: %j reads as %j', (raw, value) => {
    expect(readParam(key, query(key, raw), before)).toEqual({ kind: 'valid', value });
    const search = toQuery({ ...DEFAULT_STATE, ...cases.with }) + (toQuery({ ...DEFAULT_STATE, ...cases.with }) ? '&' : '?') + query(key, raw).toString();
    const r = parseQuery(search);
    expect(r.rejected).toEqual([]);
    expect(r.state[key]).toEqual(value);
  });

  it.each(cases.invalid)('invalid: %j is rejected with a reason, reported, and the default kept', (raw) => {
    const r = readParam(key, query(key, raw), before);
    expect(r.kind).toBe('invalid');
    expect(r.kind === 'invalid' && r.reason).toMatch(/\w{3}/);
    const parsed = parseQuery(`?${query(key, raw)}`);
    expect(parsed.state[key]).toEqual(PARAMS[key].default);
    expect(parsed.rejected.map((x) => x.param)).toEqual([name]);
  });

  it('format: every valid value survives URL → state → URL; the default is left out', () => {
    for (const [, value] of cases.valid) {
      const s = { ...DEFAULT_STATE, ...cases.with, [key]: value } as ViewState;
      const q = toQuery(s);
      const p = new URLSearchParams(q);
      if (isDefault(key, value)) {
        expect(p.has(name), `${key}=${JSON.stringify(value)} is the default`).toBe(false);
        continue;
      }
      expect(p.has(name), `${key}=${JSON.stringify(value)} is written`).toBe(true);
      expect(parseQuery(q)).toEqual({ state: s, rejected: [] });
      expect(toQuery(parseQuery(q).state)).toBe(q);
    }
    expect(new URLSearchParams(toQuery({ ...DEFAULT_STATE, ...cases.with })).has(name)).toBe(false);
  });
});

describe('rows with more to say', () => {
  it('regions: a list that is partly understood keeps the provinces and reports the rest', () => {
    expect(readParam('regions', query('regions', '江苏,火星,浙江'))).toEqual({ kind: 'valid', value: ['320000', '330000'], dropped: '火星' });
    expect(parseQuery('?regions=江苏,火星').rejected).toEqual([{ param: 'regions', value: '火星' }]);
  });
  it('deck: a deck with an invalid slide keeps the others and reports how many were dropped', () => {
    const enc = encodeDeck([SLIDES[0]!, { title: 'bad', q: 'year=abc' }]);
    expect(readParam('deck', query('deck', enc))).toEqual({ kind: 'valid', value: [SLIDES[0]], dropped: '1 invalid slide(s)' });
  });
  it('invalid values are quoted in the notice, long ones cut', () => {
    expect(parseQuery(`?metric=${'x'.repeat(300)}`).rejected[0]!.value).toBe('x'.repeat(200) + '…');
    expect(readParam('deck', query('deck', 'not base64!'))).toMatchObject({ kind: 'invalid', shown: 'not base64!' });
  });
  it('controls: only written for an embed', () => {
    expect(toQuery({ ...DEFAULT_STATE, controls: false })).toBe('');
    expect(toQuery({ ...DEFAULT_STATE, embed: true, controls: false })).toBe('?embed=1&controls=0');
  });
  it('slide: only written with a deck; past the end means the last slide', () => {
    expect(toQuery({ ...DEFAULT_STATE, slide: 2 })).toBe('');
    expect(parseQuery(`?deck=${encodeDeck(SLIDES)}&slide=99`).state.slide).toBe(2);
  });
  it('the embed message reads each key with its row', () => {
    expect(parseSetMessage({ type: 'hatch-atlas:set', version: 1, theme: 'auto' })).toEqual({ theme: null });
    expect(parseSetMessage({ type: 'hatch-atlas:set', version: 1, top: 5 })).toBeNull();
  });
});

describe('the store sets any parameter', () => {
  const reset = () => useStore.setState({ ...DEFAULT_STATE, playing: false });

  it('setParam sets a key that has no action of its own', () => {
    reset();
    useStore.getState().setParam('top', 5);
    useStore.getState().setParam('decal', true);
    expect(useStore.getState()).toMatchObject({ top: 5, decal: true });
  });
  it('setParam keeps the rules of the named actions', () => {
    reset();
    useStore.setState({ metric: 'a', year: 2020, playing: true });
    useStore.getState().setParam('metric', 'b');
    expect(useStore.getState()).toMatchObject({ metric: 'b', year: null, playing: false });
    useStore.setState({ year: 2020 });
    useStore.getState().setParam('metric', 'b'); // unchanged: the year stays
    expect(useStore.getState().year).toBe(2020);
  });
  it('setParams applies a patch in the order of the table (a new metric, then its year)', () => {
    reset();
    useStore.setState({ metric: 'a', year: 2020 });
    useStore.getState().setParams({ year: 2018, metric: 'b', theme: 'dark' });
    expect(useStore.getState()).toMatchObject({ metric: 'b', year: 2018, theme: 'dark' });
  });
  it('showing a slide sets what it shows and keeps language, theme and the deck', () => {
    reset();
    useStore.setState({ lang: 'en', theme: 'dark', deck: SLIDES, present: true });
    useStore.getState().setParam('slide', 1);
    expect(useStore.getState()).toMatchObject({ view: 'ranking', metric: 'incubators_national', year: 2023, top: 5, lang: 'en', theme: 'dark', deck: SLIDES, slide: 1, present: true });
  });
});
