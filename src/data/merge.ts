/**
 * Combining the bundled data package with datasets the user imported: beside
 * the bundled figures, instead of them, or not at all. Pure.
 */
import { GROUP_LABELS } from './groups';
import { IMPORTED_SOURCE_PREFIX, type DataPackage, type Figure, type MetricDef, type Source } from './types';

export type DataMode = 'combined' | 'user' | 'bundled';

export interface UserDataset {
  id: string;
  fileName: string;
  /** ISO date-time of the import */
  importedAt: string;
  figures: Figure[];
  sources: Source[];
  metrics: MetricDef[];
}

export function mergePackage(bundled: DataPackage, sets: readonly UserDataset[], mode: DataMode): DataPackage {
  if (mode === 'bundled' || !sets.length) return bundled;
  const userFigures: Figure[] = sets.flatMap((s) => s.figures);
  const userMetrics: MetricDef[] = [];
  const seen = new Set(bundled.metrics.keys());
  for (const m of sets.flatMap((s) => s.metrics)) if (!seen.has(m.id)) (seen.add(m.id), userMetrics.push(m));
  const sources = new Map(bundled.sources);
  for (const s of sets.flatMap((x) => x.sources)) sources.set(s.id, s);
  const figures = mode === 'user' ? userFigures : [...bundled.figures, ...userFigures];
  // in 'user' mode the metric list shows only what the user's files have
  const used = new Set(userFigures.map((f) => f.metric));
  const baseMetrics = mode === 'user' ? bundled.manifest.metrics.filter((m) => used.has(m.id)) : bundled.manifest.metrics;
  const metricsList = [...baseMetrics, ...userMetrics];
  const groups = bundled.manifest.groups.some((g) => g.id === 'user') ? bundled.manifest.groups : [...bundled.manifest.groups, GROUP_LABELS.find((g) => g.id === 'user')!];
  return {
    manifest: { ...bundled.manifest, metrics: metricsList, groups },
    metrics: new Map(metricsList.map((m) => [m.id, m])),
    figures,
    sources,
    entities: bundled.entities,
  };
}

/**
 * The imported datasets a view of these metrics draws from: a metric only
 * they define, or their figures of a bundled metric. A link, embed or slide
 * of such a view needs data that only this browser has.
 */
export function importedSetsFor(sets: readonly UserDataset[], mode: DataMode, metrics: readonly (string | null | undefined)[]): UserDataset[] {
  if (mode === 'bundled') return [];
  const want = new Set(metrics.filter((m): m is string => !!m));
  return sets.filter((s) => s.figures.some((f) => want.has(f.metric) && f.sourceId.startsWith(IMPORTED_SOURCE_PREFIX)));
}
