/**
 * One table → figures and problem rows: the header (titles and a unit row
 * above it allowed, two or three header rows combined), what each column
 * holds, the table's year where it has no year column, then every record.
 * A row with any bad cell is rejected as a whole (nothing of it is used), so
 * that the rejected-rows file can be fixed and re-imported without doubling
 * anything; a footnote or a row that is not a province is left out and
 * reported. Part of the pipeline (pipeline.ts); pure.
 */
import { normaliseRegion } from '../data/regions';
import type { Qualifier } from '../data/types';
import { cleanRegionCell, notProvince, planColumns } from './detect';
import { combineHeader, findHeaderBlock, titleYear, unitAbove, yearIn } from './headerRows';
import { isNoFigure, parseAsOfCell, parseNumberCell, parseQualifierCell, parseYearCell } from './numbers';
import type { DraftTable } from './pack';
import type { RawRecord, RecordSource } from './table';
import {
  MAX_CELL_CHARS,
  MAX_COLUMNS,
  type BlockingCode,
  type ColumnInfo,
  type Fatal,
  type MetricKeyInfo,
  type ProblemRow,
  type Reason,
  type SkippedLine,
  type TableOptions,
  type TableReport,
} from './types';
import type { Merge } from './workbook';

export interface Progress {
  phase: 'decode' | 'parse' | 'check';
  /** 0..1 */
  fraction: number;
}

const BATCH = 500;
const SAMPLE_ROWS = 200;

/** What the tables of one file share: the figures read, the problem rows, the metrics, the counts. */
export interface Sink {
  table: DraftTable;
  problems: ProblemRow[];
  metricMeta: Map<string, MetricKeyInfo>;
  /** records that gave figures, by table: their lines (ascending) and starts, to read again when rejecting */
  used: Map<string, { lines: number[]; starts: number[] }>;
  counts: { records: number; blankLines: number; rowsUsed: number; rowsWithoutFigures: number; emptyCells: number };
  /** the text has characters that could not be decoded */
  hasReplacement: boolean;
}

/** Is this UTF-16 code unit one that String.prototype.trim removes? */
function isTrimmed(c: number): boolean {
  return c <= 32 ? c === 32 || (c >= 9 && c <= 13) : c >= 0xa0 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff);
}

/** Has this cell anything but white space (`x.trim() !== ''`, without making the trimmed string)? */
function hasText(x: string): boolean {
  for (let i = 0; i < x.length; i++) if (!isTrimmed(x.charCodeAt(i))) return true;
  return false;
}

export const isBlank = (r: RawRecord) => {
  // the common case first: a first field that starts with a visible character
  const f0 = r.fields[0];
  if (f0 && !isTrimmed(f0.charCodeAt(0))) return false;
  return r.fields.every((f) => !f.trim());
};

const FOOTNOTE = /^(注|说明|资料来源|数据来源|来源|备注|附注|注释|填表|制表|note|notes|source|sources)\s*[:：\d.、]|^[*※]/i;

function clip(s: string): string {
  return s.length > 80 ? `${s.slice(0, 80)}…` : s;
}

export function emptyTableReport(sheet: string): TableReport {
  return { sheet, layout: 'long', headerLine: 0, headerRows: 1, above: [], title: '', columns: [], unit: '', year: null, yearHow: null, titleYear: null, sheetYear: null, records: 0, blocking: [], fatal: null };
}

/**
 * Read one table into the sink, yielding progress between batches of
 * records. `fraction` maps the table's progress into the file's.
 */
export function* readTable(
  src: RecordSource,
  sheet: string,
  merges: readonly Merge[],
  opts: TableOptions,
  sink: Sink,
  fraction: (f: number) => number,
): Generator<Progress, { report: TableReport; fatal: Fatal | null }, void> {
  const rep = emptyTableReport(sheet);
  // --- header: among the first non-blank records
  const head: RawRecord[] = [];
  // (blank lines between the titles and the header are not counted: they are not data either)
  while (head.length < 30) {
    const r = src.next();
    if (!r) break;
    if (!isBlank(r)) head.push(r);
  }
  const fail = (fatal: Fatal) => ({ report: { ...rep, fatal }, fatal });
  if (!head.length) return fail({ code: 'empty' });
  const userIndex = opts.headerLine ? head.findIndex((r) => r.line === opts.headerLine) : -1;
  const block = findHeaderBlock(
    head.map((r) => r.fields),
    merges,
    (i) => head[i]!.line - 1,
    { ...(userIndex >= 0 ? { index: userIndex } : {}), ...(opts.headerRows ? { rows: opts.headerRows } : {}) },
  );
  const headerRecs = head.slice(block.index, block.index + block.rows);
  const headerRec = headerRecs[0]!;
  if (headerRecs.some((r) => r.fieldCount > MAX_COLUMNS)) return fail({ code: 'too-many-columns', n: Math.max(...headerRecs.map((r) => r.fieldCount)) });
  const combined = combineHeader(headerRecs.map((r) => r.fields), merges, headerRec.line - 1);
  // trailing empty header cells (Excel's ",,,") are not columns
  let width = combined.headers.length;
  while (width > 1 && !combined.headers[width - 1]!.trim()) width--;
  const header = combined.headers.slice(0, width).map((h) => h.trim());
  if (header.length < 2) return fail({ code: 'one-column' });
  rep.headerLine = headerRec.line;
  rep.headerRows = headerRecs.length;
  const aboveRecs = head.slice(0, block.index);
  rep.above = aboveRecs.map((r): SkippedLine => ({ line: r.line, raw: src.raw(r).raw }));
  rep.unit = unitAbove(aboveRecs.map((r) => r.fields));
  const lineText = (f: readonly string[]) => f.map((x) => x.trim()).filter(Boolean).join(' ');
  rep.title = aboveRecs.map((r) => lineText(r.fields)).filter(Boolean).join('\n') || headerRecs.map((r) => lineText(r.fields)).filter(Boolean).join('\n');

  // --- sample for the column plan: buffered records after the header, topped up
  const buffered: RawRecord[] = head.slice(block.index + block.rows);
  let blankLines = 0;
  while (buffered.length < SAMPLE_ROWS) {
    const r = src.next();
    if (!r) break;
    if (isBlank(r)) {
      blankLines++;
      continue;
    }
    buffered.push(r);
  }
  const plan = planColumns(header, buffered.map((r) => r.fields), block.packageFormat, opts.roles ?? {}, combined.paths.slice(0, width));
  rep.columns = plan.columns;
  rep.layout = plan.layout;

  const cols = plan.columns;
  const one = (role: ColumnInfo['role']) => cols.find((c) => c.role === role)?.index ?? -1;
  const regionCol = one('region');
  const regionAltCol = one('regionAlt');
  const yearCol = one('year');
  const metricCol = one('metric');
  const asOfCol = one('asOf');
  const qualCol = one('qualifier');
  const unitCol = one('unit');
  const noteCols = cols.filter((c) => c.role === 'note').map((c) => c.index);
  const sourceCols = cols.filter((c) => c.role === 'source').map((c) => c.index);
  const labelCols = { labelZh: one('metricLabelZh'), labelEn: one('metricLabelEn'), unitZh: one('metricUnitZh'), unitEn: one('metricUnitEn') };
  const valueSpecs = cols
    .filter((c) => c.role === 'value' || c.role === 'yearColumn' || c.role === 'metricColumn')
    .map((c) => ({
      col: c.index,
      header: c.header,
      year: c.role === 'yearColumn' || c.role === 'metricColumn' ? c.year : undefined,
      asOf: c.role === 'yearColumn' || c.role === 'metricColumn' ? c.asOf ?? null : null,
      metricKey: c.role === 'metricColumn' ? c.metricKey ?? '' : null,
      path: c.role === 'metricColumn' && c.path && c.year === undefined ? c.path : undefined,
      unit: c.unit ?? '',
    }));

  // --- the table's year, where neither a column nor a header gives one: the user's, the title's or the sheet name's — always shown
  const specNeedsYear = valueSpecs.some((s) => s.year === undefined);
  const specNeedsMetric = valueSpecs.some((s) => s.metricKey === null);
  const blocking: BlockingCode[] = [];
  rep.titleYear = titleYear(aboveRecs.map((r) => r.fields));
  rep.sheetYear = sheet ? yearIn(sheet) : null;
  const userYear = opts.fixedYear && opts.fixedYear >= 1980 && opts.fixedYear <= 2100 ? opts.fixedYear : null;
  const needsYearSource = specNeedsYear && yearCol < 0 && asOfCol < 0;
  if (needsYearSource) {
    if (userYear) (rep.year = userYear), (rep.yearHow = 'user');
    else if (rep.titleYear && rep.sheetYear && rep.titleYear !== rep.sheetYear) blocking.push('year-disagrees');
    else if (rep.titleYear) (rep.year = rep.titleYear), (rep.yearHow = 'title');
    else if (rep.sheetYear) (rep.year = rep.sheetYear), (rep.yearHow = 'sheet');
    else blocking.push('needs-year');
  }
  const fixedYear = rep.year;
  if (regionCol < 0) blocking.unshift('no-region-column');
  if (!valueSpecs.length) blocking.splice(regionCol < 0 ? 1 : 0, 0, 'no-value-column');
  rep.blocking = blocking;
  const canRead = !blocking.length;

  const { table, problems, metricMeta, counts } = sink;
  const used = { lines: [] as number[], starts: [] as number[] };
  sink.used.set(sheet, used);
  let lastMetric: MetricKeyInfo | undefined;
  let lastMetricId = -1;
  const regionCache = new Map<string, ReturnType<typeof normaliseRegion>>();
  // files list a region's rows together: the last cell is usually it again
  let lastRegionCell = '';
  let lastRegion: ReturnType<typeof normaliseRegion> | undefined;
  const region = (s: string) => {
    if (s === lastRegionCell && lastRegion) return lastRegion;
    let r = regionCache.get(s);
    if (!r) {
      r = normaliseRegion(cleanRegionCell(s));
      if (regionCache.size < 5000) regionCache.set(s, r);
    }
    lastRegionCell = s;
    lastRegion = r;
    return r;
  };
  const tableUnit = rep.unit;
  const pathOf = new Map(valueSpecs.filter((s) => s.path && s.metricKey).map((s) => [s.metricKey!, s.path!]));

  const reject = (r: RawRecord, reasons: Reason[]) => {
    const { raw, rawLength } = src.raw(r);
    problems.push({ sheet, line: r.line, raw, rawLength, fields: r.fields.map((f) => (f.length > MAX_CELL_CHARS ? `${f.slice(0, MAX_CELL_CHARS)}…` : f)), reasons });
  };

  const handle = (r: RawRecord) => {
    counts.records++;
    rep.records++;
    if (!canRead) return;
    const f = r.fields;
    const reasons: Reason[] = [];
    // structure: a footnote is a record with one non-blank cell, that reads like one
    let first = -1;
    let others = false;
    for (let i = 0; i < f.length; i++) {
      if (!hasText(f[i]!)) continue;
      if (first >= 0) {
        others = true;
        break;
      }
      first = i;
    }
    if (first >= 0 && !others && FOOTNOTE.test(f[first]!.trim())) return reject(r, [{ code: 'footnote' }]);
    if (r.badQuote) reasons.push({ code: 'quote' });
    if (r.fieldCount > header.length) {
      const extra = f.slice(header.length);
      if (r.fieldCount > f.length || extra.some((x) => x.trim())) reasons.push({ code: 'fields-more', value: String(r.fieldCount), other: String(header.length) });
    } else if (r.fieldCount < header.length) reasons.push({ code: 'fields-fewer', value: String(r.fieldCount), other: String(header.length) });
    if (r.end - r.start > MAX_CELL_CHARS && f.some((x) => x.length > MAX_CELL_CHARS)) reasons.push({ code: 'cell-too-long' });
    if (sink.hasReplacement && f.some((x) => x.includes('\uFFFD'))) reasons.push({ code: 'undecodable' });
    if (reasons.length) return reject(r, reasons);

    const cell = (i: number) => (i >= 0 ? (f[i] ?? '').trim() : '');
    // region
    let regionId = '';
    const rc = cell(regionCol);
    const ra = cell(regionAltCol);
    const rp = rc ? region(rc) : null;
    const rq = ra ? region(ra) : null;
    if (rp?.ok) regionId = rp.id;
    else if (!rc && rq?.ok) regionId = rq.id;
    if (rp?.ok && rq?.ok && rp.id !== rq.id) reasons.push({ code: 'region-mismatch', value: rc, other: ra });
    else if (rc && !rp?.ok) {
      const np = notProvince(rc);
      if (np) return reject(r, [{ code: 'not-province', value: clip(np) }]);
      reasons.push({ code: 'region-unknown', value: clip(rc) });
    } else if (!rc && ra && !rq?.ok) reasons.push({ code: 'region-unknown', value: clip(ra) });
    else if (!rc && !ra) reasons.push({ code: 'region-empty' });
    // year / as of
    let rowYear: number | null = null;
    let rowAsOf: string | null = null;
    if (asOfCol >= 0) {
      const v = cell(asOfCol);
      if (v) {
        const p = parseAsOfCell(v);
        if (!p) {
          // a bare year in an as-of column is a year, not a month
          const y = parseYearCell(v);
          if (y && !y.asOf && yearCol < 0) rowYear = y.year;
          else if (!y || y.asOf === null) reasons.push({ code: 'asof-bad', value: clip(v) });
          else rowAsOf = y.asOf;
        } else rowAsOf = p.asOf;
      }
    }
    if (yearCol >= 0) {
      const v = cell(yearCol);
      const p = v ? parseYearCell(v) : null;
      if (!v) {
        if (specNeedsYear) reasons.push({ code: 'year-empty' });
      } else if (!p) reasons.push({ code: 'year-bad', value: clip(v) });
      else {
        rowYear = p.year;
        if (p.asOf && !rowAsOf) rowAsOf = p.asOf;
      }
    } else if (rowYear === null && rowAsOf) rowYear = Number(rowAsOf.slice(0, 4));
    else if (rowYear === null && asOfCol >= 0 && !fixedYear && specNeedsYear) reasons.push({ code: 'year-empty' });
    if (rowYear === null && fixedYear) rowYear = fixedYear;
    // qualifier column
    let colQ: Qualifier | '' = '';
    if (qualCol >= 0) {
      const p = parseQualifierCell(cell(qualCol));
      if (p === null) reasons.push({ code: 'qualifier-bad', value: clip(cell(qualCol)) });
      else colQ = p;
    }
    const metricCell = cell(metricCol);
    if (metricCol >= 0 && !metricCell && specNeedsMetric) {
      // only a problem when the row has a figure
      if (valueSpecs.some((s) => !isNoFigure(f[s.col] ?? ''))) reasons.push({ code: 'metric-empty' });
    }
    const unitCell = cell(unitCol);
    const note = noteCols.length ? noteCols.map(cell).filter(Boolean).join('; ') : '';
    const source = sourceCols.length ? sourceCols.map(cell).filter(Boolean).join('; ') : '';
    // values: written into the table at once, and taken back if the row is rejected
    const mark = table.n;
    let rowEmpty = 0;
    for (const s of valueSpecs) {
      const raw = f[s.col] ?? '';
      const p = parseNumberCell(raw);
      if (p.kind === 'empty') {
        rowEmpty++;
        continue;
      }
      if (p.kind === 'bad') {
        const code = p.why === 'negative' ? 'value-negative' : p.why === 'too-large' ? 'value-too-large' : p.why === 'qualifier-conflict' ? 'qualifier-conflict' : 'value-bad';
        reasons.push({ code, col: s.header, value: clip(raw.trim()) });
        continue;
      }
      let q: Qualifier = p.qualifier;
      if (colQ) {
        if (q === 'exact') q = colQ;
        else if (colQ !== 'exact' && colQ !== q) {
          reasons.push({ code: 'qualifier-conflict', col: s.header, value: clip(raw.trim()), other: cell(qualCol) });
          continue;
        }
      }
      const year = s.year ?? rowYear;
      if (year === null || reasons.length) continue;
      table.add(sheet, r.line, regionId, year, p.value, q, s.asOf ?? rowAsOf, unitCell || s.unit || p.unit || tableUnit, note, source, s.metricKey ?? metricCell);
    }
    if (reasons.length) {
      table.truncate(mark);
      return reject(r, reasons);
    }
    if (table.n === mark) {
      counts.rowsWithoutFigures++;
      counts.emptyCells += rowEmpty;
      return;
    }
    counts.rowsUsed++;
    counts.emptyCells += rowEmpty;
    used.lines.push(r.line);
    used.starts.push(r.start);
    const tc = table.columns;
    for (let i = mark; i < tc.n; i++) {
      // files list a metric's rows together: the last one is usually it again (its string's number says so)
      const keyId = tc.metricKey[i]!;
      let m = lastMetric && lastMetricId === keyId ? lastMetric : metricMeta.get(tc.strings[keyId]!);
      if (!m) {
        m = { key: tc.strings[keyId]!, figures: 0, units: [] };
        const path = pathOf.get(m.key);
        if (path) m.path = [...path];
        metricMeta.set(m.key, m);
      }
      lastMetric = m;
      lastMetricId = keyId;
      m.figures++;
      const unit = tc.strings[tc.unit[i]!]!;
      if (unit && m.units.length < 5 && !m.units.includes(unit)) m.units.push(unit);
      if (labelCols.labelZh >= 0 && !m.labelZh && cell(labelCols.labelZh)) m.labelZh = cell(labelCols.labelZh);
      if (labelCols.labelEn >= 0 && !m.labelEn && cell(labelCols.labelEn)) m.labelEn = cell(labelCols.labelEn);
      if (labelCols.unitZh >= 0 && !m.unitZh && cell(labelCols.unitZh)) m.unitZh = cell(labelCols.unitZh);
      if (labelCols.unitEn >= 0 && !m.unitEn && cell(labelCols.unitEn)) m.unitEn = cell(labelCols.unitEn);
    }
  };

  for (const r of buffered) handle(r);
  let k = 0;
  for (;;) {
    const r = src.next();
    if (!r) break;
    if (isBlank(r)) {
      blankLines++;
      continue;
    }
    handle(r);
    if (++k % BATCH === 0) yield { phase: 'parse', fraction: fraction(src.fraction()) };
  }
  counts.blankLines += blankLines;
  return { report: rep, fatal: null };
}
