/**
 * Findings in words: a sentence spec (data/findings.ts) through its template
 * (./findings.ts) into segments of text, each number a segment that keeps the
 * ids of its figures (the panel shows their sources); and the findings as
 * plain text with a source line, for copying and the text file. Pure.
 */
import type { Findings, Finding, FigureRef, Period, Slot } from '../data/findings';
import { findingRefs } from '../data/findings';
import { regionName } from '../data/regions';
import type { Lang, Source } from '../data/types';
import { formatFigure, formatPercent } from './format';
import { tFindings } from './findings';

export interface Segment {
  text: string;
  /** the figures a number rests on (absent for words) */
  refs?: FigureRef[];
}

/** "2023-06" → "截至 2023 年 6 月", "as of June 2023". */
function asOfText(asOf: string, lang: Lang): string {
  const [y, m] = asOf.split('-').map(Number);
  const month = m ? tFindings(lang, 'months').split(',')[m - 1] : undefined;
  return y && month ? tFindings(lang, 'asOf', { year: y, month }) : '';
}

/** What dates a figure — its year where years are mixed, its as-of month — after it: "（2023 年，截至 2023 年 2 月）", or "，…" inside brackets. */
function datedText(slot: { year?: number; asOf: string | null }, lang: Lang, inner: boolean): string {
  const parts = [slot.year === undefined ? '' : tFindings(lang, 'figureYear', { year: slot.year }), slot.asOf ? asOfText(slot.asOf, lang) : ''].filter(Boolean);
  return parts.length ? tFindings(lang, inner ? 'datedInner' : 'dated', { parts: parts.join(tFindings(lang, 'datedSep')) }) : '';
}

/** Whether a placeholder at the end of `before` stands inside brackets. */
function insideBrackets(before: string): boolean {
  let depth = 0;
  for (const ch of before) depth += ch === '（' || ch === '(' ? 1 : ch === '）' || ch === ')' ? -1 : 0;
  return depth > 0;
}

/** A share in percent: "15.2%", under 0.1 % "<0.1%". */
function pct(ratio: number): string {
  const p = ratio * 100;
  return p > 0 && p < 0.1 ? '<0.1%' : `${p.toFixed(1)}%`;
}

function slotSegments(slot: Slot, lang: Lang, inner: boolean): Segment[] {
  switch (slot.t) {
    case 'region':
      return [{ text: regionName(slot.code, lang) }];
    case 'regions':
      return [{ text: slot.codes.map((c) => regionName(c, lang)).join(tFindings(lang, 'listSep')) }];
    case 'metric':
      return [{ text: slot.label[lang] }];
    case 'count':
      return [{ text: String(slot.n) }];
    case 'year':
      return [{ text: String(slot.year) }];
    case 'years':
      return [{ text: slot.from === slot.to ? String(slot.from) : `${slot.from}–${slot.to}` }];
    case 'value': {
      const n = formatFigure(slot.value, 'exact', slot.unit[lang], lang);
      const text = tFindings(lang, `q_${slot.qualifier}`, { n }) + datedText(slot, lang, inner);
      return [{ text, refs: slot.refs }];
    }
    case 'share':
      return [{ text: tFindings(lang, `share_${slot.qualifier}`, { pct: pct(slot.ratio) }), refs: slot.refs }];
    case 'change': {
      const unit = slot.unit[lang];
      const p = slot.ratio === null ? '' : formatPercent(slot.ratio, lang);
      let text: string;
      if (slot.style === 'signed') {
        const delta = SIGN[Math.sign(slot.delta)]! + formatFigure(Math.abs(slot.delta), 'exact', unit, lang);
        text = tFindings(lang, p ? 'signed' : 'signedNoPct', { delta, pct: p });
      } else if (slot.delta === 0) text = tFindings(lang, 'change_flat');
      else {
        const delta = formatFigure(Math.abs(slot.delta), 'exact', unit, lang);
        text = tFindings(lang, `change_${slot.delta > 0 ? 'up' : 'down'}${p ? '' : 'NoPct'}`, { delta, pct: p });
      }
      return [{ text, refs: slot.refs }];
    }
    case 'rate':
      return [{ text: `${(Math.abs(slot.rate) * 100).toFixed(1)}%`, refs: slot.refs }];
    case 'list': {
      const sep = tFindings(lang, 'listSep');
      return slot.items.flatMap((item, i) => [...(i ? [{ text: sep }] : []), ...findingSegments(item, lang, inner)]);
    }
  }
}

const SIGN: Record<number, string> = { 1: '+', [-1]: '−', 0: '±' };

const CJK = /[\u3400-\u9fff]/;
const LATIN = /[0-9A-Za-z<≥≈%+−-]/;

/**
 * Chinese sets a space between a character and a number ("孵化器 244 家"); the
 * templates write slots without spaces, so a space goes where a slot meets
 * a character on one side and a number on the other.
 */
function spaced(prev: string, next: string): boolean {
  const a = prev.slice(-1);
  const b = next.slice(0, 1);
  return (CJK.test(a) && LATIN.test(b)) || (LATIN.test(a) && CJK.test(b));
}

/** One sentence as segments: words and numbers, each number with its figures. */
export function findingSegments(f: Finding, lang: Lang, inner = false): Segment[] {
  const template = tFindings(lang, f.key);
  const out: Segment[] = [];
  const push = (s: Segment) => {
    if (!s.text) return;
    const last = out[out.length - 1];
    if (lang === 'zh' && last && spaced(last.text, s.text)) {
      if (!s.refs) s = { ...s, text: ` ${s.text}` };
      else if (!last.refs) last.text += ' ';
      else out.push({ text: ' ' });
    }
    const prev = out[out.length - 1];
    if (prev && !s.refs && !prev.refs) prev.text += s.text;
    else out.push(s);
  };
  let before = '';
  for (const part of template.split(/(\{\w+\})/)) {
    const m = /^\{(\w+)\}$/.exec(part);
    const slot = m ? f.slots[m[1]!] : undefined;
    if (slot) slotSegments(slot, lang, inner || insideBrackets(before)).forEach(push);
    else push({ text: part });
    before += part;
  }
  return out;
}

export function findingText(f: Finding, lang: Lang): string {
  return findingSegments(f, lang).map((s) => s.text).join('');
}

export function periodText(p: Period, lang: Lang): string {
  if (p.t === 'year') return tFindings(lang, 'period_year', { year: p.year });
  if (p.t === 'span') return tFindings(lang, 'period_span', { from: p.from, to: p.to });
  return tFindings(lang, p.t === 'latest' ? 'period_latest' : 'period_profile');
}

/** How a source is named in a source line: its publisher (or the original one), else its citation. */
export function sourceName(s: Source): string {
  return s.originalPublisher || s.publisher || s.citation || s.url;
}

/** At most this many sources are named in the source line; the rest are counted. */
export const SOURCE_LINE_MAX = 8;

/** "来源：科技部火炬中心、江苏省科技厅；孵化图谱，2023 年数据". */
export function sourceLine(f: Findings, sources: ReadonlyMap<string, Source>, lang: Lang): string {
  const names = [...new Set(findingRefs(f.sentences).map((r) => sources.get(r.sourceId)).filter((s): s is Source => !!s).map(sourceName).filter(Boolean))];
  const sep = tFindings(lang, 'listSep');
  const list = names.length > SOURCE_LINE_MAX ? tFindings(lang, 'sourcesMore', { list: names.slice(0, SOURCE_LINE_MAX).join(sep), n: names.length }) : names.join(sep);
  return tFindings(lang, 'sourceLine', { sources: list, period: periodText(f.period, lang) });
}

/** The findings as plain text, one sentence a line, then the source line: what Copy puts on the clipboard. */
export function findingsPlainText(f: Findings, sources: ReadonlyMap<string, Source>, lang: Lang): string {
  return [...f.sentences.map((s) => findingText(s, lang)), sourceLine(f, sources, lang)].join('\n');
}
