/**
 * Running the import pipeline without freezing the page: in a Web Worker
 * where one can be created, else (the single-file offline build opened from
 * file://, a Content-Security-Policy without worker-src, old browsers) on
 * the main thread in slices that yield to the page between batches. Both
 * report progress and can be cancelled. Files over the size limit are
 * refused before they are read.
 */
import { emptyReport, type ReportAnalysis } from './pack';
import type { Progress } from './pipeline';
import { MAX_FILE_BYTES, type ImportOptions } from './types';
import { workbookFormat } from './workbook';
import { asReader, loadXlsxFor } from './xlsxLib';

export type RunProgress = { phase: 'read' } | Progress;
export type Via = 'worker' | 'main';
/** The analysis comes with its drafts in columns (pack.ts): the report reads the few it shows. */
export type RunOutcome = { kind: 'done'; analysis: ReportAnalysis; via: Via } | { kind: 'cancelled' };

export interface RunHandle {
  promise: Promise<RunOutcome>;
  cancel: () => void;
}

export interface RunConfig {
  /** try a Web Worker first (default true) */
  worker?: boolean;
  /** ms to wait for the worker to start before parsing on the page instead */
  workerStartTimeout?: number;
}

/** A result without reading the file: over the size limit. */
const tooLarge = (size: number): ReportAnalysis => emptyReport(size, { code: 'too-large', n: size });

function failed(code: 'read-failed' | 'worker-failed', e: unknown, size: number): ReportAnalysis {
  return emptyReport(size, { code, detail: e instanceof Error ? e.message : String(e) });
}

let seq = 0;

/**
 * Let the page paint and handle input: a plain task (MessageChannel, no 4 ms
 * timer clamp), not scheduler.yield(), whose continuations run ahead of
 * rendering and left ~100 ms between frames.
 */
export function yieldToPage(): Promise<void> {
  return new Promise((ok) => {
    if (typeof MessageChannel === 'undefined') {
      setTimeout(ok, 0);
      return;
    }
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      ok();
    };
    ch.port2.postMessage(null);
  });
}

/** The pipeline on the main thread, in slices of ~12 ms. */
async function runOnPage(bytes: Uint8Array, options: ImportOptions, onProgress: (p: RunProgress) => void, cancelled: () => boolean): Promise<ReportAnalysis | null> {
  // the pipeline's code is only needed here when there is no worker; the spreadsheet reader only for a workbook
  const [{ analysePackedSteps }, xlsx] = await Promise.all([import('./pipeline'), workbookFormat(bytes) ? loadXlsxFor(bytes).then(asReader) : null]);
  if (cancelled()) return null;
  const it = analysePackedSteps(bytes, options, { xlsx });
  let slice = performance.now();
  for (;;) {
    const s = it.next();
    if (s.done) return s.value;
    if (performance.now() - slice > 12) {
      onProgress(s.value);
      await yieldToPage();
      if (cancelled()) return null;
      slice = performance.now();
    }
  }
}

function createWorker(): Worker | null {
  // the single-file offline build has no worker file to load
  if (import.meta.env.MODE === 'offline') return null;
  try {
    if (typeof Worker === 'undefined') return null;
    return new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}

/** A worker started before it is needed, and what it has said so far. */
interface Spare {
  w: Worker;
  ready: boolean;
  failed: boolean;
}

let spare: Spare | null = null;

/**
 * Start a worker now, so that the next file does not wait for the worker's
 * code to load and start (the dialog calls this when it opens, and after
 * each file for a re-run with other options). One at a time.
 */
export function prewarmImportWorker(): void {
  if (spare) return;
  const w = createWorker();
  if (!w) return;
  const s: Spare = { w, ready: false, failed: false };
  w.onmessage = (e: MessageEvent) => {
    if ((e.data as { type?: string } | null)?.type !== 'ready') return;
    s.ready = true;
    // compile the pipeline's hot code now (see import.worker.ts); a file that comes meanwhile waits for it
    w.postMessage({ type: 'warm' });
  };
  w.onerror = (e) => {
    e.preventDefault?.();
    s.failed = true;
  };
  spare = s;
}

/** Stop the worker started ahead of time, if it was not used (the dialog closes). */
export function releaseImportWorker(): void {
  spare?.w.terminate();
  spare = null;
}

function takeWorker(): Spare | null {
  const s = spare;
  spare = null;
  if (s) return s;
  const w = createWorker();
  return w ? { w, ready: false, failed: false } : null;
}

/** Analyse `file` with `options`. */
export function runImport(file: Blob, options: ImportOptions, onProgress: (p: RunProgress) => void, config: RunConfig = {}): RunHandle {
  let cancelledFlag = false;
  let worker: Worker | null = null;
  let settle: ((o: RunOutcome) => void) | null = null;
  const cancel = () => {
    cancelledFlag = true;
    worker?.terminate();
    worker = null;
    settle?.({ kind: 'cancelled' });
  };
  const promise = new Promise<RunOutcome>((resolve) => {
    let done = false;
    settle = (o) => {
      if (done) return;
      done = true;
      worker?.terminate();
      worker = null;
      resolve(o);
    };
    void (async () => {
      // callbacks never run before runImport has returned its handle
      await Promise.resolve();
      if (cancelledFlag) return;
      if (file.size > MAX_FILE_BYTES) return settle!({ kind: 'done', analysis: tooLarge(file.size), via: 'main' });
      onProgress({ phase: 'read' });
      // the worker (started ahead of time, or now) loads while the file is read
      const s = config.worker === false ? null : takeWorker();
      if (s) worker = s.w;
      let buffer: ArrayBuffer;
      try {
        buffer = await file.arrayBuffer();
      } catch (e) {
        return settle!({ kind: 'done', analysis: failed('read-failed', e, file.size), via: 'main' });
      }
      if (cancelledFlag) return;
      const onPage = async () => {
        if (cancelledFlag) return;
        let bytes: Uint8Array;
        try {
          // the buffer may have gone to a worker that failed: read again
          bytes = buffer.byteLength === file.size ? new Uint8Array(buffer) : new Uint8Array(await file.arrayBuffer());
        } catch (e) {
          return settle!({ kind: 'done', analysis: failed('read-failed', e, file.size), via: 'main' });
        }
        const a = await runOnPage(bytes, options, onProgress, () => cancelledFlag);
        if (a) settle!({ kind: 'done', analysis: a, via: 'main' });
      };
      if (!s) return void onPage();
      const w = s.w;
      const fallback = () => {
        w.terminate();
        if (worker === w) worker = null;
        void onPage();
      };
      // a worker that could not start (blocked, not found) before it was needed: parse on the page
      if (s.failed) return fallback();
      const id = ++seq;
      let started = false;
      const timer = setTimeout(() => {
        if (!started) fallback();
      }, config.workerStartTimeout ?? 4000);
      const run = () => {
        if (started) return;
        started = true;
        clearTimeout(timer);
        w.postMessage({ type: 'run', id, buffer, options }, [buffer]);
      };
      w.onmessage = (e: MessageEvent) => {
        const m = e.data as { type: string; id?: number; progress?: Progress; analysis?: ReportAnalysis };
        if (m.type === 'ready') run();
        else if (m.type === 'progress' && m.id === id && m.progress) onProgress(m.progress);
        else if (m.type === 'result' && m.id === id && m.analysis) {
          // the drafts stay in their columns (no object per figure is made for the report)
          settle!({ kind: 'done', analysis: m.analysis, via: 'worker' });
        }
      };
      w.onerror = (e) => {
        e.preventDefault?.();
        clearTimeout(timer);
        // a worker that could not start (blocked, not found): parse on the page; one that failed while parsing: say so
        if (!started) fallback();
        else settle!({ kind: 'done', analysis: failed('worker-failed', e.message || 'error', file.size), via: 'worker' });
      };
      w.onmessageerror = () => {
        clearTimeout(timer);
        settle!({ kind: 'done', analysis: failed('worker-failed', 'message could not be read', file.size), via: 'worker' });
      };
      if (s.ready) run();
    })();
  });
  return { promise, cancel };
}
