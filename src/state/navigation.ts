/**
 * Where an in-app link goes: the view state after `navigate(patch)`. Pure, so
 * that a link's href (what ctrl-click opens in a new tab) and its plain click
 * (store.navigate) show the same view.
 */
import type { ViewState } from './url';

/** The state after navigating: the patch over the current state; a new metric without a year lets the app choose the year. */
export function navigated(s: ViewState, patch: Partial<ViewState>): ViewState {
  const newMetric = !!patch.metric && patch.metric !== s.metric;
  return { ...s, ...patch, year: newMetric && patch.year === undefined ? null : patch.year ?? s.year };
}

/** Modifier keys and buttons of a click. */
export interface ClickLike {
  button: number;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/**
 * Whether the browser should handle a click on a link itself: ctrl/⌘-click
 * (new tab), shift-click (new window), alt-click, or any button but the
 * first (a middle click opens a new tab). Otherwise the app navigates.
 */
export function browserHandles(e: ClickLike): boolean {
  return e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey;
}
