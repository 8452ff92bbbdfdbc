/** Copy text; false when neither the Clipboard API nor the legacy fallback works (e.g. in a frame without clipboard-write). */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    /* fall through to the legacy path */
  }
  try {
    const ta = document.createElement('textarea');
    ta.value = text;
    ta.setAttribute('readonly', '');
    ta.style.position = 'fixed';
    ta.style.opacity = '0';
    document.body.appendChild(ta);
    ta.select();
    const ok = document.execCommand('copy');
    ta.remove();
    return ok;
  } catch {
    return false;
  }
}

/** Whether this document may go full screen (false in an iframe without allow="fullscreen"). */
export function canFullscreen(): boolean {
  return typeof document !== 'undefined' && !!document.fullscreenEnabled;
}

export function inFrame(): boolean {
  try {
    return window.self !== window.top;
  } catch {
    return true; // cross-origin parent
  }
}
