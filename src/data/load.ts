/**
 * Loading the data package at run time. Each file is fetched and parsed on
 * its own, so a missing or broken file yields a message naming it while the
 * rest still loads.
 */
import { parseCsv } from './csv';
import { parseFigures, parseSources, type Problem } from './package';
import type { DataPackage, Manifest, MetricDef, Source } from './types';

export interface LoadIssue {
  file: string;
  /** 'error': the file could not be used at all; 'rows': some rows were skipped */
  level: 'error' | 'rows';
  reason: string;
  problems?: Problem[];
}

export interface LoadResult {
  pkg: DataPackage;
  issues: LoadIssue[];
}

export type Fetcher = (path: string) => Promise<string>;

/**
 * The single-file offline build (npm run build:offline) carries the data
 * package inline, keyed by path ("data/figures.csv"); it is read from there
 * instead of the network, which a file:// page cannot use.
 */
function inlineFile(path: string): string | undefined {
  const files = (globalThis as { __HATCH_ATLAS_FILES__?: Record<string, string> }).__HATCH_ATLAS_FILES__;
  return files ? files[path.replace(/^\.\//, '')] : undefined;
}

export function httpFetcher(base: string): Fetcher {
  return async (path) => {
    const inline = inlineFile(path);
    if (inline !== undefined) return inline;
    const url = new URL(path, base).toString();
    // default cache mode, so that the <link rel=preload> responses of index.html are reused
    const res = await fetch(url);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return res.text();
  };
}

export function reasonOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function parseManifest(text: string): Manifest {
  const m = JSON.parse(text) as Manifest;
  if (!m || !Array.isArray(m.metrics) || !Array.isArray(m.datasets)) throw new Error('not a Hatch Atlas manifest (metrics/datasets missing)');
  return m;
}

/**
 * What the first chart needs: the manifest, sources.csv and figures.csv (in a
 * split package without the quotes and notes, packageSplit.ts). Never throws.
 * The rest — quotes, notes, the named carriers — comes with `loadDetails`
 * (at once with `{ details: true }`); until then the package is `pending`.
 */
export async function loadPackage(fetchText: Fetcher, dir = 'data/', opts: { details?: boolean } = {}): Promise<LoadResult> {
  const issues: LoadIssue[] = [];
  const empty: DataPackage = { manifest: { name: '', version: '', generated: '', datasets: [], groups: [], metrics: [] }, metrics: new Map(), figures: [], sources: new Map(), entities: [] };

  // The data files are requested at once, beside the manifest (which may name other paths).
  const early = new Map<string, Promise<string>>();
  const get = (path: string) => {
    let p = early.get(path);
    if (!p) early.set(path, (p = fetchText(path)));
    return p;
  };
  for (const f of ['sources.csv', 'figures.csv']) get(dir + f).catch(() => undefined);

  let manifest: Manifest;
  try {
    manifest = parseManifest(await get(dir + 'manifest.json'));
  } catch (e) {
    issues.push({ file: dir + 'manifest.json', level: 'error', reason: reasonOf(e) });
    return { pkg: empty, issues };
  }
  const metrics = new Map<string, MetricDef>(manifest.metrics.map((m) => [m.id, m]));
  // (as packageSplit.ts's datasetPath, which stays out of the first chart's code)
  const pathOf = (id: string, fallback: string) => dir + (manifest.datasets.find((d) => d.id === id)?.path ?? fallback);

  const [srcText, figText] = await Promise.allSettled([get(pathOf('sources', 'sources.csv')), get(pathOf('figures', 'figures.csv'))]);

  let sources = new Map<string, Source>();
  const srcFile = pathOf('sources', 'sources.csv');
  if (srcText.status === 'fulfilled') {
    const r = parseSources(parseCsv(srcText.value), srcFile);
    sources = r.sources;
    if (r.problems.length) issues.push({ file: srcFile, level: sources.size ? 'rows' : 'error', reason: r.problems[0]!.message, problems: r.problems });
  } else {
    issues.push({ file: srcFile, level: 'error', reason: reasonOf(srcText.reason) });
  }

  const figFile = pathOf('figures', 'figures.csv');
  let figures: DataPackage['figures'] = [];
  if (figText.status === 'fulfilled') {
    // Without the sources table no figure can show where it came from, so none is shown.
    const r = parseFigures(parseCsv(figText.value), metrics, sources, figFile);
    figures = r.figures;
    if (r.problems.length) issues.push({ file: figFile, level: figures.length ? 'rows' : 'error', reason: r.problems[0]!.message, problems: r.problems });
  } else {
    issues.push({ file: figFile, level: 'error', reason: reasonOf(figText.reason) });
  }

  const pkg: DataPackage = { manifest, metrics, figures, sources, entities: [], pending: true };
  if (!opts.details) return { pkg, issues };
  const more = await (await import('./loadDetails')).loadDetails(fetchText, pkg, dir);
  return { pkg: more.pkg, issues: [...issues, ...more.issues] };
}

export interface GeoJson {
  type: string;
  features: { id?: string | number; properties?: { id?: string; name?: string } }[];
}

export async function loadGeo(fetchText: Fetcher, path = 'data/geo/china.json'): Promise<GeoJson> {
  const g = JSON.parse(await fetchText(path)) as GeoJson;
  if (!g || g.type !== 'FeatureCollection' || !Array.isArray(g.features)) throw new Error('not a GeoJSON FeatureCollection');
  return g;
}

/** The map's nameMap (outline name → GB/T 2260 code), from the GeoJSON's own properties: figures join outlines by code. */
export function geoNameMap(geo: Pick<GeoJson, 'features'>): Record<string, string> {
  const m: Record<string, string> = {};
  for (const f of geo.features) {
    const name = f.properties?.name;
    const id = String(f.properties?.id ?? f.id ?? '');
    if (name && /^\d{6}$/.test(id)) m[name] = id;
  }
  return m;
}
