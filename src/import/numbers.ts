/**
 * Cells → figures. Numbers as Chinese offices write them: `1,234`, `1 234`,
 * `5.2万`, `1.3亿`, `超过5万` / `5万余` / `5万多` / `>5万` (a lower bound),
 * `近2万` / `约2万` / `~2万` (approximate), a trailing unit (`500余家`).
 * Empty cells and `-`, `—`, `/`, `无`, `N/A` mean "no figure" — never 0.
 * Negative numbers and anything else are rejected with a reason. Pure.
 */
import type { Qualifier } from '../data/types';

export type NumberCell =
  | { kind: 'empty' }
  | { kind: 'ok'; value: number; qualifier: Qualifier; unit: string }
  | { kind: 'bad'; why: 'negative' | 'not-a-number' | 'too-large' | 'qualifier-conflict' };

/** Cells that say "no figure here". */
const NO_FIGURE = new Set(
  ['', '-', '--', '---', '—', '——', '–', '−', '/', '\\', '无', '暂无', '无数据', '不详', '未知', '缺失', '…', '……', '...',
    'n/a', 'na', 'n.a.', 'none', 'null', 'nan', '#n/a', '不适用', '未统计', '未公布'],
);

/** Is this cell "no figure" (empty or a placeholder)? */
export function isNoFigure(raw: string): boolean {
  return NO_FIGURE.has(raw.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ''));
}

const AT_LEAST_PREFIX = /^(?:超过|超出|超|逾|多于|大于等于|大于|高于|不少于|不低于|不下于|至少|达到|>=|≥|⩾|>|over|more\s+than|at\s+least|above)\s*/i;
const ABOUT_PREFIX = /^(?:将近|接近|近|约合|约为|约|大约|大概|差不多|≈|~|about|approx\.?|approximately|around|nearly|almost|ca\.?|c\.)\s*/i;
const AT_LEAST_SUFFIX = /^(?:余|多|以上|有余|\+)/;
const ABOUT_SUFFIX = /^(?:左右|上下|许)/;
const UNIT_SUFFIX = /^(?:人次|家次|家|个|人|名|位|所|座|项|户|件|次|元|%|‰)/;
const MULTIPLIER = /^(?:万亿|亿|万|千|百)/;
const MULT: Record<string, number> = { 万亿: 12, 亿: 8, 万: 4, 千: 3, 百: 2 };

/** digits with optional thousands groups (comma, space, no-break/thin space, apostrophe) and decimals */
const NUMBER = /^(\d{1,3}(?:[,\u00a0\u202f\u2009' ]\d{3})+|\d+)(?:\.(\d+))?(?:[eE]([-+]?\d{1,3}))?|^\.(\d+)/;

/** Exact decimal scaling: "1.15" × 10^4 = 11500, not 11499.999999999998. */
function scaled(intPart: string, frac: string, exp: number): number {
  return Number(`${intPart}${frac}e${exp - frac.length}`);
}

/**
 * A cell of 1 to 15 ASCII digits and nothing else: by far the commonest
 * value cell, and one the general path below reads as exactly this number
 * (15 digits stay below the 1e15 limit), so it is read without it.
 */
function plainDigits(s: string): boolean {
  const n = s.length;
  if (n === 0 || n > 15) return false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * `s.normalize('NFKC')`, without the call when every character is one that
 * NFKC leaves as it is and that combines with nothing: printable ASCII, the
 * CJK Unified Ideographs (U+4E00–U+9FFF) and the em dash — what nearly
 * every cell is made of.
 */
function nfkc(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x20 || c > 0x7e) && (c < 0x4e00 || c > 0x9fff) && c !== 0x2014) return s.normalize('NFKC');
  }
  return s;
}

/** Parse a value cell. */
export function parseNumberCell(raw: string): NumberCell {
  if (plainDigits(raw)) return { kind: 'ok', value: Number(raw), qualifier: 'exact', unit: '' };
  let s = nfkc(raw).trim();
  // a cell that starts with a digit is no placeholder and has no prefix (none starts with a digit): straight to the number
  const c0 = s.charCodeAt(0);
  const digitFirst = c0 >= 48 && c0 <= 57;
  if (!digitFirst && NO_FIGURE.has(s.toLowerCase().replace(/\s+/g, ''))) return { kind: 'empty' };
  if (s.length > 60) return { kind: 'bad', why: 'not-a-number' };
  let q: Qualifier = 'exact';
  const set = (nq: Qualifier): boolean => {
    if (q !== 'exact' && q !== nq) return false;
    q = nq;
    return true;
  };
  for (let k = 0; k < 2 && !digitFirst; k++) {
    const a = AT_LEAST_PREFIX.exec(s);
    if (a && a[0]) {
      if (!set('at_least')) return { kind: 'bad', why: 'qualifier-conflict' };
      s = s.slice(a[0].length);
      continue;
    }
    const b = ABOUT_PREFIX.exec(s);
    if (b && b[0]) {
      if (!set('about')) return { kind: 'bad', why: 'qualifier-conflict' };
      s = s.slice(b[0].length);
    }
  }
  if (!digitFirst && (/^[-−‒–—﹣]\s*[\d.]/.test(s) || /^\(\s*\d[\d,. ]*\)$/.test(s))) return { kind: 'bad', why: 'negative' };
  const m = NUMBER.exec(s);
  if (!m) return { kind: 'bad', why: 'not-a-number' };
  let intPart: string;
  let frac: string;
  let exp = 0;
  if (m[4] !== undefined) {
    intPart = '0';
    frac = m[4];
  } else {
    intPart = m[1]!.replace(/[,\u00a0\u202f\u2009' ]/g, '');
    frac = m[2] ?? '';
    exp = m[3] ? Number(m[3]) : 0;
  }
  s = s.slice(m[0].length).trim();
  const mult = MULTIPLIER.exec(s);
  if (mult) {
    exp += MULT[mult[0]]!;
    s = s.slice(mult[0].length).trim();
  }
  let unit = '';
  // suffixes in any order, each once: 余/多/以上, 左右, a unit (500余家, 500家以上, 5万多人)
  for (let k = 0; k < 3 && s; k++) {
    const a = AT_LEAST_SUFFIX.exec(s);
    if (a) {
      if (!set('at_least')) return { kind: 'bad', why: 'qualifier-conflict' };
      s = s.slice(a[0].length).trim();
      continue;
    }
    const b = ABOUT_SUFFIX.exec(s);
    if (b) {
      if (!set('about')) return { kind: 'bad', why: 'qualifier-conflict' };
      s = s.slice(b[0].length).trim();
      continue;
    }
    const u = UNIT_SUFFIX.exec(s);
    if (u && !unit) {
      unit = u[0];
      s = s.slice(u[0].length).trim();
      continue;
    }
    break;
  }
  if (s) return { kind: 'bad', why: 'not-a-number' };
  const value = scaled(intPart, frac, exp);
  if (!Number.isFinite(value)) return { kind: 'bad', why: 'too-large' };
  if (value > 1e15) return { kind: 'bad', why: 'too-large' };
  return { kind: 'ok', value, qualifier: q, unit };
}

/** A year cell: "2019", "2019年", "2019年度", "2019.0", or a date ("2019-12", "2019/12/31", "2019年12月") giving the month too. */
export function parseYearCell(raw: string): { year: number; asOf: string | null } | null {
  // the commonest year cell, "2019": what the general path reads it as
  if (raw.length === 4 && plainDigits(raw)) return inRange(Number(raw), null);
  const s = raw.normalize('NFKC').trim();
  let m = /^(\d{4})(?:\.0+)?\s*(?:年\s*(?:度|末|底)?|年度)?$/.exec(s);
  if (m) return inRange(Number(m[1]), null);
  const d = parseDateParts(s);
  return d ? inRange(d.year, d.asOf) : null;
}

/** An as-of cell → "YYYY-MM" (a year alone is not a month: null). */
export function parseAsOfCell(raw: string): { asOf: string } | null {
  const d = parseDateParts(raw.normalize('NFKC').trim());
  return d && d.asOf && d.year >= 1980 && d.year <= 2100 ? { asOf: d.asOf } : null;
}

function parseDateParts(s: string): { year: number; asOf: string } | null {
  const m = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:月\s*(?:末|底)?)?(?:\s*(?:[-/.]|月)?\s*(\d{1,2})\s*日?)?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(s);
  if (!m) return null;
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) return null;
  if (m[3] !== undefined) {
    const day = Number(m[3]);
    if (day < 1 || day > 31) return null;
  }
  return { year: Number(m[1]), asOf: `${m[1]}-${String(mo).padStart(2, '0')}` };
}

function inRange(year: number, asOf: string | null): { year: number; asOf: string | null } | null {
  return year >= 1980 && year <= 2100 ? { year, asOf } : null;
}

/** A qualifier cell in the package's words or in plain Chinese/English; '' = not stated. */
export function parseQualifierCell(raw: string): Qualifier | '' | null {
  const s = raw.normalize('NFKC').trim().toLowerCase().replace(/[\s_-]+/g, '');
  if (!s) return '';
  if (['exact', '精确', '准确', '确数', '=', 'exactly'].includes(s)) return 'exact';
  if (['atleast', 'lowerbound', 'minimum', 'min', '下限', '不少于', '至少', '超过', '以上', '余', '多', '≥', '>=', '>'].includes(s)) return 'at_least';
  if (['about', 'approximate', 'approx', 'approx.', 'approximately', 'estimate', 'estimated', '约数', '约', '近', '大约', '估计', '概数', '≈', '~'].includes(s)) return 'about';
  return null;
}
