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
import { DEFAULT_STATE, PARAM_KEYS, PARAMS, paramName, type ParamKey, type ViewState } from '../state/url';

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

/** The view-state keys a host page may set: the rows of the URL parameter table marked `message`. */
const SET_KEYS = PARAM_KEYS.filter((k) => PARAMS[k].message);
const SET_KEY_BY_NAME = new Map(SET_KEYS.map((k) => [paramName(k), k]));

/** The view patch an inbound message asks for, or null when it is not a valid message. */
export function parseSetMessage(data: unknown): Partial<ViewState> | null {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return null;
  const d = data as Record<string, unknown>;
  if (d.type !== SET || d.version !== VERSION) return null;
  const names = Object.keys(d).filter((k) => k !== 'type' && k !== 'version');
  if (!names.length) return null;
  const patch: Partial<ViewState> = {};
  const read = <K extends ParamKey>(key: K, raw: string): boolean => {
    const r = PARAMS[key].parse(raw, DEFAULT_STATE);
    if (r.kind !== 'valid' || r.dropped) return false;
    patch[key] = r.value;
    return true;
  };
  for (const name of names) {
    const key = SET_KEY_BY_NAME.get(name);
    const v = d[name];
    if (!key || (typeof v !== 'string' && typeof v !== 'number') || !read(key, String(v))) return null;
  }
  return patch;
}

/** Height the chart would like at a given width: maps keep their aspect, clamped to a usable range. */
export function preferredChartHeight(view: string, width: number, bars = 0): number {
  if (view === 'ranking') return Math.max(250, Math.min(1080, 140 + bars * 26));
  const ratio = view === 'trend' ? 0.56 : 0.74;
  return Math.round(Math.max(250, Math.min(1080, width * ratio)));
}
