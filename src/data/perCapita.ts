/**
 * Per resident and per unit of GDP: a province's figure divided by the same
 * province's denominator for the same year. Pure; loaded only when a view
 * asks for a measure other than the absolute one.
 *
 *   per million residents:  value ÷ (年末常住人口 in 万人 ÷ 100)
 *   per 100 bn yuan of GDP: value ÷ (地区生产总值 in 亿元 ÷ 1000)
 *
 * Honesty rules enforced here:
 * - only the denominator of the SAME region and the SAME year divides a
 *   figure; where it is missing the ratio is missing (no data), never taken
 *   from another year; a figure dated by month ("as of 2023-06") is divided by
 *   its year's year-end population / the year's GDP, and keeps its as-of date;
 * - a qualifier carries through: ≥ stays ≥ (and is rounded down, never up),
 *   ≈ stays ≈; an approximate denominator makes the ratio ≈; a lower bound
 *   divided by an approximation, or any ratio over a lower-bound denominator,
 *   says nothing certain and is missing;
 * - every figure of a disputed cell is divided (by every distinct denominator
 *   figure), so the dispute stays visible in the ratio;
 * - a denominator in a unit this module does not know is not used;
 * - the country's figure is divided by the country's denominator (全国: 年末总人口, GDP);
 * - metrics that are already ratios (%, shares, rates, per-capita figures),
 *   the context metrics themselves and national-only metrics offer no ratio.
 *   GDP per resident is not derived either: the official 人均地区生产总值 divides by
 *   the year's average population, so year-end population would give a
 *   different figure under a familiar name.
 */
import { NATIONAL } from './regions';
import type { Figure, MetricDef, PerKind, Qualifier } from './types';
import type { FigureIndex } from './query';

export const PER_KINDS: readonly PerKind[] = ['capita', 'gdp'];

export interface PerSpec {
  /** the denominator's metric id */
  denominator: string;
  /** the denominator's units as figures state them, and each one's size in the base unit (万人, 亿元) */
  units: Readonly<Record<string, number>>;
  /** base units in one "per" step: 100 万人 = one million residents; 1000 亿元 = 100 billion yuan */
  step: number;
}

export const PER: Readonly<Record<PerKind, PerSpec>> = {
  capita: {
    denominator: 'population_resident',
    units: { 万人: 1, 人: 1e-4, 百万人: 100, 亿人: 1e4 },
    step: 100,
  },
  gdp: {
    denominator: 'gdp',
    units: { 亿元: 1, 万元: 1e-4, 元: 1e-8, 万亿元: 1e4 },
    step: 1000,
  },
};

/** The metrics that are denominators: they offer no ratio of their own. */
export const DENOMINATORS: ReadonlySet<string> = new Set(PER_KINDS.map((k) => PER[k].denominator));

/** Why a metric offers no ratio. */
export type PerBlock =
  /** a context metric (population, GDP): the denominators themselves */
  | 'context'
  /** already a ratio: a percentage, share, rate or per-capita figure */
  | 'ratio'
  /** no provincial figure: national only */
  | 'national'
  /** no provincial figure in a year with the denominator */
  | 'years';

const RATIO_RE = /%|‰|百分|比例|占比|比重|率|人均|每|\/|percent|ratio|\bshares?\b|\brates?\b|\bper\b|density|proportion/i;

/** A metric whose unit or name says it is already a ratio (%, ‰, 占比, 率, 人均, per …). */
export function isRatioMetric(m: MetricDef): boolean {
  return [m.unit.zh, m.unit.en, m.label.zh, m.label.en].some((s) => RATIO_RE.test(s));
}

/** The reason a metric cannot be divided at all (before looking at years), or null. */
export function staticBlock(m: MetricDef, idx: FigureIndex): PerBlock | null {
  if (m.group === 'context' || DENOMINATORS.has(m.id)) return 'context';
  if (isRatioMetric(m)) return 'ratio';
  for (const region of idx.get(m.id)?.keys() ?? []) if (region !== NATIONAL) return null;
  return 'national';
}

/**
 * A ratio rounded to significant digits: three below 100 (2.87, 0.0287), whole
 * numbers from 100. A lower bound is rounded down, so that it never claims more
 * than the source does; other figures to the nearest.
 */
export function roundRatio(x: number, qualifier: Qualifier): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const decimals = Math.max(0, 2 - Math.floor(Math.log10(Math.abs(x))));
  const p = Math.pow(10, decimals);
  const scaled = qualifier === 'at_least' ? Math.floor(x * p * (1 + 1e-12)) : Math.round(x * p);
  return Number((scaled / p).toFixed(decimals));
}

/** The qualifier of numerator ÷ denominator, or null when the quotient says nothing certain. */
export function ratioQualifier(num: Qualifier, den: Qualifier): Qualifier | null {
  if (den === 'exact') return num;
  if (den === 'about') return num === 'at_least' ? null : 'about';
  return null;
}

/**
 * One figure divided by one denominator figure, or null when they are not of
 * the same region and year, the denominator's unit is unknown or it is not
 * positive, or the qualifiers allow no statement.
 */
export function divideFigure(num: Figure, den: Figure, per: PerKind, unit: string): Figure | null {
  const spec = PER[per];
  if (den.region !== num.region || den.year !== num.year) return null;
  const size = spec.units[den.unit.trim()];
  if (size === undefined || !(den.value > 0)) return null;
  const qualifier = ratioQualifier(num.qualifier, den.qualifier);
  if (!qualifier) return null;
  const exact = (num.value * spec.step) / (den.value * size);
  return {
    id: `${num.id}÷${den.id}`,
    metric: num.metric,
    region: num.region,
    year: num.year,
    value: roundRatio(exact, qualifier),
    qualifier,
    asOf: num.asOf,
    unit,
    note: num.note,
    sourceId: num.sourceId,
    derived: { per, numerator: num, denominator: den, exact },
  };
}

/**
 * Every quotient of one region and year: each figure of the metric divided by
 * each distinct denominator figure (same value and qualifier counted once) of
 * the same region and year. Empty when either side is missing.
 */
export function divideCell(nums: readonly Figure[], dens: readonly Figure[], per: PerKind, unit: string): Figure[] {
  const distinct: Figure[] = [];
  for (const d of dens) if (!distinct.some((x) => x.value === d.value && x.qualifier === d.qualifier && x.unit === d.unit)) distinct.push(d);
  const out: Figure[] = [];
  for (const n of nums) for (const d of distinct) {
    const q = divideFigure(n, d, per, unit);
    if (q) out.push(q);
  }
  return out;
}

type ByRegion = Map<string, Map<number, Figure[]>>;

/**
 * A metric's figures per resident or per GDP, indexed like FigureIndex's entry
 * of the metric. `denIdx`: where the denominators are (the figures' own index by
 * default); `unit`: the ratios' unit as figures state it ("家/百万人").
 */
export function divideMetric(idx: FigureIndex, m: MetricDef, per: PerKind, denIdx: FigureIndex = idx, unit = ''): ByRegion {
  const dens = denIdx.get(PER[per].denominator);
  const out: ByRegion = new Map();
  for (const [region, byYear] of idx.get(m.id) ?? []) {
    const denByYear = dens?.get(region);
    for (const [year, nums] of byYear) {
      // the same region's denominator of the same year, and no other
      const q = divideCell(nums, denByYear?.get(year) ?? [], per, unit);
      if (!q.length) continue;
      let ys = out.get(region);
      if (!ys) out.set(region, (ys = new Map()));
      ys.set(year, q);
    }
  }
  return out;
}

export interface PerView {
  per: PerKind;
  /** the figures the views draw: every dividable metric replaced by its ratios, the others as they are */
  index: FigureIndex;
  /** metric definitions: the dividable ones with the ratio's unit, label and definition */
  metrics: Map<string, MetricDef>;
  /** the metrics that offer no ratio, and why; they are shown as they are */
  blocked: Map<string, PerBlock>;
}

const hasProvince = (byRegion: ByRegion) => [...byRegion.keys()].some((r) => r !== NATIONAL);

/** Why a metric offers no ratio of this kind (null: it does). */
export function metricBlock(m: MetricDef, idx: FigureIndex, per: PerKind, denIdx: FigureIndex = idx): PerBlock | null {
  return staticBlock(m, idx) ?? (hasProvince(divideMetric(idx, m, per, denIdx)) ? null : 'years');
}

/**
 * The whole package per resident or per GDP. `describe`: a dividable metric's
 * definition as a ratio (its unit, label and definition say so; i18n/per.ts
 * perMetric). `denIdx`: where the denominators are, when the figures shown lack
 * them (the user's imported files alone).
 */
export function perView(metrics: readonly MetricDef[], idx: FigureIndex, per: PerKind, describe: (m: MetricDef) => MetricDef, denIdx: FigureIndex = idx): PerView {
  const index: FigureIndex = new Map(idx);
  const defs = new Map<string, MetricDef>();
  const blocked = new Map<string, PerBlock>();
  for (const m of metrics) {
    let block = staticBlock(m, idx);
    const def = block ? m : describe(m);
    const divided = block ? null : divideMetric(idx, m, per, denIdx, def.unit.zh);
    if (divided && !hasProvince(divided)) block = 'years';
    if (block || !divided) {
      blocked.set(m.id, block ?? 'years');
      defs.set(m.id, m);
    } else {
      index.set(m.id, divided);
      defs.set(m.id, def);
    }
  }
  return { per, index, metrics: defs, blocked };
}
