/**
 * Key findings of the trend (first and last figure of each line, average
 * yearly growth over the years with data) and of a province's profile (where
 * it stands on each metric with a rank base of 5 or more). The sentence specs
 * and their rules are those of ./findings.ts. Pure.
 */
import { conflictFinding, count, refs, region, shareSlot, valueSlot, year, type Finding, type Findings, type Slot } from './findings';
import { profileRows } from './profile';
import { nationalCell, yearsFor, cellAt, type FigureIndex, coverage } from './query';
import { rankBase } from './rankBase';
import { NATIONAL } from './regions';
import { isStale, STALE_YEARS } from './staleness';
import type { MetricDef } from './types';

/** Lines of a trend given a sentence each; the rest are counted. */
export const TREND_MAX_LINES = 6;
/** Metrics of a profile given a sentence each; the rest are counted. */
export const PROFILE_MAX_METRICS = 5;

export interface TrendInput {
  idx: FigureIndex;
  metric: MetricDef;
  /** the provinces drawn, in the order chosen */
  regions: readonly string[];
  /** the national line is drawn */
  national: boolean;
}

/** One line of a trend: from its first figure to its last, and the average yearly growth between them where both are exact. */
function lineFinding(idx: FigureIndex, metric: MetricDef, code: string): Finding[] {
  const years = yearsFor(idx, metric.id, code);
  const m: Slot = { t: 'metric', label: metric.label };
  if (!years.length) return [{ key: 'trendNone', slots: { region: region(code), metric: m } }];
  const first = cellAt(idx, metric.id, code, years[0]!)!;
  const last = cellAt(idx, metric.id, code, years[years.length - 1]!)!;
  if (first.conflict || last.conflict) return [...new Set([first, last])].filter((c) => c.conflict).map((c) => conflictFinding(c, metric));
  const a = first.primary;
  const b = last.primary;
  if (years.length === 1) return [{ key: 'trendOne', slots: { region: region(code), metric: m, year: year(a.year), value: valueSlot(a, metric.unit) } }];
  const slots: Record<string, Slot> = {
    region: region(code),
    metric: m,
    firstYear: year(a.year),
    lastYear: year(b.year),
    first: valueSlot(a, metric.unit),
    last: valueSlot(b, metric.unit),
    n: count(years.length),
    span: count(b.year - a.year + 1),
  };
  if (a.qualifier !== 'exact' || b.qualifier !== 'exact') return [{ key: 'trendIndicative', slots }];
  if (a.value === b.value) return [{ key: 'trendFlat', slots }];
  if (a.value <= 0) return [{ key: 'trendZero', slots }];
  const rate = (b.value / a.value) ** (1 / (b.year - a.year)) - 1;
  return [{ key: rate > 0 ? 'trendUp' : 'trendDown', slots: { ...slots, rate: { t: 'rate', rate, refs: [...refs(a), ...refs(b)] } } }];
}

/** The findings of the trend view: a sentence for each line drawn (the national one first), at most TREND_MAX_LINES. */
export function trendFindings(input: TrendInput): Findings {
  const lines = [...(input.national ? [NATIONAL] : []), ...input.regions];
  const shown = lines.slice(0, TREND_MAX_LINES);
  const sentences = shown.flatMap((code) => lineFinding(input.idx, input.metric, code));
  if (lines.length > shown.length) sentences.push({ key: 'trendMore', slots: { n: count(lines.length - shown.length) } });
  const years = lines.flatMap((code) => yearsFor(input.idx, input.metric.id, code));
  const period = years.length ? { t: 'span' as const, from: Math.min(...years), to: Math.max(...years) } : { t: 'profile' as const };
  return { sentences, period };
}

export interface ProfileInput {
  idx: FigureIndex;
  metrics: readonly MetricDef[];
  region: string;
  maxYear?: number;
  staleYears?: number;
}

/**
 * The findings of a province's profile: for each metric (in the profile's
 * order) with a rank base of 5 or more, its latest figure, rank and share of
 * the national figure, marked when older than the metric's newest figures;
 * metrics with a thinner base or beyond PROFILE_MAX_METRICS are counted.
 */
export function profileFindings(input: ProfileInput): Findings {
  const { idx, region: code } = input;
  const rows = profileRows(idx, input.metrics, code, input.maxYear);
  const sentences: Finding[] = [];
  if (!rows.length) return { sentences: [{ key: 'profileNone', slots: { region: region(code) } }], period: { t: 'profile' } };
  let thin = 0;
  let more = 0;
  for (const r of rows) {
    const cell = r.latest.cell;
    const rb = rankBase(r.rank?.rank ?? 1, r.rank?.ranked ?? 1);
    if (rb.caution !== 'none') {
      thin++;
      continue;
    }
    if (sentences.length >= PROFILE_MAX_METRICS) {
      more++;
      continue;
    }
    if (cell.conflict) {
      sentences.push(conflictFinding(cell, r.metric));
      continue;
    }
    const share = shareSlot(cell, nationalCell(idx, r.metric.id, r.latest.year));
    const newest = coverage(idx, r.metric.id).provinceYears.filter((y) => y <= (input.maxYear ?? Infinity)).pop() ?? r.latest.year;
    const slots: Record<string, Slot> = {
      metric: { t: 'metric', label: r.metric.label },
      value: valueSlot(cell.primary, r.metric.unit, { withYear: true }),
      year: year(r.latest.year),
      rank: count(rb.rank),
      n: count(rb.base),
      newest: year(newest),
      ...(share ? { share } : {}),
    };
    const old = isStale(r.latest.year, newest, input.staleYears ?? STALE_YEARS);
    sentences.push({ key: old ? 'profileOld' : share ? 'profileRankShare' : 'profileRank', slots });
  }
  if (more) sentences.push({ key: 'profileMore', slots: { n: count(more) } });
  if (thin) sentences.push({ key: 'profileThin', slots: { n: count(thin), region: region(code) } });
  return { sentences, period: { t: 'profile' } };
}
