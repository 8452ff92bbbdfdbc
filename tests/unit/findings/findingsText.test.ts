/** Sentences as segments (i18n/findingsText.ts): numbers keep their figures; the templates are data, complete in both languages. */
import { describe, expect, it } from 'vitest';
import { FINDING_KEYS, findingSources, yearFindings } from '../../../src/data/findings';
import { tFindings } from '../../../src/i18n/findings';
import { findingSegments, findingsPlainText, SOURCE_LINE_MAX } from '../../../src/i18n/findingsText';
import { source } from '../helpers';
import { CN, figures, GD, HA, HB, JS, M, SD, SIX, ZJ } from './fixtures';
import { trendFindings } from '../../../src/data/findingsSeries';

describe('segments', () => {
  it('each number is a segment with the ids of its figures; words are plain segments; Chinese spaces a number from a character', () => {
    const f = yearFindings({ idx: figures(SIX).idx, metric: M, sel: 2023 });
    const segs = findingSegments(f.sentences[0]!, 'zh');
    expect(segs.map((s) => [s.text, s.refs?.map((r) => r.id) ?? null])).toEqual([
      ['2023 年，江苏孵化器 ', null],
      ['244 家', [`${JS}-2023`]],
      ['，在 6 个有数据的省份中居首位，', null],
      ['占全国 22.2%', [`${JS}-2023`, `${CN}-2023`]],
      ['。', null],
    ]);
  });

  it('names at most SOURCE_LINE_MAX sources in the source line, and counts them all', () => {
    const rows = SIX.map(([r, y, v], i) => [r, y, v, { sourceId: `x${i}` }] as (typeof SIX)[number]);
    const srcs = new Map(rows.map((_, i) => [`x${i}`, source({ id: `x${i}`, publisher: `P${i}` })]));
    const f = trendFindings({ idx: figures(rows).idx, metric: M, regions: [JS, GD, ZJ, SD, HA, HB], national: false });
    const line = findingsPlainText(f, srcs, 'zh').split('\n').at(-1)!;
    const used = findingSources(f.sentences);
    expect(used.length).toBeGreaterThan(SOURCE_LINE_MAX);
    expect(line).toBe(`来源：${used.slice(0, SOURCE_LINE_MAX).map((id) => srcs.get(id)!.publisher).join('、')}等 ${used.length} 个来源；孵化图谱，2022–2023 年数据`);
    expect(used).toHaveLength(12);
    expect(SOURCE_LINE_MAX).toBe(8);
  });
});

describe('the template tables', () => {
  it('have a sentence for every finding key in both languages, with the same slots', () => {
    for (const key of FINDING_KEYS) {
      const zh = tFindings.tables.zh[key];
      const en = tFindings.tables.en![key];
      expect([key, typeof zh, typeof en]).toEqual([key, 'string', 'string']);
      const slots = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect([key, slots(en)]).toEqual([key, slots(zh)]);
    }
  });
});

describe('a ratio (per resident, per GDP)', () => {
  it('rests on both its inputs, with their sources; is never given a share of the national figure', () => {
    const base = figures(SIX);
    // a ratio figure as data/perCapita.ts makes it: the numerator's id and source, and both inputs
    const pop = { ...base.figs[0]!, id: 'pop-js', metric: 'population_resident', value: 8500, unit: '万人', sourceId: 'nbs' };
    const derive = (f: (typeof base.figs)[number]) => ({ ...f, id: `${f.id}÷pop`, value: f.value / 85, derived: { per: 'capita' as const, numerator: f, denominator: { ...pop, region: f.region, year: f.year }, exact: f.value / 85 } });
    const idx = figures([]).idx;
    const all = base.figs.map(derive);
    for (const f of all) {
      const byRegion = idx.get(f.metric) ?? new Map();
      idx.set(f.metric, byRegion);
      const byYear = byRegion.get(f.region) ?? new Map();
      byRegion.set(f.region, byYear);
      byYear.set(f.year, [f]);
    }
    const f = yearFindings({ idx, metric: M, sel: 2023 });
    expect(f.sentences[0]!.key).toBe('leader');
    expect(f.sentences[0]!.slots.value).toMatchObject({ refs: [{ id: `${JS}-2023`, sourceId: 's2' }, { id: 'pop-js', sourceId: 'nbs' }] });
  });
});
