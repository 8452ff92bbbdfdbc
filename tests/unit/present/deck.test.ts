import { describe, expect, it } from 'vitest';
import { decodeDeck, encodeDeck, slideQuery, slideView, validateSlides } from '../../../src/state/deck';
import { deckFromJson, deckToJson } from '../../../src/present/deckFile';
import { presentKeyAction } from '../../../src/present/keys';
import { DEFAULT_STATE, parseQuery, toQuery } from '../../../src/state/url';
import { readFileSync } from 'node:fs';

const slides = [
  { title: '国家级孵化器 · 最新', q: 'view=map&metric=incubators_national&year=latest' },
  { title: 'Ranking "2023" <b>', q: 'view=ranking&metric=incubators_national&year=2023&top=5' },
  { title: '', q: '' },
];

describe('deck in the URL', () => {
  it('round-trips slides with Chinese titles through base64url', () => {
    const enc = encodeDeck(slides);
    expect(enc).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeDeck(enc)).toEqual({ slides, dropped: 0 });
  });
  it('lives in the view URL with the current slide (1-based) and present flag', () => {
    const q = toQuery({ ...DEFAULT_STATE, view: 'map', deck: slides, slide: 1, present: true });
    const back = parseQuery(q);
    expect(back.rejected).toEqual([]);
    expect(back.state.deck).toEqual(slides);
    expect(back.state.slide).toBe(1);
    expect(back.state.present).toBe(true);
    expect(q).toContain('slide=2');
  });
  it('rejects garbage and drops invalid slides', () => {
    expect(decodeDeck('not base64!')).toBeNull();
    expect(decodeDeck(encodeDeck([]).slice(0, 3) + '@@')).toBeNull();
    const r = validateSlides([{ t: 'ok', q: 'view=map' }, { t: 'bad', q: 'year=abc' }, { t: 'no q' }, 'x']);
    expect(r.slides).toEqual([{ title: 'ok', q: 'view=map' }]);
    expect(r.dropped).toBe(3);
    expect(parseQuery('?deck=%%%').rejected.map((x) => x.param)).toEqual(['deck']);
  });
  it('a slide keeps only view parameters', () => {
    const v = { ...DEFAULT_STATE, view: 'trend' as const, metric: 'incubators_total', regions: ['320000'], present: true, embed: true, deck: slides, slide: 2 };
    const q = slideQuery(v);
    expect(decodeURIComponent(q)).toBe('view=trend&metric=incubators_total&regions=江苏');
    expect(slideView({ title: '', q }).regions).toEqual(['320000']);
  });
});

describe('deck JSON files', () => {
  it('round-trips and validates', () => {
    const text = deckToJson(slides, 'Meeting');
    const back = deckFromJson(text);
    expect(back.slides).toEqual(slides);
    expect(back.name).toBe('Meeting');
    expect(() => deckFromJson('{"slides": []}')).toThrow(/hatch-atlas-deck/);
    expect(() => deckFromJson('nope')).toThrow(/JSON/);
  });
  it('the shipped example deck loads without dropping slides', () => {
    const r = deckFromJson(readFileSync('public/data/decks/example.json', 'utf8'));
    expect(r.dropped).toBe(0);
    expect(r.slides.length).toBeGreaterThanOrEqual(6);
    expect(r.slides.map((s) => slideView(s).view)).toEqual(expect.arrayContaining(['map', 'ranking', 'trend', 'province', 'carriers']));
  });
});

describe('presentation keys', () => {
  const s = { years: [2016, 2018, 2020], year: 2018 as number | 'latest' | null, slide: 1, slides: 3 };
  it('steps years, plays, pages slides (clicker PageUp/PageDown) and exits', () => {
    expect(presentKeyAction('ArrowRight', s)).toEqual({ kind: 'year', year: 2020 });
    expect(presentKeyAction('ArrowLeft', s)).toEqual({ kind: 'year', year: 2016 });
    expect(presentKeyAction('ArrowRight', { ...s, year: 2020 })).toBeNull();
    expect(presentKeyAction(' ', s)).toEqual({ kind: 'play' });
    expect(presentKeyAction(' ', { ...s, years: [2020] })).toBeNull();
    expect(presentKeyAction('PageDown', s)).toEqual({ kind: 'slide', slide: 2 });
    expect(presentKeyAction('ArrowDown', { ...s, slide: 2 })).toBeNull();
    expect(presentKeyAction('PageUp', s)).toEqual({ kind: 'slide', slide: 0 });
    expect(presentKeyAction('ArrowUp', { ...s, slide: 0 })).toBeNull();
    expect(presentKeyAction('Escape', s)).toEqual({ kind: 'exit' });
    expect(presentKeyAction('x', s)).toBeNull();
  });
});
