/**
 * One colour scale per metric (src/data/scale.ts, src/data/classBreaks.ts,
 * src/charts/colorScale.ts): the domain covers every year, class breaks are
 * round and separate the same figures, the log scale, the default rule.
 */
import { describe, expect, it } from 'vitest';
import {
  availableScales, continuousScale, defaultScaleKind, logStep, metricScaleKind, metricValues, niceMax, resolveScaleKind, scalePosition, skewness,
} from '../../../src/data/scale';
import { classedScale, jenksBreaks, quantileBreaks, roundBetween } from '../../../src/data/classBreaks';
import { scaleValue } from '../../../src/charts/colorScale';
import { buildIndex } from '../../../src/data/query';
import { NATIONAL } from '../../../src/data/regions';
import { fig } from '../helpers';

const JS = '320000';
const ZJ = '330000';
const HB = '420000';

// a metric whose largest figure is in 2023, and 2024 has only a small one
const FIGS = [
  fig({ metric: 'm', region: JS, year: 2016, value: 150 }),
  fig({ metric: 'm', region: JS, year: 2023, value: 244 }),
  fig({ metric: 'm', region: HB, year: 2024, value: 84 }),
  fig({ metric: 'm', region: ZJ, year: 2015, value: 44 }),
  // a second, disagreeing source: the map draws the primary (exact) figure only
  fig({ metric: 'm', region: ZJ, year: 2015, value: 9999, qualifier: 'at_least' }),
  // national figures are not drawn on the map, so not in its scale
  fig({ metric: 'm', region: NATIONAL, year: 2023, value: 1600 }),
  // a figure dated after maxYear is left out
  fig({ metric: 'm', region: HB, year: 2031, value: 5000 }),
];
const IDX = buildIndex(FIGS);

describe('the scale domain covers every year of the metric', () => {
  it('metricValues: the primary provincial figure of every province and year, sorted, national and future left out', () => {
    expect(metricValues(IDX, 'm', 2026)).toEqual([44, 84, 150, 244]);
    expect(metricValues(IDX, 'nothing')).toEqual([]);
  });
  it('one domain for all years: 2024 (max 84) and 2016 (max 150) get the scale of 2023 (244)', () => {
    const { values } = metricScaleKind(IDX, 'm', 2, 'linear', 2026);
    const s = continuousScale(values, 'linear');
    expect(s).toEqual({ kind: 'linear', min: 0, max: 250 });
    // 84 has the same position whichever year is drawn, since the scale does not depend on the year
    expect(scalePosition(s, 84)).toBeCloseTo(84 / 250);
  });
});

describe('continuous scales', () => {
  it('niceMax: a round number at or above the largest value', () => {
    for (const [v, m] of [[244, 250], [1100, 1200], [84, 100], [7, 8], [0.37, 0.4], [1, 1]] as const) expect(niceMax(v)).toBe(m);
    expect(niceMax(0)).toBe(1);
    expect(niceMax(NaN)).toBe(1);
  });
  it('log: between 1/2/5 × 10ⁿ around the extremes; values map through log10', () => {
    expect(logStep(3, 'down')).toBe(2);
    expect(logStep(244, 'up')).toBe(500);
    expect(logStep(1, 'down')).toBe(1);
    expect(logStep(1000, 'up')).toBe(1000);
    const s = continuousScale([1, 3, 40, 244], 'log');
    expect(s).toEqual({ kind: 'log', min: 1, max: 500 });
    expect(scaleValue(s, 100)).toBeCloseTo(2);
    // equal ratios, equal steps: 1→10 is as far as 10→100
    expect(scalePosition(s, 10) - scalePosition(s, 1)).toBeCloseTo(scalePosition(s, 100) - scalePosition(s, 10));
  });
  it('log needs every value above 0: with a 0 the scale is linear', () => {
    expect(availableScales([0, 5, 100])).not.toContain('log');
    expect(continuousScale([0, 5, 100], 'log').kind).toBe('linear');
  });
});

describe('class breaks', () => {
  it('roundBetween: the roundest number that separates two figures', () => {
    expect(roundBetween(84, 150)).toBe(100);
    expect(roundBetween(84, 96)).toBe(90);
    expect(roundBetween(1, 2)).toBe(2);
    expect(roundBetween(12345, 12400)).toBe(12400);
    expect(roundBetween(12345, 13800)).toBe(13000);
    expect(roundBetween(0.12, 0.5)).toBe(0.5);
    expect(roundBetween(5, 5)).toBe(5);
  });
  it('natural breaks (Ckmeans) keep clusters together and round their bounds', () => {
    const v = [1, 2, 3, 4, 100, 110, 120, 1000, 1010];
    const b = jenksBreaks(v, 3);
    expect(b).toEqual([100, 1000]);
    // every value lands in the class of its cluster
    const s = classedScale(v, 'jenks', 3);
    expect(v.map((x) => scalePosition(s, x))).toEqual([0, 0, 0, 0, 1, 1, 1, 2, 2]);
  });
  it('quantiles: about the same number of figures per class; ties are never split', () => {
    const v = Array.from({ length: 20 }, (_, i) => (i + 1) * 10); // 10 … 200
    const b = quantileBreaks(v, 4);
    expect(b).toEqual([60, 110, 160]);
    const s = classedScale(v, 'quantile', 4);
    const counts = [0, 0, 0, 0];
    for (const x of v) counts[scalePosition(s, x)]!++;
    expect(counts).toEqual([5, 5, 5, 5]);
    // many ties: fewer classes rather than one value in two classes
    const tied = [1, 1, 1, 1, 1, 1, 1, 1, 2, 3];
    const tb = quantileBreaks(tied, 5);
    expect(new Set(tb).size).toBe(tb.length);
    const ts = classedScale(tied, 'quantile', 5);
    expect(new Set(tied.filter((x) => x === 1).map((x) => scalePosition(ts, x))).size).toBe(1);
  });
  it('rounded bounds never move a figure: the class of each value is the same as with the exact midpoints', () => {
    const v = [3, 7, 8, 12, 19, 27, 44, 84, 150, 244, 848, 1100];
    for (const kind of ['jenks', 'quantile'] as const) {
      const s = classedScale(v, kind);
      const pos = v.map((x) => scalePosition(s, x));
      // classes are in order of value: the class index never decreases
      for (let i = 1; i < pos.length; i++) expect(pos[i]!).toBeGreaterThanOrEqual(pos[i - 1]!);
      if ('breaks' in s) for (const b of s.breaks) expect(Number(b.toPrecision(2))).toBe(b);
    }
  });
  it('fewer distinct values than classes: as many classes as values', () => {
    expect(jenksBreaks([5, 5, 9], 5)).toEqual([6]);
    expect(jenksBreaks([5, 5], 5)).toEqual([]);
  });
});


describe('the default scale of a metric', () => {
  const skewed = [1, 1, 2, 2, 3, 3, 4, 5, 6, 8, 10, 12, 15, 20, 30, 47, 84, 150, 244];
  it('skewness: right-skewed figures have a large positive skew', () => {
    expect(skewness(skewed)).toBeGreaterThan(1);
    expect(skewness([1, 2, 3, 4, 5])).toBeCloseTo(0);
    expect(skewness([7, 7, 7])).toBe(0);
  });
  it('skewed and sparse (few provinces a year): log; skewed and a full map: natural breaks; otherwise linear', () => {
    expect(defaultScaleKind(skewed, 6)).toBe('log');
    expect(defaultScaleKind(skewed, 31)).toBe('jenks');
    expect(defaultScaleKind([40, 50, 60, 70, 80], 31)).toBe('linear');
    // zeros: no log
    expect(defaultScaleKind([0, ...skewed], 6)).toBe('linear');
    expect(defaultScaleKind([5], 1)).toBe('linear');
  });
  it('a scale asked for is shown where the values allow it, else the default', () => {
    expect(resolveScaleKind(skewed, 6, 'quantile')).toBe('quantile');
    expect(resolveScaleKind([0, 1, 2, 50], 6, 'log')).toBe('linear');
    expect(resolveScaleKind([3, 4], 2, 'jenks')).toBe('linear');
    expect(resolveScaleKind(skewed, 6, null)).toBe('log');
  });
});
