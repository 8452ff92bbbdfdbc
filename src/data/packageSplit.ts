/**
 * The data package's long texts in files of their own (the codec beside
 * package.ts): each source's verbatim quote in source_quotes.csv (id,quote)
 * and each figure's compiler's note in figure_notes.csv (id,note), beside
 * sources.csv and figures.csv without those columns. The first chart needs
 * the figures and who published them, not the quotes (half of sources.csv)
 * nor the notes (half of figures.csv): on a slow line the app draws it with
 * the short files and loads the long texts, and the named carriers, right
 * after (load.ts). Nothing is dropped: joined again, the files are the whole
 * tables (`joinTexts`), which is what the writers (packageWrite.ts,
 * `npm run data:add`, the data package download) work on. Pure.
 *
 * The metrics' definitions, likewise, are in metric_definitions.csv
 * (id,definition_zh,definition_en) rather than in manifest.json, of which
 * they were three quarters: they are shown below the chart.
 *
 * A package written before this split (note and quote columns in the main
 * files, definitions in the manifest, no side datasets in its manifest)
 * still loads as it is.
 */
import { parseCsv, toCsv } from './csv';
import { FIGURE_COLUMNS, SOURCE_FILE_COLUMNS } from './package';
import type { DatasetRef, Localised, Manifest, MetricDef } from './types';

export interface SideFile {
  /** the manifest's dataset id and the file's path beside manifest.json */
  id: 'figure_notes' | 'source_quotes';
  path: string;
  /** the table it belongs to, and the column it holds */
  main: 'figures' | 'sources';
  mainPath: string;
  column: 'note' | 'quote';
  description: string;
}

export const SIDE_FILES: readonly SideFile[] = [
  {
    id: 'source_quotes',
    path: 'source_quotes.csv',
    main: 'sources',
    mainPath: 'sources.csv',
    column: 'quote',
    description: "Each source's verbatim quote (id = sources.csv id): the words each figure and entity was read from. Loaded after the first chart.",
  },
  {
    id: 'figure_notes',
    path: 'figure_notes.csv',
    main: 'figures',
    mainPath: 'figures.csv',
    column: 'note',
    description: "The compiler's note on a figure (id = figures.csv id), where there is one. Loaded after the first chart.",
  },
];

/** The manifest's side file: each metric's definition in Chinese and English. */
export const DEFINITIONS = {
  id: 'metric_definitions',
  path: 'metric_definitions.csv',
  columns: ['id', 'definition_zh', 'definition_en'],
  description: "Each metric's definition in Chinese and English (id = the manifest's metric id), shown below the chart. Loaded after the first chart.",
} as const;

/** The manifest without its metrics' definitions, and their side table (in the metrics' order). */
export function splitDefinitions(manifest: Manifest): { manifest: Manifest; side: string; rows: number } {
  const rows = manifest.metrics.filter((m) => m.definition).map((m) => [m.id, m.definition!.zh, m.definition!.en]);
  const metrics = manifest.metrics.map(({ definition: _d, ...m }) => m);
  return { manifest: { ...manifest, metrics }, side: toCsv(DEFINITIONS.columns, rows), rows: rows.length };
}

/** The metrics with their definitions (after `unit`, where the manifest had them); a metric without one is left as it is. */
export function withDefinitions<M extends MetricDef>(metrics: readonly M[], defs: ReadonlyMap<string, Localised>): M[] {
  return metrics.map((m) => {
    const d = defs.get(m.id);
    if (!d) return m;
    const { id, group, label, unit, ...rest } = m;
    return { id, group, label, unit, definition: d, ...rest } as M;
  });
}

/** The definitions of a metric_definitions.csv text: id → zh, en (strict: a broken file throws). */
export function definitionsOf(text: string, what = DEFINITIONS.path): Map<string, Localised> {
  const defs = new Map<string, Localised>();
  for (const r of strictTable(text, what).rows) defs.set(r.cells.id ?? '', { zh: r.cells.definition_zh ?? '', en: r.cells.definition_en ?? '' });
  return defs;
}

/** The package's texts with every column in its main file (as packageWrite.ts reads and writes them). */
export interface WholeTexts {
  manifest: string;
  figures: string;
  sources: string;
}

/** The path of a dataset in the manifest, or its usual one. */
export function datasetPath(manifest: Pick<Manifest, 'datasets'>, id: string, fallback: string): string {
  return manifest.datasets.find((d) => d.id === id)?.path ?? fallback;
}

/** Whether the manifest keeps this side file (else its column is in the main file). */
export function hasSide(manifest: Pick<Manifest, 'datasets'>, side: { id: string }): boolean {
  return manifest.datasets.some((d) => d.id === side.id);
}

function strictTable(text: string, what: string) {
  const t = parseCsv(text);
  if (t.errors.length) throw new Error(`${what}: line ${t.errors[0]!.line}: ${t.errors[0]!.message}`);
  return t;
}

/**
 * Move `column` out of a table: the table without it, and an (id, column)
 * table of the rows where it is not empty, in the table's order. A table
 * without the column is returned as it is, with an empty side table.
 */
export function splitColumn(text: string, column: string, what = 'table'): { main: string; side: string; sideRows: number } {
  const t = strictTable(text, what);
  const at = t.header.indexOf(column);
  if (at < 0) return { main: text, side: toCsv(['id', column], []), sideRows: 0 };
  const header = t.header.filter((h) => h !== column);
  const main = toCsv(header, t.rows.map((r) => header.map((h) => r.cells[h] ?? '')));
  const sideRows = t.rows.filter((r) => (r.cells[column] ?? '') !== '').map((r) => [r.cells.id ?? '', r.cells[column] ?? '']);
  return { main, side: toCsv(['id', column], sideRows), sideRows: sideRows.length };
}

/**
 * Put `column` back into a table at its place in `order` (the table's full
 * column order), from an (id, column) side table; rows without a side row get
 * an empty cell. A table that has the column already is returned as it is.
 */
export function joinColumn(main: string, side: string, column: string, order: readonly string[], what = 'table'): string {
  const t = strictTable(main, what);
  if (t.header.includes(column)) return main;
  const byId = new Map<string, string>();
  for (const r of strictTable(side, `${what} (${column})`).rows) byId.set(r.cells.id ?? '', r.cells[column] ?? '');
  const header = [...t.header];
  const before = order.indexOf(column);
  // after the last column of `order` that comes before it and is in the file
  let at = 0;
  for (let k = before - 1; k >= 0; k--) {
    const j = header.indexOf(order[k]!);
    if (j >= 0) {
      at = j + 1;
      break;
    }
  }
  header.splice(at, 0, column);
  return toCsv(header, t.rows.map((r) => header.map((h) => (h === column ? byId.get(r.cells.id ?? '') ?? '' : r.cells[h] ?? ''))));
}

/**
 * The package's files as written: figures.csv and sources.csv without their
 * long columns, figure_notes.csv and source_quotes.csv with them, and the
 * manifest listing the side files (with their row counts). Keyed by path.
 */
export function splitTexts(whole: WholeTexts): Record<string, string> {
  const manifest = JSON.parse(whole.manifest) as Manifest;
  const out: Record<string, string> = {};
  const datasets: DatasetRef[] = manifest.datasets.filter((d) => !SIDE_FILES.some((s) => s.id === d.id));
  for (const side of SIDE_FILES) {
    const mainPath = datasetPath(manifest, side.main, side.mainPath);
    const { main, side: sideText, sideRows } = splitColumn(whole[side.main], side.column, mainPath);
    out[mainPath] = main;
    out[side.path] = sideText;
    const after = datasets.findIndex((d) => d.id === side.main);
    datasets.splice(after + 1, 0, { id: side.id, path: side.path, format: 'csv', rows: sideRows, description: side.description });
  }
  const defs = splitDefinitions(manifest);
  out[DEFINITIONS.path] = defs.side;
  if (!datasets.some((d) => d.id === DEFINITIONS.id)) {
    const after = datasets.findIndex((d) => d.id === 'source_quotes');
    datasets.splice(after < 0 ? datasets.length : after + 1, 0, { id: DEFINITIONS.id, path: DEFINITIONS.path, format: 'csv', rows: defs.rows, description: DEFINITIONS.description });
  }
  out['manifest.json'] = `${JSON.stringify({ ...defs.manifest, datasets: datasets.map((d) => (d.id === DEFINITIONS.id ? { ...d, rows: defs.rows } : d)) }, null, 2)}\n`;
  return out;
}

/**
 * The whole tables from a package's files (split or not): `read` gives a file's
 * text by its path beside manifest.json. The manifest keeps its side datasets,
 * so that `splitTexts` of the result writes the same layout.
 */
export async function joinTexts(read: (path: string) => Promise<string>, order: { figures: readonly string[]; sources: readonly string[] } = { figures: FIGURE_COLUMNS, sources: SOURCE_FILE_COLUMNS }): Promise<WholeTexts> {
  const manifestText = await read('manifest.json');
  const manifest = JSON.parse(manifestText) as Manifest;
  const texts: WholeTexts = { manifest: manifestText, figures: '', sources: '' };
  if (hasSide(manifest, DEFINITIONS)) {
    const defs = definitionsOf(await read(datasetPath(manifest, DEFINITIONS.id, DEFINITIONS.path)));
    texts.manifest = `${JSON.stringify({ ...manifest, metrics: withDefinitions(manifest.metrics, defs) }, null, 2)}\n`;
  }
  await Promise.all(
    SIDE_FILES.map(async (side) => {
      const mainPath = datasetPath(manifest, side.main, side.mainPath);
      const [main, sideText] = await Promise.all([read(mainPath), hasSide(manifest, side) ? read(datasetPath(manifest, side.id, side.path)) : Promise.resolve(null)]);
      texts[side.main] = sideText === null ? main : joinColumn(main, sideText, side.column, order[side.main], mainPath);
    }),
  );
  return texts;
}
