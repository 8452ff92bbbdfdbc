import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { firstMapFiles, type MapFile } from '../../../src/state/mapFiles';
import { DEFAULT_STATE, parseQuery, toQuery, VIEWS, type ViewState } from '../../../src/state/url';
import { encodeDeck } from '../../../src/state/deck';

const html = readFileSync(new URL('../../../index.html', import.meta.url), 'utf8');
const script = readFileSync(new URL('../../../public/preload-outlines.js', import.meta.url), 'utf8');

/** What index.html's script (public/preload-outlines.js) preloads for an address: its links' files, in order. */
function preloaded(search: string): { files: MapFile[]; links: Record<string, string>[] } {
  const links: Record<string, string>[] = [];
  const document = { createElement: () => ({}), head: { appendChild: (l: Record<string, string>) => links.push(l) } };
  new Function('document', 'location', 'URLSearchParams', script)(document, { search }, URLSearchParams);
  return { files: links.map((l) => l.href!.replace('data/geo/china.', '') as MapFile), links };
}

const first = (search: string) => firstMapFiles(parseQuery(search).state);

describe('firstMapFiles: the outline files a link’s first chart draws with', () => {
  it('a year’s map: the SVG only; the overview and "latest available": the GeoJSON only', () => {
    expect(first('?view=map&metric=incubators_national&year=2011')).toEqual(['svg']);
    expect(first('?view=map')).toEqual(['svg']);
    expect(first('')).toEqual(['json']);
    expect(first('?view=map&year=latest')).toEqual(['json']);
  });

  it('values or carriers on a year’s map, a static embed, a presentation: both; patterns: the GeoJSON; other views: none', () => {
    expect(first('?view=map&year=2018&labels=1')).toEqual(['json', 'svg']);
    expect(first('?view=map&year=2018&layer=carriers')).toEqual(['json', 'svg']);
    expect(first('?view=map&year=2018&embed=1&static=1')).toEqual(['json', 'svg']);
    expect(first('?view=map&year=2018&embed=1&static=1&labels=0')).toEqual(['svg']);
    expect(first('?view=map&year=2018&present=1')).toEqual(['json', 'svg']);
    expect(first('?view=map&year=2018&decal=1')).toEqual(['json']);
    expect(first('?view=trend&metric=incubators_national')).toEqual([]);
    expect(first('?view=ranking')).toEqual([]);
  });
});

describe('index.html preloads what firstMapFiles says', () => {
  it('has its script, a file (no inline script: strict CSP), and preloads as fetch with CORS (as the app’s fetch reads it)', () => {
    expect(html).toMatch(/<script src="preload-outlines\.js"><\/script>/);
    expect(html).not.toMatch(/<script>|<script [^>]*id=/);
    expect(script).toContain('data/geo/china.');
    const { links } = preloaded('?view=map&year=2018');
    expect(links).toEqual([{ rel: 'preload', as: 'fetch', crossOrigin: 'anonymous', href: 'data/geo/china.svg' }]);
  });

  it('agrees with firstMapFiles on every combination of the keys that decide it (canonical addresses)', () => {
    const slide = { title: 'a', q: 'view=map&year=2018' };
    let n = 0;
    for (const view of VIEWS)
      for (const year of [null, 2018, 'latest'] as const)
        for (const labels of [null, true, false])
          for (const flags of [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31]) {
            const s: ViewState = {
              ...DEFAULT_STATE, view, year, labels,
              embed: !!(flags & 1), static: !!(flags & 1), carriers: !!(flags & 2), decal: !!(flags & 4), present: !!(flags & 8), deck: flags & 16 ? [slide] : [],
            };
            const q = `?${toQuery(s)}`;
            expect(preloaded(q).files, q).toEqual(first(q));
            n++;
          }
    expect(n).toBe(VIEWS.length * 3 * 3 * 32);
  });

  it('agrees on other spellings and on values the app rejects', () => {
    for (const q of [
      '', '?', '?view=evil', '?view=map&year=abc', '?view=map&year=latest&labels=1', '?view=map&labels=yes', '?view=map&labels=true', '?view=map&labels=auto',
      '?view=map&labels=no&static=true', '?view=map&static=yes', '?view=map&static=maybe', '?view=map&layer=other', '?view=map&decal=yes&labels=1',
      '?view=map&present=true', '?view=map&present=2', `?view=trend&deck=${encodeDeck([{ title: 'x', q: 'view=map' }])}`, '?view=overview&year=2018',
    ]) expect(preloaded(q).files, q).toEqual(first(q));
  });
});

describe('mapsOf: the outlines an option draws with', () => {
  it('the map series’ map and the geo components’ (labels, carriers)', async () => {
    const { mapsOf } = await import('../../../src/components/outlines');
    expect(mapsOf({ series: [{ type: 'map', map: 'china-svg' }] })).toEqual(['china-svg']);
    expect(mapsOf({ series: [{ type: 'map', map: 'china-svg' }, { type: 'scatter' }], geo: { map: 'china' } })).toEqual(['china', 'china-svg']);
    expect(mapsOf({ series: [{ type: 'bar' }] })).toEqual([]);
    expect(mapsOf({})).toEqual([]);
  });
});
