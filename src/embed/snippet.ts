/** Building the embed URL and the <iframe> snippet. Pure. */
import { toQuery, withDefaults, type Theme, type ViewState } from '../state/url';
import type { Lang } from '../data/types';

export interface EmbedOptions {
  lang: Lang;
  theme: Theme | null;
  controls: boolean;
  static: boolean;
  height: number;
  /** the key findings (sentences) beside the chart */
  findings?: boolean;
}

/** Absolute URL of the embedded view. `pageUrl` is the dashboard's current address. */
export function embedUrl(view: ViewState, o: EmbedOptions, pageUrl: string): string {
  const u = new URL(pageUrl);
  const q = toQuery({ ...view, lang: o.lang, theme: o.theme, embed: true, controls: o.static ? false : o.controls, static: o.static, findings: !!o.findings });
  return `${u.origin}${u.pathname}${q}`;
}

/** The full dashboard view an embed links back to (the embed's own parameters removed). */
export function fullViewUrl(view: ViewState, pageUrl: string): string {
  const u = new URL(pageUrl);
  return `${u.origin}${u.pathname}${toQuery(withDefaults(view, ['embed']))}`;
}

function attr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The snippet a web team pastes: an accessible, lazy, full-width iframe and the optional host script. */
export function iframeSnippet(src: string, title: string, height: number, hostScriptUrl: string | null): string {
  const h = Math.max(250, Math.min(2000, Math.round(height)));
  const frame = `<iframe src="${attr(src)}" title="${attr(title)}" loading="lazy" width="100%" height="${h}" style="border:0;width:100%;max-width:100%" allow="fullscreen; clipboard-write" data-hatch-atlas></iframe>`;
  return hostScriptUrl ? `${frame}\n<script src="${attr(hostScriptUrl)}" async></script>` : frame;
}

/** URL of embed-host.js beside the app's index.html. */
export function hostScriptUrl(pageUrl: string): string {
  return new URL('embed-host.js', pageUrl).toString().replace(/\?.*$/, '');
}
