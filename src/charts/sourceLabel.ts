import type { Figure, Lang, Source } from '../data/types';
import { t } from '../i18n/ui';

/** Short human name of a source: its publisher/site, or the first part of its citation. */
export function sourceShortName(s: Source | undefined): string {
  if (!s) return '?';
  return s.publisher || s.citation.split(/[,，]/)[0] || s.url;
}

/**
 * The sources of a figure: its own, and for a ratio also its denominator's, by
 * its original publisher where a mirror carries it ("www.dingqianjf.com ÷ 国家统计局").
 */
export function figureSources(f: Figure, sources: ReadonlyMap<string, Source>): string {
  const own = sourceShortName(sources.get(f.sourceId));
  const den = f.derived && sources.get(f.derived.denominator.sourceId);
  return f.derived ? `${own} ÷ ${den?.originalPublisher || sourceShortName(den)}` : own;
}

/** "来源：a.gov.cn；b.com 等 5 个来源" — distinct short names, at most `max`. */
export function sourceLine(ids: readonly string[], sources: ReadonlyMap<string, Source>, lang: Lang, max = 3): string {
  const names = [...new Set(ids.map((id) => sourceShortName(sources.get(id))))];
  if (!names.length) return '';
  const shown = names.slice(0, max).join(t(lang, 'semiSep'));
  const rest = names.length - max;
  return t(lang, 'sourceLine', { sources: rest > 0 ? `${shown} ${t(lang, 'andMore', { total: names.length, rest })}` : shown });
}
