/**
 * View state ⇄ URL query string, as one table: PARAMS has a row for every key
 * of ViewState that says how its URL parameter is read (parse: valid, invalid
 * with a reason, or missing), how it is written (format), its default (left
 * out of the URL) and where it travels (scope). parseQuery, toQuery,
 * viewOfState, the rejected-parameter notice, the deck's slides (./deck.ts) and
 * the embed's `hatch-atlas:set` message (embed/protocol.ts) are loops over it.
 * Pure: unknown or malformed parameters are dropped (and reported), never
 * trusted. Every view of the app is a link.
 *
 * Adding a parameter, e.g. `labels=0` (value labels on the map, on by default):
 *   1. its field in ViewState, with a doc comment:   labels: boolean;
 *   2. its row in PARAMS (the compiler refuses a ViewState key without one):
 *        labels: flag(true, 'view'),
 *      or, for other values, a row with its own parse and format (see `top`, `mode`).
 *      The order of the rows is the order of the parameters in the URL; a row
 *      that reads another in its parse (as `slide` reads `deck`) comes after it.
 *   3. its cases in tests/unit/params.test.ts (ROWS: valid and invalid values).
 * Nothing else: the URL, back/forward, slides, embeds and notices follow from
 * the row. Components read it with useStore((s) => s.labels) and change it with
 * useStore.getState().setParam('labels', false).
 *
 * Scopes — where a parameter travels besides the page's own URL, which carries every one:
 *   view     what the chart shows: saved in a deck's slides and set when a slide is shown
 *   reader   how it is read (language, theme, patterns): saved in slides, but a
 *            presentation keeps its own across slides
 *   embed    the embed frame: not saved in slides, dropped from the embed's link to the full view
 *   present  the presentation and its deck: not saved in slides
 * `message: true` lets a host page set it with the embed's `hatch-atlas:set` message.
 */
import type { YearSelection } from '../data/query';
import { NATIONAL, normaliseRegion, REGION_BY_CODE } from '../data/regions';
import { SCALE_KINDS, type ScaleKind } from '../data/scale';
import { STALE_YEARS } from '../data/staleness';
import type { Lang } from '../data/types';
// deck.ts reads slides with parseQuery: the two modules import each other and
// only call each other's functions, never while loading
import { decodeDeck, encodeDeck, type Slide } from './deck';

export const VIEWS = ['overview', 'map', 'ranking', 'trend', 'table', 'province', 'carriers', 'coverage'] as const;
export type ViewId = (typeof VIEWS)[number];

export const TREND_MODES = ['abs', 'yoy', 'share'] as const;
export type TrendMode = (typeof TREND_MODES)[number];

/** The measure: absolute figures, per million residents, per 100 billion yuan (1000亿元) of GDP. */
export const PERS = ['abs', 'capita', 'gdp'] as const;
export type Per = (typeof PERS)[number];

export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

const LANGS = ['zh', 'en'] as const satisfies readonly Lang[];

export interface ViewState {
  view: ViewId;
  metric: string | null;
  /** null = let the app choose (see selectors.defaultYear) */
  year: YearSelection | null;
  /** province of the profile view (GB/T 2260 code) */
  region: string | null;
  /** provinces compared in the trend view (codes, in the order chosen) */
  regions: string[];
  /** ranking: show the top N only (null = all) */
  top: number | null;
  /** trend: absolute values, year-on-year change or share of the national figure */
  mode: TrendMode;
  /** trend: draw the national line (off: the provinces get the whole scale) */
  national: boolean;
  /** absolute figures, or divided by the same province's population / GDP of the same year */
  per: Per;
  /** map: show named carriers as points */
  carriers: boolean;
  /**
   * map: each province's value written on it (small ones beside it, with a leader). null =
   * where no one can hover: on in presentation mode, static embeds and exported images, off in
   * the interactive map
   */
  labels: boolean | null;
  /** map: the colour scale (null = the metric's default, see data/scale.ts) */
  scale: ScaleKind | null;
  /** "latest available": a figure more than this many years older than the metric's newest is old */
  stale: number;
  /** "latest available": old figures hidden on the map and in the ranking */
  hideStale: boolean;
  lang: Lang;
  /** null = follow the system (prefers-color-scheme) */
  theme: Theme | null;
  /** embedded in another site: chart only */
  embed: boolean;
  /** embed: show the year/metric controls */
  controls: boolean;
  /** embed: a static, non-interactive chart (for slides) */
  static: boolean;
  /** presentation mode */
  present: boolean;
  /** ECharts decal patterns on areas and bars, for colour-blind readers */
  decal: boolean;
  /** the key findings (sentences) beside the chart in an embed or on a slide; the full app always shows them */
  findings: boolean;
  /** the slide deck (saved views) */
  deck: Slide[];
  /** index of the current slide in the deck */
  slide: number;
}

export type ParamKey = keyof ViewState;

/** A URL parameter as read: understood, not understood (and why), or not given. */
export type ParsedParam<T> =
  | { kind: 'missing' }
  /** `dropped`: the part of a partly understood value that was left out; it is reported like an invalid value */
  | { kind: 'valid'; value: T; dropped?: string }
  /** `shown`: what the notice quotes of the value (the value itself unless said) */
  | { kind: 'invalid'; reason: string; shown?: string };

/** Where a parameter travels besides the page's own URL (see the top of this file). */
export type Scope = 'view' | 'reader' | 'embed' | 'present';

export interface ParamSpec<T> {
  /** the URL parameter's name, when it is not the state key */
  param?: string;
  default: T;
  scope: Scope;
  /** a host page may set it with the embed's `hatch-atlas:set` message */
  message?: true;
  /** Read a given parameter. `before` is the state read so far (the rows above this one). */
  parse: (raw: string, before: Readonly<ViewState>) => ParsedParam<T>;
  /** The value as written in the URL, or null to leave it out. Not called for the default, which is always left out. */
  format: (value: T, s: Readonly<ViewState>) => string | null;
}

export const MAX_REGIONS = 34;
/** longest list of regions read from a URL; the rest is reported, not read */
const MAX_REGION_PARTS = 200;
const METRIC_RE = /^[a-z][a-z0-9_]{0,63}$/;

const valid = <T>(value: T, dropped?: string): ParsedParam<T> => (dropped ? { kind: 'valid', value, dropped } : { kind: 'valid', value });
const invalid = (reason: string, shown?: string): ParsedParam<never> => (shown === undefined ? { kind: 'invalid', reason } : { kind: 'invalid', reason, shown });

/** One of a fixed list of words (`view=map`). */
function oneOf<T extends string>(words: readonly T[], def: T, scope: Scope): ParamSpec<T> {
  return {
    default: def,
    scope,
    parse: (raw) => ((words as readonly string[]).includes(raw) ? valid(raw as T) : invalid(`not one of ${words.join(', ')}`)),
    format: (word) => word,
  };
}

/** An on/off switch: 1/true/yes or 0/false/no; written as 1 (or 0 for a switch that is on by default). */
function flag(def: boolean, scope: Scope): ParamSpec<boolean> {
  return {
    default: def,
    scope,
    parse: (raw) => {
      if (raw === '1' || raw === 'true' || raw === 'yes') return valid(true);
      if (raw === '0' || raw === 'false' || raw === 'no') return valid(false);
      return invalid('not 1/0, true/false or yes/no');
    },
    format: (on) => (on ? '1' : '0'),
  };
}

function regionCode(v: string): string | null {
  const r = normaliseRegion(v);
  return r.ok && r.id !== NATIONAL ? r.id : null;
}

/** Readable region spelling for URLs: the short Chinese name (江苏). */
function regionParam(code: string): string {
  return REGION_BY_CODE.get(code)?.zh ?? code;
}

function parseRegions(raw: string): ParsedParam<string[]> {
  const parts = raw.split(/[,，、;|]/).map((x) => x.trim()).filter(Boolean);
  const codes: string[] = [];
  const bad: string[] = [];
  for (const part of parts.slice(0, MAX_REGION_PARTS)) {
    const c = regionCode(part);
    if (!c) bad.push(part);
    else if (!codes.includes(c) && codes.length < MAX_REGIONS) codes.push(c);
  }
  if (parts.length > MAX_REGION_PARTS) bad.push(`… ${parts.length - MAX_REGION_PARTS} more`);
  if (!bad.length) return valid(codes);
  const listed = bad.slice(0, 5).join(',') + (bad.length > 5 ? ` (+${bad.length - 5})` : '');
  return codes.length ? valid(codes, listed) : invalid('no province in the list', listed);
}

/** A row for every view-state key: the compiler refuses a table that lacks one. */
export type ParamTable = { readonly [K in ParamKey]: ParamSpec<ViewState[K]> };

/** The table: one row per view-state key, in the order of the canonical URL. */
export const PARAMS: ParamTable = {
  view: oneOf(VIEWS, 'overview', 'view'),
  metric: {
    default: null,
    scope: 'view',
    message: true,
    parse: (raw) => (METRIC_RE.test(raw) ? valid(raw) : invalid('not a metric id (a–z first, then a–z, 0–9 or _, at most 64)')),
    format: (id) => id || null,
  },
  year: {
    default: null,
    scope: 'view',
    message: true,
    parse: (raw) => (raw === 'latest' ? valid('latest') : /^\d{4}$/.test(raw) ? valid(Number(raw)) : invalid('not a four-digit year or "latest"')),
    format: (year) => String(year),
  },
  region: {
    default: null,
    scope: 'view',
    parse: (raw) => {
      const code = regionCode(raw);
      return code ? valid(code) : invalid('not a province');
    },
    format: (code) => (code ? regionParam(code) : null),
  },
  regions: {
    default: [],
    scope: 'view',
    parse: (raw) => (raw === '' ? valid([]) : parseRegions(raw)),
    format: (codes) => (codes.length ? codes.map(regionParam).join(',') : null),
  },
  top: {
    default: null,
    scope: 'view',
    parse: (raw) => (/^\d{1,2}$/.test(raw) && Number(raw) >= 1 && Number(raw) <= 34 ? valid(Number(raw)) : invalid('not a whole number from 1 to 34')),
    format: (n) => String(n),
  },
  mode: oneOf(TREND_MODES, 'abs', 'view'),
  national: flag(true, 'view'),
  per: oneOf(PERS, 'abs', 'view'),
  carriers: {
    param: 'layer',
    default: false,
    scope: 'view',
    parse: (raw) => (raw === 'carriers' ? valid(true) : raw === '' ? valid(false) : invalid('the only layer is "carriers"')),
    format: (on) => (on ? 'carriers' : null),
  },
  labels: {
    default: null,
    scope: 'view',
    parse: (raw, s) => (raw === 'auto' ? valid(null) : flag(true, 'view').parse(raw, s)),
    format: (on) => (on ? '1' : '0'),
  },
  scale: {
    default: null,
    scope: 'view',
    parse: (raw) => ((SCALE_KINDS as readonly string[]).includes(raw) ? valid(raw as ScaleKind) : raw === 'auto' ? valid(null) : invalid(`not one of ${SCALE_KINDS.join(', ')} or auto`)),
    format: (kind) => kind,
  },
  stale: {
    default: STALE_YEARS,
    scope: 'view',
    parse: (raw) => (/^\d{1,2}$/.test(raw) ? valid(Number(raw)) : invalid('not a number of years from 0 to 99')),
    format: (n) => String(n),
  },
  hideStale: { ...flag(false, 'view'), param: 'hidestale' },
  lang: { ...oneOf(LANGS, 'zh', 'reader'), message: true },
  theme: {
    default: null,
    scope: 'reader',
    message: true,
    parse: (raw) => ((THEMES as readonly string[]).includes(raw) ? valid(raw as Theme) : raw === 'auto' ? valid(null) : invalid('not light, dark or auto')),
    format: (theme) => theme,
  },
  embed: flag(false, 'embed'),
  // only an embed has controls to hide
  controls: { ...flag(true, 'embed'), format: (_off, s) => (s.embed ? '0' : null) },
  static: flag(false, 'embed'),
  present: flag(false, 'present'),
  decal: flag(false, 'reader'),
  findings: flag(false, 'view'),
  deck: {
    default: [],
    scope: 'present',
    parse: (raw) => {
      if (raw === '') return valid([]);
      const d = decodeDeck(raw);
      if (!d) return invalid('not a deck (base64url of JSON)', raw.slice(0, 40));
      return valid(d.slides, d.dropped ? `${d.dropped} invalid slide(s)` : undefined);
    },
    format: (slides) => encodeDeck(slides),
  },
  // 1-based in the URL; past the end of the deck means its last slide
  slide: {
    default: 0,
    scope: 'present',
    parse: (raw, before) => (/^\d{1,3}$/.test(raw) && Number(raw) >= 1 ? valid(Math.min(Number(raw), Math.max(1, before.deck.length)) - 1) : invalid('not a slide number (1, 2, …)')),
    format: (i, s) => (s.deck.length ? String(i + 1) : null),
  },
};

export const PARAM_KEYS = Object.keys(PARAMS) as ParamKey[];

/** The URL parameter's name of a state key. */
export function paramName(key: ParamKey): string {
  return PARAMS[key].param ?? key;
}

const OWN_PARAMS = new Set(PARAM_KEYS.map(paramName));

export const DEFAULT_STATE: ViewState = Object.fromEntries(PARAM_KEYS.map((k) => [k, PARAMS[k].default])) as unknown as ViewState;

/** Read one parameter of a query (`missing` when not given). `before`: the state of the rows above it. */
export function readParam<K extends ParamKey>(key: K, params: URLSearchParams, before: Readonly<ViewState> = DEFAULT_STATE): ParsedParam<ViewState[K]> {
  const raw = params.get(paramName(key));
  if (raw === null) return { kind: 'missing' };
  const r = PARAMS[key].parse(raw, before);
  return r.kind === 'invalid' && r.shown === undefined ? { ...r, shown: raw } : r;
}

function isDefault(value: unknown, def: unknown): boolean {
  return value === def || (Array.isArray(value) && Array.isArray(def) && value.length === 0 && def.length === 0);
}

/** One parameter as written in the URL, or null when it is left out (the default, or the row says so). */
export function formatParam<K extends ParamKey>(key: K, s: Readonly<ViewState>): string | null {
  return isDefault(s[key], PARAMS[key].default) ? null : PARAMS[key].format(s[key], s);
}

export interface ParsedUrl {
  state: ViewState;
  /** parameters that were present but not understood */
  rejected: { param: string; value: string }[];
}

export function parseQuery(search: string): ParsedUrl {
  const params = new URLSearchParams(search);
  const state: ViewState = { ...DEFAULT_STATE };
  const rejected: ParsedUrl['rejected'] = [];
  const reject = (param: string, value: string) => rejected.push({ param, value: value.length > 200 ? value.slice(0, 200) + '…' : value });
  const read = <K extends ParamKey>(key: K) => {
    const r = readParam(key, params, state);
    if (r.kind === 'valid') {
      state[key] = r.value;
      if (r.dropped) reject(paramName(key), r.dropped);
    } else if (r.kind === 'invalid') reject(paramName(key), r.shown ?? '');
  };
  PARAM_KEYS.forEach(read);
  return { state, rejected };
}

/** Canonical query string of a view; default values are left out. Keeps unrelated parameters. */
export function toQuery(s: ViewState, keep?: URLSearchParams): string {
  const p = new URLSearchParams();
  if (keep) for (const [k, v] of keep) if (!OWN_PARAMS.has(k)) p.set(k, v);
  for (const key of PARAM_KEYS) {
    const v = formatParam(key, s);
    if (v !== null) p.set(paramName(key), v);
  }
  const q = p.toString().replace(/%2C/g, ',');
  return q ? `?${q}` : '';
}

/** The view-state keys of the given scopes. */
export function keysOf(scopes: readonly Scope[]): ParamKey[] {
  return PARAM_KEYS.filter((k) => scopes.includes(PARAMS[k].scope));
}

/** The parameters of the given scopes, with their values in `s`. */
export function pickScopes(s: Readonly<ViewState>, scopes: readonly Scope[]): Partial<ViewState> {
  return Object.fromEntries(keysOf(scopes).map((k) => [k, s[k]]));
}

/** `s` with the parameters of the given scopes back at their defaults. */
export function withDefaults(s: Readonly<ViewState>, scopes: readonly Scope[]): ViewState {
  return { ...s, ...pickScopes(DEFAULT_STATE, scopes) };
}

/** The view state alone (e.g. of the store, which holds more). */
export function viewOfState(s: ViewState): ViewState {
  return Object.fromEntries(PARAM_KEYS.map((k) => [k, s[k]])) as unknown as ViewState;
}
