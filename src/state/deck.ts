/**
 * A slide deck in the URL: a deck is a list of saved views, each with a title,
 * carried as `deck=` (base64url of JSON; its row is in PARAMS, ./url.ts) and
 * `slide=`. A slide holds the view as the query string of its URL, with only
 * the parameters a slide keeps (scopes `view` and `reader`). Pure. The deck as
 * a downloadable JSON file is in present/deckFile.ts.
 */
import { DEFAULT_STATE, parseQuery, toQuery, withDefaults, type ViewState } from './url';

export interface Slide {
  /** the slide's title, shown in the presentation footer */
  title: string;
  /** the view, as the query string of its URL (without deck/presentation parameters) */
  q: string;
}

export const MAX_SLIDES = 60;
export const MAX_TITLE = 120;

/** The view of a slide: only view parameters, never deck/presentation/embed ones. */
export function slideQuery(v: ViewState): string {
  return toQuery(withDefaults(v, ['embed', 'present'])).replace(/^\?/, '');
}

export function slideView(s: Slide): ViewState {
  return parseQuery(s.q).state;
}

/** A title from untrusted input: one line, no control characters, at most MAX_TITLE characters. */
export function cleanTitle(t: unknown): string {
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
    slides.push({ title: cleanTitle(o.title ?? o.t), q: slideQuery({ ...DEFAULT_STATE, ...parsed.state }) });
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
