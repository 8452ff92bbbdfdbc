import type { Lang, Source } from '../data/types';
import { safeHref } from '../charts/escape';
import { t } from '../i18n/ui';
import { OriginalPublisher } from './Annotations';

/** One source: link (or citation), publisher, date and the verbatim quote. Rendered as text, never HTML. */
export function SourceItem({ source, lang, figures }: { source: Source; lang: Lang; figures?: string }) {
  const href = safeHref(source.url);
  return (
    <li className="source-item" data-source-id={source.id}>
      <div className="source-head">
        {href ? (
          <a href={href} target="_blank" rel="noopener noreferrer nofollow" referrerPolicy="no-referrer">{source.publisher || href}</a>
        ) : (
          <span className="citation">{t(lang, 'citation')}: {source.citation}</span>
        )}
        <OriginalPublisher source={source} lang={lang} />
        {source.date && <span className="source-date"> · {source.date}</span>}
        {figures && <span className="source-figures"> · {figures}</span>}
      </div>
      {href && <div className="source-url">{href}</div>}
      {source.quote && <blockquote className="quote" lang="zh">“{source.quote}”</blockquote>}
    </li>
  );
}

/** A compact source reference: the link (publisher as text) or the citation. */
export function SourceLink({ source, lang }: { source: Source | undefined; lang: Lang }) {
  if (!source) return <span className="muted">—</span>;
  const href = safeHref(source.url);
  return (
    <>
      {href ? (
        <a href={href} target="_blank" rel="noopener noreferrer nofollow" referrerPolicy="no-referrer" title={source.quote || href}>{source.publisher || href}</a>
      ) : (
        <span className="citation" title={source.quote || undefined}>{t(lang, 'citation')}: {source.citation}</span>
      )}
      <OriginalPublisher source={source} lang={lang} />
    </>
  );
}
