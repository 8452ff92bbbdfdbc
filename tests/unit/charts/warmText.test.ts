import { describe, expect, it } from 'vitest';
import { CHART_FONTS, warmChartText } from '../../../src/charts/warmText';

describe('warmChartText', () => {
  it('measures Chinese text in every chart font, one font per idle period, none before the page is idle', () => {
    const measured: [string, string][] = [];
    const queue: (() => void)[] = [];
    const done = warmChartText((f, t) => measured.push([f, t]), (cb) => queue.push(cb));
    // nothing at once: only when the page is idle
    expect(measured).toEqual([]);
    expect(queue).toHaveLength(1);
    for (let k = 0; k < 20 && queue.length; k++) queue.shift()!();
    expect(measured.map(([f]) => f)).toEqual([...CHART_FONTS]);
    expect(done).toEqual([...CHART_FONTS]);
    // each measured text has Chinese in it (the fallback lookup is for CJK glyphs)
    for (const [, t] of measured) expect(t).toMatch(/[\u4e00-\u9fff]/);
  });
  it('does nothing without a canvas or an idle callback', () => {
    expect(warmChartText(null, (cb) => cb())).toEqual([]);
    expect(warmChartText(() => undefined, null)).toEqual([]);
  });
});
