import { describe, expect, it } from 'vitest';
import { buildIndex, coverage, type Coverage } from '../../../src/data/query';
import { NATIONAL } from '../../../src/data/regions';
import { currentMetricId, defaultMetric, defaultYear, PREFERRED_METRIC, resolveView } from '../../../src/state/selectors';
import type { MetricDef } from '../../../src/data/types';
import { fig, metric, metricMap } from '../helpers';

const P = ['110000', '120000', '130000', '140000', '150000'];

// incubators_national: 2018 → 3 provinces, 2020 → 3 provinces, 2021 → 1; national 2016
// maker: 2019 → 5 provinces (more provinces overall than other)
// national_only: national figures only
const figures = [
  ...P.slice(0, 3).map((r) => fig({ metric: PREFERRED_METRIC, region: r, year: 2018, value: 1 })),
  ...P.slice(1, 4).map((r) => fig({ metric: PREFERRED_METRIC, region: r, year: 2020, value: 1 })),
  fig({ metric: PREFERRED_METRIC, region: P[0]!, year: 2021, value: 1 }),
  fig({ metric: PREFERRED_METRIC, region: NATIONAL, year: 2016, value: 1 }),
  ...P.map((r) => fig({ metric: 'maker', region: r, year: 2019, value: 1 })),
  fig({ metric: 'other', region: P[0]!, year: 2019, value: 1 }),
  fig({ metric: 'national_only', region: NATIONAL, year: 2014, value: 1 }),
  fig({ metric: 'national_only', region: NATIONAL, year: 2015, value: 1 }),
];
const idx = buildIndex(figures);
const defs: MetricDef[] = ['other', 'maker', PREFERRED_METRIC, 'national_only', 'empty'].map((id) => metric({ id }));
const METRICS = metricMap(...defs);
const COV = new Map<string, Coverage>(defs.map((m) => [m.id, coverage(idx, m.id)]));

describe('defaultYear', () => {
  it('is the year with most provinces; latest on ties', () => {
    expect(defaultYear(COV.get(PREFERRED_METRIC))).toBe(2020);
  });
  it('a single best year wins even if earlier', () => {
    const c = coverage(buildIndex([...P.map((r) => fig({ region: r, year: 2015, value: 1 })), fig({ region: P[0]!, year: 2022, value: 1 })]), 'm');
    expect(defaultYear(c)).toBe(2015);
  });
  it('national-only metric: latest national year', () => {
    expect(defaultYear(COV.get('national_only'))).toBe(2015);
  });
  it('no coverage or no years: null', () => {
    expect(defaultYear(undefined)).toBeNull();
    expect(defaultYear(COV.get('empty'))).toBeNull();
  });
});

describe('defaultMetric', () => {
  it('prefers incubators_national when it has provincial data', () => {
    expect(defaultMetric(defs, COV)).toBe(PREFERRED_METRIC);
  });
  it('otherwise the metric with most provinces (first on ties)', () => {
    const cov = new Map(COV);
    cov.delete(PREFERRED_METRIC);
    expect(defaultMetric(defs, cov)).toBe('maker');
    const tie = new Map<string, Coverage>([
      ['a', coverage(buildIndex([fig({ metric: 'a', region: P[0]!, year: 2019, value: 1 })]), 'a')],
      ['b', coverage(buildIndex([fig({ metric: 'b', region: P[1]!, year: 2019, value: 1 })]), 'b')],
    ]);
    expect(defaultMetric([metric({ id: 'a' }), metric({ id: 'b' })], tie)).toBe('a');
  });
  it('never falls back to a context metric (population covers every province)', () => {
    const pop = [...P, '310000', '320000'].map((r) => fig({ metric: 'population_resident', region: r, year: 2020, value: 1000 }));
    const all = buildIndex([...figures.filter((f) => f.metric !== PREFERRED_METRIC), ...pop]);
    const ms = [...defs, metric({ id: 'population_resident', group: 'context' })];
    const cov = new Map<string, Coverage>(ms.map((m) => [m.id, coverage(all, m.id)]));
    expect(cov.get('population_resident')!.provincesAnyYear).toBeGreaterThan(cov.get('maker')!.provincesAnyYear);
    expect(defaultMetric(ms, cov)).toBe('maker');
    // only context metrics: better one of them than none
    expect(defaultMetric([ms.at(-1)!], cov)).toBe('population_resident');
  });
  it('preferred metric with national data only is not preferred', () => {
    const cov = new Map(COV);
    cov.set(PREFERRED_METRIC, coverage(buildIndex([fig({ metric: PREFERRED_METRIC, region: NATIONAL, year: 2019, value: 1 })]), PREFERRED_METRIC));
    expect(defaultMetric(defs, cov)).toBe('maker');
  });
  it('no metrics: null', () => {
    expect(defaultMetric([], new Map())).toBeNull();
  });
});

describe('resolveView', () => {
  it('nothing asked: default metric and default year, no notice', () => {
    const r = resolveView({ metric: null, year: null }, METRICS, COV);
    expect(r.metric?.id).toBe(PREFERRED_METRIC);
    expect(r.year).toBe(2020);
    expect(r.years).toEqual([2018, 2020, 2021]);
    expect(r.notice).toBeNull();
  });

  it('a known metric and offered year are kept', () => {
    const r = resolveView({ metric: 'maker', year: 2019 }, METRICS, COV);
    expect(r.metric?.id).toBe('maker');
    expect(r.year).toBe(2019);
    expect(r.notice).toBeNull();
  });

  it('latest is kept', () => {
    const r = resolveView({ metric: PREFERRED_METRIC, year: 'latest' }, METRICS, COV);
    expect(r.year).toBe('latest');
    expect(r.notice).toBeNull();
  });

  it('unknown metric: notice naming it, default metric and year', () => {
    const r = resolveView({ metric: 'unicorns', year: null }, METRICS, COV);
    expect(r.notice).toEqual({ kind: 'unknownMetric', value: 'unicorns' });
    expect(r.metric?.id).toBe(PREFERRED_METRIC);
    expect(r.year).toBe(2020);
  });

  it('year without provincial data: notice and default year', () => {
    const r = resolveView({ metric: PREFERRED_METRIC, year: 2016 }, METRICS, COV); // 2016 is national-only
    expect(r.notice).toEqual({ kind: 'yearNotOffered', value: 2016 });
    expect(r.metric?.id).toBe(PREFERRED_METRIC);
    expect(r.year).toBe(2020);
    const r2 = resolveView({ metric: 'maker', year: 1999 }, METRICS, COV);
    expect(r2.notice).toEqual({ kind: 'yearNotOffered', value: 1999 });
    expect(r2.year).toBe(2019);
  });

  it('unknown metric AND bad year: the metric notice wins, year still defaulted', () => {
    const r = resolveView({ metric: 'unicorns', year: 1999 }, METRICS, COV);
    expect(r.notice).toEqual({ kind: 'unknownMetric', value: 'unicorns' });
    expect(r.year).toBe(2020);
  });

  it('national-only metric offers its national years', () => {
    const r = resolveView({ metric: 'national_only', year: 2014 }, METRICS, COV);
    expect(r.years).toEqual([2014, 2015]);
    expect(r.year).toBe(2014);
    expect(r.notice).toBeNull();
  });

  it('no metrics at all: nulls, no crash', () => {
    const r = resolveView({ metric: null, year: 2020 }, new Map(), new Map());
    expect(r.metric).toBeNull();
    expect(r.year).toBeNull();
    expect(r.years).toEqual([]);
  });
});

describe('former metric ids (manifest aliases)', () => {
  const ALIASES = { maker_old: 'maker', gone_old: 'gone' };

  it('currentMetricId: a metric is itself, a former id its successor, anything else null', () => {
    expect(currentMetricId('maker', METRICS, ALIASES)).toBe('maker');
    expect(currentMetricId('maker_old', METRICS, ALIASES)).toBe('maker');
    expect(currentMetricId('gone_old', METRICS, ALIASES)).toBeNull();
    expect(currentMetricId('unicorns', METRICS, ALIASES)).toBeNull();
    expect(currentMetricId('maker_old', METRICS)).toBeNull();
    // not fooled by Object.prototype
    expect(currentMetricId('constructor', METRICS, ALIASES)).toBeNull();
  });

  it('a link with a former id opens the new metric, says so, and keeps its year', () => {
    const r = resolveView({ metric: 'maker_old', year: 2019 }, METRICS, COV, ALIASES);
    expect(r.metric?.id).toBe('maker');
    expect(r.renamed).toEqual({ from: 'maker_old', to: 'maker' });
    expect(r.notice).toBeNull();
    expect(r.year).toBe(2019);
  });

  it('renamed and a year the new metric lacks: both are reported', () => {
    const r = resolveView({ metric: 'maker_old', year: 2021 }, METRICS, COV, ALIASES);
    expect(r.renamed).toEqual({ from: 'maker_old', to: 'maker' });
    expect(r.notice).toEqual({ kind: 'yearNotOffered', value: 2021 });
    expect(r.year).toBe(2019);
  });

  it('a former id whose successor is missing is an unknown metric', () => {
    const r = resolveView({ metric: 'gone_old', year: null }, METRICS, COV, ALIASES);
    expect(r.renamed).toBeNull();
    expect(r.notice).toEqual({ kind: 'unknownMetric', value: 'gone_old' });
    expect(r.metric?.id).toBe(PREFERRED_METRIC);
  });

  it('current ids are never renamed', () => {
    expect(resolveView({ metric: 'maker', year: null }, METRICS, COV, ALIASES).renamed).toBeNull();
  });
});

describe('a link to a metric imported elsewhere', () => {
  it('says which data is missing instead of showing another metric', () => {
    const r = resolveView({ metric: 'user_fu_hua_qi', year: 2020 }, METRICS, COV);
    expect(r).toEqual({ metric: null, year: null, years: [], notice: { kind: 'missingImported', value: 'user_fu_hua_qi' }, renamed: null });
  });
});
