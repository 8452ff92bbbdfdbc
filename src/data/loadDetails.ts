/**
 * What follows the first chart (loadPackage in load.ts gives the rest): the
 * sources' quotes, the figures' notes, the metrics' definitions and the named
 * carriers. A module of its own, loaded when they are wanted.
 */
import { parseCsv } from './csv';
import { reasonOf, type Fetcher, type LoadResult, type LoadIssue } from './load';
import { checkManifest, mergeDefinitions, parseEntities, parseSide } from './packageDetails';
import { datasetPath, DEFINITIONS, hasSide, SIDE_FILES, type SideFile } from './packageSplit';
import type { DataPackage } from './types';

/**
 * The rest of a package loaded by `loadPackage`: the sources' quotes and the
 * figures' notes (from their side files, where the manifest lists them) and
 * entities.csv, as a new package (no longer `pending`). Never throws: a file
 * that cannot be read is an issue, and the package keeps what it has.
 */
export async function loadDetails(fetchText: Fetcher, pkg: DataPackage, dir = 'data/'): Promise<LoadResult> {
  const issues: LoadIssue[] = [];
  let { manifest } = pkg;
  const entFile = dir + datasetPath(manifest, 'entities', 'entities.csv');
  const defFile = hasSide(manifest, DEFINITIONS) ? dir + datasetPath(manifest, DEFINITIONS.id, DEFINITIONS.path) : null;
  const sides = SIDE_FILES.filter((s) => hasSide(manifest, s));
  const [entText, defText, ...sideTexts] = await Promise.allSettled([
    fetchText(entFile),
    defFile ? fetchText(defFile) : Promise.resolve(''),
    ...sides.map((s) => fetchText(dir + datasetPath(manifest, s.id, s.path))),
  ]);

  // the metrics' definitions, where the manifest has them in a file of their own
  let definitions = true;
  if (defFile && defText.status === 'rejected') {
    definitions = false;
    issues.push({ file: defFile, level: 'error', reason: reasonOf(defText.reason) });
  } else if (defFile && defText.status === 'fulfilled') {
    const r = mergeDefinitions(manifest, parseCsv(defText.value), defFile);
    manifest = r.manifest;
    if (r.problems.length) issues.push({ file: defFile, level: r.count ? 'rows' : 'error', reason: r.problems[0]!.message, problems: r.problems });
  }
  // the registry's checks: reported here, not on the way to the first chart
  const mp = checkManifest(manifest, 'manifest.json', definitions);
  if (mp.length) issues.push({ file: dir + 'manifest.json', level: 'rows', reason: `${mp.length} problems`, problems: mp });

  const long: Partial<Record<SideFile['column'], Map<string, string>>> = {};
  sides.forEach((side, k) => {
    const file = dir + datasetPath(manifest, side.id, side.path);
    const res = sideTexts[k]!;
    if (res.status === 'rejected') {
      issues.push({ file, level: 'error', reason: reasonOf(res.reason) });
      return;
    }
    const r = parseSide(parseCsv(res.value), side.column, file);
    long[side.column] = r.texts;
    if (r.problems.length) issues.push({ file, level: r.texts.size ? 'rows' : 'error', reason: r.problems[0]!.message, problems: r.problems });
  });
  const quotes = long.quote;
  const notes = long.note;
  const sources = quotes ? new Map([...pkg.sources].map(([id, s]) => [id, quotes.has(id) ? { ...s, quote: quotes.get(id)! } : s])) : pkg.sources;
  const figures = notes ? pkg.figures.map((f) => (notes.has(f.id) ? { ...f, note: notes.get(f.id)! } : f)) : pkg.figures;

  let entities: DataPackage['entities'] = [];
  if (entText.status === 'fulfilled') {
    const r = parseEntities(parseCsv(entText.value), sources, entFile);
    entities = r.entities;
    if (r.problems.length) issues.push({ file: entFile, level: entities.length ? 'rows' : 'error', reason: r.problems[0]!.message, problems: r.problems });
  } else {
    issues.push({ file: entFile, level: 'error', reason: reasonOf(entText.reason) });
  }
  const { pending: _pending, ...rest } = pkg;
  const metrics = manifest === pkg.manifest ? pkg.metrics : new Map(manifest.metrics.map((m) => [m.id, m]));
  return { pkg: { ...rest, manifest, metrics, sources, figures, entities }, issues };
}

