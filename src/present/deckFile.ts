/**
 * A slide deck as a JSON file, to carry a presentation to the meeting room's
 * machine (Download JSON / Load JSON in the deck panel). Pure. The deck in the
 * URL and the validation of its slides are in state/deck.ts.
 */
import { cleanTitle, validateSlides, type Slide } from '../state/deck';

export const DECK_FORMAT = 'hatch-atlas-deck';

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
  return { ...r, name: cleanTitle(d.name) || 'Hatch Atlas deck' };
}
