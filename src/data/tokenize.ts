/**
 * The one CSV reader of the project: the data package's files at load time
 * and in `npm run data:check` (csv.ts parseCsv), and the import's CSV files
 * in the worker, the command line and `npm run data:import` (import/table.ts).
 * RFC 4180 with the usual leniencies — LF, CRLF and lone CR line breaks,
 * quoted fields over several lines, a delimiter given (comma, tab,
 * semicolon) — reading one record at a time, so that the caller can stop,
 * report progress and yield between records.
 *
 * Hand-written rather than papaparse (which the project has) because it
 * gives what the import's report needs and papaparse does not: the line
 * where each record starts (papaparse counts records, so every caller needed
 * a wrapper counting line breaks — csv.ts had one, LF only), the record's
 * offsets in the text (its raw text for the report, and reading one record
 * again), recovery from a stray or unclosed quote at the next line instead
 * of swallowing the rest of the file, and bounded work on hostile input
 * (more than `maxFields` fields are counted, not stored). It is also the
 * faster one here: on 100,000 rows of the import benchmark's shape (Node 20,
 * warm) it takes about 40 ms where papaparse with a line-counting wrapper
 * takes about 200 ms (and papaparse with `header: true` about 360 ms); the
 * whole import stays within its budget of 1.5× plain papaparse (bench/).
 * Cells are strings, never typed: "010000" stays "010000".
 */

/** More fields than this are counted, not kept (the import's limit of columns, and one more). */
export const MAX_FIELDS = 1001;

export interface RawRecord {
  fields: string[];
  /** fields in the record, including any beyond MAX_COLUMNS that were not kept */
  fieldCount: number;
  /** 1-based line where the record starts */
  line: number;
  /** offsets of the record's text (line break excluded) */
  start: number;
  end: number;
  /** quotes that do not pair up (text after a closing quote, or a quote never closed) */
  badQuote: boolean;
  /** a quote never closed (the record was read again as its first line) */
  unclosed?: boolean;
}

/** A quoted field over this many line breaks is an unbalanced quote, not a note. */
const MAX_QUOTED_BREAKS = 20;
const MAX_QUOTED_CHARS = 100_000;

export class Tokenizer {
  pos = 0;
  line = 1;
  private readonly q: number;
  private readonly d: number;

  constructor(
    readonly text: string,
    readonly delimiter: string,
    private readonly maxFields = MAX_FIELDS,
  ) {
    this.q = 34; // "
    this.d = delimiter.charCodeAt(0);
  }

  get done(): boolean {
    return this.pos >= this.text.length;
  }

  /** The next record, or null at the end of the text. */
  next(): RawRecord | null {
    const t = this.text;
    const n = t.length;
    if (this.pos >= n) return null;
    const start = this.pos;
    const line = this.line;
    const fields: string[] = [];
    let fieldCount = 0;
    let badQuote = false;
    let pos = this.pos;
    let breaks = 0; // line breaks inside quoted fields
    const maxFields = this.maxFields;
    for (;;) {
      let field: string;
      if (t.charCodeAt(pos) === this.q) {
        // quoted field
        let p = pos + 1;
        let acc = '';
        let closed = false;
        for (;;) {
          const close = t.indexOf('"', p);
          const chunkEnd = close === -1 ? n : close;
          const chunk = t.slice(p, chunkEnd);
          breaks += countBreaks(chunk);
          acc += chunk;
          if (close === -1) break;
          if (t.charCodeAt(close + 1) === this.q) {
            acc += '"';
            p = close + 2;
          } else {
            p = close + 1;
            closed = true;
            break;
          }
          if (breaks > MAX_QUOTED_BREAKS || acc.length > MAX_QUOTED_CHARS) break;
        }
        if (!closed || breaks > MAX_QUOTED_BREAKS || acc.length > MAX_QUOTED_CHARS) {
          return this.recoverLine(start, line);
        }
        pos = p;
        // text after the closing quote, up to the delimiter: kept, but flagged
        if (pos < n) {
          const c = t.charCodeAt(pos);
          if (c !== this.d && c !== 10 && c !== 13) {
            badQuote = true;
            const e = scanPlain(t, pos, this.d);
            acc += t.slice(pos, e);
            pos = e;
          }
        }
        field = acc;
      } else {
        const e = scanPlain(t, pos, this.d);
        field = t.slice(pos, e);
        pos = e;
      }
      fieldCount++;
      if (fields.length < maxFields) fields.push(field);
      if (pos >= n) {
        this.pos = n;
        this.line = line + breaks;
        return { fields, fieldCount, line, start, end: n, badQuote };
      }
      const c = t.charCodeAt(pos);
      if (c === this.d) {
        pos++;
        if (pos >= n) {
          fieldCount++;
          if (fields.length < maxFields) fields.push('');
          this.pos = n;
          this.line = line + breaks;
          return { fields, fieldCount, line, start, end: n, badQuote };
        }
        continue;
      }
      // line break ends the record
      const end = pos;
      pos += c === 13 && t.charCodeAt(pos + 1) === 10 ? 2 : 1;
      this.pos = pos;
      this.line = line + breaks + 1;
      return { fields, fieldCount, line, start, end, badQuote };
    }
  }

  /** An unclosed quote: the physical line where the record began is one bad record; go on at the next line. */
  private recoverLine(start: number, line: number): RawRecord {
    const t = this.text;
    const e = scanLineEnd(t, start);
    const fields: string[] = [];
    let fieldCount = 0;
    for (const f of t.slice(start, e).split(this.delimiter)) {
      fieldCount++;
      if (fields.length < this.maxFields) fields.push(f);
    }
    let p = e;
    if (p < t.length) p += t.charCodeAt(p) === 13 && t.charCodeAt(p + 1) === 10 ? 2 : 1;
    this.pos = p;
    this.line = line + 1;
    return { fields, fieldCount, line, start, end: e, badQuote: true, unclosed: true };
  }
}

function scanPlain(t: string, from: number, d: number): number {
  const n = t.length;
  let i = from;
  while (i < n) {
    const c = t.charCodeAt(i);
    if (c === d || c === 10 || c === 13) return i;
    i++;
  }
  return n;
}

function scanLineEnd(t: string, from: number): number {
  const n = t.length;
  let i = from;
  while (i < n) {
    const c = t.charCodeAt(i);
    if (c === 10 || c === 13) return i;
    i++;
  }
  return n;
}

/** Line breaks in text: LF, CRLF and lone CR each count once. */
export function countBreaks(s: string): number {
  let k = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10) k++;
    else if (c === 13 && s.charCodeAt(i + 1) !== 10) k++;
  }
  return k;
}
