/**
 * Adding figures, sources and metrics to a data package's files (the
 * writer beside package.ts, the reader): what `npm run data:add` writes into
 * public/data/ (or a built dist/data/), and what the app's "download as
 * data package" gives a web team. Existing rows are kept byte for byte and
 * new ones appended; ids are content hashes, so adding the same figures
 * again adds nothing. A figure that differs from one already in the package
 * from the same source (the same metric, province and year) is not added
 * but reported: a source does not contradict itself. Pure.
 */
import { csvLines, parseCsv } from './csv';
import { SOURCE_FILE_COLUMNS } from './package';
import { regionName } from './regions';
import { contentId } from './sha1';
import type { Figure, Manifest, MetricDef, Source } from './types';

export interface PackageTexts {
  manifest: string;
  figures: string;
  sources: string;
}

export type FigureDraft = Omit<Figure, 'id'>;

export interface Additions {
  figures: readonly FigureDraft[];
  sources: readonly Source[];
  metrics: readonly MetricDef[];
}

export interface MergeResult {
  texts: PackageTexts;
  added: { figures: number; sources: number; metrics: string[] };
  /** figures already in the package (the same id) */
  present: number;
  conflicts: { figure: FigureDraft; existing: string }[];
}

/** A figure's id: the hash of what it says (as scripts/import-shared.ts makes them). */
export function figureId(f: FigureDraft): string {
  return contentId('f', [f.metric, f.region, f.year, f.value, f.qualifier, f.asOf ?? '', f.sourceId].join('|'));
}

/** A figure as a row of figures.csv. */
export function figureRow(id: string, f: FigureDraft): string[] {
  return [id, f.metric, f.region, regionName(f.region, 'zh'), String(f.year), String(f.value), f.qualifier, f.asOf ?? '', f.unit, f.note, f.sourceId];
}

/** A source as a row of sources.csv under `header` (the file's own columns: original_publisher is optional). */
export function sourceRow(s: Source, header: readonly string[] = SOURCE_FILE_COLUMNS): string[] {
  const cell: Record<string, string> = { id: s.id, url: s.url, citation: s.citation, publisher: s.publisher, date: s.date, quote: s.quote, original_publisher: s.originalPublisher ?? '' };
  return header.map((h) => cell[h] ?? '');
}

const withBreak = (t: string) => (t === '' || t.endsWith('\n') ? t : `${t}\n`);

/** The package's files with the additions merged in. */
export function mergeIntoPackage(texts: PackageTexts, add: Additions): MergeResult {
  const manifest = JSON.parse(texts.manifest) as Manifest;
  const figTable = parseCsv(texts.figures);
  const ids = new Set(figTable.rows.map((r) => r.cells.id ?? ''));
  const byKey = new Map<string, string>();
  const keyOf = (metric: string, region: string, year: string | number, sourceId: string) => `${metric}|${region}|${year}|${sourceId}`;
  for (const { cells } of figTable.rows) byKey.set(keyOf(cells.metric ?? '', cells.region_code ?? '', cells.year ?? '', cells.source_id ?? ''), `${cells.value}${cells.qualifier === 'exact' ? '' : ` (${cells.qualifier})`}`);
  const newRows: string[][] = [];
  const conflicts: MergeResult['conflicts'] = [];
  let present = 0;
  const usedSources = new Set<string>();
  for (const f of add.figures) {
    const id = figureId(f);
    if (ids.has(id)) {
      present++;
      continue;
    }
    const k = keyOf(f.metric, f.region, f.year, f.sourceId);
    const existing = byKey.get(k);
    if (existing !== undefined) {
      conflicts.push({ figure: f, existing });
      continue;
    }
    ids.add(id);
    byKey.set(k, String(f.value));
    usedSources.add(f.sourceId);
    newRows.push(figureRow(id, f));
  }
  const srcTable = parseCsv(texts.sources);
  const srcIds = new Set(srcTable.rows.map((r) => r.cells.id ?? ''));
  const newSources = add.sources.filter((s) => usedSources.has(s.id) && !srcIds.has(s.id));
  const known = new Set(manifest.metrics.map((m) => m.id));
  const usedMetrics = new Set(newRows.map((r) => r[1]!));
  const newMetrics = add.metrics.filter((m) => usedMetrics.has(m.id) && !known.has(m.id));
  const figures = newRows.length ? withBreak(texts.figures) + csvLines(newRows) : texts.figures;
  const header = srcTable.header.length ? srcTable.header : [...SOURCE_FILE_COLUMNS];
  const sources = newSources.length ? withBreak(texts.sources) + csvLines(newSources.map((s) => sourceRow(s, header))) : texts.sources;
  let manifestText = texts.manifest;
  if (newRows.length || newSources.length || newMetrics.length) {
    const metrics = [...manifest.metrics, ...newMetrics];
    const datasets = manifest.datasets.map((d) =>
      d.id === 'figures' && d.rows !== undefined ? { ...d, rows: d.rows + newRows.length } : d.id === 'sources' && d.rows !== undefined ? { ...d, rows: d.rows + newSources.length } : d,
    );
    const version = contentId('', `${figures}\u0000${sources}\u0000${JSON.stringify(metrics)}`, 12);
    manifestText = `${JSON.stringify({ ...manifest, version, datasets, metrics }, null, 2)}\n`;
  }
  return {
    texts: { manifest: manifestText, figures, sources },
    added: { figures: newRows.length, sources: newSources.length, metrics: newMetrics.map((m) => m.id) },
    present,
    conflicts,
  };
}

/**
 * The figures of a package whose source is not among `sourceIds` (with those sources' URL or
 * citation): what rebuilding the package from other sources only would drop — figures added with
 * `data:add` or from a downloaded data package, or from a source the compiled data no longer has.
 */
export function figuresFromOtherSources(texts: PackageTexts, sourceIds: ReadonlySet<string>): { figures: { metric: string; region: string; year: string; value: string; source: string }[]; sources: number } {
  const refs = new Map(parseCsv(texts.sources).rows.map(({ cells }) => [cells.id ?? '', cells.url || cells.citation || '']));
  const figures = parseCsv(texts.figures)
    .rows.map(({ cells }) => cells)
    .filter((c) => !sourceIds.has(c.source_id ?? ''))
    .map((c) => ({ metric: c.metric ?? '', region: c.region ?? c.region_code ?? '', year: c.year ?? '', value: c.value ?? '', source: refs.get(c.source_id ?? '') || c.source_id || '' }));
  return { figures, sources: new Set(figures.map((f) => f.source)).size };
}
