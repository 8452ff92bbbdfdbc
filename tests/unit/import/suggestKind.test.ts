import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { suggestChoice, suggestKind } from '../../../src/import/dataset';
import type { MetricDef } from '../../../src/data/types';

const manifest = JSON.parse(readFileSync(new URL('../../../public/data/manifest.json', import.meta.url), 'utf8')) as { metrics: MetricDef[] };

describe('suggestKind: a new metric’s kind from its name', () => {
  it('names the bundled metrics’ kinds from their labels, in both languages, but for the few whose name does not say', () => {
    // names that do not say how they count (GDP is a year's output; "listed" enterprises are counted to date)
    const silent = new Set(['gdp', 'returnee_listed_enterprises', 'enterprises_established_cumulative']);
    const wrong: string[] = [];
    for (const m of manifest.metrics) {
      for (const l of [m.label.zh, m.label.en]) if (suggestKind(l) !== m.kind && !silent.has(m.id)) wrong.push(`${m.id} ${l}: ${suggestKind(l)} ≠ ${m.kind}`);
    }
    expect(wrong).toEqual([]);
    expect(manifest.metrics.length).toBeGreaterThan(60);
    expect(new Set(manifest.metrics.map((m) => m.kind))).toEqual(new Set(['stock', 'flow', 'cumulative']));
  });

  it('reads yearbook-style headers', () => {
    expect(suggestKind('当年新增在孵企业')).toBe('flow');
    expect(suggestKind('众创空间当年获风险投资额')).toBe('flow');
    expect(suggestKind('累计毕业企业数')).toBe('cumulative');
    expect(suggestKind('在孵企业数')).toBe('stock');
    expect(suggestKind('孵化器数量/其中：国家级')).toBe('stock');
    expect(suggestKind('Graduated enterprises, cumulative')).toBe('cumulative');
    expect(suggestKind('Newly recognised incubators')).toBe('flow');
    expect(suggestKind('Renewal rate')).toBe('stock');
  });

  it('is the kind of a new metric’s first choice', () => {
    const c = suggestChoice({ key: '当年毕业企业', figures: 3, units: ['家'] } as never, []);
    expect(c).toMatchObject({ kind: 'new', labelZh: '当年毕业企业', metricKind: 'flow' });
  });
});
