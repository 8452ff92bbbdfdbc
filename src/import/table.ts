/**
 * A table's records, one at a time, whatever the file: the records of a CSV
 * text (tokenize.ts) or the rows of a workbook's sheet (workbook.ts). The
 * pipeline reads every table through this one interface. Pure.
 */
import { Tokenizer, type RawRecord } from '../data/tokenize';
import { RAW_SHOWN } from './types';

export type { RawRecord } from '../data/tokenize';

export interface RecordSource {
  /** the next record, or null at the end */
  next(): RawRecord | null;
  /** the record as in the file, cut to RAW_SHOWN characters, and its whole length */
  raw(r: RawRecord): { raw: string; rawLength: number };
  /** the record that starts at `start` on `line`, read again */
  again(line: number, start: number): RawRecord | null;
  /** how far through the table, 0..1 */
  fraction(): number;
}

/** The records of a CSV text. */
export function csvSource(text: string, delimiter: string): RecordSource {
  const tok = new Tokenizer(text, delimiter);
  return {
    next: () => tok.next(),
    raw: (r) => ({ raw: text.slice(r.start, Math.min(r.end, r.start + RAW_SHOWN)), rawLength: r.end - r.start }),
    again: (line, start) => {
      const t = new Tokenizer(text, delimiter);
      t.pos = start;
      t.line = line;
      return t.next();
    },
    fraction: () => (text.length ? tok.pos / text.length : 1),
  };
}

/** How a sheet's row reads as one line of text: its cells between bars, trailing empty ones left out. */
export function rowText(fields: readonly string[]): string {
  let end = fields.length;
  while (end > 0 && !fields[end - 1]) end--;
  return fields.slice(0, end).join(' | ');
}

/**
 * The rows of a sheet: row r (0-based) is line r + 1, as Excel numbers it;
 * a record's `start` is its row index.
 */
export function gridSource(rows: readonly string[][]): RecordSource {
  let at = 0;
  const rec = (i: number): RawRecord => {
    const fields = rows[i]!;
    return { fields, fieldCount: fields.length, line: i + 1, start: i, end: i, badQuote: false };
  };
  return {
    next: () => (at < rows.length ? rec(at++) : null),
    raw: (r) => {
      const text = rowText(r.fields);
      return { raw: text.slice(0, RAW_SHOWN), rawLength: text.length };
    },
    again: (_line, start) => (start >= 0 && start < rows.length ? rec(start) : null),
    fraction: () => (rows.length ? at / rows.length : 1),
  };
}
