/**
 * Slide decks: a deck is a list of saved views, each with a title. It lives
 * in the URL (`deck=`, base64url of JSON) and as a JSON file that can be
 * downloaded and loaded again. Pure.
 */
import { DEFAULT_STATE, parseQuery, toQuery, type ViewState } from '../state/url';

export interface Slide {
  /** the slide's title, shown in the presentation footer */
  title: string;
  /** the view, as the query string of its URL (without deck/presentation parameters) */
  q: string;
}

export const MAX_SLIDES = 60;
export const MAX_TITLE = 120;
export const DECK_FORMAT = 'hatch-atlas-deck';

/** The view of a slide: only view parameters, never deck/presentation/embed ones. */
export function slideQuery(v: ViewState): string {
  return toQuery({ ...v, deck: [], slide: 0, present: false, embed: false, controls: true, static: false }).replace(/^\?/, '');
}

export function slideView(s: Slide): ViewState {
  return parseQuery(s.q).state;
}

function clean(t: unknown): string {
  return String(t ?? '').replace(/[\u0000-\u001f\u007f]/g, ' ').trim().slice(0, MAX_TITLE);
}

/** Validate slides from untrusted input (URL or file); invalid entries are dropped and counted. */
export function validateSlides(input: unknown): { slides: Slide[]; dropped: number } {
  const list = Array.isArray(input) ? input : [];
  const slides: Slide[] = [];
  let dropped = 0;
  for (const item of list.slice(0, MAX_SLIDES)) {
    const o = item as { title?: unknown; t?: unknown; q?: unknown; view?: unknown };
    const q = typeof o?.q === 'string' ? o.q : typeof o?.view === 'string' ? o.view : null;
    if (q === null || q.length > 2000) {
      dropped++;
      continue;
    }
    const parsed = parseQuery(q);
    if (parsed.rejected.length) {
      dropped++;
      continue;
    }
    slides.push({ title: clean(o.title ?? o.t), q: slideQuery({ ...DEFAULT_STATE, ...parsed.state }) });
  }
  dropped += Math.max(0, list.length - MAX_SLIDES);
  return { slides, dropped };
}

function toBase64Url(s: string): string {
  const bytes = new TextEncoder().encode(s);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): string {
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}

export function encodeDeck(slides: readonly Slide[]): string {
  return toBase64Url(JSON.stringify(slides.map((s) => ({ t: s.title, q: s.q }))));
}

export function decodeDeck(param: string): { slides: Slide[]; dropped: number } | null {
  if (!/^[A-Za-z0-9_-]{1,20000}$/.test(param)) return null;
  try {
    return validateSlides(JSON.parse(fromBase64Url(param)));
  } catch {
    return null;
  }
}

export function deckToJson(slides: readonly Slide[], name = 'Hatch Atlas deck'): string {
  return JSON.stringify({ format: DECK_FORMAT, version: 1, name, slides: slides.map((s) => ({ title: s.title, view: s.q })) }, null, 2) + '\n';
}

export function deckFromJson(text: string): { slides: Slide[]; dropped: number; name: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error('not a JSON file');
  }
  const d = data as { format?: unknown; slides?: unknown; name?: unknown };
  if (!d || d.format !== DECK_FORMAT || !Array.isArray(d.slides)) throw new Error(`not a ${DECK_FORMAT} file`);
  const r = validateSlides(d.slides);
  return { ...r, name: clean(d.name) || 'Hatch Atlas deck' };
}
