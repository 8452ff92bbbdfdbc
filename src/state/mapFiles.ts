/**
 * Which of the two outline files a link's first chart draws with. The province
 * outlines come as GeoJSON (public/data/geo/china.json: positions in longitude
 * and latitude) and as SVG (china.svg, the same outlines, which a year's map
 * draws: charts/maps.ts). A page loads the one its first chart needs before
 * that chart, and the other right after it (state/data.ts), so that the first
 * chart does not share a slow line with a file it does not use.
 *
 * index.html's first script makes the same choice from the address, before any
 * of the app's code has arrived, to preload the file(s); a unit test
 * (tests/unit/state/mapFiles.test.ts) holds the two to the same answers.
 * Pure.
 */
import type { ViewState } from './url';

export type MapFile = 'json' | 'svg';

export const MAP_FILE_PATH: Readonly<Record<MapFile, string>> = { json: 'data/geo/china.json', svg: 'data/geo/china.svg' };

/**
 * The overview and "latest available" draw the GeoJSON (hatching of old
 * figures); patterns (decal) too. Values written on a year's map (asked for,
 * or in a static embed), and carriers, are placed on the GeoJSON over the SVG
 * map: both. A plain year's map: the SVG. Presentations: both (their slides
 * may be any of these). Other views draw no map.
 */
export function firstMapFiles(s: Pick<ViewState, 'view' | 'year' | 'labels' | 'static' | 'carriers' | 'decal' | 'present' | 'deck'>): MapFile[] {
  if (s.present || s.deck.length) return ['json', 'svg'];
  if (s.view === 'overview') return ['json'];
  if (s.view !== 'map') return [];
  if (s.year === 'latest' || s.decal) return ['json'];
  if (s.carriers || (s.labels ?? s.static)) return ['json', 'svg'];
  return ['svg'];
}
