/**
 * HTML escaping for ECharts tooltips (which render HTML). Every data string
 * that reaches a tooltip goes through `esc`. Same behaviour as
 * echarts' `format.encodeHTML`, kept here so option builders stay importable
 * without ECharts.
 */
const MAP: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(s: unknown): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => MAP[c]!);
}

/** Only http(s) URLs may become links. */
export function safeHref(url: string): string | null {
  return /^https?:\/\//i.test(url) ? url : null;
}
