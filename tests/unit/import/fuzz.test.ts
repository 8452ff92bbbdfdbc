/**
 * Property tests: whatever bytes come in, the importer returns a result —
 * never an exception, never an internal error — and the result keeps its
 * promises (every record accounted for, figures finite, non-negative, with
 * a known region and a year in range). Seeded, so failures reproduce.
 */
import { describe, expect, it } from 'vitest';
import { REGION_BY_CODE } from '../../../src/data/regions';
import { analyse } from '../../../src/import/pipeline';
import { Tokenizer } from '../../../src/data/tokenize';
import type { ImportAnalysis } from '../../../src/import/types';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOKENS = [
  ',', ',', ',', '\t', ';', '"', '""', '\n', '\r\n', '\r', ' ', '', '地区', '省份', '年份', '指标', '数值', '来源', '备注', '截至', '单位', '限定',
  '2019', '2020年', '2021 年', '北京', '江苏省', 'Guangdong', '110000', '010000', '全国', '火星', '<img src=x onerror=alert(1)>', '=1+1', '-', '—', '/', '无', 'N/A',
  '1,234', '1 234', '5.2万', '1.3亿', '超过5万', '5万余', '近2万', '约2万', '~2万', '>5万', '-5', 'abc', '0', '3.5', '1e400', '2019-12', 'at_least', 'about',
  '\uFFFD', '\u0000', '\uFEFF', '😀', 'x'.repeat(50),
];

function csvish(rand: () => number): string {
  const n = Math.floor(rand() * 120);
  let s = '';
  for (let i = 0; i < n; i++) s += TOKENS[Math.floor(rand() * TOKENS.length)];
  return s;
}

const HEAD = ['地区', '省份', 'Province', '年份', 'Year', '指标', '数值', 'Value', '来源', '备注', '截至', '限定', '2019', '2020年', '2021 年', '孵化器数量', ''];
const CELL = ['北京', '江苏省', 'Guangdong', '110000', '11', '全国', '火星', '<img src=x onerror=alert(1)>', '2019', '2020', '2020-06', '1,234', '5.2万', '超过5万', '近2万', '-', '—', '', 'N/A', '-5', 'abc', '12', '0', '"a,b"', '"x""y"', 'exact', 'at_least', '=1+1'];

/** A table-like text: a header of known words, rows of plausible cells, some damage. */
function tableish(rand: () => number): string {
  const d = [',', '\t', ';'][Math.floor(rand() * 3)]!;
  const cols = 2 + Math.floor(rand() * 5);
  const pick = (a: readonly string[]) => a[Math.floor(rand() * a.length)]!;
  const lines = [Array.from({ length: cols }, () => pick(HEAD)).join(d)];
  const rows = Math.floor(rand() * 30);
  for (let i = 0; i < rows; i++) {
    const n = rand() < 0.9 ? cols : Math.floor(rand() * (cols + 3));
    lines.push(Array.from({ length: n }, () => pick(CELL)).join(d));
  }
  let s = lines.join(rand() < 0.5 ? '\n' : '\r\n');
  if (rand() < 0.2) s = s.slice(0, Math.floor(rand() * s.length)) + pick(TOKENS) + s.slice(Math.floor(rand() * s.length));
  return s;
}

function encodeRandomly(s: string, rand: () => number): Uint8Array {
  const r = rand();
  const utf8 = new TextEncoder().encode(s);
  if (r < 0.6) return utf8;
  if (r < 0.75) return new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
  if (r < 0.85) {
    // damage a few bytes
    const b = utf8.slice();
    for (let k = 0; k < 3 && b.length; k++) b[Math.floor(rand() * b.length)] = Math.floor(rand() * 256);
    return b;
  }
  // UTF-16 LE with BOM
  const b = new Uint8Array(2 + s.length * 2);
  b[0] = 0xff;
  b[1] = 0xfe;
  for (let i = 0; i < s.length; i++) {
    b[2 + 2 * i] = s.charCodeAt(i) & 0xff;
    b[3 + 2 * i] = s.charCodeAt(i) >> 8;
  }
  return b;
}

function checkInvariants(a: ImportAnalysis, label: string): void {
  expect(a.fatal?.code, `${label}: ${a.fatal?.detail}`).not.toBe('internal');
  for (const d of a.drafts) {
    expect(Number.isFinite(d.value) && d.value >= 0, label).toBe(true);
    expect(d.year >= 1980 && d.year <= 2100, label).toBe(true);
    expect(d.region === 'CN' || REGION_BY_CODE.has(d.region), label).toBe(true);
    expect(['exact', 'at_least', 'about']).toContain(d.qualifier);
    expect(d.asOf === null || /^\d{4}-(0[1-9]|1[0-2])$/.test(d.asOf), label).toBe(true);
  }
  for (const p of a.problems) {
    expect(p.line, label).toBeGreaterThanOrEqual(1);
    expect(p.reasons.length, label).toBeGreaterThan(0);
    expect(p.raw.length, label).toBeLessThanOrEqual(400);
  }
  if (!a.fatal && !a.blocking.some((b) => b !== 'no-usable' && b !== 'too-many-metrics')) {
    // every record is used, without figures, or rejected
    expect(a.rowsUsed + a.rowsWithoutFigures + a.problems.length, label).toBe(a.records);
  }
}

describe('the importer never throws', () => {
  it('on 2,000 random byte strings', () => {
    const rand = mulberry32(20240501);
    for (let i = 0; i < 2000; i++) {
      const n = Math.floor(rand() * (i % 10 === 0 ? 5000 : 300));
      const bytes = new Uint8Array(n);
      for (let k = 0; k < n; k++) bytes[k] = Math.floor(rand() * 256);
      // half of them look like text: high bytes and printable ASCII only (GBK-ish)
      if (i % 2) for (let k = 0; k < n; k++) if (bytes[k]! < 0x20 && bytes[k] !== 10) bytes[k] = 0x2c;
      const a = analyse(bytes);
      checkInvariants(a, `bytes #${i}`);
    }
  });

  it('on 3,000 random CSV-ish texts, in several encodings, with random options', { timeout: 60_000 }, () => {
    const rand = mulberry32(7);
    const delims = [undefined, ',', '\t', ';'] as const;
    const seen = { fatal: 0, figures: 0, problems: 0 };
    for (let i = 0; i < 3000; i++) {
      const text = i % 2 ? tableish(rand) : csvish(rand);
      const bytes = encodeRandomly(text, rand);
      const opts = i % 3 === 0 ? { delimiter: delims[Math.floor(rand() * 4)], fixedYear: rand() < 0.5 ? 2020 : null, roles: rand() < 0.3 ? { 0: 'region' as const, 1: 'value' as const } : undefined } : {};
      const a = analyse(bytes, opts);
      checkInvariants(a, `text #${i}: ${JSON.stringify(text).slice(0, 200)}`);
      if (a.fatal) seen.fatal++;
      if (a.drafts.length) seen.figures++;
      if (a.problems.length) seen.problems++;
    }
    // the cases reach every part of the pipeline, not only the early refusals
    expect(seen.fatal).toBeGreaterThan(100);
    expect(seen.figures).toBeGreaterThan(20);
    expect(seen.problems).toBeGreaterThan(100);
  });

  it('the tokenizer always advances and ends', () => {
    const rand = mulberry32(99);
    for (let i = 0; i < 2000; i++) {
      const text = csvish(rand);
      const tok = new Tokenizer(text, ',');
      let last = -1;
      let n = 0;
      for (let r = tok.next(); r; r = tok.next()) {
        expect(tok.pos).toBeGreaterThan(last);
        last = tok.pos;
        expect(++n).toBeLessThanOrEqual(text.length + 1);
      }
      expect(tok.pos).toBeGreaterThanOrEqual(text.length);
    }
  });
});
