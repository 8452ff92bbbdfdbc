/**
 * What each source supports among the figures a view draws, for its sources
 * panel ("江苏 2019: 848 家" under the source that gives it). Pure.
 */
import type { Cell } from './query';
import type { Figure } from './types';

/**
 * Source id → one line for each figure of the cells that it gives, in the
 * order of the cells and their figures; a line repeated (the same cell drawn
 * twice, or one source giving one figure twice) is listed once. Missing cells
 * are skipped.
 */
export function sourceSupports(cells: Iterable<Cell | null | undefined>, line: (f: Figure) => string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const seen = new Set<string>();
  for (const cell of cells) {
    for (const f of cell?.all ?? []) {
      const text = line(f);
      const key = `${f.sourceId}\n${text}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const list = out.get(f.sourceId);
      if (list) list.push(text);
      else out.set(f.sourceId, [text]);
    }
  }
  return out;
}
