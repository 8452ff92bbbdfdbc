/**
 * Small synthetic fixtures shared by the unit tests. Not a test file itself
 * (vitest only collects *.test.ts).
 */
import type { Figure, MetricDef, Qualifier, Source } from '../../src/data/types';

let seq = 0;

/** A figure with sensible defaults; override what the test is about. */
export function fig(p: Partial<Figure> & { region: string; year: number; value: number }): Figure {
  seq += 1;
  return {
    id: p.id ?? `f${seq}`,
    metric: p.metric ?? 'm',
    region: p.region,
    year: p.year,
    value: p.value,
    qualifier: p.qualifier ?? ('exact' as Qualifier),
    asOf: p.asOf ?? null,
    unit: p.unit ?? '家',
    note: p.note ?? '',
    sourceId: p.sourceId ?? 's1',
  };
}

export function metric(p: Partial<MetricDef> = {}): MetricDef {
  return {
    id: p.id ?? 'm',
    group: p.group ?? 'incubators',
    label: p.label ?? { zh: '孵化器', en: 'Incubators' },
    unit: p.unit ?? { zh: '家', en: 'incubators' },
    definition: p.definition ?? { zh: '定义', en: 'Definition' },
    kind: p.kind ?? 'stock',
  };
}

export function source(p: Partial<Source> & { id: string }): Source {
  return {
    id: p.id,
    url: p.url ?? '',
    citation: p.citation ?? '',
    publisher: p.publisher ?? '',
    date: p.date ?? '',
    quote: p.quote ?? '',
  };
}

export function sourceMap(...list: Source[]): Map<string, Source> {
  return new Map(list.map((s) => [s.id, s]));
}

export function metricMap(...list: MetricDef[]): Map<string, MetricDef> {
  return new Map(list.map((m) => [m.id, m]));
}
