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
 *   after it, when the next frame began (its requestAnimationFrame callback)
 *   and when it was done (a task posted from that callback with
 *   `scheduler.postTask` at 'user-blocking' priority: it runs once the
 *   frame's style, layout and paint are done, before other queued tasks);
 * - `frames` (while recording): requestAnimationFrame timestamps.
 */
export function probe() {
  const B = { first: {}, finished: [], rendered: [], events: [], keys: [], ticks: [], shown: [], frames: [], recording: false };
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
  // the end of the next frame: a task posted from its requestAnimationFrame callback at the
  // highest priority runs right after that frame's style, layout and paint, ahead of the tasks
  // the page queued meanwhile (a timer, React's scheduler) that would otherwise delay it
  const afterFrame = (done) =>
    requestAnimationFrame((ts) => {
      const frame = performance.now();
      if (globalThis.scheduler?.postTask) scheduler.postTask(() => done(performance.now(), frame), { priority: 'user-blocking' });
      else {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => done(performance.now(), frame);
        ch.port2.postMessage(null);
      }
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
        afterFrame((t2, frame) => {
          p.painted = t2;
          p.frame = frame;
          B.shown.push(p);
          wake();
        });
      }
    });
  };
  // only the data-rendered attribute is observed: observing the whole document's text and
  // children would add work to every change of the app's (larger) page
  new MutationObserver((muts) => {
    const t = performance.now();
    for (const m of muts) {
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
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-rendered'] });
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
  /**
   * For bench/profile.mjs only (never in `npm run bench`): time the parts of
   * the map chart's setOption — the option merge (GlobalModel.setOption), each
   * component and chart view's render, zrender's flush (the canvas drawing) —
   * by wrapping those methods on the instance; time history.pushState and
   * replaceState; and record Long Animation Frame entries (frames ≥ 50 ms,
   * with the scripts that ran in them).
   */
  B.instrument = () => {
    B.timing = [];
    B.hist = [];
    B.loaf = [];
    const inst = document.querySelector('[data-testid="map-chart"]').__chart;
    let cur = null;
    const wrap = (obj, name, label) => {
      const orig = obj && obj[name];
      if (!orig || orig.__benchWrapped) return;
      const w = function (...a) {
        const t0 = performance.now();
        try {
          return orig.apply(this, a);
        } finally {
          if (cur) cur.parts[label] = (cur.parts[label] ?? 0) + performance.now() - t0;
        }
      };
      w.__benchWrapped = true;
      obj[name] = w;
    };
    const setOption = inst.setOption;
    inst.setOption = function (...a) {
      wrap(inst._model, 'setOption', 'option merge (GlobalModel.setOption)');
      for (const v of inst._componentsViews ?? []) wrap(v, 'render', `component ${v.type}`);
      for (const v of inst._chartsViews ?? []) wrap(v, 'render', `chart ${v.type}`);
      wrap(inst._zr, 'flush', 'zrender flush (draw the canvas)');
      cur = { t0: performance.now(), parts: {} };
      try {
        return setOption.apply(this, a);
      } finally {
        cur.t1 = performance.now();
        B.timing.push(cur);
        cur = null;
      }
    };
    for (const name of ['pushState', 'replaceState']) {
      const orig = history[name];
      history[name] = function (...a) {
        const t0 = performance.now();
        try {
          return orig.apply(this, a);
        } finally {
          B.hist.push({ t0, d: performance.now() - t0, name });
        }
      };
    }
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        B.loaf.push({
          start: e.startTime, duration: e.duration, renderStart: e.renderStart, styleAndLayoutStart: e.styleAndLayoutStart, blocking: e.blockingDuration,
          scripts: e.scripts.map((x) => ({ invoker: x.invoker, type: x.invokerType, fn: x.sourceFunctionName, start: x.startTime, duration: x.duration, forced: x.forcedStyleAndLayoutDuration })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: false });
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

/**
 * CPU throttling on or off for a page. Chromium's throttling keeps a core busy while it is on,
 * even on an idle page (measured: 0.9 CPU-seconds per second for an idle page at 4×, 0 without):
 * with two throttled pages open on a 2-core machine, the one being measured competed with the
 * other's throttling, and the page loaded second was the slower one (first chart +0.8–2.5 s,
 * bench/DIAGNOSIS.md). So a page is throttled only while it is being measured.
 */
export const setCpu = (cdp, on) => cdp.send('Emulation.setCPUThrottlingRate', { rate: on ? CPU_RATE : 1 });

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
