/**
 * The loaded data package and what is derived from it once (index, coverage).
 * Data only: the chart side registers the outlines as its map (components/EChart.tsx)
 * and loads the carrier layer's drawing code (views/useMapLayers.ts).
 */
import { useEffect } from 'react';
import { create } from 'zustand';
import { geoNameMap, httpFetcher, loadGeo, loadPackage, type Fetcher, type GeoJson, type LoadIssue } from '../data/load';
import { firstChartDrawn } from './firstChart';
import { firstMapFiles, MAP_FILE_PATH, type MapFile } from './mapFiles';
import { buildIndex, coverage, type Coverage, type FigureIndex } from '../data/query';
import type { DataPackage } from '../data/types';
import { parseQuery } from './url';
import { slideView } from './deck';
import type { CityPoint } from '../data/carriers';

export interface DataState {
  status: 'loading' | 'ready';
  /** the package every view shows: the bundled one, with the user's imports merged as chosen */
  pkg: DataPackage | null;
  /** the bundled package as loaded */
  bundled: DataPackage | null;
  index: FigureIndex;
  coverage: Map<string, Coverage>;
  issues: LoadIssue[];
  /** the province outlines: GeoJSON (positions in longitude/latitude) and the SVG a year's map draws, each once loaded (./mapFiles.ts) */
  geo: GeoJson | null;
  geoSvg: string | null;
  /** the outline file that could not be loaded, and why */
  geoError: { file: string; reason: string } | null;
  nameMap: Record<string, string>;
  /** city centre points, loaded on first use (carrier layer) */
  cities: CityPoint[] | null;
  /** the code that places carriers on the city points, loaded with them */
  carrierKit: CarrierKit | null;
  citiesError: string | null;
  /** why the bundled package's quotes, notes and named carriers could not be loaded (components/DetailsNote.tsx detailsStatus) */
  detailsError: string | null;
}

export const useData = create<DataState>()(() => ({
  status: 'loading',
  pkg: null,
  bundled: null,
  index: new Map(),
  coverage: new Map(),
  issues: [],
  geo: null,
  geoSvg: null,
  geoError: null,
  nameMap: {},
  cities: null,
  citiesError: null,
  carrierKit: null,
  detailsError: null,
}));

export interface CarrierKit {
  placeEntities: typeof import('../data/carriers').placeEntities;
}

let citiesRequested = false;
/** Load the city points once, when the carrier layer is first shown. */
export async function ensureCities(fetchText: Fetcher = httpFetcher(document.baseURI)): Promise<void> {
  if (citiesRequested) return;
  citiesRequested = true;
  const path = 'data/geo/china-cities-points.json';
  try {
    const [text, carriers] = await Promise.all([fetchText(path), import('../data/carriers')]);
    useData.setState({ cities: carriers.parseCityPoints(JSON.parse(text)), carrierKit: { placeEntities: carriers.placeEntities } });
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    console.error(`Hatch Atlas: data file ${path} could not be loaded: ${reason}`);
    useData.setState({ citiesError: `${path}: ${reason}` });
  }
}

function derive(pkg: DataPackage): Pick<DataState, 'pkg' | 'index' | 'coverage'> {
  const index = buildIndex(pkg.figures);
  return { pkg, index, coverage: new Map(pkg.manifest.metrics.map((m) => [m.id, coverage(index, m.id)])) };
}

/**
 * Show another package in every view: the bundled one merged with the
 * user's imports (built by state/userData.ts, which loads on demand).
 */
export function showPackage(make: (bundled: DataPackage) => DataPackage): void {
  shownMake = make;
  const bundled = useData.getState().bundled;
  // before the bundled package is in, loadAll applies it
  if (bundled) useData.setState(derive(make(bundled)));
}
/** the last `showPackage`: applied when the bundled package arrives, and again when its details do */
let shownMake: ((bundled: DataPackage) => DataPackage) | null = null;

let detailsWanted = false;
let detailsStarted = false;
let detailsFetcher: Fetcher | null = null;
/**
 * Load the bundled package's quotes, notes and named carriers (data/load.ts
 * loadDetails) now, if they are not loaded or loading. They follow the first
 * chart by themselves; a view that shows them (a table of figures with their
 * quotes, the carriers) asks for them at once.
 */
export function ensureDetails(): void {
  detailsWanted = true;
  const { bundled } = useData.getState();
  if (!bundled?.pending || detailsStarted) return;
  detailsStarted = true;
  if (useData.getState().detailsError !== null) useData.setState({ detailsError: null });
  import('../data/loadDetails')
    .then(async ({ loadDetails }) => {
      const { pkg, issues } = await loadDetails(detailsFetcher ?? httpFetcher(document.baseURI), bundled);
      logIssues(issues);
      const made = shownMake ? shownMake(pkg) : pkg;
      const failed = issues.find((i) => i.level === 'error');
      useData.setState((s) => ({
        ...derive(made),
        bundled: pkg,
        issues: [...s.issues, ...issues],
        detailsError: failed ? `${failed.file}: ${failed.reason}` : null,
      }));
    })
    .catch((e: unknown) => {
      // the details' code could not be loaded (the connection dropped): said, and tried again when next asked
      detailsStarted = false;
      const reason = e instanceof Error ? e.message : String(e);
      console.error(`Hatch Atlas: the sources' quotes and notes could not be loaded: ${reason}`);
      useData.setState({ detailsError: reason });
    });
}

/** A view that shows quotes, notes or carriers asks for them when it is shown (`want`). */
export function useDetails(want = true): void {
  useEffect(() => {
    if (want) ensureDetails();
  }, [want]);
}

function logIssues(issues: readonly LoadIssue[]): void {
  for (const i of issues) {
    if (i.level === 'error') console.error(`Hatch Atlas: data file ${i.file} could not be loaded: ${i.reason}`);
    else console.warn(`Hatch Atlas: ${i.file}: ${i.problems?.length ?? 0} rows skipped`, i.problems);
  }
}

/** The metrics a link asks for: its own and its slides', read from the address (the store may not have it yet). */
export function linkMetrics(search: string): string[] {
  const s = parseQuery(search).state;
  return [s.metric, ...s.deck.map((d) => slideView(d).metric)].filter((m): m is string => !!m);
}

/**
 * A link to a metric the bundled data does not have may be to one imported
 * in this browser: its stored datasets are read (IndexedDB) before the data
 * counts as ready, so that the link is judged with them (issue 18). Links to
 * bundled metrics do not wait for storage.
 */
async function userDataFor(pkg: DataPackage, search: string): Promise<void> {
  if (!linkMetrics(search).some((m) => !pkg.metrics.has(m))) return;
  try {
    await (await import('./userData')).loadUserData();
  } catch (e) {
    console.warn('Hatch Atlas: imported data could not be read', e);
  }
}

let mapFetcher: Fetcher | null = null;
const mapLoads: Partial<Record<MapFile, Promise<Partial<DataState>>>> = {};

/** An outline file, fetched and read once: what it sets in the store (or its error). Never rejects. */
function mapFile(kind: MapFile): Promise<Partial<DataState>> {
  const fetchText = mapFetcher ?? httpFetcher(document.baseURI);
  const path = MAP_FILE_PATH[kind];
  return (mapLoads[kind] ??= (kind === 'json' ? loadGeo(fetchText, path).then((geo) => ({ geo, nameMap: geoNameMap(geo) })) : fetchText(path).then((geoSvg) => ({ geoSvg }))).catch(
    (e: unknown) => {
      const reason = e instanceof Error ? e.message : String(e);
      console.error(`Hatch Atlas: map file ${path} could not be loaded: ${reason}`);
      return { geoError: { file: path, reason } };
    },
  ));
}

/**
 * Load an outline file now, if it is not loaded or loading: the one a link's
 * first chart needs comes with the data (loadAll), the other after the first
 * chart; a chart that needs one sooner (the user went from the overview to a
 * year's map at once) asks for it here.
 */
export async function ensureMapFile(kind: MapFile): Promise<void> {
  const got = await mapFile(kind);
  const s = useData.getState();
  if (Object.entries(got).some(([k, v]) => s[k as keyof DataState] !== v)) useData.setState(got);
}

/** A chart asks for the outline file it draws with while it is shown. */
export function useMapFile(kind: MapFile | null): void {
  useEffect(() => {
    if (kind) void ensureMapFile(kind);
  }, [kind]);
}

export async function loadAll(fetchText: Fetcher = httpFetcher(document.baseURI), search = typeof location === 'undefined' ? '' : location.search): Promise<void> {
  detailsFetcher = fetchText;
  mapFetcher = fetchText;
  // the outline file(s) the link's first chart draws with come with the data; the other follows that chart
  const first = firstMapFiles(parseQuery(search).state);
  const [pkgRes, maps] = await Promise.allSettled([loadPackage(fetchText), Promise.all(first.map(mapFile))]);
  const next: Partial<DataState> = { status: 'ready' };
  if (pkgRes.status === 'fulfilled') {
    const { pkg, issues } = pkgRes.value;
    await userDataFor(pkg, search);
    // the user's datasets, where they were read already, are merged in before anything is shown
    Object.assign(next, derive(shownMake ? shownMake(pkg) : pkg));
    next.bundled = pkg;
    next.issues = issues;
    logIssues(issues);
  }
  if (maps.status === 'fulfilled') Object.assign(next, ...maps.value);
  useData.setState(next);
  // the quotes, notes and carriers, and the other outline file: once the first chart is drawn (or a view asks for them)
  if (detailsWanted) ensureDetails();
  void firstChartDrawn.then(() => {
    ensureDetails();
    void ensureMapFile('json');
    void ensureMapFile('svg');
  });
}
