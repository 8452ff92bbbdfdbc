import { describe, expect, it } from 'vitest';
import { browserHandles, navigated } from '../../../src/state/navigation';
import { DEFAULT_STATE, toQuery, type ViewState } from '../../../src/state/url';

const here: ViewState = { ...DEFAULT_STATE, view: 'ranking', metric: 'incubators_national', year: 2021, mode: 'yoy', top: 10 };

describe('navigated: the state a link opens', () => {
  it('keeps the rest of the current view (language, year, mode…)', () => {
    const s = navigated({ ...here, lang: 'en' }, { view: 'province', region: '320000' });
    expect(s).toMatchObject({ view: 'province', region: '320000', metric: 'incubators_national', year: 2021, mode: 'yoy', top: 10, lang: 'en' });
  });
  it('a new metric without a year lets the app choose the year; with a year, that year', () => {
    expect(navigated(here, { view: 'trend', metric: 'makerspaces_total' }).year).toBeNull();
    expect(navigated(here, { view: 'map', metric: 'makerspaces_total', year: 2019 }).year).toBe(2019);
    expect(navigated(here, { view: 'map', metric: 'incubators_national' }).year).toBe(2021);
  });
  it('does not change the state it is given', () => {
    const before = JSON.stringify(here);
    navigated(here, { view: 'table' });
    expect(JSON.stringify(here)).toBe(before);
  });
  it('its query string is the link', () => {
    expect(toQuery(navigated(here, { view: 'table' }))).toBe('?view=table&metric=incubators_national&year=2021&top=10&mode=yoy');
  });
});

describe('browserHandles: which clicks on a view link the browser handles', () => {
  const click = { button: 0, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false };
  it('a plain left click is the app’s (navigate in place)', () => {
    expect(browserHandles(click)).toBe(false);
  });
  it('ctrl/⌘-click, shift-click, alt-click and middle or right clicks are the browser’s (new tab, window…)', () => {
    expect(browserHandles({ ...click, ctrlKey: true })).toBe(true);
    expect(browserHandles({ ...click, metaKey: true })).toBe(true);
    expect(browserHandles({ ...click, shiftKey: true })).toBe(true);
    expect(browserHandles({ ...click, altKey: true })).toBe(true);
    expect(browserHandles({ ...click, button: 1 })).toBe(true);
    expect(browserHandles({ ...click, button: 2 })).toBe(true);
  });
});
