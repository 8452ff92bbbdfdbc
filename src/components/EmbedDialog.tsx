import { useId, useMemo, useState } from 'react';
import type { Lang } from '../data/types';
import { embedUrl, hostScriptUrl, iframeSnippet, type EmbedOptions } from '../embed/snippet';
import { preferredChartHeight } from '../embed/protocol';
import { tShare } from '../i18n/share';
import { useShallow } from 'zustand/react/shallow';
import { useStore, viewOf } from '../state/store';
import type { Theme } from '../state/url';
import { BrowserOnlyNote } from './BrowserOnlyNote';
import { copyText } from './clipboard';
import { DialogHead, useModal } from './ModalDialog';
import './dialog.css';

/** Room the findings take below an embedded chart (three sentences and their sources), added to the suggested height. */
const FINDINGS_HEIGHT = 240;

/** The Embed dialog: options, the ready <iframe> snippet and a live preview. */
export function EmbedDialog({ title, onClose }: { title: string; onClose: () => void }) {
  const state = useStore(useShallow(viewOf));
  const ref = useModal();
  const id = useId();
  const [options, setOptions] = useState<EmbedOptions>(() => ({
    lang: state.lang,
    theme: state.theme,
    controls: true,
    static: false,
    findings: false,
    height: preferredChartHeight(state.view, 800) + 90,
  }));
  const [copied, setCopied] = useState<null | boolean>(null);
  const lang: Lang = state.lang;
  const src = useMemo(() => embedUrl(state, options, window.location.href), [state, options]);
  const code = useMemo(() => iframeSnippet(src, tShare(options.lang, 'embedFrameTitle', { title }), options.height, hostScriptUrl(window.location.href)), [src, options, title]);

  return (
    <dialog ref={ref} className="embed-dialog" aria-labelledby={`${id}-h`} onClose={onClose} data-testid="embed-dialog">
      <DialogHead id={id} title={tShare(lang, 'embedTitle')} closeLabel={tShare(lang, 'close')} dialog={ref} />
      <p className="muted">{tShare(lang, 'embedIntro')}</p>
      <BrowserOnlyNote lang={lang} />
      <div className="embed-options">
        <label className="field">
          <span className="field-label">{tShare(lang, 'language')}</span>
          <select value={options.lang} onChange={(e) => setOptions({ ...options, lang: e.target.value as Lang })} data-testid="embed-lang">
            <option value="zh">中文</option>
            <option value="en">English</option>
          </select>
        </label>
        <label className="field">
          <span className="field-label">{tShare(lang, 'theme')}</span>
          <select value={options.theme ?? 'auto'} onChange={(e) => setOptions({ ...options, theme: e.target.value === 'auto' ? null : (e.target.value as Theme) })} data-testid="embed-theme">
            <option value="auto">{tShare(lang, 'themeAuto')}</option>
            <option value="light">{tShare(lang, 'themeLight')}</option>
            <option value="dark">{tShare(lang, 'themeDark')}</option>
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={options.controls && !options.static} disabled={options.static} onChange={(e) => setOptions({ ...options, controls: e.target.checked })} data-testid="embed-controls" />
          {tShare(lang, 'showControls')}
        </label>
        <label className="check">
          <input type="checkbox" checked={options.static} onChange={(e) => setOptions({ ...options, static: e.target.checked })} data-testid="embed-static" />
          {tShare(lang, 'staticChart')}
        </label>
        <label className="check">
          <input type="checkbox" checked={!!options.findings} data-testid="embed-findings"
            onChange={(e) => setOptions({ ...options, findings: e.target.checked, height: Math.max(250, options.height + (e.target.checked ? FINDINGS_HEIGHT : -FINDINGS_HEIGHT)) })} />
          {tShare(lang, 'showFindings')}
        </label>
        <label className="field">
          <span className="field-label">{tShare(lang, 'height')}</span>
          <input type="number" min={250} max={2000} step={10} value={options.height} onChange={(e) => setOptions({ ...options, height: Number(e.target.value) || 250 })} />
        </label>
      </div>
      <label className="field-label" htmlFor={`${id}-code`}>{tShare(lang, 'snippet')}</label>
      <textarea id={`${id}-code`} className="snippet" readOnly value={code} rows={4} data-testid="embed-snippet" onFocus={(e) => e.currentTarget.select()} />
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={async () => setCopied(await copyText(code))}>{tShare(lang, 'copySnippet')}</button>
        {copied === true && <span role="status">{tShare(lang, 'copied')}</span>}
        {copied === false && <span role="status">{tShare(lang, 'copyFailed')}</span>}
      </div>
      <h3 className="preview-title">{tShare(lang, 'preview')}</h3>
      <iframe className="embed-preview" src={src} title={tShare(options.lang, 'embedFrameTitle', { title })} style={{ height: options.height }} data-testid="embed-preview" />
    </dialog>
  );
}
