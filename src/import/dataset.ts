/**
 * From an analysed file and the user's choices (which metric each of the
 * file's metrics is) to the dataset the app merges in; the rejected rows as
 * a CSV to fix and re-import; an imported dataset as a clean CSV in the data
 * package's own format. Pure: no state, no DOM.
 */
import { buildCsv, type CsvValue } from '../data/csvExport';
import { FIGURE_COLUMNS, SOURCE_COLUMNS } from '../data/package';
import { regionName } from '../data/regions';
import { sourceOfParts, sourceOfRef } from '../data/sourceRef';
import type { Figure, Localised, MetricDef, MetricKind, Source } from '../data/types';
import type { UserDataset } from '../data/merge';
import { pathLabel } from './headerRows';
import { splitHeaderUnit } from './headers';
import { userMetricSlug, type Translit } from './metricId';
import { draftCount, draftOf, type ReportAnalysis } from './pack';
import type { AnalysisCore, ImportAnalysis, MetricKeyInfo, Reason, TableReport } from './types';

export const USER_GROUP = 'user' as const;

export type MetricChoice =
  | { kind: 'existing'; id: string }
  | { kind: 'new'; labelZh: string; labelEn: string; unitZh: string; unitEn: string; metricKind: MetricKind };

export type ChoiceError = 'label-missing' | 'unit-missing' | 'unknown-metric';

const norm = (s: string) => s.normalize('NFKC').trim().toLowerCase().replace(/[\s_\-()（）]/g, '');
const hasCjk = (s: string) => /[\u3400-\u9fff]/.test(s);

/** The known metrics' id and labels, normalised once per list (a file may have a hundred metrics to match). */
const normCache = new WeakMap<readonly MetricDef[], [string, string, string][]>();
function normNames(known: readonly MetricDef[]): [string, string, string][] {
  let n = normCache.get(known);
  if (!n || n.length !== known.length) {
    n = known.map((m) => [norm(m.id), norm(m.label.zh), norm(m.label.en)]);
    normCache.set(known, n);
  }
  return n;
}

/**
 * A new metric's kind as its name suggests, as the bundled metrics are named: "累计…" is
 * cumulative; "当年…", "新增…", "新认定…" count what was added in the year; anything else is
 * a year-end stock. Only a first choice: the report shows it and the user can change it.
 */
export function suggestKind(name: string): MetricKind {
  if (/累计|cumulative|to date/i.test(name)) return 'cumulative';
  if (/当年|本年|全年|年内|新增|新认定|新备案|\bnew(ly)?\b|in (the )?year|during the year|annual/i.test(name)) return 'flow';
  return 'stock';
}

/**
 * A first choice for each metric of the file: a known metric whose id or
 * label (zh/en) is exactly the file's name for it, else a new metric with
 * the file's name and unit filled in where the file gives them, and the kind
 * its name suggests.
 */
export function suggestChoice(info: MetricKeyInfo, known: readonly MetricDef[]): MetricChoice {
  // a header of several rows names the metric by its path: "孵化器数量/其中：国家级" is 孵化器数量（国家级）
  const name = info.key.startsWith('#') ? '' : info.path ? pathLabel(info.path) : info.key;
  for (const k of new Set([norm(info.key), norm(name)])) {
    if (!k) continue;
    const names = normNames(known);
    const at = names.findIndex((n) => n[0] === k || n[1] === k || n[2] === k);
    if (at >= 0) return { kind: 'existing', id: known[at]!.id };
  }
  // no unit in the file but one in the name's closing brackets ("风险投资额（万元）"): name and unit apart
  const split = info.units.length || info.unitZh || info.unitEn ? null : splitHeaderUnit(name);
  const label = split?.unit ? split.base : name;
  const unit = info.units.length === 1 ? info.units[0]! : split?.unit ?? '';
  return {
    kind: 'new',
    labelZh: info.labelZh ?? (hasCjk(label) ? label : ''),
    labelEn: info.labelEn ?? (label && !hasCjk(label) && !/^user_/.test(label) ? label : ''),
    unitZh: info.unitZh ?? (hasCjk(unit) || (unit && !/[a-z]/i.test(unit)) ? unit : ''),
    unitEn: info.unitEn ?? (unit && /[a-z]/i.test(unit) && !hasCjk(unit) ? unit : ''),
    metricKind: suggestKind(name),
  };
}

/** What is missing before a choice can be imported. A label and a unit are needed in at least one language. */
export function choiceErrors(c: MetricChoice, known: readonly MetricDef[]): ChoiceError[] {
  if (c.kind === 'existing') return known.some((m) => m.id === c.id) ? [] : ['unknown-metric'];
  const e: ChoiceError[] = [];
  if (!c.labelZh.trim() && !c.labelEn.trim()) e.push('label-missing');
  if (!c.unitZh.trim() && !c.unitEn.trim()) e.push('unit-missing');
  return e;
}

export { userMetricSlug } from './metricId';

/** The metric definition of a new metric: the user's words, in both languages where given. */
export function newMetricDef(c: Extract<MetricChoice, { kind: 'new' }>, known: readonly MetricDef[], translit?: Translit, definition: Localised = IMPORTED_DEFINITION): MetricDef {
  const labelZh = c.labelZh.trim() || c.labelEn.trim();
  const labelEn = c.labelEn.trim() || c.labelZh.trim();
  const unitZh = c.unitZh.trim() || c.unitEn.trim();
  const unitEn = c.unitEn.trim() || c.unitZh.trim();
  const base = userMetricSlug(c.labelEn, c.labelZh || c.labelEn, translit);
  const same = (m: MetricDef) => m.label.zh === labelZh && m.label.en === labelEn && m.unit.zh === unitZh && m.unit.en === unitEn && m.kind === c.metricKind;
  let id = base;
  for (let n = 2; ; n++) {
    const m = known.find((x) => x.id === id);
    if (!m || (m.group === USER_GROUP && same(m))) break;
    id = `${base}_${n}`;
  }
  return {
    id,
    group: USER_GROUP,
    label: { zh: labelZh, en: labelEn },
    unit: { zh: unitZh, en: unitEn },
    definition,
    kind: c.metricKind,
  };
}

const IMPORTED_DEFINITION: Localised = { zh: '用户导入的数据', en: 'imported by the user' };

/** The source of an imported file's figures whose rows name none and for which none was given: the file. */
export function userSourceFor(fileName: string, datasetId: string, importedAt: string): Source {
  const date = importedAt.slice(0, 10);
  return {
    id: `u-${datasetId}`,
    url: '',
    citation: `用户导入 / imported by the user: ${fileName} (${date})`,
    publisher: fileName,
    date,
    quote: '',
  };
}

export interface DatasetMeta {
  datasetId: string;
  fileName: string;
  importedAt: string;
  /** the source of figures whose row names none and for which none was given (userSourceFor) */
  source: Source;
  /** the source given by hand (a citation, a URL): for every figure whose row names none */
  given?: { citation?: string; url?: string };
  /** pinyin, for the ids of new metrics named in Chinese only (metricId.ts) */
  translit?: Translit;
}

export type BuildResult = { ok: true; dataset: UserDataset; metricIds: string[] } | { ok: false; errors: { key: string; errors: ChoiceError[] }[] };

/**
 * The metrics of an import: each of the file's metric keys resolved to a
 * known metric or defined as a new one. Shared by the app and `npm run data:add`.
 */
export function resolveMetrics(
  keys: readonly MetricKeyInfo[],
  choices: Readonly<Record<string, MetricChoice>>,
  known: readonly MetricDef[],
  translit?: Translit,
  definition?: Localised,
): { ok: true; idOf: Map<string, string>; metrics: MetricDef[]; all: MetricDef[] } | { ok: false; errors: { key: string; errors: ChoiceError[] }[] } {
  const errors: { key: string; errors: ChoiceError[] }[] = [];
  const idOf = new Map<string, string>();
  const metrics: MetricDef[] = [];
  const all = [...known];
  for (const info of keys) {
    const c = choices[info.key];
    if (!c) {
      errors.push({ key: info.key, errors: ['unknown-metric'] });
      continue;
    }
    const e = choiceErrors(c, all);
    if (e.length) {
      errors.push({ key: info.key, errors: e });
      continue;
    }
    if (c.kind === 'existing') {
      idOf.set(info.key, c.id);
      const m = all.find((x) => x.id === c.id);
      if (m && m.group === USER_GROUP && !metrics.some((x) => x.id === m.id)) metrics.push(m);
    } else {
      const def = newMetricDef(c, all, translit, definition);
      idOf.set(info.key, def.id);
      if (!metrics.some((x) => x.id === def.id)) metrics.push(def);
      if (!all.some((x) => x.id === def.id)) all.push(def);
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, idOf, metrics, all };
}

/** A figure of an import before it has its id. */
export type FigureDraft = Omit<Figure, 'id'>;

/**
 * Every usable figure of an analysis with its metric and its source: the
 * row's 来源 cell where it has one, else the source given by hand, else
 * `fallback` (the file itself); each source quotes its table's title. The
 * source ids are sourceRef.ts's content ids with `idPrefix` before them.
 */
export function figuresAndSources(
  a: ImportAnalysis | ReportAnalysis,
  idOf: ReadonlyMap<string, string>,
  unitOf: ReadonlyMap<string, string>,
  opts: { given?: { citation?: string; url?: string }; fallback?: (table: TableReport) => Source; idPrefix?: string },
): { figures: FigureDraft[]; sources: Source[] } {
  const prefix = opts.idPrefix ?? '';
  const tables = new Map(a.tables.map((t) => [t.sheet, t]));
  const sources = new Map<string, Source>();
  const add = (s: Source): string => {
    const id = prefix + s.id;
    if (!sources.has(id)) sources.set(id, { ...s, id });
    return id;
  };
  const givenOf = new Map<string, string | null>();
  const fallbackOf = new Map<string, string>();
  const refOf = new Map<string, string>();
  const n = draftCount(a);
  const figures: FigureDraft[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const d = draftOf(a, i);
    const t = tables.get(d.sheet);
    const quote = t?.title ?? '';
    let sourceId: string | undefined;
    if (d.source) {
      const k = `${d.sheet}\u0000${d.source}`;
      sourceId = refOf.get(k);
      if (!sourceId) refOf.set(k, (sourceId = add(sourceOfRef(d.source, quote))));
    } else {
      if (!givenOf.has(d.sheet)) {
        const g = opts.given ? sourceOfParts(opts.given, quote) : null;
        givenOf.set(d.sheet, g ? add(g) : null);
      }
      sourceId = givenOf.get(d.sheet) ?? undefined;
      if (!sourceId && opts.fallback && t) {
        if (!fallbackOf.has(d.sheet)) fallbackOf.set(d.sheet, add(opts.fallback(t)));
        sourceId = fallbackOf.get(d.sheet);
      }
    }
    const metric = idOf.get(d.metricKey)!;
    figures[i] = {
      metric,
      region: d.region,
      year: d.year,
      value: d.value,
      qualifier: d.qualifier,
      asOf: d.asOf,
      unit: d.unit || unitOf.get(metric) || '',
      note: d.note,
      sourceId: sourceId ?? '',
    };
  }
  return { figures, sources: [...sources.values()] };
}

/** The dataset to merge: every usable figure of the file, with its metric and its source resolved. */
export function buildDataset(a: ImportAnalysis | ReportAnalysis, choices: Readonly<Record<string, MetricChoice>>, meta: DatasetMeta, known: readonly MetricDef[]): BuildResult {
  const r = resolveMetrics(a.metricKeys, choices, known, meta.translit);
  if (!r.ok) return r;
  const unitOf = new Map(r.all.map((m) => [m.id, m.unit.zh]));
  const several = a.tables.length > 1;
  const { figures, sources } = figuresAndSources(a, r.idOf, unitOf, {
    given: meta.given,
    idPrefix: 'u-',
    // the file itself, one source per table (each quotes its own title)
    fallback: (t) => ({ ...meta.source, id: several ? `${meta.source.id.replace(/^u-/, '')}-${a.tables.indexOf(t) + 1}` : meta.source.id.replace(/^u-/, ''), citation: t.sheet ? `${meta.source.citation} · ${t.sheet}` : meta.source.citation, quote: t.title }),
  });
  return {
    ok: true,
    dataset: {
      id: meta.datasetId,
      fileName: meta.fileName,
      importedAt: meta.importedAt,
      figures: figures.map((f, i) => ({ id: `u-${meta.datasetId}-${i + 1}`, ...f })),
      sources,
      metrics: r.metrics,
    },
    metricIds: [...new Set(r.idOf.values())],
  };
}

/** A fresh dataset id: time and randomness, letters and digits only. */
export function newDatasetId(now = Date.now(), rand: () => number = Math.random): string {
  return `${now.toString(36)}${Math.floor(rand() * 36 ** 4).toString(36).padStart(4, '0')}`;
}

const REJECTED_HEAD = { zh: ['行号', '原因'], en: ['line', 'reason'] } as const;
const SHEET_HEAD = { zh: '工作表', en: 'sheet' } as const;

/**
 * The rejected rows as CSV: line number, reasons, then the row's cells
 * under the file's own header — fix them and import this file again (the
 * line and reason columns are ignored on import). A workbook's rows also
 * name their sheet; sheets with different headers get the first one's.
 * UTF-8 with BOM, formulas neutralised.
 */
export function rejectedRowsCsv(a: AnalysisCore, lang: 'zh' | 'en', reasonText: (r: Reason) => string): string {
  const columns = a.tables[0]?.columns ?? [];
  const sheets = a.format !== 'csv';
  const header = [...REJECTED_HEAD[lang], ...(sheets ? [SHEET_HEAD[lang]] : []), ...columns.map((c) => c.header)];
  const width = columns.length;
  const rows: CsvValue[][] = a.problems.map((p) => {
    const cells = p.fields.slice(0, Math.max(width, p.fields.length));
    return [p.line, p.reasons.map(reasonText).join('; '), ...(sheets ? [p.sheet] : []), ...cells];
  });
  return buildCsv(header, rows, new Set([0]));
}

/** Columns of the export: the package's figure columns, the source's, and the metric's words for a lossless re-import. */
export const DATASET_EXPORT_HEADER: readonly string[] = [
  ...FIGURE_COLUMNS,
  ...SOURCE_COLUMNS.filter((c) => c !== 'id').map((c) => `source_${c}`),
  'metric_label_zh',
  'metric_label_en',
  'metric_unit_zh',
  'metric_unit_en',
];

/** An imported dataset as a long CSV in the package's format (figures.csv columns first). */
export function datasetCsv(ds: UserDataset, known: readonly MetricDef[]): string {
  const src = new Map(ds.sources.map((s) => [s.id, s]));
  const mets = new Map([...known, ...ds.metrics].map((m) => [m.id, m]));
  const rows: CsvValue[][] = ds.figures.map((f) => {
    const s = src.get(f.sourceId);
    const m = mets.get(f.metric);
    return [
      f.id, f.metric, f.region, regionName(f.region, 'zh'), f.year, f.value, f.qualifier, f.asOf ?? '', f.unit, f.note, f.sourceId,
      s?.url ?? '', s?.citation ?? '', s?.publisher ?? '', s?.date ?? '', s?.quote ?? '',
      m?.label.zh ?? '', m?.label.en ?? '', m?.unit.zh ?? '', m?.unit.en ?? '',
    ];
  });
  return buildCsv(DATASET_EXPORT_HEADER, rows, new Set([FIGURE_COLUMNS.indexOf('year'), FIGURE_COLUMNS.indexOf('value')]));
}

/** File names for the downloads (no path characters). */
export function safeBaseName(fileName: string): string {
  const base = fileName.replace(/\.[a-z0-9]{1,5}$/i, '');
  return base.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, '_').replace(/^[.\s_]+|[.\s_]+$/g, '').slice(0, 60) || 'import';
}
