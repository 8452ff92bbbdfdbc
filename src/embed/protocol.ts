/**
 * The embed's message protocol (documented in README.md, "Embedding"). Pure.
 *
 * Outbound, from the embedded app to its parent page:
 *   { type: 'hatch-atlas:resize', version: 1, height: <px>, width: <px>, href: <embed URL> }
 * Inbound, from the parent page (only `window.parent` is listened to):
 *   { type: 'hatch-atlas:set', version: 1, metric?: string, year?: number | 'latest', lang?: 'zh' | 'en', theme?: 'light' | 'dark' }
 * Anything else is ignored. Values are validated with the same rules as URL
 * parameters; nothing from a message is ever rendered as HTML.
 */
import { parseQuery, type ViewState } from '../state/url';

export const RESIZE = 'hatch-atlas:resize';
export const SET = 'hatch-atlas:set';
export const VERSION = 1;

export interface ResizeMessage {
  type: typeof RESIZE;
  version: typeof VERSION;
  height: number;
  width: number;
  href: string;
}

export function resizeMessage(height: number, width: number, href: string): ResizeMessage {
  return { type: RESIZE, version: VERSION, height: Math.ceil(height), width: Math.round(width), href };
}

const SET_KEYS = ['metric', 'year', 'lang', 'theme'] as const;
type SetKey = (typeof SET_KEYS)[number];

/** The view patch an inbound message asks for, or null when it is not a valid message. */
export function parseSetMessage(data: unknown): Partial<Pick<ViewState, SetKey>> | null {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return null;
  const d = data as Record<string, unknown>;
  if (d.type !== SET || d.version !== VERSION) return null;
  const keys = Object.keys(d).filter((k) => k !== 'type' && k !== 'version');
  if (!keys.length || keys.some((k) => !(SET_KEYS as readonly string[]).includes(k))) return null;
  const params = new URLSearchParams();
  for (const k of keys) {
    const v = d[k];
    if (typeof v !== 'string' && typeof v !== 'number') return null;
    params.set(k, String(v));
  }
  const { state, rejected } = parseQuery(params.toString());
  if (rejected.length) return null;
  const patch: Partial<Pick<ViewState, SetKey>> = {};
  if (keys.includes('metric')) patch.metric = state.metric;
  if (keys.includes('year')) patch.year = state.year;
  if (keys.includes('lang')) patch.lang = state.lang;
  if (keys.includes('theme')) patch.theme = state.theme;
  return patch;
}

/** Height the chart would like at a given width: maps keep their aspect, clamped to a usable range. */
export function preferredChartHeight(view: string, width: number, bars = 0): number {
  if (view === 'ranking') return Math.max(250, Math.min(1080, 140 + bars * 26));
  const ratio = view === 'trend' ? 0.56 : 0.74;
  return Math.round(Math.max(250, Math.min(1080, width * ratio)));
}
