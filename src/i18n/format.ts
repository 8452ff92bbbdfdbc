/**
 * Number and figure formatting. Chinese uses 万/亿 (10^4 / 10^8); English uses
 * thousands separators. Pure.
 */
import type { Lang, Qualifier } from '../data/types';

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** Up to `digits` decimals, trailing zeros removed. */
function fixed(n: number, digits: number): string {
  return trimZeros(n.toFixed(digits));
}

export function formatNumber(value: number, lang: Lang): string {
  if (!Number.isFinite(value)) return '–';
  const neg = value < 0;
  const v = Math.abs(value);
  // below 1, three significant digits (a ratio: 0.0287), else two decimals at most
  const d = v > 0 && v < 1 ? 2 - Math.floor(Math.log10(v)) : 2;
  let s: string;
  if (lang === 'zh') {
    const wan = fixed(v / 1e4, v >= 1e6 ? 0 : v >= 1e5 ? 1 : 2);
    // 99,999,999 rounds to "10000万": write it as 亿 instead
    if (v >= 1e8 || (v >= 1e4 && Number(wan) >= 1e4)) s = `${fixed(v / 1e8, v >= 1e10 ? 0 : 2)}亿`;
    else if (v >= 1e4) s = `${wan}万`;
    else s = fixed(v, d);
  } else {
    s = v.toLocaleString('en-US', { maximumFractionDigits: d });
  }
  return (neg ? '−' : '') + s;
}

export const QUALIFIER_MARK: Record<Qualifier, string> = { exact: '', at_least: '≥ ', about: '≈ ' };

/**
 * "≥ 5万 家", "327 家", "≈ 2,000 enterprises". A Chinese unit that is itself
 * a magnitude joins the number's: 12780 万人 is "1.28亿人", 137905.4 亿元
 * "13.8万亿元" (never "1.28万 万人").
 */
export function formatFigure(value: number, qualifier: Qualifier, unit: string, lang: Lang): string {
  const n = QUALIFIER_MARK[qualifier] + formatNumber(value, lang);
  if (lang === 'zh' && n.endsWith('万') && /^[万亿]/.test(unit)) return unit[0] === '万' ? `${n.slice(0, -1)}亿${unit.slice(1)}` : n + unit;
  return unit ? `${n} ${unit}` : n;
}

export function formatSigned(value: number, lang: Lang): string {
  if (value === 0) return '±0';
  return (value > 0 ? '+' : '') + formatNumber(value, lang).replace('−', '−');
}

/** "+12%", "−4.5%": the same in both languages (the parameter keeps the formatters' signature). */
export function formatPercent(ratio: number, _lang: Lang): string {
  const p = ratio * 100;
  const s = Math.abs(p) >= 10 ? p.toFixed(0) : p.toFixed(1);
  return `${p > 0 ? '+' : ''}${s.replace('-', '−')}%`;
}
