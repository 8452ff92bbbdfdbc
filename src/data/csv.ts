import Papa from 'papaparse';

export interface CsvTable {
  header: string[];
  /** each row keyed by header; `line` is the 1-based line number in the file (header = line 1) */
  rows: { line: number; cells: Record<string, string> }[];
  errors: { line: number; message: string }[];
}

/**
 * Parse CSV text into string cells (never dynamically typed: codes such as
 * 010000 keep their zeros). A leading BOM is removed.
 */
export function parseCsv(text: string): CsvTable {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const res = Papa.parse<string[]>(clean, { header: false, skipEmptyLines: false, dynamicTyping: false, delimiter: ',' });
  const data = res.data;
  // Papaparse reports records, not lines; quoted fields may span lines. Count
  // line breaks per record so reported line numbers match an editor's.
  const lineOf: number[] = [];
  let at = 1;
  for (const rec of data) {
    lineOf.push(at);
    at += 1 + countBreaks(rec);
  }
  const errors: CsvTable['errors'] = res.errors.map((e) => ({
    line: lineOf[e.row ?? 0] ?? (e.row ?? 0) + 1,
    message: `${e.code}: ${e.message}`,
  }));
  const header = (data[0] ?? []).map((h) => h.trim());
  const rows: CsvTable['rows'] = [];
  for (let i = 1; i < data.length; i++) {
    const rec = data[i] ?? [];
    const startLine = lineOf[i]!;
    if (rec.length === 1 && rec[0] === '') continue; // blank line
    if (rec.length !== header.length) {
      errors.push({ line: startLine, message: `expected ${header.length} fields, found ${rec.length}` });
      continue;
    }
    const cells: Record<string, string> = {};
    header.forEach((h, j) => {
      cells[h] = rec[j] ?? '';
    });
    rows.push({ line: startLine, cells });
  }
  return { header, rows, errors };
}

function countBreaks(rec: string[] | undefined): number {
  if (!rec) return 0;
  let n = 0;
  for (const c of rec) for (let i = 0; i < c.length; i++) if (c.charCodeAt(i) === 10) n++;
  return n;
}

/** Serialise rows to CSV (RFC 4180 quoting). */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return Papa.unparse(
    { fields: [...header], data: rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c)))) },
    { newline: '\n', quotes: false },
  ) + '\n';
}
