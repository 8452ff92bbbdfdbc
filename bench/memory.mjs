// Row 5: memory after load and over many view switches (no throttling).
import { newPage, waitFirst } from './probe.mjs';

export const SWITCHES = ['ranking', 'trend', 'table', 'map'];

const READY = {
  map: () => Number(document.querySelector('[data-testid="map-chart"]')?.dataset.rendered ?? 0) >= 1,
  ranking: () => Number(document.querySelector('[data-testid="ranking-chart"]')?.dataset.rendered ?? 0) >= 1,
  trend: () => Number(document.querySelector('[data-testid="trend-chart"]')?.dataset.rendered ?? 0) >= 1,
  table: () => Boolean(document.querySelector('[data-testid="data-table"]')),
};

async function gc(cdp) {
  await cdp.send('HeapProfiler.enable');
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
}

/**
 * The browser's own records that a heap snapshot lists beside the page's
 * objects: performance timeline entries (Event Timing, long animation frames,
 * long tasks, paints; the browser caps their buffers) and history entries
 * (one per pushState, as designed).
 */
const BROWSER_RECORD = /^(Performance|LargestContentfulPaint|InteractionContentfulPaint|NavigationHistoryEntry|TaskAttributionTiming|blink::(TextRecord|ScriptTimingInfo|SoftNavigationContext|LargestContentfulPaintCalculator))/;

/**
 * After a full garbage collection: V8's used heap (`Runtime.getHeapUsage`),
 * the DOM counters (`Memory.getDOMCounters`: documents, nodes, JS event
 * listeners) and, with `snapshot`, a heap snapshot split into compiled code
 * (nodes of type `code` and `object shape`: bytecode, machine code, hidden
 * classes, which grow as more code gets compiled and optimised), the
 * browser's records (BROWSER_RECORD) and everything else — "objects":
 * objects, arrays, strings, closures, DOM wrappers, where a leak shows.
 */
export async function heapState(cdp, { snapshot = true } = {}) {
  await gc(cdp);
  const usage = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters');
  const counters = { used: usage.usedSize / 2 ** 20, documents: dom.documents, nodes: dom.nodes, listeners: dom.jsEventListeners };
  if (!snapshot) return counters;
  const chunks = [];
  const onChunk = (e) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false, captureNumericValue: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const snap = JSON.parse(chunks.join(''));
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const ti = fields.indexOf('type');
  const ni = fields.indexOf('name');
  const si = fields.indexOf('self_size');
  const s = { code: 0, codeCount: 0, records: 0, objects: 0, objectCount: 0 };
  for (let i = 0; i < snap.nodes.length; i += fields.length) {
    const type = types[snap.nodes[i + ti]];
    const size = snap.nodes[i + si];
    if (type === 'code' || type === 'object shape') {
      s.code += size;
      s.codeCount++;
    } else if (type === 'native' && BROWSER_RECORD.test(snap.strings[snap.nodes[i + ni]])) {
      s.records += size;
    } else if (type !== 'synthetic') {
      s.objects += size;
      s.objectCount++;
    }
  }
  return { ...counters, code: s.code / 2 ** 20, codeCount: s.codeCount, records: s.records / 2 ** 20, objects: s.objects / 2 ** 20, objectCount: s.objectCount };
}

/**
 * The heap after load; for the app also after one cycle of view switches
 * (map → ranking → trend → table → map: every lazy chunk loaded) and after
 * `switches` switches in all, back on the map each time.
 */
export async function memoryRun(browser, url, target, switches) {
  const { context, page, cdp, errors } = await newPage(browser);
  try {
    await page.goto(url, { timeout: 60000 });
    await waitFirst(page, 'map-chart', 60000);
    await page.waitForTimeout(1000);
    // after load: V8's used heap and the DOM counters (a heap snapshot takes long; the two after the
    // switches are what the budget needs)
    const r = { load: await heapState(cdp, { snapshot: false }), errors };
    if (target !== 'app') return r;
    for (let n = 1; n <= switches; n++) {
      const v = SWITCHES[(n - 1) % SWITCHES.length];
      await page.click(`[data-testid="nav-${v}"]`);
      await page.waitForFunction(READY[v], null, { timeout: 30000, polling: 50 });
      if (n === SWITCHES.length) {
        await page.waitForTimeout(500);
        r.warm = await heapState(cdp);
      }
    }
    await page.waitForTimeout(500);
    r.after = await heapState(cdp);
    r.switches = switches;
    return r;
  } finally {
    await context.close();
  }
}
