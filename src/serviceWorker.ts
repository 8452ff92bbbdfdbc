/**
 * The hosted build caches itself so that it keeps working when the network drops (not on
 * file://, not in dev). Loaded after the first chart (main.tsx): the cache is filled from the
 * files the page has just loaded, and the first chart does not wait for this code.
 */
if (import.meta.env.PROD && /^https?:$/.test(location.protocol)) {
  try {
    // reading navigator.serviceWorker throws in sandboxed frames without allow-same-origin
    if ('serviceWorker' in navigator) navigator.serviceWorker.register('./sw.js').catch((e) => console.warn('Hatch Atlas: offline cache unavailable', e));
  } catch {
    /* no offline cache here; the app works without it */
  }
}
export {};
