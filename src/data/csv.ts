/**
 * The data package's CSV files: text → a table of string cells keyed by
 * header, with every problem on its editor line; rows → text. Reading is
 * the project's one CSV tokenizer (tokenize.ts). Pure.
 */
import { Tokenizer } from './tokenize';

export interface CsvTable {
  header: string[];
  /** each row keyed by header; `line` is the 1-based line number in the file (header = line 1) */
  rows: { line: number; cells: Record<string, string> }[];
  errors: { line: number; message: string }[];
}

/**
 * Parse CSV text into string cells (never dynamically typed: codes such as
 * 010000 keep their zeros). A leading BOM is removed. Blank lines are
 * skipped; a row with the wrong number of fields, or with quotes that do
 * not pair up, is reported on the line where it starts and left out.
 */
export function parseCsv(text: string): CsvTable {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const tok = new Tokenizer(clean, ',');
  const errors: CsvTable['errors'] = [];
  const first = tok.next();
  if (!first) return { header: [], rows: [], errors };
  const header = first.fields.map((h) => h.trim());
  if (first.badQuote) errors.push({ line: first.line, message: quoteMessage(first.unclosed) });
  const rows: CsvTable['rows'] = [];
  for (let r = tok.next(); r; r = tok.next()) {
    if (r.fieldCount === 1 && r.fields[0] === '') continue; // blank line
    if (r.badQuote) {
      errors.push({ line: r.line, message: quoteMessage(r.unclosed) });
      continue;
    }
    if (r.fieldCount !== header.length) {
      errors.push({ line: r.line, message: `expected ${header.length} fields, found ${r.fieldCount}` });
      continue;
    }
    const cells: Record<string, string> = {};
    header.forEach((h, j) => {
      cells[h] = r.fields[j] ?? '';
    });
    rows.push({ line: r.line, cells });
  }
  return { header, rows, errors };
}

function quoteMessage(unclosed: boolean | undefined): string {
  return unclosed ? 'MissingQuotes: quoted field not closed (read again as one line)' : 'InvalidQuotes: text after a closing quote';
}

/** One cell as RFC 4180 writes it: quoted when it holds a comma, a quote, a line break or a BOM, or starts or ends with a space. */
export function csvCell(c: string | number | null | undefined): string {
  const s = c === null || c === undefined ? '' : String(c);
  return /[",\r\n\ufeff]|^ | $/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows as CSV lines, each ending with \n (to append to a file that ends with a line break). */
export function csvLines(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  let out = '';
  for (const r of rows) out += `${r.map(csvCell).join(',')}\n`;
  return out;
}

/** Serialise rows to CSV (RFC 4180 quoting, \n line breaks, a trailing line break). */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return csvLines([header, ...rows]);
}
