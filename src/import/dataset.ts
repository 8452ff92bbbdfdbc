/**
 * From an analysed file and the user's choices (which metric each of the
 * file's metrics is) to the dataset the app merges in; the rejected rows as
 * a CSV to fix and re-import; an imported dataset as a clean CSV in the data
 * package's own format. Pure: no state, no DOM.
 */
import { buildCsv, type CsvValue } from '../data/csvExport';
import { FIGURE_COLUMNS, SOURCE_COLUMNS } from '../data/package';
import { regionName } from '../data/regions';
import type { Figure, MetricDef, MetricKind, Source } from '../data/types';
import type { UserDataset } from '../data/merge';
import { draftCount, draftOf, type ReportAnalysis } from './pack';
import type { AnalysisCore, ImportAnalysis, MetricKeyInfo, Reason } from './types';

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
 * A first choice for each metric of the file: a known metric whose id or
 * label (zh/en) is exactly the file's name for it, else a new metric with
 * the file's name and unit filled in where the file gives them.
 */
export function suggestChoice(info: MetricKeyInfo, known: readonly MetricDef[]): MetricChoice {
  const k = norm(info.key);
  if (k) {
    const names = normNames(known);
    const at = names.findIndex((n) => n[0] === k || n[1] === k || n[2] === k);
    if (at >= 0) return { kind: 'existing', id: known[at]!.id };
  }
  const name = info.key.startsWith('#') ? '' : info.key;
  const unit = info.units.length === 1 ? info.units[0]! : '';
  return {
    kind: 'new',
    labelZh: info.labelZh ?? (hasCjk(name) ? name : ''),
    labelEn: info.labelEn ?? (name && !hasCjk(name) && !/^user_/.test(name) ? name : ''),
    unitZh: info.unitZh ?? (hasCjk(unit) || (unit && !/[a-z]/i.test(unit)) ? unit : ''),
    unitEn: info.unitEn ?? (unit && /[a-z]/i.test(unit) && !hasCjk(unit) ? unit : ''),
    metricKind: 'stock',
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

/** FNV-1a, for a stable id of a Chinese-only label. */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/** `user_<slug>` from the English label (else a hash of the Chinese one). */
export function userMetricSlug(labelEn: string, labelZh: string): string {
  const slug = labelEn
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40)
    .replace(/_+$/, '');
  return `user_${slug || hash(labelZh.trim())}`;
}

/** The metric definition of a new metric: the user's words, in both languages where given. */
export function newMetricDef(c: Extract<MetricChoice, { kind: 'new' }>, known: readonly MetricDef[]): MetricDef {
  const labelZh = c.labelZh.trim() || c.labelEn.trim();
  const labelEn = c.labelEn.trim() || c.labelZh.trim();
  const unitZh = c.unitZh.trim() || c.unitEn.trim();
  const unitEn = c.unitEn.trim() || c.unitZh.trim();
  const base = userMetricSlug(c.labelEn, c.labelZh || c.labelEn);
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
    definition: { zh: '用户导入的数据', en: 'imported by the user' },
    kind: c.metricKind,
  };
}

export interface DatasetMeta {
  datasetId: string;
  fileName: string;
  importedAt: string;
  /** the source every figure points to (userSourceFor) */
  source: Source;
}

export type BuildResult = { ok: true; dataset: UserDataset; metricIds: string[] } | { ok: false; errors: { key: string; errors: ChoiceError[] }[] };

/** The dataset to merge: every usable figure of the file, with its metric resolved. */
export function buildDataset(a: ImportAnalysis | ReportAnalysis, choices: Readonly<Record<string, MetricChoice>>, meta: DatasetMeta, known: readonly MetricDef[]): BuildResult {
  const errors: { key: string; errors: ChoiceError[] }[] = [];
  const idOf = new Map<string, string>();
  const metrics: MetricDef[] = [];
  const knownNow = [...known];
  for (const info of a.metricKeys) {
    const c = choices[info.key];
    if (!c) {
      errors.push({ key: info.key, errors: ['unknown-metric'] });
      continue;
    }
    const e = choiceErrors(c, knownNow);
    if (e.length) {
      errors.push({ key: info.key, errors: e });
      continue;
    }
    if (c.kind === 'existing') {
      idOf.set(info.key, c.id);
      const m = knownNow.find((x) => x.id === c.id);
      if (m && m.group === USER_GROUP && !metrics.some((x) => x.id === m.id)) metrics.push(m);
    } else {
      const def = newMetricDef(c, knownNow);
      idOf.set(info.key, def.id);
      if (!metrics.some((x) => x.id === def.id)) metrics.push(def);
      if (!knownNow.some((x) => x.id === def.id)) knownNow.push(def);
    }
  }
  if (errors.length) return { ok: false, errors };
  const unitOf = new Map(knownNow.map((m) => [m.id, m.unit.zh]));
  // from the drafts' columns as they came from the worker (or the drafts of a test's analysis)
  const figures: Figure[] = new Array(draftCount(a));
  for (let i = 0; i < figures.length; i++) {
    const d = draftOf(a, i);
    const metric = idOf.get(d.metricKey)!;
    const note = [d.note, d.source ? `来源 / source: ${d.source}` : ''].filter(Boolean).join('; ');
    figures[i] = {
      id: `u-${meta.datasetId}-${i + 1}`,
      metric,
      region: d.region,
      year: d.year,
      value: d.value,
      qualifier: d.qualifier,
      asOf: d.asOf,
      unit: d.unit || unitOf.get(metric) || '',
      note,
      sourceId: meta.source.id,
    };
  }
  return {
    ok: true,
    dataset: { id: meta.datasetId, fileName: meta.fileName, importedAt: meta.importedAt, figures, sources: [meta.source], metrics },
    metricIds: [...new Set(idOf.values())],
  };
}

/** A fresh dataset id: time and randomness, letters and digits only. */
export function newDatasetId(now = Date.now(), rand: () => number = Math.random): string {
  return `${now.toString(36)}${Math.floor(rand() * 36 ** 4).toString(36).padStart(4, '0')}`;
}

const REJECTED_HEAD = { zh: ['行号', '原因'], en: ['line', 'reason'] } as const;

/**
 * The rejected rows as CSV: line number, reasons, then the row's cells
 * under the file's own header — fix them and import this file again (the
 * line and reason columns are ignored on import). UTF-8 with BOM, formulas
 * neutralised.
 */
export function rejectedRowsCsv(a: AnalysisCore, lang: 'zh' | 'en', reasonText: (r: Reason) => string): string {
  const header = [...REJECTED_HEAD[lang], ...a.columns.map((c) => c.header)];
  const width = a.columns.length;
  const rows: CsvValue[][] = a.problems.map((p) => {
    const cells = p.fields.slice(0, Math.max(width, p.fields.length));
    return [p.line, p.reasons.map(reasonText).join('; '), ...cells];
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
