/**
 * View state ⇄ URL query string. Pure: unknown or malformed parameters are
 * dropped (and reported), never trusted. Every view of the app is a link.
 */
import type { YearSelection } from '../data/query';
import { NATIONAL, normaliseRegion, REGION_BY_CODE } from '../data/regions';
import type { Lang } from '../data/types';
import { decodeDeck, encodeDeck, type Slide } from './deck';

export const VIEWS = ['overview', 'map', 'ranking', 'trend', 'table', 'province', 'carriers'] as const;
export type ViewId = (typeof VIEWS)[number];

export const TREND_MODES = ['abs', 'yoy', 'share'] as const;
export type TrendMode = (typeof TREND_MODES)[number];

export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export interface ViewState {
  view: ViewId;
  metric: string | null;
  /** null = let the app choose (see selectors.defaultYear) */
  year: YearSelection | null;
  lang: Lang;
  /** province of the profile view (GB/T 2260 code) */
  region: string | null;
  /** provinces compared in the trend view (codes, in the order chosen) */
  regions: string[];
  /** ranking: show the top N only (null = all) */
  top: number | null;
  /** trend: absolute values, year-on-year change or share of the national figure */
  mode: TrendMode;
  /** map: show named carriers as points */
  carriers: boolean;
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
  /** the slide deck (saved views) */
  deck: Slide[];
  /** index of the current slide in the deck */
  slide: number;
}

export const DEFAULT_STATE: ViewState = {
  view: 'overview',
  metric: null,
  year: null,
  lang: 'zh',
  region: null,
  regions: [],
  top: null,
  mode: 'abs',
  carriers: false,
  theme: null,
  embed: false,
  controls: true,
  static: false,
  present: false,
  decal: false,
  deck: [],
  slide: 0,
};

export const MAX_REGIONS = 34;

export interface ParsedUrl {
  state: ViewState;
  /** parameters that were present but not understood */
  rejected: { param: string; value: string }[];
}

const METRIC_RE = /^[a-z][a-z0-9_]{0,63}$/;
const OWN_PARAMS = ['view', 'metric', 'year', 'lang', 'region', 'regions', 'top', 'mode', 'layer', 'theme', 'embed', 'controls', 'static', 'present', 'deck', 'slide', 'decal'];

function bool(v: string): boolean | null {
  if (v === '1' || v === 'true' || v === 'yes') return true;
  if (v === '0' || v === 'false' || v === 'no') return false;
  return null;
}

function regionCode(v: string): string | null {
  const r = normaliseRegion(v);
  return r.ok && r.id !== NATIONAL ? r.id : null;
}

export function parseQuery(search: string): ParsedUrl {
  const p = new URLSearchParams(search);
  const s: ViewState = { ...DEFAULT_STATE, regions: [] };
  const rejected: ParsedUrl['rejected'] = [];
  const reject = (param: string, value: string) => rejected.push({ param, value: value.length > 200 ? value.slice(0, 200) + '…' : value });
  const get = (k: string) => p.get(k);

  const view = get('view');
  if (view !== null) (VIEWS as readonly string[]).includes(view) ? (s.view = view as ViewId) : reject('view', view);
  const metric = get('metric');
  if (metric !== null) METRIC_RE.test(metric) ? (s.metric = metric) : reject('metric', metric);
  const year = get('year');
  if (year !== null) {
    if (year === 'latest') s.year = 'latest';
    else if (/^\d{4}$/.test(year)) s.year = Number(year);
    else reject('year', year);
  }
  const lang = get('lang');
  if (lang !== null) lang === 'zh' || lang === 'en' ? (s.lang = lang) : reject('lang', lang);
  const region = get('region');
  if (region !== null) {
    const c = regionCode(region);
    c ? (s.region = c) : reject('region', region);
  }
  const regions = get('regions');
  if (regions !== null && regions !== '') {
    const parts = regions.split(/[,，、;|]/).map((x) => x.trim()).filter(Boolean);
    const bad: string[] = [];
    for (const part of parts.slice(0, 200)) {
      const c = regionCode(part);
      if (!c) bad.push(part);
      else if (!s.regions.includes(c) && s.regions.length < MAX_REGIONS) s.regions.push(c);
    }
    if (parts.length > 200) bad.push(`… ${parts.length - 200} more`);
    if (bad.length) reject('regions', bad.slice(0, 5).join(',') + (bad.length > 5 ? ` (+${bad.length - 5})` : ''));
  }
  const top = get('top');
  if (top !== null) /^\d{1,2}$/.test(top) && Number(top) >= 1 && Number(top) <= 34 ? (s.top = Number(top)) : reject('top', top);
  const mode = get('mode');
  if (mode !== null) (TREND_MODES as readonly string[]).includes(mode) ? (s.mode = mode as TrendMode) : reject('mode', mode);
  const layer = get('layer');
  if (layer !== null) layer === 'carriers' ? (s.carriers = true) : layer === '' ? null : reject('layer', layer);
  const theme = get('theme');
  if (theme !== null) (THEMES as readonly string[]).includes(theme) ? (s.theme = theme as Theme) : theme === 'auto' ? null : reject('theme', theme);
  const deck = get('deck');
  if (deck !== null && deck !== '') {
    const d = decodeDeck(deck);
    if (!d) reject('deck', deck.slice(0, 40));
    else {
      s.deck = d.slides;
      if (d.dropped) reject('deck', `${d.dropped} invalid slide(s)`);
    }
  }
  const slide = get('slide');
  if (slide !== null) /^\d{1,3}$/.test(slide) && Number(slide) >= 1 ? (s.slide = Math.min(Number(slide), Math.max(1, s.deck.length)) - 1) : reject('slide', slide);
  for (const k of ['embed', 'controls', 'static', 'present', 'decal'] as const) {
    const v = get(k);
    if (v === null) continue;
    const b = bool(v);
    b === null ? reject(k, v) : (s[k] = b);
  }
  return { state: s, rejected };
}

/** Readable region spelling for URLs: the short Chinese name (江苏). */
function regionParam(code: string): string {
  return REGION_BY_CODE.get(code)?.zh ?? code;
}

/** Canonical query string of a view; default values are left out. Keeps unrelated parameters. */
export function toQuery(s: ViewState, keep?: URLSearchParams): string {
  const p = new URLSearchParams();
  if (keep) for (const [k, v] of keep) if (!OWN_PARAMS.includes(k)) p.set(k, v);
  const d = DEFAULT_STATE;
  if (s.view !== d.view) p.set('view', s.view);
  if (s.metric) p.set('metric', s.metric);
  if (s.year !== null) p.set('year', String(s.year));
  if (s.region) p.set('region', regionParam(s.region));
  if (s.regions.length) p.set('regions', s.regions.map(regionParam).join(','));
  if (s.top !== null) p.set('top', String(s.top));
  if (s.mode !== d.mode) p.set('mode', s.mode);
  if (s.carriers) p.set('layer', 'carriers');
  if (s.lang !== d.lang) p.set('lang', s.lang);
  if (s.theme) p.set('theme', s.theme);
  if (s.embed) p.set('embed', '1');
  if (s.embed && !s.controls) p.set('controls', '0');
  if (s.static) p.set('static', '1');
  if (s.present) p.set('present', '1');
  if (s.decal) p.set('decal', '1');
  if (s.deck.length) {
    p.set('deck', encodeDeck(s.deck));
    if (s.slide > 0) p.set('slide', String(s.slide + 1));
  }
  const q = p.toString().replace(/%2C/g, ',');
  return q ? `?${q}` : '';
}

export function viewOfState(s: ViewState): ViewState {
  return {
    view: s.view, metric: s.metric, year: s.year, lang: s.lang, region: s.region, regions: s.regions, top: s.top,
    mode: s.mode, carriers: s.carriers, theme: s.theme, embed: s.embed, controls: s.controls, static: s.static,
    present: s.present, decal: s.decal, deck: s.deck, slide: s.slide,
  };
}
