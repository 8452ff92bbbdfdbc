/**
 * View state ⇄ URL query string. Pure: unknown or malformed parameters are
 * dropped (and reported), never trusted.
 */
import type { YearSelection } from '../data/query';
import type { Lang } from '../data/types';

export type ViewId = 'map';
export const VIEWS: readonly ViewId[] = ['map'];

export interface ViewState {
  view: ViewId;
  metric: string | null;
  /** null = let the app choose (the metric's latest year with provincial data) */
  year: YearSelection | null;
  lang: Lang;
}

export const DEFAULT_STATE: ViewState = { view: 'map', metric: null, year: null, lang: 'zh' };

export interface ParsedUrl {
  state: ViewState;
  /** parameters that were present but not understood */
  rejected: { param: string; value: string }[];
}

const METRIC_RE = /^[a-z][a-z0-9_]{0,63}$/;

export function parseQuery(search: string): ParsedUrl {
  const p = new URLSearchParams(search);
  const state: ViewState = { ...DEFAULT_STATE };
  const rejected: ParsedUrl['rejected'] = [];
  const view = p.get('view');
  if (view !== null) {
    if ((VIEWS as readonly string[]).includes(view)) state.view = view as ViewId;
    else rejected.push({ param: 'view', value: view });
  }
  const metric = p.get('metric');
  if (metric !== null) {
    if (METRIC_RE.test(metric)) state.metric = metric;
    else rejected.push({ param: 'metric', value: metric });
  }
  const year = p.get('year');
  if (year !== null) {
    if (year === 'latest') state.year = 'latest';
    else if (/^\d{4}$/.test(year)) state.year = Number(year);
    else rejected.push({ param: 'year', value: year });
  }
  const lang = p.get('lang');
  if (lang !== null) {
    if (lang === 'zh' || lang === 'en') state.lang = lang;
    else rejected.push({ param: 'lang', value: lang });
  }
  return { state, rejected };
}

/** Canonical query string of a view; default values are left out. Keeps unrelated parameters. */
export function toQuery(s: ViewState, keep?: URLSearchParams): string {
  const p = new URLSearchParams();
  if (keep) for (const [k, v] of keep) if (!['view', 'metric', 'year', 'lang'].includes(k)) p.set(k, v);
  if (s.view !== DEFAULT_STATE.view) p.set('view', s.view);
  if (s.metric) p.set('metric', s.metric);
  if (s.year !== null) p.set('year', String(s.year));
  if (s.lang !== DEFAULT_STATE.lang) p.set('lang', s.lang);
  const q = p.toString();
  return q ? `?${q}` : '';
}
