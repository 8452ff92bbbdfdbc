import { memo, useEffect, useRef, useState, type RefObject } from 'react';
import { tShare } from '../i18n/share';
import { useStore } from '../state/store';
import { afterUrlWrite } from '../state/urlSync';
import { BrowserOnlyNote } from './BrowserOnlyNote';
import { canFullscreen, copyText } from './clipboard';

/**
 * Copy link and full screen. Inside a frame without clipboard-write the link
 * is shown for copying by hand; without fullscreen permission the button
 * becomes "open in a new tab".
 */
export const ShareButtons = memo(function ShareButtons({ target, href }: { target: RefObject<HTMLElement | null>; href?: string }) {
  const lang = useStore((s) => s.lang);
  const [copy, setCopy] = useState<null | 'ok' | 'failed'>(null);
  const [fs, setFs] = useState(false);
  useEffect(() => {
    const on = () => setFs(!!document.fullscreenElement);
    document.addEventListener('fullscreenchange', on);
    return () => document.removeEventListener('fullscreenchange', on);
  }, []);
  // the page's own link is read when it is used (memoised: a year change does not render this)
  const linkNow = () => href ?? window.location.href;
  const link = linkNow();
  const newTab = useRef<HTMLAnchorElement>(null);
  useEffect(
    () =>
      afterUrlWrite(() => {
        if (newTab.current && newTab.current.href !== linkNow()) newTab.current.href = linkNow();
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [href],
  );
  return (
    <>
      <button
        type="button"
        className="btn"
        data-testid="copy-link"
        onClick={async () => {
          setCopy((await copyText(linkNow())) ? 'ok' : 'failed');
          window.setTimeout(() => setCopy((c) => (c === 'ok' ? null : c)), 2500);
        }}
      >
        {copy === 'ok' ? tShare(lang, 'copied') : tShare(lang, 'copyLink')}
      </button>
      {copy === 'ok' && <BrowserOnlyNote lang={lang} />}
      {copy === 'failed' && (
        <span className="copy-fallback" role="status">
          {tShare(lang, 'copyFailed')} <input readOnly value={link} onFocus={(e) => e.currentTarget.select()} aria-label={tShare(lang, 'copyLink')} />
        </span>
      )}
      {canFullscreen() ? (
        <button
          type="button"
          className="btn"
          data-testid="fullscreen"
          onClick={() => {
            if (document.fullscreenElement) void document.exitFullscreen();
            else void target.current?.requestFullscreen?.().catch(() => undefined);
          }}
        >
          {fs ? tShare(lang, 'exitFullscreen') : tShare(lang, 'fullscreen')}
        </button>
      ) : (
        <a ref={newTab} className="btn" data-testid="open-new-tab" href={link} target="_blank" rel="noopener noreferrer">
          {tShare(lang, 'openNewTab')}
        </a>
      )}
    </>
  );
});
