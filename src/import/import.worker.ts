/// <reference lib="webworker" />
/**
 * The import pipeline in a Web Worker: the page sends the file's bytes
 * (transferred, not copied) and gets progress messages and the analysis.
 * Only plain data crosses the boundary (no functions: papaparse's own
 * worker mode fails with DataCloneError on function options).
 */
import { transferables } from './pack';
import { analysePackedSteps, type PipelineDeps } from './pipeline';
import type { ImportOptions } from './types';
import { workbookFormat } from './workbook';
import { asReader, loadXlsxFor } from './xlsxLib';

export type WorkerIn = { type: 'run'; id: number; buffer: ArrayBuffer; options: ImportOptions } | { type: 'warm' };

/**
 * A made-up file in the shapes of a real one (long layout, Chinese names,
 * plain, grouped, quoted, scaled and qualified numbers, "no figure", bad rows), for
 * warming up: a worker started ahead of time (runImport's prewarm) reads it
 * once while the user looks for their file, so that the JavaScript engine
 * has compiled the pipeline's hot code before the real file comes. Its
 * result is thrown away.
 */
function warmUpFile(): Uint8Array {
  const regions = ['北京市', '天津市', '河北省', '内蒙古自治区', '江苏省', '广东省', '广西壮族自治区', '四川省', '全国'];
  const values = (i: number) =>
    i % 50 === 0 ? '—' : i % 23 === 0 ? '约1.2万' : i % 17 === 0 ? `"${(i * 37).toLocaleString('en-US')}"` : i % 97 === 0 ? '超过5万' : i % 29 === 0 ? `${i}余` : i % 31 === 0 ? `${(i / 7).toFixed(2)}万` : i % 499 === 0 ? '待核实' : String(i * 7);
  const rows = ['地区,年份,指标,数值'];
  for (let i = 0; i < 3000; i++) rows.push(`${regions[i % regions.length]},${2000 + (Math.floor(i / regions.length) % 25)},预热指标${Math.floor(i / 225)},${values(i)}`);
  rows.push('火星,2020,预热指标0,-5');
  return new TextEncoder().encode(rows.join('\r\n'));
}

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (e: MessageEvent<WorkerIn>) => {
  const msg = e.data;
  if (msg?.type === 'warm') {
    for (let k = 0; k < 3; k++) {
      const it = analysePackedSteps(warmUpFile());
      while (!it.next().done);
    }
    scope.postMessage({ type: 'warm' });
    return;
  }
  if (!msg || msg.type !== 'run') return;
  const bytes = new Uint8Array(msg.buffer);
  // the spreadsheet reader is loaded (into this worker) only when a workbook comes
  if (workbookFormat(bytes)) {
    loadXlsxFor(bytes).then(
      (m) => run(msg.id, bytes, msg.options ?? {}, { xlsx: asReader(m) }),
      () => run(msg.id, bytes, msg.options ?? {}, { xlsx: null }),
    );
  } else run(msg.id, bytes, msg.options ?? {}, {});
};

function run(id: number, bytes: Uint8Array, options: ImportOptions, deps: PipelineDeps): void {
  const it = analysePackedSteps(bytes, options, deps);
  let last = 0;
  for (;;) {
    const s = it.next();
    if (s.done) {
      // the drafts' columns are moved to the page, not copied
      scope.postMessage({ type: 'result', id, analysis: s.value }, transferables(s.value.packed));
      return;
    }
    const now = performance.now();
    if (now - last > 60) {
      last = now;
      scope.postMessage({ type: 'progress', id, progress: s.value });
    }
  }
}

scope.postMessage({ type: 'ready' });
