/**
 * Key findings: the sentences an official copies into a report, as data.
 * A view's figures go in; a list of sentence specs comes out, each naming a
 * template (src/i18n/findings.ts, one table per language) and filling its
 * slots with regions, counts and numbers — every number carrying the ids of
 * the figures it comes from. Nothing is estimated: a lower bound stays a
 * lower bound (≥ → 超过), an approximation stays one (≈ → 约), an as-of date
 * travels with its figure, every rank names its base (data/rankBase.ts) and
 * none is stated over fewer than MIN_RANK_BASE provinces, "latest available"
 * says the years vary (data/staleness.ts), and disagreeing sources are said
 * to disagree instead of being used. Pure. Trend and profile: ./findingsSeries.ts.
 */
import { cellAt, nationalCell, provinceData, yearsFor, type Cell, type FigureIndex, type ProvinceDatum, type YearSelection } from './query';
import { rankBase } from './rankBase';
import { NATIONAL, REGIONS } from './regions';
import { staleness, STALE_YEARS, withoutStale } from './staleness';
import type { Figure, Localised, MetricDef, Qualifier } from './types';

/** Every template of the findings tables (src/i18n/findings.ts has one string per key and language). */
export const FINDING_KEYS = [
  'leader', 'leaderShare', 'leaderLatest', 'leaderLatestShare', 'leaderTie', 'leaderTieLatest',
  'top3', 'top3Tie', 'item', 'valueItem',
  'leaderPrevSame', 'leaderPrevRank',
  'national', 'nationalChange', 'nationalIndicative',
  'riseFall', 'riseOnly', 'fallOnly', 'allFlat',
  'fewProvinces', 'fewProvincesLatest', 'oneProvince', 'noProvinces',
  'latestYears', 'groupRecent', 'groupOld',
  'conflict',
  'trendUp', 'trendDown', 'trendFlat', 'trendIndicative', 'trendZero', 'trendOne', 'trendNone', 'trendMore',
  'profileRank', 'profileRankShare', 'profileOld', 'profileThin', 'profileMore', 'profileNone',
] as const;
export type FindingKey = (typeof FINDING_KEYS)[number];

/** A figure a number rests on: its id (for its quote) and its source. */
export interface FigureRef {
  id: string;
  sourceId: string;
}

/** How a share of the national figure may be read: ≥ when the province's figure is a lower bound, ≤ when the national one is. */
export type ShareQualifier = 'exact' | 'about' | 'at_least' | 'at_most';

export type Slot =
  | { t: 'region'; code: string }
  | { t: 'regions'; codes: string[] }
  /** a metric's label (may come from an imported file: text, never markup) */
  | { t: 'metric'; label: Localised }
  | { t: 'count'; n: number }
  | { t: 'year'; year: number }
  | { t: 'years'; from: number; to: number }
  /** a figure; `year` shown with it where figures of several years stand side by side */
  | { t: 'value'; value: number; qualifier: Qualifier; asOf: string | null; year?: number; unit: Localised; refs: FigureRef[] }
  | { t: 'share'; ratio: number; qualifier: ShareQualifier; refs: FigureRef[] }
  /** a change in words ("增加 181 家（+13%）") or signed ("+25 家，+11%"); ratio null when the base is 0 */
  | { t: 'change'; delta: number; ratio: number | null; unit: Localised; style: 'words' | 'signed'; refs: FigureRef[] }
  /** average yearly growth (its sign is in the template: up or down) */
  | { t: 'rate'; rate: number; refs: FigureRef[] }
  | { t: 'list'; items: Finding[] };

/** One sentence (or one item of a list): a template and what fills it. */
export interface Finding {
  key: FindingKey;
  slots: Record<string, Slot>;
}

/** What the findings are of, for the source line: a year, each province's latest, a span of years, or a profile. */
export type Period = { t: 'year'; year: number } | { t: 'latest' } | { t: 'span'; from: number; to: number } | { t: 'profile' };

export interface Findings {
  sentences: Finding[];
  period: Period;
}

export const region = (code: string): Slot => ({ t: 'region', code });
export const count = (n: number): Slot => ({ t: 'count', n });
export const year = (y: number): Slot => ({ t: 'year', year: y });

/** The figures a number rests on: the figure itself, or for a ratio (per resident, per GDP) both its inputs with their sources. */
export const refs = (f: Figure): FigureRef[] => (f.derived ? [f.derived.numerator, f.derived.denominator] : [f]).map((x) => ({ id: x.id, sourceId: x.sourceId }));

/** A figure as a number slot: its value, its ≥/≈, its as-of date and its id. */
export function valueSlot(f: Figure, unit: Localised, o: { also?: readonly Figure[]; withYear?: boolean } = {}): Slot {
  const list = [f, ...(o.also ?? [])].flatMap(refs);
  return { t: 'value', value: f.value, qualifier: f.qualifier, asOf: f.asOf, ...(o.withYear ? { year: f.year } : {}), unit, refs: list };
}

/** "Sources differ": every distinct figure of a cell, each with its own source. */
export function conflictFinding(cell: Cell, metric: MetricDef): Finding {
  const byStatement = new Map<string, Extract<Slot, { t: 'value' }>>();
  for (const f of cell.all) {
    const k = `${f.value}|${f.qualifier}|${f.asOf ?? ''}`;
    const same = byStatement.get(k);
    if (same) same.refs.push(...refs(f));
    else byStatement.set(k, { t: 'value', value: f.value, qualifier: f.qualifier, asOf: f.asOf, unit: metric.unit, refs: refs(f) });
  }
  const items = [...byStatement.values()].map<Finding>((value) => ({ key: 'valueItem', slots: { value } }));
  return {
    key: 'conflict',
    slots: { region: region(cell.primary.region), year: year(cell.primary.year), metric: { t: 'metric', label: metric.label }, values: { t: 'list', items } },
  };
}

/**
 * The share of the national figure a province's figure is, with how it may be
 * read; null where it must not be stated: no national figure, sources that
 * disagree, a share over 100 %, both figures bounds, or a bound mixed with an
 * approximation. Figures dated differently (as-of months) give "about".
 */
export function shareSlot(cell: Cell, national: Cell | null): Slot | null {
  // a ratio (per resident, per GDP) is no part of the national ratio
  if (!national || national.conflict || cell.conflict || cell.primary.derived) return null;
  const p = cell.primary;
  const n = national.primary;
  if (!(n.value > 0) || p.value > n.value) return null;
  const pBound = p.qualifier === 'at_least';
  const nBound = n.qualifier === 'at_least';
  const approx = p.qualifier === 'about' || n.qualifier === 'about' || (p.asOf ?? '') !== (n.asOf ?? '');
  if ((pBound && nBound) || ((pBound || nBound) && approx)) return null;
  const qualifier: ShareQualifier = pBound ? 'at_least' : nBound ? 'at_most' : approx ? 'about' : 'exact';
  return { t: 'share', ratio: p.value / n.value, qualifier, refs: [...refs(p), ...refs(n)] };
}

export interface YearViewInput {
  idx: FigureIndex;
  metric: MetricDef;
  /** the year shown, or each province's latest figure */
  sel: YearSelection;
  /** 'latest' reaches no later than this year */
  maxYear?: number;
  /** 'latest': a figure more than this many years older than the newest is old */
  staleYears?: number;
  /** 'latest': old figures hidden (and not ranked) */
  hideStale?: boolean;
}

/** The provincial year before `y` with any provincial figure, if any. */
function previousProvincialYear(idx: FigureIndex, metric: string, y: number): number | undefined {
  let best: number | undefined;
  for (const [code, byYear] of idx.get(metric) ?? []) {
    if (code === NATIONAL) continue;
    for (const yy of byYear.keys()) if (yy < y && (best === undefined || yy > best)) best = yy;
  }
  return best;
}

/** The findings of the map and the ranking: one metric in one year (or each province's latest). */
export function yearFindings(input: YearViewInput): Findings {
  const { idx, metric, sel } = input;
  const all = provinceData(idx, metric.id, sel, input.maxYear);
  const latest = sel === 'latest';
  const st = latest ? staleness(all, input.staleYears ?? STALE_YEARS) : null;
  const rows = input.hideStale && st?.stale.size ? withoutStale(all, st.stale) : all;
  const out: Finding[] = [];
  const period: Period = latest ? { t: 'latest' } : { t: 'year', year: sel };
  const yearsVary = new Set(rows.map((r) => r.year)).size > 1;
  const m: Slot = { t: 'metric', label: metric.label };
  const unit = metric.unit;

  if (latest && yearsVary && st) {
    const shown = input.hideStale ? st.groups.filter((g) => !g.stale) : st.groups;
    const items = shown.map<Finding>((g) => ({
      key: g.stale ? 'groupOld' : 'groupRecent',
      slots: { n: count(g.n), years: { t: 'years', from: g.from, to: g.to }, threshold: count(st.threshold) },
    }));
    out.push({ key: 'latestYears', slots: { groups: { t: 'list', items } } });
  }

  const rb = rankBase(1, rows.length, latest && yearsVary);
  if (rows.length === 0) {
    if (!latest) out.push({ key: 'noProvinces', slots: { year: year(sel), metric: m } });
  } else if (rb.caution === 'alone') {
    const only = rows[0]!;
    out.push(only.cell.conflict ? conflictFinding(only.cell, metric) : { key: 'oneProvince', slots: { region: region(only.region), year: year(only.year), metric: m, value: valueSlot(only.cell.primary, unit, { withYear: latest }) } });
  } else if (rb.caution === 'few') {
    const items = rows.map((r) => listItem(r, unit, latest));
    out.push({ key: latest ? 'fewProvincesLatest' : 'fewProvinces', slots: { n: count(rows.length), year: year(latest ? 0 : (sel as number)), metric: m, list: { t: 'list', items } } });
  } else {
    out.push(...rankedFindings(input, rows, latest));
  }

  if (!latest) {
    const nat = nationalFinding(idx, metric, sel);
    if (nat) out.push(nat);
    const rf = riseFallFinding(idx, metric, sel, rows);
    if (rf) out.push(rf);
  }
  return { sentences: out, period };
}

function listItem(r: ProvinceDatum, unit: Localised, withYear: boolean): Finding {
  return { key: 'item', slots: { region: region(r.region), value: valueSlot(r.cell.primary, unit, { withYear }) } };
}

/** Leader (with its share), top three and the leader's rank the year before: for 5 provinces with a figure or more. */
function rankedFindings(input: YearViewInput, rows: ProvinceDatum[], latest: boolean): Finding[] {
  const { idx, metric, sel } = input;
  const out: Finding[] = [];
  const m: Slot = { t: 'metric', label: metric.label };
  const sorted = [...rows].sort((a, b) => a.rank - b.rank);
  const leaders = sorted.filter((r) => r.rank === 1);
  const said = new Set<string>();
  const conflicts = (list: ProvinceDatum[]) => {
    for (const r of list) if (r.cell.conflict && !said.has(r.region)) said.add(r.region), out.push(conflictFinding(r.cell, metric));
  };
  const n = count(rows.length);
  if (leaders.some((r) => r.cell.conflict)) conflicts(leaders);
  else if (leaders.length > 1) {
    out.push({
      key: latest ? 'leaderTieLatest' : 'leaderTie',
      slots: { regions: { t: 'regions', codes: leaders.map((r) => r.region) }, year: year(leaders[0]!.year), metric: m, n, value: valueSlot(leaders[0]!.cell.primary, metric.unit, { also: leaders.slice(1).map((r) => r.cell.primary), withYear: latest }) },
    });
  } else {
    const lead = leaders[0]!;
    const share = shareSlot(lead.cell, nationalCell(idx, metric.id, lead.year));
    const key = latest ? (share ? 'leaderLatestShare' : 'leaderLatest') : share ? 'leaderShare' : 'leader';
    out.push({ key, slots: { region: region(lead.region), year: year(lead.year), metric: m, value: valueSlot(lead.cell.primary, metric.unit, { withYear: latest }), n, ...(share ? { share } : {}) } });
  }
  const top = sorted.filter((r) => r.rank <= 3);
  if (top.some((r) => r.cell.conflict)) conflicts(top);
  else {
    const tie = top.length !== 3 || new Set(top.map((r) => r.rank)).size !== top.length;
    out.push({ key: tie ? 'top3Tie' : 'top3', slots: { list: { t: 'list', items: top.map((r) => listItem(r, metric.unit, latest)) } } });
  }
  if (!latest && leaders.length === 1 && !leaders[0]!.cell.conflict) {
    const prev = leaderBefore(idx, metric, sel as number, leaders[0]!.region);
    if (prev) out.push(prev);
  }
  return out;
}

/** Where the leader stood in the previous year with provincial figures (both bases of 5 or more, its figure undisputed). */
function leaderBefore(idx: FigureIndex, metric: MetricDef, y: number, code: string): Finding | null {
  const py = previousProvincialYear(idx, metric.id, y);
  if (py === undefined) return null;
  const before = provinceData(idx, metric.id, py);
  const me = before.find((r) => r.region === code);
  if (!me || me.cell.conflict || rankBase(me.rank, me.ranked).caution !== 'none') return null;
  const slots = { region: region(code), year: year(y), prevYear: year(py), prevRank: count(me.rank), prevN: count(me.ranked) };
  return { key: me.rank === 1 ? 'leaderPrevSame' : 'leaderPrevRank', slots };
}

/** The national figure of the year, and its change on the previous year with a national figure. */
function nationalFinding(idx: FigureIndex, metric: MetricDef, y: number): Finding | null {
  const cell = nationalCell(idx, metric.id, y);
  if (!cell) return null;
  if (cell.conflict) return conflictFinding(cell, metric);
  const base = { year: year(y), metric: { t: 'metric', label: metric.label } as Slot, value: valueSlot(cell.primary, metric.unit) };
  const py = yearsFor(idx, metric.id, NATIONAL).filter((yy) => yy < y).pop();
  const prev = py === undefined ? null : cellAt(idx, metric.id, NATIONAL, py);
  if (!prev || prev.conflict || py === undefined) return { key: 'national', slots: base };
  const slots = { ...base, prevYear: year(py), prev: valueSlot(prev.primary, metric.unit) };
  const a = prev.primary;
  const b = cell.primary;
  if (a.qualifier !== 'exact' || b.qualifier !== 'exact') return { key: 'nationalIndicative', slots };
  const delta = b.value - a.value;
  return { key: 'nationalChange', slots: { ...slots, change: { t: 'change', delta, ratio: a.value ? delta / a.value : null, unit: metric.unit, style: 'words', refs: [...refs(a), ...refs(b)] } } };
}

/**
 * The largest rise and fall between the previous year with provincial figures
 * and this one, among the provinces with exact, undisputed figures in both —
 * a base of 5 or more, named in the sentence. Where two provinces share the
 * largest rise (or fall) there is no sentence, rather than one naming either.
 */
function riseFallFinding(idx: FigureIndex, metric: MetricDef, y: number, rows: ProvinceDatum[]): Finding | null {
  const py = previousProvincialYear(idx, metric.id, y);
  if (py === undefined) return null;
  const pairs: { code: string; a: Figure; b: Figure }[] = [];
  for (const r of rows) {
    const before = cellAt(idx, metric.id, r.region, py);
    const a = before?.primary;
    const b = r.cell.primary;
    if (!a || before.conflict || r.cell.conflict || a.qualifier !== 'exact' || b.qualifier !== 'exact') continue;
    pairs.push({ code: r.region, a, b });
  }
  if (rankBase(1, pairs.length).caution !== 'none') return null;
  const order = REGIONS.map((r) => r.code);
  const byDelta = [...pairs].sort((p, q) => q.b.value - q.a.value - (p.b.value - p.a.value) || order.indexOf(p.code) - order.indexOf(q.code));
  const up = byDelta[0]!;
  const down = byDelta[byDelta.length - 1]!;
  const change = (p: (typeof pairs)[number]) => p.b.value - p.a.value;
  // a shared largest rise or fall names no single province: no sentence rather than one that picks
  const shared = (p: (typeof pairs)[number]) => byDelta.filter((q) => change(q) === change(p)).length > 1;
  if ((change(up) > 0 && shared(up)) || (change(down) < 0 && shared(down))) return null;
  const side = (p: (typeof pairs)[number]): Record<string, Slot> => {
    const delta = p.b.value - p.a.value;
    return {
      region: region(p.code),
      from: valueSlot(p.a, metric.unit),
      to: valueSlot(p.b, metric.unit),
      change: { t: 'change', delta, ratio: p.a.value ? delta / p.a.value : null, unit: metric.unit, style: 'signed', refs: [...refs(p.a), ...refs(p.b)] },
    };
  };
  const prefix = (s: Record<string, Slot>, pre: string) => Object.fromEntries(Object.entries(s).map(([k, v]) => [pre + k[0]!.toUpperCase() + k.slice(1), v]));
  const slots: Record<string, Slot> = { n: count(pairs.length), year: year(y), prevYear: year(py) };
  const rises = up.b.value > up.a.value;
  const falls = down.b.value < down.a.value;
  if (rises && falls) return { key: 'riseFall', slots: { ...slots, ...prefix(side(up), 'up'), ...prefix(side(down), 'down') } };
  if (rises) return { key: 'riseOnly', slots: { ...slots, ...prefix(side(up), 'up') } };
  if (falls) return { key: 'fallOnly', slots: { ...slots, ...prefix(side(down), 'down') } };
  return { key: 'allFlat', slots };
}

/** Every figure a set of findings rests on, in order, without repeats. */
export function findingRefs(list: readonly Finding[]): FigureRef[] {
  const seen = new Map<string, FigureRef>();
  const walk = (f: Finding) => {
    for (const s of Object.values(f.slots)) {
      if (s.t === 'list') s.items.forEach(walk);
      else if ('refs' in s) for (const r of s.refs) if (!seen.has(r.id)) seen.set(r.id, r);
    }
  };
  list.forEach(walk);
  return [...seen.values()];
}

/** The sources of a set of findings, in the order their figures appear. */
export function findingSources(list: readonly Finding[]): string[] {
  return [...new Set(findingRefs(list).map((r) => r.sourceId))];
}
