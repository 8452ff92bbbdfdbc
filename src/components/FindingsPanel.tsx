import { useId, useState } from 'react';
import { findingSources, type Findings } from '../data/findings';
import type { Lang, Source } from '../data/types';
import { tFindingsPanel } from '../i18n/findingsPanel';
import { findingSegments, findingsPlainText, sourceName, type Segment } from '../i18n/findingsText';
import { downloadText } from '../export/download';
import { safeFilePart } from '../export/fileName';
import { slideQuery } from '../state/deck';
import { useStore, viewOf } from '../state/store';
import { copyText } from './clipboard';
import { SourceLink } from './SourceItem';
import './findings.css';

interface Props {
  lang: Lang;
  findings: Findings;
  sources: ReadonlyMap<string, Source>;
  /** what the findings are of ("国家级科技企业孵化器 · 2023 · 地图"): the slide's title and the text file's name */
  title: string;
  /** show the buttons (copy, text file, slide); off in an embed's static frame and on a slide */
  tools?: boolean;
}

/** A long quote is cut in the tip (the sources list under the panel gives it whole). */
const TIP_QUOTE = 160;

/**
 * A number of a sentence: hovering or focusing it shows the source and quote
 * of each figure it rests on (rendered while open, so the sentence's text is
 * only the sentence). Text only, never markup.
 */
function FindingNumber({ seg, lang, sources }: { seg: Segment; lang: Lang; sources: ReadonlyMap<string, Source> }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const srcs = [...new Set(seg.refs!.map((r) => r.sourceId))].map((sid) => sources.get(sid)).filter((s): s is Source => !!s);
  const show = () => setOpen(true);
  const hide = () => setOpen(false);
  return (
    <span className="finding-num" tabIndex={0} aria-describedby={open ? id : undefined} data-figures={seg.refs!.map((r) => r.id).join(' ')}
      onMouseEnter={show} onMouseLeave={hide} onFocus={show} onBlur={hide} onKeyDown={(e) => e.key === 'Escape' && hide()}>
      {seg.text}
      {open && (
        <span role="tooltip" id={id} className="finding-tip" data-testid="finding-tip">
          {srcs.map((s) => (
            <span key={s.id} className="finding-tip-source">
              <span>{tFindingsPanel(lang, 'numberSource', { source: sourceName(s) })}</span>
              {s.quote && <span className="finding-tip-quote">{tFindingsPanel(lang, 'numberQuote', { quote: s.quote.length > TIP_QUOTE ? `${s.quote.slice(0, TIP_QUOTE)}…` : s.quote })}</span>}
            </span>
          ))}
        </span>
      )}
    </span>
  );
}

/**
 * The "解读 / Key findings" panel: the sentences of the view (data/findings.ts
 * through i18n/findingsText.ts), each number with its sources on hover and
 * focus, the sources listed under them; copy as plain text with a source
 * line, download as a text file, add the view with its findings to the slides.
 */
export function FindingsPanel({ lang, findings, sources, title, tools = true }: Props) {
  const headId = useId();
  const [msg, setMsg] = useState<string | null>(null);
  const [fallback, setFallback] = useState<string | null>(null);
  const text = () => findingsPlainText(findings, sources, lang);
  const used = findingSources(findings.sentences).map((id) => sources.get(id)).filter((s): s is Source => !!s);
  return (
    <section className="findings-panel" aria-labelledby={headId} data-testid="findings-panel">
      <div className="findings-head">
        <h2 id={headId}>{tFindingsPanel(lang, 'title')}</h2>
        {tools && (
          <span className="findings-tools">
            <button type="button" className="btn" data-testid="findings-copy" onClick={async () => {
              const ok = await copyText(text());
              setFallback(ok ? null : text());
              setMsg(ok ? tFindingsPanel(lang, 'copied') : null);
            }}>{tFindingsPanel(lang, 'copy')}</button>
            <button type="button" className="btn" data-testid="findings-txt" onClick={() => downloadText(`${text()}\n`, `${safeFilePart(`${title}-${tFindingsPanel(lang, 'fileName')}`)}.txt`, 'text/plain;charset=utf-8')}>
              {tFindingsPanel(lang, 'exportText')}
            </button>
            <button type="button" className="btn" data-testid="findings-slide" onClick={() => {
              const s = useStore.getState();
              const deck = [...s.deck, { title, q: slideQuery({ ...viewOf(s), findings: true }) }];
              s.setDeck(deck);
              setMsg(tFindingsPanel(lang, 'slideAdded', { n: deck.length }));
            }}>＋ {tFindingsPanel(lang, 'addSlide')}</button>
            {msg && <span className="findings-msg muted" role="status">{msg}</span>}
          </span>
        )}
      </div>
      {fallback && (
        <label className="findings-fallback">
          {tFindingsPanel(lang, 'copyFailed')}
          <textarea readOnly value={fallback} rows={Math.min(10, fallback.split('\n').length + 1)} onFocus={(e) => e.currentTarget.select()} />
        </label>
      )}
      {findings.sentences.length ? (
        <ul className="findings-list" data-testid="findings-list">
          {findings.sentences.map((f, i) => (
            <li key={i} data-finding={f.key}>
              {findingSegments(f, lang).map((seg, j) => (seg.refs ? <FindingNumber key={j} seg={seg} lang={lang} sources={sources} /> : seg.text))}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{tFindingsPanel(lang, 'none')}</p>
      )}
      <p className="findings-intro muted">{tFindingsPanel(lang, 'intro')}</p>
      {used.length > 0 && (
        <div className="findings-sources" data-testid="findings-sources">
          <span className="field-label">{tFindingsPanel(lang, 'sources')}</span>
          <ol>
            {used.map((s) => (
              <li key={s.id} data-source-id={s.id}>
                <SourceLink source={s} lang={lang} />
                {s.date && <span className="muted"> · {s.date}</span>}
                {s.quote && <span className="findings-source-quote muted"> · “{s.quote}”</span>}
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}
