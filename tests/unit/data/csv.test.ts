import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from '../../../src/data/csv';

describe('parseCsv', () => {
  it('parses a plain table into string cells keyed by header, header is line 1', () => {
    const t = parseCsv('id,name,value\n1,北京,10\n2,上海,20\n');
    expect(t.header).toEqual(['id', 'name', 'value']);
    expect(t.errors).toEqual([]);
    expect(t.rows).toEqual([
      { line: 2, cells: { id: '1', name: '北京', value: '10' } },
      { line: 3, cells: { id: '2', name: '上海', value: '20' } },
    ]);
  });

  it('strips a leading BOM so the first header is clean', () => {
    const t = parseCsv('\uFEFFid,name,value\n1,a,b\n');
    expect(t.header[0]).toBe('id');
    expect(t.rows[0]?.cells.id).toBe('1');
    expect(Object.keys(t.rows[0]?.cells ?? {})).toEqual(['id', 'name', 'value']);
  });

  it('keeps codes with leading zeros and numbers as strings (no dynamic typing)', () => {
    const t = parseCsv('code,value,flag\n010000,007,true\n320000,1e3,\n');
    expect(t.rows[0]?.cells).toEqual({ code: '010000', value: '007', flag: 'true' });
    expect(t.rows[1]?.cells).toEqual({ code: '320000', value: '1e3', flag: '' });
    for (const r of t.rows) for (const v of Object.values(r.cells)) expect(typeof v).toBe('string');
  });

  it('trims header names but not cell values', () => {
    const t = parseCsv(' a , b ,c\n x ,y, z\n');
    expect(t.header).toEqual(['a', 'b', 'c']);
    expect(t.rows[0]?.cells).toEqual({ a: ' x ', b: 'y', c: ' z' });
  });

  it('handles quoted fields with commas, escaped quotes and embedded newlines', () => {
    const text = 'id,quote,n\n1,"超过1,000家, 约",5\n2,"他说""好""",6\n3,"第一行\n第二行",7\n';
    const t = parseCsv(text);
    expect(t.errors).toEqual([]);
    expect(t.rows.map((r) => r.cells.quote)).toEqual(['超过1,000家, 约', '他说"好"', '第一行\n第二行']);
    expect(t.rows.map((r) => r.cells.n)).toEqual(['5', '6', '7']);
  });

  it('reports 1-based editor line numbers, also after a multi-line quoted field', () => {
    const text = [
      'id,quote,n', // line 1
      '1,"a', // line 2
      'b', // line 3
      'c",5', // line 4
      '2,plain,6', // line 5
      '3,"x', // line 6
      'y",7', // line 7
      '4,z,8', // line 8
    ].join('\n');
    const t = parseCsv(text);
    expect(t.errors).toEqual([]);
    expect(t.rows.map((r) => [r.cells.id, r.line])).toEqual([
      ['1', 2],
      ['2', 5],
      ['3', 6],
      ['4', 8],
    ]);
  });

  it('counts lines of a multi-line header', () => {
    const t = parseCsv('"id\nx",b,c\n1,2,3\n');
    expect(t.header).toEqual(['id\nx', 'b', 'c']);
    expect(t.rows[0]?.line).toBe(3);
  });

  it('handles CRLF line endings', () => {
    const t = parseCsv('id,name,value\r\n1,a,x\r\n2,"b\r\nc",y\r\n3,d,z\r\n');
    expect(t.errors).toEqual([]);
    expect(t.rows.map((r) => r.cells.value)).toEqual(['x', 'y', 'z']);
    expect(t.rows.map((r) => r.line)).toEqual([2, 3, 5]);
    expect(t.rows[1]?.cells.name).toBe('b\r\nc');
  });

  it('skips blank lines but keeps counting them', () => {
    const t = parseCsv('a,b,c\n1,2,3\n\n4,5,6\n');
    expect(t.errors).toEqual([]);
    expect(t.rows.map((r) => r.line)).toEqual([2, 4]);
  });

  it('reports rows with the wrong number of fields with their line, and drops them', () => {
    const text = 'a,b,c\n1,2,3\n1,2\n"x\ny",2,3\n1,2,3,4\n7,8,9\n';
    const t = parseCsv(text);
    expect(t.rows.map((r) => r.line)).toEqual([2, 4, 7]);
    const fieldErrors = t.errors.filter((e) => e.message.startsWith('expected'));
    expect(fieldErrors).toEqual([
      { line: 3, message: 'expected 3 fields, found 2' },
      { line: 6, message: 'expected 3 fields, found 4' },
    ]);
  });

  it('a wrong-field-count row right after a multi-line field gets its own editor line', () => {
    const t = parseCsv('a,b,c\n"1\n2\n3",x,y\nonly,two\n');
    expect(t.errors).toContainEqual({ line: 5, message: 'expected 3 fields, found 2' });
  });

  it('empty input yields no header, no rows', () => {
    const t = parseCsv('');
    expect(t.rows).toEqual([]);
  });

  it('a header-only file has no rows and no errors', () => {
    const t = parseCsv('id,url,citation,publisher,date,quote\n');
    expect(t.header).toHaveLength(6);
    expect(t.rows).toEqual([]);
    expect(t.errors).toEqual([]);
  });

  // Once a bug (papaparse guessed the delimiter and failed on narrow tables); the delimiter is a comma.
  it('a valid one- or two-column CSV parses without errors (delimiter auto-detection)', () => {
    expect(parseCsv('a,b\n1,2\n').errors).toEqual([]);
    expect(parseCsv('name\nfoo\nbar\n').errors).toEqual([]);
  });

  // Once a bug (quote errors were placed by record, not by line); every error is on its editor line.
  it('quote errors are reported on their editor line after a multi-line field', () => {
    const text = 'a,b,c\n"x\ny",2,3\n"unterminated,5,6\n'; // the bad quote starts on line 4
    const t = parseCsv(text);
    const quoteErr = t.errors.find((e) => e.message.startsWith('MissingQuotes'));
    expect(quoteErr?.line).toBe(4);
  });

  it('reports an unterminated quote on its line and reads on at the next line', () => {
    const t = parseCsv('a,b,c\n1,2,3\n"bad,5,6\n7,8,9\n');
    expect(t.rows.map((r) => r.cells.a)).toEqual(['1', '7']);
    expect(t.errors.some((e) => e.message.startsWith('MissingQuotes'))).toBe(true);
    expect(t.errors.some((e) => e.line === 3)).toBe(true);
  });
});

describe('line breaks', () => {
  it('reads LF, CRLF and lone CR alike, with the same line numbers', () => {
    for (const nl of ['\n', '\r\n', '\r']) {
      const t = parseCsv(['a,b', '1,2', '', '3,"x' + nl + 'y"', '4,5'].join(nl));
      expect(t.errors).toEqual([]);
      expect(t.rows.map((r) => [r.cells.a, r.line])).toEqual([['1', 2], ['3', 4], ['4', 6]]);
    }
  });
  it('text after a closing quote is reported, not read into the cell', () => {
    const t = parseCsv('a,b\n"x"y,2\n3,4\n');
    expect(t.errors).toEqual([{ line: 2, message: 'InvalidQuotes: text after a closing quote' }]);
    expect(t.rows.map((r) => r.cells.a)).toEqual(['3']);
  });
});

describe('toCsv', () => {
  it('writes a header and rows with \\n and a trailing newline', () => {
    expect(toCsv(['a', 'b', 'c'], [['1', 2, null], [undefined, 'x', '']])).toBe('a,b,c\n1,2,\n,x,\n');
  });

  it('quotes fields with commas, quotes and newlines (RFC 4180)', () => {
    const out = toCsv(['id', 'q', 'n'], [['1', 'a,b', 'say "hi"'], ['2', 'line1\nline2', 'ok']]);
    expect(out).toBe('id,q,n\n1,"a,b","say ""hi"""\n2,"line1\nline2",ok\n');
  });

  it('round-trips through parseCsv, keeping leading zeros, quotes, commas and newlines', () => {
    const header = ['id', 'region_code', 'quote', 'value'];
    const rows = [
      ['f1', '010000', '超过1,000家', '1000'],
      ['f2', '320000', '他说"近2万家"', '19999.5'],
      ['f3', '110000', '第一行\n第二行\n第三行', '0'],
      ['f4', '820000', '', ''],
      ['f5', '650000', ' leading and trailing spaces ', '7'],
    ];
    const t = parseCsv(toCsv(header, rows));
    expect(t.errors).toEqual([]);
    expect(t.header).toEqual(header);
    expect(t.rows.map((r) => header.map((h) => r.cells[h]))).toEqual(rows);
    // line numbers account for the two embedded newlines of f3
    expect(t.rows.map((r) => r.line)).toEqual([2, 3, 4, 7, 8]);
  });

  it('serialises numbers and nulls consistently on round-trip', () => {
    const t = parseCsv(toCsv(['a', 'b', 'c'], [[1, null, 2.5]]));
    expect(t.rows[0]?.cells).toEqual({ a: '1', b: '', c: '2.5' });
  });
});
