import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MetricDef, Source } from '../../../src/data/types';
import { buildDataset } from '../../../src/import/dataset';
import { draftAt, DraftTable, transferables, unpackAnalysis, unpackDrafts, type ReportAnalysis } from '../../../src/import/pack';
import { analyse, analysePackedSteps } from '../../../src/import/pipeline';
import type { Draft, ImportOptions } from '../../../src/import/types';

const fx = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url)));
const enc = (s: string) => new TextEncoder().encode(s);
const packed = (bytes: Uint8Array, opts: ImportOptions = {}): ReportAnalysis => {
  const it = analysePackedSteps(bytes, opts);
  for (;;) {
    const s = it.next();
    if (s.done) return s.value;
  }
};

const d = (over: Partial<Draft>): Draft => ({ sheet: '', line: 2, region: '110000', year: 2020, value: 1, qualifier: 'exact', asOf: null, unit: '', note: '', source: '', metricKey: '', ...over });

describe('drafts in columns', () => {
  it('keeps every field, stores each string once, and takes back a rejected row', () => {
    const t = new DraftTable(1); // grows
    t.push(d({ line: 2, value: 1.5, qualifier: 'about', asOf: '2020-06', unit: '家', note: 'n', source: 's', metricKey: 'k' }));
    t.push(d({ line: 3, region: '120000', qualifier: 'at_least', unit: '家', metricKey: 'k' }));
    const mark = t.n;
    t.push(d({ line: 4, metricKey: 'gone' }));
    t.truncate(mark);
    t.push(d({ line: 5, year: 2100, value: 1e15, metricKey: 'k' }));
    const p = t.finish();
    expect(p.n).toBe(3);
    expect(p.line.length).toBe(3);
    expect(unpackDrafts(p)).toEqual([
      d({ line: 2, value: 1.5, qualifier: 'about', asOf: '2020-06', unit: '家', note: 'n', source: 's', metricKey: 'k' }),
      d({ line: 3, region: '120000', qualifier: 'at_least', unit: '家', metricKey: 'k' }),
      d({ line: 5, year: 2100, value: 1e15, metricKey: 'k' }),
    ]);
    expect(p.strings.filter((s) => s === 'k')).toHaveLength(1);
    expect(p.metricKey[0]).toBe(p.metricKey[2]);
  });
  it('filters in place, in order', () => {
    const t = new DraftTable(4);
    for (let i = 0; i < 6; i++) t.push(d({ line: i + 2, value: i }));
    t.filter((i) => i % 2 === 1);
    expect(unpackDrafts(t.finish()).map((x) => [x.line, x.value])).toEqual([[3, 1], [5, 3], [7, 5]]);
  });
  it('survive the trip to the page with their buffers transferred', () => {
    const a = packed(fx('wide-gbk.csv'));
    const copy = structuredClone(a, { transfer: transferables(a.packed) });
    expect(a.packed.line.byteLength).toBe(0); // moved, not copied
    expect(unpackAnalysis(copy)).toEqual(analyse(fx('wide-gbk.csv')));
  });
});

describe('the packed pipeline', () => {
  it('gives what the pipeline gives, for every fixture', () => {
    const names = readdirSync(new URL('../../fixtures/import/', import.meta.url));
    expect(names.length).toBeGreaterThan(3);
    for (const name of names) {
      const a = packed(fx(name));
      const b = analyse(fx(name));
      expect(unpackDrafts(a.packed)).toEqual(b.drafts);
      expect(a.problems).toEqual(b.problems);
      expect(a.metricKeys).toEqual(b.metricKeys);
    }
  });
  it('finds repeats and conflicts when metrics × regions × years are too many for the typed-array lookup', () => {
    // 200 metrics × 32 regions × 121 years (1980–2100) > 2^21 keys: the Map is used
    const rows = ['地区,年份,指标,数值'];
    const regions = ['北京', '天津', '河北', '山西', '内蒙古', '辽宁', '吉林', '黑龙江', '上海', '江苏', '浙江', '安徽', '福建', '江西', '山东', '河南', '湖北', '湖南', '广东', '广西', '海南', '重庆', '四川', '贵州', '云南', '西藏', '陕西', '甘肃', '青海', '宁夏', '新疆', '全国'];
    for (let m = 0; m < 200; m++) rows.push(`${regions[m % 32]},${m % 2 ? 1980 : 2100},指标${m},${m + 1}`);
    for (const r of regions) rows.push(`${r},2000,指标0,5`);
    rows.push('天津,1980,指标1,2'); // line 234: the same as line 3
    rows.push('北京,2000,指标0,6'); // line 235: disagrees with line 202
    const a = packed(enc(rows.join('\n')), {});
    const b = analyse(enc(rows.join('\n')));
    expect(a.problems.map((p) => [p.line, p.reasons.map((r) => `${r.code}:${r.other}`).join('+')])).toEqual([
      [202, 'conflict:235'],
      [234, 'duplicate:3'],
      [235, 'conflict:202'],
    ]);
    expect(unpackDrafts(a.packed)).toEqual(b.drafts);
    // 指标0: 北京 2100, and the 32 regions in 2000 but 北京, whose two disagreeing rows are both out
    expect(a.metricKeys.find((k) => k.key === '指标0')?.figures).toBe(1 + 31);
  });
  it('the dataset is built from the columns as from the drafts', () => {
    const known: MetricDef[] = [];
    const meta = { datasetId: 'abc', fileName: 'f.csv', importedAt: '2024-05-01T10:00:00.000Z', source: { id: 'u-abc', url: '', citation: 'imported', publisher: 'f.csv', date: '2024-01-01', quote: '' } satisfies Source };
    const choice = { '': { kind: 'new' as const, labelZh: '孵化器数量', labelEn: '', unitZh: '家', unitEn: '', metricKind: 'stock' as const } };
    const a = packed(fx('wide-gbk.csv'));
    const fromColumns = buildDataset(a, choice, meta, known);
    expect(fromColumns).toEqual(buildDataset(analyse(fx('wide-gbk.csv')), choice, meta, known));
    expect(fromColumns.ok && fromColumns.dataset.figures.length).toBe(a.packed.n);
    expect(draftAt(a.packed, 0).region).toBe('110000');
  });
});
