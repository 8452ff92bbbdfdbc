/**
 * The import dialog's run of the pipeline: a file and options in, progress,
 * cancel, and the analysis with the user's first metric choices out. The
 * worker is started when the dialog opens (while the user looks for the
 * file) and again after each file, for a re-run with other options.
 */
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { MetricDef } from '../data/types';
import { suggestChoice, type MetricChoice } from './dataset';
import type { ReportAnalysis } from './pack';
import { prewarmImportWorker, releaseImportWorker, runImport, yieldToPage, type RunHandle, type RunProgress, type Via } from './runImport';
import type { ImportOptions, MetricKeyInfo } from './types';

export interface Result {
  analysis: ReportAnalysis;
  via: Via;
  file: File;
}

export interface Running {
  file: File;
  progress: RunProgress | null;
}

/** How long one task may spend on the metrics' first choices before it lets the page run (ms). */
const SUGGEST_SLICE_MS = 4;

/**
 * `suggestChoice` for each metric of a file, SUGGEST_SLICE_MS of work per task (`pause` lets the
 * page run between them); null if `stale()` turns true between tasks (another file, a cancel,
 * the dialog closed).
 */
export async function suggestAll(keys: readonly MetricKeyInfo[], known: readonly MetricDef[], stale: () => boolean, pause: () => Promise<void> = yieldToPage): Promise<Record<string, MetricChoice> | null> {
  const out: Record<string, MetricChoice> = {};
  let since = performance.now();
  for (const info of keys) {
    if (performance.now() - since > SUGGEST_SLICE_MS) {
      await pause();
      if (stale()) return null;
      since = performance.now();
    }
    out[info.key] = suggestChoice(info, known);
  }
  return out;
}

export function useImportRun(known: readonly MetricDef[], onCancelled: () => void) {
  const [opts, setOpts] = useState<ImportOptions>({});
  const [running, setRunning] = useState<Running | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [choices, setChoices] = useState<Record<string, MetricChoice>>({});
  const handle = useRef<RunHandle | null>(null);
  const mounted = useRef(false);
  const knownRef = useRef(known);
  knownRef.current = known;
  // the run whose cancel was asked for (its worker may have finished already)
  const cancelRequested = useRef<RunHandle | null>(null);
  const cancelledRef = useRef(onCancelled);
  cancelledRef.current = onCancelled;

  const start = useCallback((f: File, o: ImportOptions) => {
    handle.current?.cancel();
    setRunning({ file: f, progress: null });
    let h: RunHandle | null = null;
    h = runImport(f, o, (p) => {
      if (h && handle.current === h) setRunning({ file: f, progress: p });
    });
    handle.current = h;
    void h.promise.then(async (out) => {
      if (handle.current !== h) return;
      const cancelled = () => {
        handle.current = null;
        setRunning(null);
        setResult(null);
        cancelledRef.current();
      };
      if (out.kind === 'cancelled') return cancelled();
      // the first choice for each metric, before the report: outside React's render, a few
      // milliseconds per task (in the state updater, all of a file's metrics were one task:
      // the import's longest at 4× CPU, bench/DIAGNOSIS.md)
      const suggested = await suggestAll(out.analysis.metricKeys, knownRef.current, () => handle.current !== h || !mounted.current || cancelRequested.current === h);
      if (handle.current !== h || !mounted.current) return;
      // cancelled (or reset) while the choices were being made: as if the run had been
      if (!suggested || cancelRequested.current === h) return cancelled();
      handle.current = null;
      // a transition: React makes the report (its first part, for a big one) a slice at a time, yielding to the page between slices
      startTransition(() => {
        setRunning(null);
        setResult({ analysis: out.analysis, via: out.via, file: f });
        setChoices((prev) => {
          const next: Record<string, MetricChoice> = {};
          for (const info of out.analysis.metricKeys) next[info.key] = prev[info.key] ?? suggested[info.key]!;
          return next;
        });
      });
      // a worker for a re-run with other options, once the report is drawn
      if (out.via === 'worker') setTimeout(() => mounted.current && !handle.current && prewarmImportWorker(), 1000);
    });
  }, []);

  // the worker starts loading while the user looks for the file
  useEffect(() => {
    mounted.current = true;
    prewarmImportWorker();
    return () => {
      mounted.current = false;
      handle.current?.cancel();
      releaseImportWorker();
    };
  }, []);

  /** A new file: start afresh. */
  const open = useCallback(
    (f: File) => {
      setOpts({});
      setChoices({});
      setResult(null);
      start(f, {});
    },
    [start],
  );

  /** The same file again with other options (a report stays in place until the new one is ready). */
  const rerun = (o: ImportOptions) => {
    setOpts(o);
    if (result) start(result.file, o);
  };

  const cancel = () => {
    cancelRequested.current = handle.current;
    handle.current?.cancel();
  };

  const reset = () => {
    cancel();
    setResult(null);
  };

  return { opts, running, result, choices, setChoices, open, rerun, cancel, reset, clearResult: () => setResult(null) };
}
