import { useStore } from '../state/store';

/** Whether this page put itself in full screen for the presentation. */
export const sessionFlag = { enteredFullscreen: false };

/** Enter presentation: full screen where allowed, then present=1. */
export function startPresenting(): void {
  const s = useStore.getState();
  const el = document.documentElement;
  if (document.fullscreenEnabled && !document.fullscreenElement) {
    el.requestFullscreen()
      .then(() => {
        sessionFlag.enteredFullscreen = true;
      })
      .catch(() => undefined);
  }
  s.setPresent(true);
}
