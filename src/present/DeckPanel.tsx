import { useId, useRef, useState } from 'react';
import { BrowserOnlyNote } from '../components/BrowserOnlyNote';
import { useShallow } from 'zustand/react/shallow';
import { slideQuery, type Slide } from '../state/deck';
import { deckFromJson, deckToJson } from './deckFile';
import { startPresenting } from './start';
import { tPresent } from '../i18n/present';
import { t } from '../i18n/ui';
import { httpFetcher } from '../data/load';
import { downloadText } from '../export/download';
import { useStore, viewOf } from '../state/store';
import { VIEW_TABLE } from '../views/viewTable';
import { copyText } from '../components/clipboard';
import { DialogHead, useModal } from '../components/ModalDialog';
import '../components/dialog.css';

/** Default title of a slide: the view and what it shows. */
function autoTitle(): string {
  const s = useStore.getState();
  const bits = [t(s.lang, VIEW_TABLE[s.view].label), s.metric ?? '', s.year === null ? '' : String(s.year)];
  return bits.filter(Boolean).join(' · ');
}

/** The slide deck editor: add the current view, title, reorder, remove, save/load JSON, present. */
export function DeckPanel({ onClose }: { onClose: () => void }) {
  const lang = useStore((s) => s.lang);
  const { deck, slide } = useStore(useShallow((s) => ({ deck: s.deck, slide: s.slide })));
  const setDeck = useStore((s) => s.setDeck);
  const [msg, setMsg] = useState<string | null>(null);
  const ref = useModal();
  const file = useRef<HTMLInputElement>(null);
  const id = useId();
  const update = (next: Slide[]) => setDeck(next);
  const move = (i: number, d: -1 | 1) => {
    const next = [...deck];
    const [x] = next.splice(i, 1);
    next.splice(i + d, 0, x!);
    update(next);
  };
  const load = (text: string) => {
    try {
      const loaded = deckFromJson(text);
      setDeck(loaded.slides, 0);
      setMsg(loaded.dropped ? tPresent(lang, 'dropped', { n: loaded.dropped }) : null);
    } catch (e) {
      setMsg(tPresent(lang, 'loadFailed', { reason: e instanceof Error ? e.message : String(e) }));
    }
  };
  return (
    <dialog ref={ref} className="embed-dialog deck-panel" aria-labelledby={`${id}-h`} onClose={onClose} data-testid="deck-panel">
      <DialogHead id={id} title={tPresent(lang, 'deckTitle')} closeLabel={tPresent(lang, 'close')} dialog={ref} />
      <p className="muted">{tPresent(lang, 'deckIntro')}</p>
      <BrowserOnlyNote lang={lang} deck={deck} />
      <div className="dialog-actions">
        <button type="button" className="btn" data-testid="deck-add" onClick={() => update([...deck, { title: autoTitle(), q: slideQuery(viewOf(useStore.getState())) }])}>＋ {tPresent(lang, 'addCurrent')}</button>
        <button type="button" className="btn" data-testid="deck-present" disabled={!deck.length} onClick={() => { useStore.getState().goSlide(0); ref.current?.close(); startPresenting(); }}>▶ {tPresent(lang, 'presentDeck')}</button>
        <button type="button" className="btn" data-testid="deck-download" disabled={!deck.length} onClick={() => downloadText(deckToJson(deck), tPresent(lang, 'deckFileName'), 'application/json;charset=utf-8')}>{tPresent(lang, 'downloadJson')}</button>
        <button type="button" className="btn" onClick={() => file.current?.click()}>{tPresent(lang, 'loadJson')}</button>
        <input ref={file} type="file" accept="application/json,.json" hidden data-testid="deck-file"
          onChange={async (e) => { const f = e.target.files?.[0]; if (f) load(await f.text()); e.target.value = ''; }} />
        <button type="button" className="btn" data-testid="deck-example" onClick={async () => {
          try { load(await httpFetcher(document.baseURI)('data/decks/example.json')); } catch (err) { setMsg(tPresent(lang, 'loadFailed', { reason: String(err) })); }
        }}>{tPresent(lang, 'loadExample')}</button>
        <button type="button" className="btn" disabled={!deck.length} onClick={async () => {
          const u = new URL(window.location.href);
          u.searchParams.set('present', '1');
          setMsg((await copyText(u.toString())) ? '✓' : u.toString());
        }}>{tPresent(lang, 'copyDeckLink')}</button>
        {deck.length > 0 && <button type="button" className="btn" onClick={() => update([])}>{tPresent(lang, 'clear')}</button>}
      </div>
      {msg && <p className="notice warn" role="status">{msg}</p>}
      {deck.length === 0 ? (
        <p className="muted">{tPresent(lang, 'empty')}</p>
      ) : (
        <ol className="deck-list" data-testid="deck-list">
          {deck.map((s, i) => (
            <li key={i} className={i === slide ? 'current' : undefined}>
              <input className="deck-title" aria-label={`${tPresent(lang, 'slideTitle')} ${i + 1}`} value={s.title} maxLength={120}
                onChange={(e) => update(deck.map((x, j) => (j === i ? { ...x, title: e.target.value } : x)))} />
              <code className="deck-q" title={s.q}>{s.q || '(overview)'}</code>
              <span className="deck-buttons">
                <button type="button" className="icon-btn" aria-label={tPresent(lang, 'moveUp')} disabled={i === 0} onClick={() => move(i, -1)}>↑</button>
                <button type="button" className="icon-btn" aria-label={tPresent(lang, 'moveDown')} disabled={i === deck.length - 1} onClick={() => move(i, 1)}>↓</button>
                <button type="button" className="icon-btn" aria-label={tPresent(lang, 'remove')} onClick={() => update(deck.filter((_, j) => j !== i))}>×</button>
                <button type="button" className="btn" onClick={() => { useStore.getState().goSlide(i); ref.current?.close(); startPresenting(); }}>▶ {tPresent(lang, 'presentFrom')}</button>
              </span>
            </li>
          ))}
        </ol>
      )}
    </dialog>
  );
}
