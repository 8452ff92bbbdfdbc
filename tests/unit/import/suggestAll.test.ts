import { afterEach, describe, expect, it, vi } from 'vitest';
import { suggestAll } from '../../../src/import/useImportRun';
import { suggestChoice } from '../../../src/import/dataset';
import type { MetricKeyInfo } from '../../../src/import/types';
import type { MetricDef } from '../../../src/data/types';

const KNOWN = [{ id: 'incubators_national', label: { zh: '国家级科技企业孵化器', en: 'National-level incubators' } }] as unknown as MetricDef[];
const key = (k: string, units: string[] = []): MetricKeyInfo => ({ key: k, units, count: 1 }) as unknown as MetricKeyInfo;
const KEYS = [key('国家级科技企业孵化器', ['家']), ...Array.from({ length: 30 }, (_, i) => key(`新指标${i}（万元）`))];

afterEach(() => vi.restoreAllMocks());

describe('suggestAll: the metrics’ first choices, a few milliseconds per task', () => {
  it('gives what suggestChoice gives for each metric, also when the work is split over tasks', async () => {
    const want = Object.fromEntries(KEYS.map((k) => [k.key, suggestChoice(k, KNOWN)]));
    expect(await suggestAll(KEYS, KNOWN, () => false)).toEqual(want);
    // every metric "takes" 3 ms: a new task every second metric
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (now += 1.5));
    let pauses = 0;
    expect(await suggestAll(KEYS, KNOWN, () => false, async () => void pauses++)).toEqual(want);
    expect(pauses).toBeGreaterThanOrEqual(10);
    // by default the page runs between them (a task of its own, yieldToPage)
    expect(await suggestAll(KEYS, KNOWN, () => false)).toEqual(want);
    expect(want['国家级科技企业孵化器']).toEqual({ kind: 'existing', id: 'incubators_national' });
    expect(want['新指标3（万元）']).toMatchObject({ kind: 'new', labelZh: '新指标3', unitZh: '万元' });
  });

  it('stops between tasks once the run is stale (another file, cancel, dialog closed)', async () => {
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (now += 3));
    let calls = 0;
    expect(await suggestAll(KEYS, KNOWN, () => ++calls > 2)).toBeNull();
    expect(calls).toBe(3);
  });
});
