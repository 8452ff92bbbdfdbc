/**
 * The data package's tables that follow the first chart: entities.csv (the
 * named carriers) and the side files of long texts (packageSplit.ts:
 * source_quotes.csv, figure_notes.csv), and the checks of the manifest's
 * metric registry (reported with them). Beside package.ts, in a module of
 * their own so that the app loads them with the details (loadDetails.ts).
 * Pure.
 */
import type { CsvTable } from './csv';
import { ENTITY_COLUMNS, missingColumns, parseYear, type Problem } from './package';
import { NATIONAL, normaliseRegion } from './regions';
import { withDefinitions } from './packageSplit';
import type { Entity, Localised, Manifest, Source } from './types';
import { METRIC_GROUPS } from './types';

/** A side file of long texts (packageSplit.ts: source_quotes.csv, figure_notes.csv): id → text. */
export function parseSide(table: CsvTable, column: string, file: string): { texts: Map<string, string>; problems: Problem[] } {
  const problems: Problem[] = [...table.errors.map((e) => ({ file, ...e })), ...missingColumns(table, ['id', column], file)];
  const texts = new Map<string, string>();
  if (problems.some((p) => p.line === 1 && p.message.startsWith('missing'))) return { texts, problems };
  for (const { line, cells } of table.rows) {
    const id = (cells.id ?? '').trim();
    if (!id) problems.push({ file, line, message: `${column} without id` });
    else if (texts.has(id)) problems.push({ file, line, message: `duplicate id ${id}` });
    else texts.set(id, cells[column] ?? '');
  }
  return { texts, problems };
}

export function parseEntities(table: CsvTable, sources: ReadonlyMap<string, Source>, file = 'entities.csv'): { entities: Entity[]; problems: Problem[] } {
  const problems: Problem[] = [...table.errors.map((e) => ({ file, ...e })), ...missingColumns(table, ENTITY_COLUMNS, file)];
  const entities: Entity[] = [];
  if (problems.some((p) => p.line === 1 && p.message.startsWith('missing'))) return { entities, problems };
  const seenIds = new Set<string>();
  for (const { line, cells } of table.rows) {
    const bad = (message: string) => problems.push({ file, line, message });
    const name = (cells.name ?? '').trim();
    const eid = (cells.id ?? '').trim();
    if (!eid || seenIds.has(eid)) {
      bad(eid ? `duplicate entity id ${eid}` : 'entity without id');
      continue;
    }
    seenIds.add(eid);
    const sourceId = (cells.source_id ?? '').trim();
    if (!name) {
      bad('entity without name');
      continue;
    }
    if (!sources.has(sourceId)) {
      bad(`source_id "${sourceId}" not in sources`);
      continue;
    }
    const rc = (cells.region_code ?? '').trim();
    let region = '';
    if (rc) {
      const r = normaliseRegion(rc);
      if (!r.ok || r.id === NATIONAL) {
        bad(`unknown region "${rc}"`);
        continue;
      }
      region = r.id;
    }
    const yRaw = (cells.year ?? '').trim();
    const year = yRaw ? parseYear(yRaw) : null;
    if (yRaw && year === null) {
      bad(`year "${yRaw}" is not a year`);
      continue;
    }
    entities.push({
      id: (cells.id ?? '').trim(),
      kind: (cells.kind ?? '').trim(),
      name,
      region,
      city: (cells.city ?? '').trim(),
      year,
      rank: (cells.rank ?? '').trim(),
      score: (cells.score ?? '').trim(),
      note: cells.note ?? '',
      sourceId,
    });
  }
  return { entities, problems };
}

/** metric_definitions.csv (packageSplit.ts): metric id → its definition in Chinese and English. */
export function parseDefinitions(table: CsvTable, metricIds: ReadonlySet<string>, file: string): { defs: Map<string, Localised>; problems: Problem[] } {
  const problems: Problem[] = [...table.errors.map((e) => ({ file, ...e })), ...missingColumns(table, ['id', 'definition_zh', 'definition_en'], file)];
  const defs = new Map<string, Localised>();
  if (problems.some((p) => p.line === 1 && p.message.startsWith('missing'))) return { defs, problems };
  for (const { line, cells } of table.rows) {
    const id = (cells.id ?? '').trim();
    if (!metricIds.has(id)) problems.push({ file, line, message: id ? `definition of unknown metric ${id}` : 'definition without id' });
    else if (defs.has(id)) problems.push({ file, line, message: `duplicate id ${id}` });
    else defs.set(id, { zh: cells.definition_zh ?? '', en: cells.definition_en ?? '' });
  }
  return { defs, problems };
}

/** The manifest with the definitions of a metric_definitions.csv table joined into its metrics, how many there were, and the table's problems. */
export function mergeDefinitions(manifest: Manifest, table: CsvTable, file: string): { manifest: Manifest; count: number; problems: Problem[] } {
  const r = parseDefinitions(table, new Set(manifest.metrics.map((m) => m.id)), file);
  return { manifest: { ...manifest, metrics: withDefinitions(manifest.metrics, r.defs) }, count: r.defs.size, problems: r.problems };
}

/** Checks of the manifest's metric registry (`definitions: false` where they could not be loaded). */
export function checkManifest(manifest: Manifest, file = 'manifest.json', definitions = true): Problem[] {
  const problems: Problem[] = [];
  const ids = new Set<string>();
  manifest.metrics.forEach((m, i) => {
    const at = (message: string) => problems.push({ file, line: 0, message: `metrics[${i}] (${m.id}): ${message}` });
    if (!m.id) at('no id');
    if (ids.has(m.id)) at('duplicate id');
    ids.add(m.id);
    if (!METRIC_GROUPS.includes(m.group)) at(`unknown group ${m.group}`);
    if (!['stock', 'flow', 'cumulative'].includes(m.kind)) at(`unknown kind ${m.kind}`);
    for (const k of definitions ? (['label', 'unit', 'definition'] as const) : (['label', 'unit'] as const)) {
      if (!m[k]?.zh || !m[k]?.en) at(`${k} needs zh and en`);
    }
  });
  return problems;
}
