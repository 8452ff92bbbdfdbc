import { describe, expect, it } from 'vitest';
import { chartFrame, frameInsets, titleLines } from '../../../src/charts/frame';

type Any = any; // eslint-disable-line @typescript-eslint/no-explicit-any
const frame = (width?: number, compact = true): Any => chartFrame({ lang: 'en', title: 'Gross regional product (GDP) · 2022 · Top 4', subtitle: 'Unit: x', sourceIds: [], sources: new Map(), compact, width });

describe('the frame in a narrow chart (a small embed)', () => {
  it('keeps the compact title, subtitle and source line inside the chart', () => {
    const o = frame(290);
    expect(o.title.textStyle.width).toBe(266);
    expect(o.title.subtextStyle.width).toBe(266);
    expect(o.graphic[0].style.width).toBe(266);
    // the title wraps there, not at the edge: its second line is counted in the insets
    expect(titleLines('Gross regional product (GDP) · 2022 · Top 4', true, 290)).toBe(2);
    expect(frameInsets(true, 'Technology business incubators · 2023', 290).top).toBe(frameInsets(true).top + 19);
    // drawn 224 px wide at 15 px bold: it fits in 266 px (the estimate errs wide, but not by a line)
    expect(frameInsets(true, 'National-level incubators · 2023', 290).top).toBe(frameInsets(true).top);
    expect(frameInsets(true, 'National-level incubators · 2023').top).toBe(frameInsets(true).top);
  });

  it('is as before where the chart is wide enough, or not compact', () => {
    for (const w of [undefined, 364, 600]) {
      const o = frame(w);
      expect([o.title.textStyle.width, o.title.subtextStyle.width, o.graphic[0].style.width]).toEqual([340, 360, 280].map((x) => Math.min(x, (w ?? Infinity) - 24)));
    }
    expect(frame(290, false).title.textStyle.width).toBe(1100);
  });
});
