/// <reference lib="webworker" />
/**
 * The import pipeline in a Web Worker: the page sends the file's bytes
 * (transferred, not copied) and gets progress messages and the analysis.
 * Only plain data crosses the boundary (no functions: papaparse's own
 * worker mode fails with DataCloneError on function options).
 */
import { packAnalysis } from './pack';
import { analyseSteps } from './pipeline';
import type { ImportOptions } from './types';

export type WorkerIn = { type: 'run'; id: number; buffer: ArrayBuffer; options: ImportOptions };

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (e: MessageEvent<WorkerIn>) => {
  const msg = e.data;
  if (!msg || msg.type !== 'run') return;
  const it = analyseSteps(new Uint8Array(msg.buffer), msg.options ?? {});
  let last = 0;
  for (;;) {
    const s = it.next();
    if (s.done) {
      const { msg: packed, transfer } = packAnalysis(s.value);
      scope.postMessage({ type: 'result', id: msg.id, packed }, transfer);
      return;
    }
    const now = performance.now();
    if (now - last > 60) {
      last = now;
      scope.postMessage({ type: 'progress', id: msg.id, progress: s.value });
    }
  }
};

scope.postMessage({ type: 'ready' });
