/**
 * Validates the shipped data package (public/data/ or the folder given):
 * every figure has a known metric, a known region, a year, a number and a
 * source; no exact duplicates; no two metrics with one label; former metric
 * ids (aliases) point at metrics; every source has a URL or citation; the map
 * geometry is a FeatureCollection whose provinces all resolve. Prints each
 * problem as file:line: message and exits 1 if there is any.
 *
 *   npm run data:check [-- DIR]
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv } from '../src/data/csv';
import { geoNameMap, parseManifest } from '../src/data/load';
import { aliasProblems, duplicateLabels, parseFigures, parseSources, unusedMetrics, type Problem } from '../src/data/package';
import { checkManifest, mergeDefinitions, parseEntities, parseSide } from '../src/data/packageDetails';
import { datasetPath, DEFINITIONS, hasSide, SIDE_FILES } from '../src/data/packageSplit';
import { REGIONS } from '../src/data/regions';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = resolve(process.argv[2] ?? join(root, 'public', 'data'));
const problems: Problem[] = [];
const read = (name: string): string | null => {
  const p = join(dir, name);
  if (!existsSync(p)) {
    problems.push({ file: name, line: 0, message: 'file missing' });
    return null;
  }
  return readFileSync(p, 'utf8');
};

const manifestText = read('manifest.json');
let summary = '';
if (manifestText !== null) {
  try {
    let manifest = parseManifest(manifestText);
    // the metrics' definitions, where they are in a file of their own (src/data/packageSplit.ts)
    if (hasSide(manifest, DEFINITIONS)) {
      const defPath = datasetPath(manifest, DEFINITIONS.id, DEFINITIONS.path);
      const text = read(defPath);
      const r = text === null ? { manifest, count: 0, problems: [] } : mergeDefinitions(manifest, parseCsv(text), defPath);
      problems.push(...r.problems);
      manifest = r.manifest;
      const rows = manifest.datasets.find((d) => d.id === DEFINITIONS.id)?.rows;
      if (rows !== undefined && rows !== r.count) problems.push({ file: 'manifest.json', line: 0, message: `dataset ${DEFINITIONS.id}: manifest says ${rows} rows, ${r.count} found` });
    }
    problems.push(...checkManifest(manifest), ...duplicateLabels(manifest), ...aliasProblems(manifest));
    const metrics = new Map(manifest.metrics.map((m) => [m.id, m]));
    const path = (id: string, d: string) => manifest.datasets.find((x) => x.id === id)?.path ?? d;
    const srcText = read(path('sources', 'sources.csv'));
    const s = srcText === null ? { sources: new Map(), problems: [] } : parseSources(parseCsv(srcText), path('sources', 'sources.csv'));
    problems.push(...s.problems);
    const figText = read(path('figures', 'figures.csv'));
    const f = figText === null ? { figures: [], problems: [] } : parseFigures(parseCsv(figText), metrics, s.sources, path('figures', 'figures.csv'));
    problems.push(...f.problems);
    const entText = read(path('entities', 'entities.csv'));
    const e = entText === null ? { entities: [], problems: [] } : parseEntities(parseCsv(entText), s.sources, path('entities', 'entities.csv'));
    problems.push(...e.problems);
    // the long texts' side files (src/data/packageSplit.ts): each row belongs to a source / figure
    const figureIds = new Set(f.figures.map((x) => x.id));
    for (const side of SIDE_FILES.filter((x) => hasSide(manifest, x))) {
      const sidePath = path(side.id, side.path);
      const text = read(sidePath);
      if (text === null) continue;
      const r = parseSide(parseCsv(text), side.column, sidePath);
      problems.push(...r.problems);
      for (const [id, value] of r.texts) {
        if (side.main === 'sources') {
          const src = s.sources.get(id);
          if (!src) problems.push({ file: sidePath, line: 0, message: `quote for unknown source ${id}` });
          else s.sources.set(id, { ...src, quote: value });
        } else if (!figureIds.has(id)) problems.push({ file: sidePath, line: 0, message: `note for unknown figure ${id}` });
      }
      const rows = manifest.datasets.find((d) => d.id === side.id)?.rows;
      if (rows !== undefined && rows !== r.texts.size) problems.push({ file: 'manifest.json', line: 0, message: `dataset ${side.id}: manifest says ${rows} rows, ${r.texts.size} found` });
    }
    for (const id of unusedMetrics(manifest, f.figures)) problems.push({ file: 'manifest.json', line: 0, message: `metric ${id} has no figures` });
    // every figure's source must carry the words it was read from
    for (const fig of f.figures) {
      const src = s.sources.get(fig.sourceId);
      if (src && !src.quote.trim()) problems.push({ file: path('figures', 'figures.csv'), line: 0, message: `figure ${fig.id}: source ${src.id} has no quote` });
    }
    for (const ds of manifest.datasets) {
      if (ds.rows !== undefined) {
        const n = ds.id === 'figures' ? f.figures.length : ds.id === 'sources' ? s.sources.size : ds.id === 'entities' ? e.entities.length : ds.rows;
        if (n !== ds.rows) problems.push({ file: 'manifest.json', line: 0, message: `dataset ${ds.id}: manifest says ${ds.rows} rows, ${n} valid rows found` });
      }
    }
    summary = `${f.figures.length} figures, ${s.sources.size} sources, ${e.entities.length} entities, ${manifest.metrics.length} metrics`;
  } catch (err) {
    problems.push({ file: 'manifest.json', line: 0, message: (err as Error).message });
  }
}

const geoText = read('geo/china.json');
if (geoText !== null) {
  try {
    const geo = JSON.parse(geoText);
    if (geo.type !== 'FeatureCollection') throw new Error('not a FeatureCollection');
    const codes = new Set(Object.values(geoNameMap(geo)));
    for (const r of REGIONS) if (!codes.has(r.code)) problems.push({ file: 'geo/china.json', line: 0, message: `no outline for ${r.zh} (${r.code})` });
  } catch (err) {
    problems.push({ file: 'geo/china.json', line: 0, message: (err as Error).message });
  }
}

if (problems.length) {
  for (const p of problems) console.error(`${join(dir, p.file)}${p.line ? `:${p.line}` : ''}: ${p.message}`);
  console.error(`data:check: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log(`data:check: OK — ${summary}; map outlines for all ${REGIONS.length} provinces`);
