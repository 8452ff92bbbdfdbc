/**
 * The province outlines for a chart drawn off the page (an exported image):
 * loaded if they are not yet (state/data.ts ensureMapFile) and registered
 * under the map names the option uses. On the page, EChart registers them
 * as they arrive, and the views build no option before its outlines are in.
 */
import { registerChinaMap } from '../charts/echarts';
import { CHINA, CHINA_SVG } from '../charts/maps';
import type { GeoJson } from '../data/load';
import { ensureMapFile, useData, type DataState } from '../state/data';
import { MAP_FILE_PATH, type MapFile } from '../state/mapFiles';

/** The outlines an option draws with: its map series' maps and its geo components' (value labels, carriers). */
export function mapsOf(option: object): (typeof CHINA | typeof CHINA_SVG)[] {
  const o = option as { series?: unknown; geo?: unknown };
  const list = (x: unknown) => (Array.isArray(x) ? x : x ? [x] : []) as { type?: string; map?: unknown }[];
  const names = new Set<string>();
  for (const s of list(o.series)) if (s.type === 'map' && typeof s.map === 'string') names.add(s.map);
  for (const g of list(o.geo)) if (typeof g.map === 'string') names.add(g.map);
  return ([CHINA, CHINA_SVG] as const).filter((n) => names.has(n));
}

/** An outline file's contents in the store, loaded now if need be; throws where the file cannot be loaded. */
async function loaded<K extends 'geo' | 'geoSvg'>(kind: MapFile, key: K): Promise<NonNullable<DataState[K]>> {
  await ensureMapFile(kind);
  const s = useData.getState();
  const value = s[key];
  if (!value) throw new Error(s.geoError ? `${s.geoError.file}: ${s.geoError.reason}` : `${MAP_FILE_PATH[kind]} not loaded`);
  return value as NonNullable<DataState[K]>;
}

/** The GeoJSON outlines and their names' codes, loaded now if need be; throws where the file cannot be loaded. */
export async function geoOutlines(): Promise<{ geo: GeoJson; nameMap: Record<string, string> }> {
  const geo = await loaded('json', 'geo');
  return { geo, nameMap: useData.getState().nameMap };
}

/** Load and register every outline file `option` draws with. */
export async function outlinesFor(option: object): Promise<void> {
  for (const m of mapsOf(option)) registerChinaMap(m, m === CHINA ? await loaded('json', 'geo') : await loaded('svg', 'geoSvg'));
}
