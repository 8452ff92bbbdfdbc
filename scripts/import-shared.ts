/**
 * One-off (re-runnable) import of ../shared/data/{figures,entities}.csv into the
 * shipped data package public/data/. Keeps every row and every source; never
 * changes a value. Re-running on the same input reproduces the same files.
 *
 *   npm run data:import            (reads ../shared/data by default)
 *   npm run data:import -- DIR     (reads DIR/figures.csv and DIR/entities.csv)
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv, toCsv } from '../src/data/csv';
import { ENTITY_COLUMNS, FIGURE_COLUMNS, SOURCE_COLUMNS } from '../src/data/package';
import { NATIONAL, normaliseRegion, regionName } from '../src/data/regions';
import type { Manifest, MetricDef } from '../src/data/types';
import { GROUP_LABELS } from '../src/data/groups';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const inDir = resolve(process.argv[2] ?? join(root, '..', 'shared', 'data'));
const outDir = join(root, 'public', 'data');

if (!existsSync(join(inDir, 'figures.csv'))) {
  console.error(`data:import: ${join(inDir, 'figures.csv')} not found`);
  process.exit(1);
}

const registry: MetricDef[] = JSON.parse(readFileSync(join(root, 'scripts', 'metric-registry.json'), 'utf8'));
const metricIds = new Set(registry.map((m) => m.id));

const hash = (prefix: string, s: string, n = 10) => prefix + createHash('sha1').update(s).digest('hex').slice(0, n);

interface SourceRow { id: string; url: string; citation: string; publisher: string; date: string; quote: string }
const sources = new Map<string, SourceRow>();

/** A source is one page or citation together with the verbatim words quoted from it. */
function sourceFor(ref: string, quote: string): string {
  const isUrl = /^https?:\/\//i.test(ref.trim());
  const id = hash('s', `${ref.trim()}\u0000${quote}`, 8);
  if (!sources.has(id)) {
    let publisher = '';
    let date = '';
    if (isUrl) {
      try {
        publisher = new URL(ref.trim()).hostname;
      } catch {
        throw new Error(`bad URL ${ref}`);
      }
    } else {
      // Citations read "Publication, date, title" — keep them whole; take the
      // date only where the citation itself prints one.
      const m = ref.match(/(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?/) ?? ref.match(/\b(\d{4})-(\d{2})-(\d{2})\b/);
      if (m) date = [m[1], m[2]?.padStart(2, '0'), m[3]?.padStart(2, '0')].filter(Boolean).join('-');
      publisher = ref.replace(/^\(stored page, URL not returned by search tool\)\s*/, '').split(/[,，]/)[0]!.trim();
    }
    sources.set(id, { id, url: isUrl ? ref.trim() : '', citation: isUrl ? '' : ref.trim(), publisher, date, quote });
  }
  return id;
}

const problems: string[] = [];

// ---- figures
const figTable = parseCsv(readFileSync(join(inDir, 'figures.csv'), 'utf8'));
for (const e of figTable.errors) problems.push(`figures.csv:${e.line}: ${e.message}`);
const figRows: string[][] = [];
const figIds = new Set<string>();
for (const { line, cells } of figTable.rows) {
  const c = (k: string) => (cells[k] ?? '').trim();
  const region = normaliseRegion(c('region'));
  if (!region.ok) {
    problems.push(`figures.csv:${line}: region "${c('region')}" not recognised`);
    continue;
  }
  if (!metricIds.has(c('metric'))) problems.push(`figures.csv:${line}: metric ${c('metric')} missing from scripts/metric-registry.json`);
  const sourceId = sourceFor(c('source_url'), cells.source_quote ?? '');
  let id = hash('f', [c('metric'), region.id, c('year'), c('value'), c('qualifier'), c('as_of'), sourceId].join('|'));
  // Exact duplicates in the input keep distinct ids so that data:check can name them.
  for (let k = 2; figIds.has(id); k++) id = hash('f', [c('metric'), region.id, c('year'), c('value'), c('qualifier'), c('as_of'), sourceId, k].join('|'));
  figIds.add(id);
  figRows.push([
    id,
    c('metric'),
    region.id,
    region.id === NATIONAL ? '全国' : regionName(region.id, 'zh'),
    c('year'),
    c('value'),
    c('qualifier'),
    c('as_of'),
    c('unit'),
    cells.note ?? '',
    sourceId,
  ]);
}

// ---- entities
const entTable = parseCsv(readFileSync(join(inDir, 'entities.csv'), 'utf8'));
for (const e of entTable.errors) problems.push(`entities.csv:${e.line}: ${e.message}`);
const entRows: string[][] = [];
for (const { line, cells } of entTable.rows) {
  const c = (k: string) => (cells[k] ?? '').trim();
  let code = '';
  if (c('province')) {
    const r = normaliseRegion(c('province'));
    if (!r.ok) problems.push(`entities.csv:${line}: province "${c('province')}" not recognised`);
    else code = r.id;
  }
  // One entity names its source only in the note ("Source: … no URL returned"): cite that.
  const ref = c('source_url') || (cells.note ?? '').match(/Source:\s*(.+)$/)?.[1]?.trim() || '';
  if (!ref) problems.push(`entities.csv:${line}: no source URL or citation`);
  const sourceId = sourceFor(ref, '');
  entRows.push([
    hash('e', [c('kind'), c('name'), c('year'), c('rank'), c('score'), cells.note ?? '', sourceId].join('|')),
    c('kind'),
    c('name'),
    code,
    c('province'),
    c('city'),
    c('year'),
    c('rank'),
    c('score'),
    cells.note ?? '',
    sourceId,
  ]);
}

if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}

const srcRows = [...sources.values()].sort((a, b) => a.id.localeCompare(b.id)).map((s) => SOURCE_COLUMNS.map((k) => s[k]));

writeFileSync(join(outDir, 'figures.csv'), toCsv(FIGURE_COLUMNS, figRows));
writeFileSync(join(outDir, 'sources.csv'), toCsv(SOURCE_COLUMNS, srcRows));
writeFileSync(join(outDir, 'entities.csv'), toCsv(ENTITY_COLUMNS, entRows));

const usedMetrics = new Set(figRows.map((r) => r[1]));
const manifest: Manifest = {
  name: 'Hatch Atlas data package',
  version: createHash('sha1').update(JSON.stringify([figRows, entRows, srcRows, registry])).digest('hex').slice(0, 12),
  generated: 'scripts/import-shared.ts from shared/data/figures.csv and entities.csv',
  datasets: [
    { id: 'figures', path: 'figures.csv', format: 'csv', rows: figRows.length, description: 'One published figure a row: metric, province (GB/T 2260 code), year, value, qualifier, as_of, source.' },
    { id: 'sources', path: 'sources.csv', format: 'csv', rows: srcRows.length, description: 'Where each figure and entity was read: URL or citation, publisher, date where printed, verbatim quote.' },
    { id: 'entities', path: 'entities.csv', format: 'csv', rows: entRows.length, description: 'Named carriers (parks, incubators, science parks, bases) with province, city, year and rank or rating.' },
    { id: 'geo', path: 'geo/china.json', format: 'geojson', description: 'Province outlines of China (GeoJSON, compressed encoding): the echarts@4.9.0 npm package\'s map/json/china.json, simplified by scripts/geo-simplify.ts (topology-preserving Visvalingam, no point added or moved, no island dropped; the original is kept in scripts/geo/).', licence: 'Apache-2.0, see geo/LICENSE' },
    { id: 'cities', path: 'geo/china-cities-points.json', format: 'json', description: 'City centre points derived from map/json/china-cities.json of the echarts@4.9.0 npm package.', licence: 'Apache-2.0, see geo/LICENSE' },
  ],
  groups: GROUP_LABELS,
  metrics: registry.filter((m) => usedMetrics.has(m.id)),
};
writeFileSync(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
console.log(`data:import: ${figRows.length} figures, ${entRows.length} entities, ${srcRows.length} sources, ${manifest.metrics.length} metrics -> public/data/`);
