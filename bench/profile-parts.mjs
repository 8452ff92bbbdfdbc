// bench/profile.mjs's rules: which source a profiler frame belongs to, which
// phase of a year change a sample is in, and the main-thread summary of a trace.

/** A normalised source path: 'echarts/lib/…', 'react-dom/…', 'src/…', 'bench/floor/…'. */
export function normaliseSource(source) {
  const s = source.replace(/\\/g, '/');
  const nm = s.lastIndexOf('node_modules/');
  if (nm >= 0) return s.slice(nm + 'node_modules/'.length);
  const m = s.match(/(?:^|\/)((?:src|bench\/floor)\/.*)$/);
  return m ? m[1] : s.replace(/^(\.\.\/)+/, '');
}

/** A CPU-profile call frame with its source file (via the script's source map). */
export function frameOf(cf, lookupFor, pos) {
  const fn = cf.functionName;
  if (fn.startsWith('(') && !cf.url) return { fn, file: fn, special: true };
  if (!cf.url) return { fn, file: '(native)' };
  const lf = lookupFor(cf.url);
  const p = pos ?? (lf ? lf.lookup(cf.lineNumber, cf.columnNumber) : null);
  return { fn, file: p ? normaliseSource(p.source) : cf.url.replace(/^.*\//, ''), name: p?.name ?? null };
}

const has = (st, pred) => st.some(pred);
const inFile = (re) => (f) => re.test(f.file);
const named = (re) => (f) => re.test(f.fn);
const APP = /^(src|bench\/floor)\//;

/**
 * The part of ECharts a frame below setOption stands for, or null when it is
 * plumbing (the update flow in core/, utilities, iteration helpers such as
 * GlobalModel.eachComponent or zrender's each) that says nothing by itself.
 */
function echartsPart(f) {
  const file = f.file;
  if (file === 'echarts/lib/model/Global.js') return /(setOption|mergeOption|resetOption)$/.test(f.fn) ? 'option merge (GlobalModel.setOption)' : null;
  if (file === 'echarts/lib/model/OptionManager.js') return 'option merge (GlobalModel.setOption)';
  const m = file.match(/^echarts\/lib\/(component|chart)\/([^/]+)\//);
  if (m) return m[2] === 'helper' ? (/MapDraw/.test(file) ? 'chart map' : null) : `${m[1]} ${m[2]}`;
  if (/^echarts\/lib\/label\//.test(file)) return 'labels (echarts/lib/label)';
  if (/^echarts\/lib\/(visual|processor)\//.test(file)) return 'visual encoding and processors';
  if (/^echarts\/lib\/data\//.test(file)) return 'data (SeriesData)';
  if (file === 'zrender/lib/zrender.js' && /flush|refresh/i.test(f.fn)) return 'zrender: paint the canvas (flush)';
  return null;
}

/** The innermost frame of the app's own code (src/ or the floor's main.tsx), as "file function". */
function innermostApp(st) {
  for (let i = st.length - 1; i >= 0; i--) if (APP.test(st[i].file)) return `${st[i].file} ${st[i].fn || '(anonymous)'}`;
  return null;
}

/**
 * The phase of a year change a sample (its stack, root first) belongs to, and
 * a detail within it; null for idle time.
 */
export function classify(stack) {
  const st = stack.filter((f) => f.fn !== '(root)');
  const leaf = st[st.length - 1];
  if (!leaf || leaf.fn === '(idle)') return null;
  if (leaf.fn === '(garbage collector)') return { phase: 'GC' };
  if (leaf.fn === '(program)') return { phase: 'browser work outside JS (style, layout, paint, tasks)' };
  const outer = st[0];
  if (outer.file === '(native)') return { phase: 'benchmark harness (probe, Playwright)' };
  if (outer.file.endsWith('src/state/urlSync.ts')) return { phase: 'history write (address bar, task after the key)', detail: leaf.file === '(native)' ? `native ${leaf.fn}` : `${leaf.file} ${leaf.fn}` };
  const so = st.findIndex((f) => f.file === 'echarts/lib/core/echarts.js' && /setOption/.test(f.fn));
  if (so >= 0) {
    // the outermost frame below setOption that says which part of ECharts is at work
    let detail = null;
    for (const f of st.slice(so + 1)) if ((detail = echartsPart(f))) break;
    return { phase: 'ECharts setOption', detail: detail ?? 'update flow (echarts/lib/core, model iteration, utilities)' };
  }
  if (has(st, inFile(/^zustand\//))) return { phase: 'store writes (zustand set → subscribers, selectors)', detail: innermostApp(st) ?? 'zustand, React store subscription' };
  if (has(st, inFile(/^(react-dom|react|scheduler)\//))) {
    const deferred = outer.fn === 'performWorkUntilDeadline';
    return { phase: deferred ? 'React, scheduled task (deferred/transition renders)' : 'React render and commit (key task), outside setOption', detail: innermostApp(st) ?? 'React itself (reconcile, hooks, commit, DOM)' };
  }
  if (has(st, inFile(/^(echarts|zrender)\//))) return { phase: 'ECharts outside setOption (animation loop, events)', detail: `${outer.file} ${outer.fn}` };
  if (APP.test(outer.file)) return { phase: 'app code outside React (key handler, …)', detail: innermostApp(st) };
  return { phase: 'other JS', detail: `${outer.file} ${outer.fn}` };
}

/** Inclusive measures across phases: a sample counts if its stack matches. */
export const CROSS = [
  ['ECharts setOption (all of it)', (st) => has(st, (f) => f.file === 'echarts/lib/core/echarts.js' && /setOption/.test(f.fn))],
  ['  option merge: echarts/lib/model/Global.js', (st) => has(st, inFile(/^echarts\/lib\/model\/Global\.js$/))],
  ['  component views and models: echarts/lib/component/**', (st) => has(st, inFile(/^echarts\/lib\/component\//))],
  ['    title', (st) => has(st, inFile(/^echarts\/lib\/component\/title\//))],
  ['    graphic (the chart frame: source line, notes)', (st) => has(st, inFile(/^echarts\/lib\/component\/graphic\//))],
  ['    visualMap', (st) => has(st, inFile(/^echarts\/lib\/component\/visualMap\//))],
  ['    aria', (st) => has(st, inFile(/aria/i))],
  ['  map series: chart/map, MapDraw, coord/geo', (st) => has(st, inFile(/^echarts\/lib\/(chart\/map\/|component\/helper\/MapDraw|coord\/geo\/)/))],
  ['  labels: echarts/lib/label/**', (st) => has(st, inFile(/^echarts\/lib\/label\//))],
  ['  item models: getItemModel', (st) => has(st, named(/getItemModel/))],
  ['  text measuring: measureText, zrender contain/text', (st) => has(st, (f) => f.fn === 'measureText' || f.file === 'zrender/lib/contain/text.js')],
  ['    of which under the graphic component', (st) => has(st, inFile(/^echarts\/lib\/component\/graphic\//)) && has(st, (f) => f.fn === 'measureText' || f.file === 'zrender/lib/contain/text.js')],
  ['  zrender canvas painting: Painter.refresh', (st) => has(st, (f) => f.file.startsWith('zrender/lib/canvas/') && /refresh|paintList|_paintList/.test(f.fn))],
  ['React work (render + commit, incl. setOption)', (st) => has(st, inFile(/^react-dom\//))],
  ['  useMapChart (rows, sources, option)', (st) => has(st, inFile(/src\/views\/useMapChart\.ts$/))],
  ['    buildMapOption', (st) => has(st, named(/^buildMapOption$/))],
  ['    chartFrame', (st) => has(st, named(/^chartFrame$/))],
  ['    provinceData', (st) => has(st, named(/^provinceData$/))],
  ['  EChart wrapper (structure key, transforms)', (st) => has(st, inFile(/src\/components\/EChart\.tsx$|src\/charts\/structure\.ts$/))],
  ['  Nav (incl. its JSON.stringify selector)', (st) => has(st, inFile(/src\/components\/Nav\.tsx$/))],
  ['  YearControl', (st) => has(st, inFile(/src\/components\/YearControl\.tsx$/))],
  ['  MapView (below the chart)', (st) => has(st, inFile(/src\/views\/MapView\.tsx$/))],
  ['  SourcesPanel', (st) => has(st, inFile(/src\/components\/Source/))],
  ['store writes: zustand setState (subscribers, selectors)', (st) => has(st, inFile(/^zustand\//))],
  ['history: pushState / replaceState', (st) => has(st, named(/^(pushState|replaceState)$/))],
  ['GC', (st) => st.at(-1)?.fn === '(garbage collector)'],
];

const KIND = [
  [/^(FunctionCall|EventDispatch|TimerFire|FireAnimationFrame|RunMicrotasks|V8\.Execute|v8\.callFunction|v8\.run|EvaluateScript|v8\.evaluateModule|FireIdleCallback|v8\.compile|V8\.CompileCode)$/, 'script'],
  [/^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet)$/, 'style'],
  [/^(Layout|UpdateLayerTree)$/, 'layout'],
  [/^(PrePaint|Paint|PaintImage|Layerize|UpdateLayer|Commit|CompositeLayers|Decode Image|Draw LazyPixelRef)$/, 'paint, layerize, commit'],
  [/GC|Gc|gc/, 'GC'],
];
const TOP = /^(ThreadControllerImpl::RunTask|RunTask)$/;

/** Main-thread time per step by kind (exclusive), busy time and tasks, from a Chromium trace. */
export function traceSummary(trace, steps) {
  const events = trace.traceEvents ?? trace;
  const mains = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain') mains.set(`${e.pid}:${e.tid}`, 0);
  for (const e of events) if (e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`)) mains.set(`${e.pid}:${e.tid}`, mains.get(`${e.pid}:${e.tid}`) + (e.dur ?? 0));
  const main = [...mains].sort((a, b) => b[1] - a[1])[0]?.[0];
  const xs = events.filter((e) => e.ph === 'X' && `${e.pid}:${e.tid}` === main && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const out = { 'busy (top-level tasks)': 0, 'tasks ≥ 1 ms (count)': 0 };
  const stack = [];
  const selfOf = new Map();
  for (const e of xs) {
    while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= e.ts) stack.pop();
    const p = stack[stack.length - 1];
    if (p) selfOf.set(p, (selfOf.get(p) ?? p.dur) - e.dur);
    else if (TOP.test(e.name)) {
      out['busy (top-level tasks)'] += e.dur;
      if (e.dur >= 1000) out['tasks ≥ 1 ms (count)'] += 1000; // scaled back below
    }
    stack.push(e);
  }
  const other = new Map();
  for (const e of xs) {
    const self = Math.max(0, selfOf.get(e) ?? e.dur);
    const kind = KIND.find(([re]) => re.test(e.name))?.[1];
    if (!kind) other.set(e.name, (other.get(e.name) ?? 0) + self);
    out[kind ?? 'other'] = (out[kind ?? 'other'] ?? 0) + self;
  }
  for (const [name, us] of [...other].sort((a, b) => b[1] - a[1]).slice(0, 4)) out[`  other: ${name}`] = us;
  for (const k of Object.keys(out)) out[k] = out[k] / 1000 / steps;
  return out;
}
