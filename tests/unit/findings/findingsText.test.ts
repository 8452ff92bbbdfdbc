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
