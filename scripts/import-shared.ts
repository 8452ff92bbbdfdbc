/**
 * One-off (re-runnable) import of ../shared/data/{figures,entities}.csv into the
 * shipped data package public/data/. Keeps every row and every source; never
 * changes a value. Re-running on the same input reproduces the same files.
 *
 * The figures are read by the app's import pipeline (src/import/pipeline.ts,
 * the same as the browser's import and `npm run data:add`): its regions,
 * years, numbers, qualifiers and as-of dates, its problem rows and their
 * words. Unlike a user's file, every row is kept as written, repeats
 * included (two sources saying the same thing corroborate each other); the
 * sources are built as the import builds them (src/data/sourceRef.ts).
 *
 * Besides copying, it (rules in scripts/import-rules.ts):
 *  - maps former metric ids to the id they now go by (scripts/metric-aliases.json)
 *    and lists them in the manifest's `aliases`, so that old links still open;
 *  - moves the compiler's parenthetical remark out of an entity's name into
 *    its note ("滁州海智基地 (set up 2013)" → name "滁州海智基地");
 *  - records, per page, the original publisher a note credits for a reposted
 *    or mirrored page ("科技日报 via huai123.net") in sources.csv's
 *    `original_publisher`.
 *
 *   npm run data:import            (reads ../shared/data by default)
 *   npm run data:import -- DIR     (reads DIR/figures.csv and DIR/entities.csv)
 *   npm run data:import -- DIR OUT (writes the package into OUT instead of public/data)
 *   npm run data:import -- --replace (even if OUT has figures from sources ../shared does not have)
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv, toCsv } from '../src/data/csv';
import { ENTITY_COLUMNS, FIGURE_COLUMNS, SOURCE_FILE_COLUMNS } from '../src/data/package';
import { joinTexts, splitTexts } from '../src/data/packageSplit';
import { figuresFromOtherSources } from '../src/data/packageWrite';
import { normaliseRegion, regionName } from '../src/data/regions';
import { contentId } from '../src/data/sha1';
import { sourceId, sourceOfRef } from '../src/data/sourceRef';
import type { Manifest, MetricDef } from '../src/data/types';
import { GROUP_LABELS } from '../src/data/groups';
import { analyse } from '../src/import/pipeline';
import { problemText } from '../src/import/report';
import { isLeftOut } from '../src/import/types';
import { checkAliases, noteWithRemark, originalPublisher, splitEntityName, type MetricAlias } from './import-rules';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const positional = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const inDir = resolve(positional[0] ?? join(root, '..', 'shared', 'data'));
const outDir = resolve(positional[1] ?? join(root, 'public', 'data'));
/** rebuild even if that drops figures whose sources ../shared does not have (see the check before writing) */
const replace = process.argv.includes('--replace');

if (!existsSync(join(inDir, 'figures.csv'))) {
  console.error(`data:import: ${join(inDir, 'figures.csv')} not found`);
  process.exit(1);
}

const registry: MetricDef[] = JSON.parse(readFileSync(join(root, 'scripts', 'metric-registry.json'), 'utf8'));
const metricIds = new Set(registry.map((m) => m.id));
const aliasList: MetricAlias[] = JSON.parse(readFileSync(join(root, 'scripts', 'metric-aliases.json'), 'utf8'));
const aliases = new Map(aliasList.map((a) => [a.from, a.to]));

const hash = (prefix: string, s: string, n = 10) => contentId(prefix, s, n);

interface SourceRow { id: string; url: string; citation: string; publisher: string; date: string; quote: string; original_publisher: string }
const sources = new Map<string, SourceRow>();
/** every note read on a page (URL or citation), to find the publisher it reposts */
const notesByRef = new Map<string, string[]>();
const noteOn = (ref: string, note: string) => notesByRef.set(ref.trim(), [...(notesByRef.get(ref.trim()) ?? []), note]);

/** A source is one page or citation together with the verbatim words quoted from it. */
function sourceFor(ref: string, quote: string): string {
  const id = sourceId(ref, quote);
  if (!sources.has(id)) {
    if (/^https?:\/\//i.test(ref.trim()) && !sourceOfRef(ref, quote).url) throw new Error(`bad URL ${ref}`);
    const s = sourceOfRef(ref, quote, id);
    sources.set(id, { id, url: s.url, citation: s.citation, publisher: s.publisher, date: s.date, quote, original_publisher: '' });
  }
  return id;
}

const problems: string[] = checkAliases(aliasList, metricIds);

// ---- figures: read by the import pipeline; each row written as it was read, with its region's code
const figText = readFileSync(join(inDir, 'figures.csv'), 'utf8');
const analysis = analyse(new TextEncoder().encode(figText), { repeats: 'keep' });
if (analysis.fatal || analysis.blocking.length) problems.push(`figures.csv: ${analysis.fatal?.code ?? analysis.blocking.join(', ')}`);
for (const p of analysis.problems) problems.push(`figures.csv:${problemText('en', p).trim()}`);
const figTable = parseCsv(figText);
for (const e of figTable.errors) problems.push(`figures.csv:${e.line}: ${e.message}`);
const rowAt = new Map(figTable.rows.map((r) => [r.line, r.cells]));
const regionAt = new Map(analysis.drafts.map((d) => [d.line, d.region]));
for (const { line } of figTable.rows) if (!regionAt.has(line) && !analysis.problems.some((p) => p.line === line)) problems.push(`figures.csv:${line}: no figure read`);
const figRows: string[][] = [];
const figIds = new Set<string>();
for (const d of analysis.drafts) {
  const cells = rowAt.get(d.line)!;
  const c = (k: string) => (cells[k] ?? '').trim();
  const metric = aliases.get(c('metric')) ?? c('metric');
  if (!metricIds.has(metric)) problems.push(`figures.csv:${d.line}: metric ${metric} missing from scripts/metric-registry.json`);
  const sourceId = sourceFor(c('source_url'), cells.source_quote ?? '');
  noteOn(c('source_url'), cells.note ?? '');
  let id = hash('f', [metric, d.region, c('year'), c('value'), c('qualifier'), c('as_of'), sourceId].join('|'));
  // Exact duplicates in the input keep distinct ids so that data:check can name them.
  for (let k = 2; figIds.has(id); k++) id = hash('f', [metric, d.region, c('year'), c('value'), c('qualifier'), c('as_of'), sourceId, k].join('|'));
  figIds.add(id);
  figRows.push([id, metric, d.region, regionName(d.region, 'zh'), c('year'), c('value'), c('qualifier'), c('as_of'), c('unit'), cells.note ?? '', sourceId]);
}
if (analysis.problems.some((p) => !isLeftOut(p))) problems.push('figures.csv: rows with problems (above); fix them in ../shared/data/figures.csv');

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
  noteOn(ref, cells.note ?? '');
  // the id hashes the name as compiled, so that it survives the split below
  const { name, remark } = splitEntityName(c('name'));
  entRows.push([
    hash('e', [c('kind'), c('name'), c('year'), c('rank'), c('score'), cells.note ?? '', sourceId].join('|')),
    c('kind'),
    name,
    code,
    c('province'),
    c('city'),
    c('year'),
    c('rank'),
    c('score'),
    noteWithRemark(cells.note ?? '', remark),
    sourceId,
  ]);
}

if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}

for (const s of sources.values()) s.original_publisher = originalPublisher(notesByRef.get(s.url || s.citation) ?? []);
const srcRows = [...sources.values()].sort((a, b) => a.id.localeCompare(b.id)).map((s) => SOURCE_FILE_COLUMNS.map((k) => s[k]));

// The package being replaced may hold figures that do not come from ../shared (added with data:add,
// or from a downloaded data package): rebuilding would drop them, sources and all. Say which and
// write nothing, unless asked to (--replace).
if (!replace && existsSync(join(outDir, 'figures.csv')) && existsSync(join(outDir, 'manifest.json'))) {
  const old = await joinTexts(async (path) => readFileSync(join(outDir, path), 'utf8'));
  const lost = figuresFromOtherSources(old, new Set(srcRows.map((r) => r[0]!)));
  if (lost.figures.length) {
    console.error(`data:import: ${outDir} has ${lost.figures.length} figures from ${lost.sources} sources that ../shared does not have (added with data:add or from a data package, or from a source ../shared no longer lists); rebuilding would drop them, for example:`);
    for (const f of lost.figures.slice(0, 5)) console.error(`  ${f.metric} · ${f.region} · ${f.year}: ${f.value} (${f.source})`);
    console.error('Nothing was written. Add those figures to ../shared/data with their sources, or run "npm run data:import -- --replace" and then data:add again for your own tables.');
    process.exit(1);
  }
}

mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'entities.csv'), toCsv(ENTITY_COLUMNS, entRows));

const usedMetrics = new Set(figRows.map((r) => r[1]));
const manifest: Manifest = {
  name: 'Hatch Atlas data package',
  version: contentId('', JSON.stringify([figRows, entRows, srcRows, registry, aliasList]), 12),
  generated: 'scripts/import-shared.ts from shared/data/figures.csv and entities.csv',
  datasets: [
    { id: 'figures', path: 'figures.csv', format: 'csv', rows: figRows.length, description: 'One published figure a row: metric, province (GB/T 2260 code), year, value, qualifier, as_of, source; the compiler’s note, where there is one, is in figure_notes.csv.' },
    { id: 'sources', path: 'sources.csv', format: 'csv', rows: srcRows.length, description: 'Where each figure and entity was read: URL or citation, publisher, date where printed; the verbatim quote is in source_quotes.csv.' },
    { id: 'entities', path: 'entities.csv', format: 'csv', rows: entRows.length, description: 'Named carriers (parks, incubators, science parks, bases) with province, city, year and rank or rating.' },
    { id: 'geo', path: 'geo/china.json', format: 'geojson', description: 'Province outlines of China (GeoJSON, compressed encoding): the echarts@4.9.0 npm package\'s map/json/china.json, simplified by scripts/geo-simplify.ts (topology-preserving Visvalingam, no point added or moved, no island dropped; the original is kept in scripts/geo/).', licence: 'Apache-2.0, see geo/LICENSE' },
    { id: 'geo-svg', path: 'geo/china.svg', format: 'svg', description: 'The same province outlines as geo/china.json, as the SVG the province map draws (written by scripts/geo-svg.mjs: the GeoJSON as ECharts reads it, in 1/1024 degree units, one path per province named by its code).', licence: 'Apache-2.0, see geo/LICENSE' },
    { id: 'cities', path: 'geo/china-cities-points.json', format: 'json', description: 'City centre points derived from map/json/china-cities.json of the echarts@4.9.0 npm package.', licence: 'Apache-2.0, see geo/LICENSE' },
  ],
  groups: GROUP_LABELS,
  metrics: registry.filter((m) => usedMetrics.has(m.id)),
  aliases: Object.fromEntries(aliasList.map((a) => [a.from, a.to])),
};
// figures.csv and sources.csv without their long texts, which go to figure_notes.csv and
// source_quotes.csv (src/data/packageSplit.ts: the first chart loads the short files only)
const files = splitTexts({ manifest: JSON.stringify(manifest), figures: toCsv(FIGURE_COLUMNS, figRows), sources: toCsv(SOURCE_FILE_COLUMNS, srcRows) });
for (const [path, text] of Object.entries(files)) writeFileSync(join(outDir, path), text);
console.log(`data:import: ${figRows.length} figures, ${entRows.length} entities, ${srcRows.length} sources, ${manifest.metrics.length} metrics, ${aliasList.length} former metric ids -> ${outDir}`);
