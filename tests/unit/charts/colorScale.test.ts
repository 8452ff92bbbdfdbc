/** The legend of a classed colour scale (src/charts/colorScale.ts): readable bounds, one colour per class. */
import { describe, expect, it } from 'vitest';
import { classColors, classLabels } from '../../../src/charts/colorScale';

describe('legend of a classed scale', () => {
  const s = { kind: 'jenks' as const, min: 3, max: 120000, breaks: [100, 5000, 20000] };
  it('labels the classes with readable bounds: 万 in Chinese, separators in English', () => {
    expect(classLabels(s, 'zh')).toEqual(['低于 100', '100–5000', '5000–2万', '2万 及以上']);
    expect(classLabels(s, 'en')).toEqual(['under 100', '100–5,000', '5,000–20,000', '20,000 or more']);
  });
  it('one ColorBrewer YlGnBu colour per class, lightest first', () => {
    const c = classColors(s);
    expect(c).toHaveLength(4);
    expect(c[0]).toBe('#ffffcc');
    expect(new Set(c).size).toBe(4);
  });
});
