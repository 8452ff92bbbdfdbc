/**
 * What each source supports among the figures a view draws, for its sources
 * panel ("江苏 2019: 848 家" under the source that gives it). Pure.
 */
import type { Cell } from './query';
import type { Figure } from './types';

/** What one figure gives its sources: a line under its own source, or lines under several (a ratio: [source id, line] of each input). */
export type SupportLines = string | readonly (readonly [sourceId: string, line: string])[];

/**
 * Source id → one line for each figure of the cells that it gives, in the
 * order of the cells and their figures; a line repeated (the same cell drawn
 * twice, or one source giving one figure twice) is listed once. Missing cells
 * are skipped. A ratio (per resident, per GDP) may give a line to each of its
 * inputs' sources.
 */
export function sourceSupports(cells: Iterable<Cell | null | undefined>, line: (f: Figure) => SupportLines): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const seen = new Set<string>();
  for (const cell of cells) {
    for (const f of cell?.all ?? []) {
      const lines = line(f);
      for (const [id, text] of typeof lines === 'string' ? [[f.sourceId, lines] as const] : lines) {
        const key = `${id}\n${text}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const list = out.get(id);
        if (list) list.push(text);
        else out.set(id, [text]);
      }
    }
  }
  return out;
}
