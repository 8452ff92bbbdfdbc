/**
 * Turning the CSV tables of the data package into typed records, with every
 * problem reported by file and line. Used by the app at load time and by
 * `npm run data:check`. Pure.
 */
import type { CsvTable } from './csv';
import { normaliseRegion } from './regions';
import type { Figure, Manifest, MetricDef, Qualifier, Source } from './types';
import { QUALIFIERS } from './types';

export interface Problem {
  file: string;
  line: number;
  message: string;
}

export const FIGURE_COLUMNS = ['id', 'metric', 'region_code', 'region', 'year', 'value', 'qualifier', 'as_of', 'unit', 'note', 'source_id'] as const;
export const SOURCE_COLUMNS = ['id', 'url', 'citation', 'publisher', 'date', 'quote'] as const;
/**
 * Optional columns of sources.csv after the required ones: `original_publisher`
 * names who first published what a reposted or mirrored page carries. A file
 * without them (an older package, a user's import) is still valid.
 */
export const SOURCE_OPTIONAL_COLUMNS = ['original_publisher'] as const;
/** The columns of the shipped sources.csv, in order. */
export const SOURCE_FILE_COLUMNS = [...SOURCE_COLUMNS, ...SOURCE_OPTIONAL_COLUMNS] as const;
/**
 * The columns a figures.csv or sources.csv must have: the long texts (a figure's
 * note, a source's quote) may be in a side file instead (packageSplit.ts).
 */
export const FIGURE_REQUIRED = FIGURE_COLUMNS.filter((c) => c !== 'note');
export const SOURCE_REQUIRED = SOURCE_COLUMNS.filter((c) => c !== 'quote');
export const ENTITY_COLUMNS = ['id', 'kind', 'name', 'region_code', 'province', 'city', 'year', 'rank', 'score', 'note', 'source_id'] as const;

export function missingColumns(table: CsvTable, cols: readonly string[], file: string): Problem[] {
  const miss = cols.filter((c) => !table.header.includes(c));
  return miss.length ? [{ file, line: 1, message: `missing column(s): ${miss.join(', ')}` }] : [];
}

const YEAR_MIN = 1980;
const YEAR_MAX = 2100;

export function parseYear(s: string): number | null {
  if (!/^\d{4}$/.test(s.trim())) return null;
  const y = Number(s);
  return y >= YEAR_MIN && y <= YEAR_MAX ? y : null;
}

export function parseSources(table: CsvTable, file = 'sources.csv'): { sources: Map<string, Source>; problems: Problem[] } {
  const problems: Problem[] = [...table.errors.map((e) => ({ file, ...e })), ...missingColumns(table, SOURCE_REQUIRED, file)];
  const sources = new Map<string, Source>();
  if (problems.some((p) => p.line === 1)) return { sources, problems };
  for (const { line, cells } of table.rows) {
    const id = (cells.id ?? '').trim();
    if (!id) {
      problems.push({ file, line, message: 'source without id' });
      continue;
    }
    if (sources.has(id)) {
      problems.push({ file, line, message: `duplicate source id ${id}` });
      continue;
    }
    const url = (cells.url ?? '').trim();
    const citation = (cells.citation ?? '').trim();
    if (!url && !citation) problems.push({ file, line, message: `source ${id} has neither URL nor citation` });
    if (url && !/^https?:\/\//i.test(url)) problems.push({ file, line, message: `source ${id}: URL must start with http(s):// (${url})` });
    sources.set(id, {
      id,
      url: /^https?:\/\//i.test(url) ? url : '',
      citation,
      publisher: (cells.publisher ?? '').trim(),
      date: (cells.date ?? '').trim(),
      quote: cells.quote ?? '',
      originalPublisher: (cells.original_publisher ?? '').trim(),
    });
  }
  return { sources, problems };
}

export function parseFigures(
  table: CsvTable,
  metrics: ReadonlyMap<string, MetricDef>,
  sources: ReadonlyMap<string, Source>,
  file = 'figures.csv',
): { figures: Figure[]; problems: Problem[] } {
  const problems: Problem[] = [...table.errors.map((e) => ({ file, ...e })), ...missingColumns(table, FIGURE_REQUIRED, file)];
  const figures: Figure[] = [];
  if (problems.some((p) => p.line === 1 && p.message.startsWith('missing'))) return { figures, problems };
  const seenIds = new Set<string>();
  const seenRows = new Map<string, number>();
  for (const { line, cells } of table.rows) {
    const bad = (message: string) => problems.push({ file, line, message });
    const id = (cells.id ?? '').trim();
    const metric = (cells.metric ?? '').trim();
    const regionRaw = (cells.region_code ?? '').trim() || (cells.region ?? '').trim();
    const yearRaw = (cells.year ?? '').trim();
    const valueRaw = (cells.value ?? '').trim();
    const qualifier = (cells.qualifier ?? '').trim() as Qualifier;
    const asOfRaw = (cells.as_of ?? '').trim();
    const sourceId = (cells.source_id ?? '').trim();
    let ok = true;
    if (!id) (ok = false), bad('figure without id');
    else if (seenIds.has(id)) (ok = false), bad(`duplicate figure id ${id}`);
    if (!metrics.has(metric)) (ok = false), bad(`unknown metric "${metric}"`);
    const region = normaliseRegion(regionRaw);
    if (!region.ok) (ok = false), bad(`unknown region "${regionRaw}"`);
    const year = parseYear(yearRaw);
    if (year === null) (ok = false), bad(`year "${yearRaw}" is not a year between ${YEAR_MIN} and ${YEAR_MAX}`);
    const value = /^\d+(\.\d+)?$/.test(valueRaw) ? Number(valueRaw) : NaN;
    if (!Number.isFinite(value) || value < 0) (ok = false), bad(`value "${valueRaw}" is not a non-negative number`);
    if (!QUALIFIERS.includes(qualifier)) (ok = false), bad(`qualifier "${cells.qualifier ?? ''}" is not one of ${QUALIFIERS.join('/')}`);
    if (asOfRaw && !/^\d{4}-(0[1-9]|1[0-2])$/.test(asOfRaw)) (ok = false), bad(`as_of "${asOfRaw}" is not YYYY-MM`);
    if (!sourceId) (ok = false), bad('figure without source_id');
    else if (!sources.has(sourceId)) (ok = false), bad(`source_id "${sourceId}" not in sources`);
    if (!ok || !region.ok || year === null) continue;
    const dupKey = [metric, region.id, year, value, qualifier, asOfRaw, sourceId].join('|');
    const prev = seenRows.get(dupKey);
    if (prev !== undefined) {
      bad(`exact duplicate of line ${prev}`);
      continue;
    }
    seenRows.set(dupKey, line);
    seenIds.add(id);
    figures.push({
      id,
      metric,
      region: region.id,
      year,
      value,
      qualifier,
      asOf: asOfRaw || null,
      unit: (cells.unit ?? '').trim(),
      note: cells.note ?? '',
      sourceId,
    });
  }
  return { figures, problems };
}



/**
 * Former metric ids (`aliases`) that are still metric ids or point at no
 * metric. Checked by `npm run data:check`; the app needs no check, as a
 * former id without a successor is simply an unknown metric.
 */
export function aliasProblems(manifest: Manifest, file = 'manifest.json'): Problem[] {
  const problems: Problem[] = [];
  const ids = new Set(manifest.metrics.map((m) => m.id));
  for (const [from, to] of Object.entries(manifest.aliases ?? {})) {
    const at = (message: string) => problems.push({ file, line: 0, message: `aliases.${from}: ${message}` });
    if (ids.has(from)) at('is still a metric id');
    if (typeof to !== 'string' || !ids.has(to)) at(`points to unknown metric ${String(to)}`);
  }
  return problems;
}

/**
 * Metrics sharing a label in either language: the metric picker would offer
 * two entries an official cannot tell apart. Checked by `npm run data:check`.
 */
export function duplicateLabels(manifest: Manifest, file = 'manifest.json'): Problem[] {
  const problems: Problem[] = [];
  for (const lang of ['zh', 'en'] as const) {
    const seen = new Map<string, string>();
    for (const m of manifest.metrics) {
      const label = m.label?.[lang]?.trim();
      if (!label) continue;
      const other = seen.get(label);
      if (other) problems.push({ file, line: 0, message: `metrics ${other} and ${m.id} share the ${lang} label "${label}"` });
      else seen.set(label, m.id);
    }
  }
  return problems;
}

/** Figures whose metric is never used, and metrics without figures, are worth knowing. */
export function unusedMetrics(manifest: Manifest, figures: readonly Figure[]): string[] {
  const used = new Set(figures.map((f) => f.metric));
  return manifest.metrics.filter((m) => !used.has(m.id)).map((m) => m.id);
}
