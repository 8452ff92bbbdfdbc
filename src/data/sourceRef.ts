/**
 * A source from what a table says of it: a URL, a citation ("《中国火炬统计
 * 年鉴2023》，表3-1"), or both, and the words quoted from it. Shared by
 * `npm run data:import`, `npm run data:add` and the app's import, so that
 * one reference gives one source, with one id, wherever it was read. Pure.
 */
import { contentId } from './sha1';
import type { Source } from './types';

export const isUrl = (s: string): boolean => /^https?:\/\/[^\s/]+\S*$/i.test(s.trim());

/** The id of a source: a page or citation together with the words quoted from it. */
export function sourceId(ref: string, quote: string): string {
  return contentId('s', `${ref.trim()}\u0000${quote}`, 8);
}

/** The date a citation prints ("2023年6月", "2023-06-30"), as YYYY-MM(-DD), else ''. */
export function citationDate(citation: string): string {
  const m = citation.match(/(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?/) ?? citation.match(/\b(\d{4})-(\d{2})-(\d{2})\b/);
  return m ? [m[1], m[2]?.padStart(2, '0'), m[3]?.padStart(2, '0')].filter(Boolean).join('-') : '';
}

/** Who published a citation: its first part ("中国火炬统计年鉴2023, 表3-1" → 中国火炬统计年鉴2023). */
export function citationPublisher(citation: string): string {
  return citation.replace(/^\(stored page, URL not returned by search tool\)\s*/, '').split(/[,，]/)[0]!.trim();
}

function hostOf(url: string): string {
  try {
    return new URL(url.trim()).hostname;
  } catch {
    return '';
  }
}

/**
 * The source of a reference — a URL or a citation, as one cell of a 来源
 * column holds it — with the quote; its id is sourceId(ref, quote) unless
 * one is given.
 */
export function sourceOfRef(ref: string, quote: string, id = sourceId(ref, quote)): Source {
  const r = ref.trim();
  if (isUrl(r)) return { id, url: r, citation: '', publisher: hostOf(r), date: '', quote };
  return { id, url: '', citation: r, publisher: citationPublisher(r), date: citationDate(r), quote };
}

/** The source given by hand (npm run data:add --source/--url, the import dialog's fields): a citation, a URL, or both. */
export function sourceOfParts(parts: { citation?: string; url?: string }, quote: string): Source | null {
  const citation = (parts.citation ?? '').trim();
  const url = (parts.url ?? '').trim();
  if (!citation && !url) return null;
  if (!url || !isUrl(url)) return sourceOfRef(citation || url, quote);
  const s = sourceOfRef(url, quote, sourceId(`${url}\u0000${citation}`, quote));
  return citation ? { ...s, citation, publisher: citationPublisher(citation) || s.publisher, date: citationDate(citation) } : s;
}
