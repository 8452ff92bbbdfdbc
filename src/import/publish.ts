/**
 * From an analysed file to the additions for a data package, as
 * `npm run data:add` makes them: each of the file's metrics mapped by
 * `--map "HEADER=METRIC_ID"` (the header's lowest cell, e.g. 合计, or its
 * path, 孵化器数量/合计), else matched to a known metric by name, else
 * created (its id from its name, metricId.ts); each figure's source from its
 * row's 来源 cell or the citation/URL given. And the same for datasets
 * imported in the browser ("download as data package"), whose sources get
 * the ids the command line would give them. Pure.
 */
import type { UserDataset } from '../data/merge';
import type { Additions } from '../data/packageWrite';
import { sourceId } from '../data/sourceRef';
import type { Localised, MetricDef, MetricGroup, Source } from '../data/types';
import { figuresAndSources, resolveMetrics, suggestChoice, USER_GROUP, type MetricChoice } from './dataset';
import { metricKeyOfHeader } from './headers';
import { pathLabel } from './headerRows';
import type { Translit } from './metricId';
import type { ImportKey } from './strings';
import type { ImportAnalysis, MetricKeyInfo } from './types';

export interface MapRule {
  header: string;
  id: string;
}

/** A message of the report: a string key and its parameters (strings.ts). */
export interface Said {
  key: ImportKey;
  params: Record<string, string | number>;
}

export interface PublishOptions {
  maps: readonly MapRule[];
  given?: { citation?: string; url?: string };
  translit?: Translit;
  fileName: string;
  group?: MetricGroup;
}

export type PublishResult =
  | { ok: true; additions: Additions; metrics: Said[]; missingSource: number }
  | { ok: false; errors: Said[] };

const METRIC_ID = /^[a-z][a-z0-9_]{0,63}$/;

/** Header text for matching: width, case, spaces and a unit in brackets ignored. */
const norm = (s: string) => metricKeyOfHeader(s).normalize('NFKC').toLowerCase().replace(/\s+/g, '');

/** The ways a column can be named on the command line: its key, its whole path, its lowest cell. */
function namesOf(k: MetricKeyInfo): Set<string> {
  const names = [k.key, ...(k.path ? [k.path.join('/'), k.path[k.path.length - 1]!, pathLabel(k.path)] : [])];
  return new Set(names.map(norm).filter(Boolean));
}

/** "METRIC_ID" or "HEADER=METRIC_ID" rules from --map arguments. */
export function parseMapRule(arg: string): MapRule | null {
  const at = arg.lastIndexOf('=');
  if (at <= 0) return null;
  return { header: arg.slice(0, at).trim(), id: arg.slice(at + 1).trim() };
}

export function publishAdditions(a: ImportAnalysis, known: readonly MetricDef[], opts: PublishOptions): PublishResult {
  const errors: Said[] = [];
  const choices: Record<string, MetricChoice> = {};
  const newIds = new Map<string, string>();
  for (const rule of opts.maps) {
    if (!METRIC_ID.test(rule.id)) {
      errors.push({ key: 'cliMapBadId', params: { header: rule.header, id: rule.id } });
      continue;
    }
    const want = norm(rule.header);
    const hits = a.metricKeys.filter((k) => namesOf(k).has(want));
    if (!hits.length) errors.push({ key: 'cliMapUnknown', params: { header: rule.header, headers: a.metricKeys.map((k) => k.key).join(', ') } });
    else if (hits.length > 1) errors.push({ key: 'cliMapAmbiguous', params: { header: rule.header, columns: hits.map((k) => k.key).join(', ') } });
    else if (known.some((m) => m.id === rule.id)) choices[hits[0]!.key] = { kind: 'existing', id: rule.id };
    else newIds.set(hits[0]!.key, rule.id);
  }
  const definition = (k: MetricKeyInfo): Localised => ({
    zh: `由 npm run data:add 从 ${opts.fileName} 导入（表头：${k.path ? k.path.join(' / ') : k.key}）`,
    en: `imported with npm run data:add from ${opts.fileName} (header: ${k.path ? k.path.join(' / ') : k.key})`,
  });
  for (const k of a.metricKeys) {
    if (choices[k.key]) continue;
    const c = suggestChoice(k, newIds.has(k.key) ? [] : known);
    if (c.kind === 'new' && !c.unitZh && !c.unitEn) {
      errors.push({ key: 'cliNeedsUnit', params: { key: k.key } });
      continue;
    }
    choices[k.key] = c;
  }
  if (errors.length) return { ok: false, errors };
  const r = resolveMetrics(a.metricKeys, choices, known, opts.translit);
  if (!r.ok) return { ok: false, errors: r.errors.map((e) => ({ key: 'cliNeedsUnit', params: { key: e.key } })) };
  // a new metric named on the command line keeps that id; every new one gets the group and a definition saying where it came from
  const keyOfId = new Map([...r.idOf].map(([key, id]) => [id, key]));
  const metrics = r.metrics.map((m) => {
    const key = keyOfId.get(m.id)!;
    const info = a.metricKeys.find((k) => k.key === key)!;
    return { ...m, id: newIds.get(key) ?? m.id, group: opts.group ?? USER_GROUP, definition: definition(info) };
  });
  const idOf = new Map([...r.idOf].map(([key, id]) => [key, newIds.get(key) ?? id]));
  const unitOf = new Map([...known, ...metrics].map((m) => [m.id, m.unit.zh]));
  const { figures, sources } = figuresAndSources(a, idOf, unitOf, { given: opts.given });
  const said: Said[] = [...idOf].map(([key, id]) => {
    const def = metrics.find((m) => m.id === id) ?? known.find((m) => m.id === id)!;
    const params = { key: key || '—', id, label: def.label.zh, unit: def.unit.zh };
    return { key: metrics.some((m) => m.id === id) ? 'cliMetricNew' : 'cliMetricExisting', params };
  });
  const missingSource = figures.filter((f) => !f.sourceId).length;
  return { ok: true, additions: { figures, sources, metrics }, metrics: said, missingSource };
}

/** The id a source gets in a package: from its URL and/or citation and its quote, as the command line makes it. */
export function packageSourceId(s: Source): string {
  return s.url && s.citation ? sourceId(`${s.url}\u0000${s.citation}`, s.quote) : sourceId(s.url || s.citation, s.quote);
}

/** Datasets imported in the browser as additions to a package: the same ids the command line would give. */
export function datasetAdditions(sets: readonly UserDataset[]): Additions {
  const idOf = new Map<string, string>();
  const sources: Source[] = [];
  for (const s of sets.flatMap((d) => d.sources)) {
    const id = packageSourceId(s);
    idOf.set(s.id, id);
    if (!sources.some((x) => x.id === id)) sources.push({ ...s, id });
  }
  const figures = sets.flatMap((d) => d.figures.map(({ id: _id, ...f }) => ({ ...f, sourceId: idOf.get(f.sourceId) ?? f.sourceId })));
  const metrics: MetricDef[] = [];
  for (const m of sets.flatMap((d) => d.metrics)) if (!metrics.some((x) => x.id === m.id)) metrics.push(m);
  return { figures, sources, metrics };
}
