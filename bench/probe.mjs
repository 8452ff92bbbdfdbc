// The benchmark's in-page probe (added to every document before its own
// scripts) and the page set-up shared by the measurements. The same probe runs
// in the app and in the floor; neither knows about it.

/** Chromium's CPU throttling for every timing except the import's ratio (see README). */
export const CPU_RATE = 4;
/** Lighthouse's "slow 4G" profile: 1.6 Mbps down, 750 kbps up, 150 ms round trip. */
export const NETWORK = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };
export const NO_THROTTLING = { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 };
export const VIEWPORT = { width: 1280, height: 800 };

/**
 * Runs in the page. Records, on `window.__bench`:
 * - `first[testid]`: when a chart container first got `data-rendered` (its
 *   first ECharts `finished`), with the resources received until then;
 * - `rendered`: every ECharts `rendered` event of a chart (fired inside
 *   setOption when the canvas has been drawn, before the browser paints);
 * - `events`: Event Timing entries (PerformanceObserver type 'event',
 *   durationThreshold 16, the least allowed): key press → next paint;
 * - `keys`: keydown event timestamps; `ticks`: the start of every callback of
 *   a setInterval of ≥ 500 ms (the play loop of the app and of the floor);
 * - `shown`: for each key press and play tick, the chart's first `rendered`
 *   after it and the time after the next frame was produced (a
 *   requestAnimationFrame callback, then a message posted from it: it runs
 *   once the frame's style, layout and paint are done);
 * - `years`: changes of `[data-testid="year-value"]`'s text;
 * - `frames` (while recording): requestAnimationFrame timestamps.
 */
export function probe() {
  const B = { first: {}, finished: [], rendered: [], events: [], keys: [], ticks: [], shown: [], years: [], frames: [], recording: false };
  window.__bench = B;
  // waiting without polling (a poll is a task on the measured thread): checked when something is recorded
  const waiters = new Set();
  const wake = () => {
    for (const w of [...waiters]) if (w.pred(B)) (waiters.delete(w), w.done(true));
  };
  /** resolves true when pred(B) holds (checked after each recorded entry), false after `timeout` ms */
  B.waitFor = (src, arg, timeout) =>
    new Promise((done) => {
      const f = new Function('B', 'arg', `return (${src})`);
      const pred = (b) => f(b, arg);
      if (pred(B)) return done(true);
      const w = { pred, done };
      waiters.add(w);
      setTimeout(() => waiters.delete(w) && done(pred(B)), timeout);
    });
  let pending = null; // the key press or tick waiting for its drawing
  const afterFrame = (done) =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => done(performance.now());
      ch.port2.postMessage(null);
    });
  const hooked = new WeakSet();
  const hook = (el) => {
    const inst = el.__chart;
    if (!inst || hooked.has(inst)) return;
    hooked.add(inst);
    inst.on('rendered', () => {
      const t = performance.now();
      const id = el.dataset.testid;
      B.rendered.push({ t, id });
      if (pending && id === 'map-chart') {
        const p = pending;
        pending = null;
        p.rendered = t;
        afterFrame((t2) => {
          p.painted = t2;
          B.shown.push(p);
          wake();
        });
      }
    });
  };
  new MutationObserver((muts) => {
    const t = performance.now();
    for (const m of muts) {
      if (m.type === 'attributes') {
        const el = m.target;
        const id = el.dataset.testid ?? '?';
        B.finished.push({ t, id });
        if (!B.first[id]) {
          const resources = performance.getEntriesByType('resource').filter((e) => e.responseEnd <= t).map((e) => ({ url: e.name, start: e.startTime, end: e.responseEnd }));
          const nav = performance.getEntriesByType('navigation')[0];
          if (nav) resources.unshift({ url: nav.name, start: 0, end: nav.responseEnd });
          B.first[id] = { t, resources };
        }
        hook(el);
      } else {
        const el = m.target.nodeType === 1 ? m.target : m.target.parentElement;
        const out = el && el.closest ? el.closest('[data-testid="year-value"]') : null;
        if (out) {
          const y = out.textContent;
          if (!B.years.length || B.years[B.years.length - 1].y !== y) B.years.push({ t, y });
        }
      }
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-rendered'], childList: true, characterData: true });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        B.events.push({ name: e.name, start: e.startTime, duration: e.duration, pStart: e.processingStart, pEnd: e.processingEnd, id: e.interactionId });
      }
      wake();
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  } catch {
    B.noEventTiming = true;
  }
  addEventListener(
    'keydown',
    (e) => {
      B.keys.push({ t: e.timeStamp, key: e.key });
      if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') pending = { kind: 'key', t: e.timeStamp, key: e.key };
    },
    true,
  );
  const setIntervalOrig = window.setInterval;
  window.setInterval = function (fn, delay, ...args) {
    if (typeof fn !== 'function' || !(delay >= 500)) return setIntervalOrig.call(window, fn, delay, ...args);
    return setIntervalOrig.call(
      window,
      function (...a) {
        const t = performance.now();
        B.ticks.push(t);
        pending = { kind: 'tick', t };
        queueMicrotask(wake);
        return fn.apply(this, a);
      },
      delay,
      ...args,
    );
  };
  B.startFrames = () => {
    B.frames = [];
    B.recording = true;
    const loop = (ts) => {
      if (!B.recording) return;
      B.frames.push(ts);
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
    return performance.now();
  };
  B.stopFrames = () => {
    B.recording = false;
    return performance.now();
  };
}

/** A fresh browser context and page with the probe, optionally throttled. */
export async function newPage(browser, { cpu = false, net = false } = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
  await context.addInitScript(probe);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  const cdp = await context.newCDPSession(page);
  if (net) {
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
  }
  if (cpu) await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_RATE });
  return { context, page, cdp, errors };
}

export const waitFirst = (page, id, timeout = 120000) =>
  page.waitForFunction((i) => Boolean(window.__bench && window.__bench.first[i]), id, { timeout, polling: 50 });

/** Wait until no resource has arrived for `quietMs` (the lazy chunks loaded after the first chart). */
export async function networkQuiet(page, quietMs = 1000, timeout = 30000) {
  await page.waitForFunction(
    (q) => {
      const r = performance.getEntriesByType('resource');
      const last = Math.max(0, ...r.map((e) => e.responseEnd));
      return performance.now() - last > q;
    },
    quietMs,
    { timeout, polling: 100 },
  );
}

export const blur = (page) => page.evaluate(() => document.activeElement && document.activeElement.blur && document.activeElement.blur());
