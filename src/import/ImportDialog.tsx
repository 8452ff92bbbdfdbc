/**
 * The import dialog: choose or drop a CSV file, see how it was read (encoding,
 * delimiter, layout, each column, every problem row), match its metrics,
 * confirm — and only then does the shown data change. Second tab: the
 * datasets imported so far. Text from files is rendered as React text only.
 */
import { memo, startTransition, useCallback, useEffect, useId, useMemo, useRef, useState, type DragEvent } from 'react';
import { GROUP_LABELS } from '../data/groups';
import { regionName } from '../data/regions';
import type { Lang, MetricDef, MetricKind } from '../data/types';
import { downloadText } from '../export/download';
import { formatFigure } from '../i18n/format';
import { useData } from '../state/data';
import { useStore } from '../state/store';
import { addUserDataset, removeUserDataset, setDataMode, useUserData } from '../state/userData';
import { buildDataset, choiceErrors, newDatasetId, rejectedRowsCsv, safeBaseName, suggestChoice, userSourceFor, type MetricChoice } from './dataset';
import ManageData from './ManageData';
import { draftAt, type ReportAnalysis } from './pack';
import { prewarmImportWorker, releaseImportWorker, runImport, type RunHandle, type RunProgress, type Via } from './runImport';
import { blockingText, fatalText, formatBytes, howLabel, layoutLabel, reasonText, roleLabel, tr, type ImportKey } from './strings';
import { COLUMN_ROLES, MAX_FILE_BYTES, RAW_SHOWN, type ColumnInfo, type ColumnRole, type DelimiterId, type EncodingId, type ImportOptions, type MetricKeyInfo } from './types';
import '../components/dialog.css';
import './import.css';

export interface ImportDialogProps {
  initialFile?: File | null;
  onClose: () => void;
  initialTab?: 'import' | 'manage';
}

const EMPTY: readonly MetricDef[] = [];

/** Bundled metrics and the user's earlier metrics, for matching. */
function useKnownMetrics(): { bundled: readonly MetricDef[]; user: MetricDef[]; all: MetricDef[] } {
  const bundled = useData((s) => (s as { bundled?: { manifest: { metrics: MetricDef[] } } | null }).bundled?.manifest.metrics ?? s.pkg?.manifest.metrics ?? EMPTY);
  const { sets } = useUserData();
  return useMemo(() => {
    const ids = new Set(bundled.map((m) => m.id));
    const user: MetricDef[] = [];
    for (const m of sets.flatMap((s) => s.metrics)) if (!ids.has(m.id)) (ids.add(m.id), user.push(m));
    return { bundled, user, all: [...bundled, ...user] };
  }, [bundled, sets]);
}

export default function ImportDialog({ initialFile, onClose, initialTab }: ImportDialogProps) {
  const lang = useStore((s) => s.lang);
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [tab, setTab] = useState<'import' | 'manage'>(initialTab ?? 'import');
  const [dropped, setDropped] = useState<File | null>(initialFile ?? null);
  const { sets } = useUserData();

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  useEffect(() => {
    if (initialFile) {
      setDropped(initialFile);
      setTab('import');
    }
  }, [initialFile]);

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    e.stopPropagation();
    const f = e.dataTransfer?.files?.[0];
    if (f) {
      setTab('import');
      setDropped(f);
    }
  };

  return (
    <dialog
      ref={ref}
      className="import-dialog"
      aria-labelledby={`${id}-h`}
      onClose={onClose}
      data-testid="import-dialog"
      onDragOver={(e) => {
        e.preventDefault();
        e.stopPropagation();
      }}
      onDrop={onDrop}
    >
      <div className="dialog-head">
        <h2 id={`${id}-h`}>{tr(lang, 'title')}</h2>
        <button type="button" className="icon-btn" aria-label={tr(lang, 'close')} onClick={() => ref.current?.close()} data-testid="import-close">×</button>
      </div>
      <div className="tabs" role="tablist" aria-label={tr(lang, 'title')}>
        <button type="button" role="tab" id={`${id}-t1`} aria-selected={tab === 'import'} aria-controls={`${id}-p`} className={`tab${tab === 'import' ? ' active' : ''}`} onClick={() => setTab('import')} data-testid="import-tab">
          {tr(lang, 'tabImport')}
        </button>
        <button type="button" role="tab" id={`${id}-t2`} aria-selected={tab === 'manage'} aria-controls={`${id}-p`} className={`tab${tab === 'manage' ? ' active' : ''}`} onClick={() => setTab('manage')} data-testid="manage-tab">
          {tr(lang, 'tabManage')}{sets.length ? ` (${sets.length})` : ''}
        </button>
      </div>
      <div id={`${id}-p`} role="tabpanel" aria-labelledby={tab === 'import' ? `${id}-t1` : `${id}-t2`} className="import-panel">
        {/* kept mounted so that switching tabs does not lose a report */}
        <div hidden={tab !== 'import'}>
          <ImportPanel lang={lang} file={dropped} onFile={setDropped} onShowMap={() => ref.current?.close()} />
        </div>
        {tab === 'manage' && <ManageData lang={lang} />}
      </div>
    </dialog>
  );
}

// ------------------------------------------------------------------ import

interface Result {
  analysis: ReportAnalysis;
  via: Via;
  file: File;
}

const PHASE_SPAN: Record<RunProgress['phase'], [number, number]> = { read: [0, 0.05], decode: [0.05, 0.1], parse: [0.1, 0.95], check: [0.95, 1] };

function overall(p: RunProgress | null): number | null {
  if (!p) return null;
  const [a, b] = PHASE_SPAN[p.phase];
  const f = 'fraction' in p ? p.fraction : 0;
  return a + (b - a) * Math.max(0, Math.min(1, f));
}

function ImportPanel({ lang, file, onFile, onShowMap }: { lang: Lang; file: File | null; onFile: (f: File | null) => void; onShowMap: () => void }) {
  const id = useId();
  const known = useKnownMetrics();
  const { mode: dataMode, storage } = useUserData();
  const navigate = useStore((s) => s.navigate);
  const [opts, setOpts] = useState<ImportOptions>({});
  const [running, setRunning] = useState<{ file: File; progress: RunProgress | null } | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [choices, setChoices] = useState<Record<string, MetricChoice>>({});
  const [mode, setMode] = useState<'combined' | 'user'>(dataMode === 'user' ? 'user' : 'combined');
  const [done, setDone] = useState<{ n: number; fileName: string; metricIds: string[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const handle = useRef<RunHandle | null>(null);
  const mounted = useRef(false);
  const knownRef = useRef(known.all);
  knownRef.current = known.all;

  const langRef = useRef(lang);
  langRef.current = lang;
  const start = useCallback((f: File, o: ImportOptions) => {
    handle.current?.cancel();
    setMessage(null);
    setDone(null);
    setRunning({ file: f, progress: null });
    let h: RunHandle | null = null;
    h = runImport(f, o, (p) => {
      if (h && handle.current === h) setRunning({ file: f, progress: p });
    });
    handle.current = h;
    void h.promise.then((out) => {
      if (handle.current !== h) return;
      handle.current = null;
      if (out.kind === 'cancelled') {
        setRunning(null);
        setResult(null);
        setMessage(tr(langRef.current, 'cancelled'));
        return;
      }
      // a transition: React makes the report (its first part, for a big one) a slice at a time, yielding to the page between slices
      startTransition(() => {
        setRunning(null);
        setResult({ analysis: out.analysis, via: out.via, file: f });
        setChoices((prev) => {
          const next: Record<string, MetricChoice> = {};
          for (const info of out.analysis.metricKeys) next[info.key] = prev[info.key] ?? suggestChoice(info, knownRef.current);
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
  // a new file: start afresh
  useEffect(() => {
    if (!file) return;
    setOpts({});
    setChoices({});
    setResult(null);
    start(file, {});
  }, [file, start]);

  const rerun = (o: ImportOptions) => {
    setOpts(o);
    if (result) start(result.file, o);
  };

  const a = result?.analysis ?? null;
  const choiceProblems = useMemo(() => {
    if (!a) return [];
    return a.metricKeys.map((k) => ({ key: k.key, errors: choices[k.key] ? choiceErrors(choices[k.key]!, known.all) : (['unknown-metric'] as const) })).filter((x) => x.errors.length);
  }, [a, choices, known.all]);
  const ready = !!a && !a.fatal && !a.blocking.length && a.packed.n > 0 && !choiceProblems.length && !busy && !running;

  const confirm = async () => {
    if (!a || !result || !ready) return;
    setBusy(true);
    setMessage(null);
    const datasetId = newDatasetId();
    const importedAt = new Date().toISOString();
    const fileName = result.file.name || 'import.csv';
    try {
      const source = userSourceFor(fileName, datasetId, importedAt);
      const built = buildDataset(a, choices, { datasetId, fileName, importedAt, source }, known.all);
      if (!built.ok) throw new Error(built.errors.map((e) => e.key || '—').join(', '));
      await addUserDataset(built.dataset);
      setDataMode(mode);
      setDone({ n: built.dataset.figures.length, fileName, metricIds: built.metricIds });
      setResult(null);
      onFile(null);
    } catch (e) {
      // leave the data as it was
      try {
        await removeUserDataset(datasetId);
      } catch {
        /* nothing was added */
      }
      setMessage(tr(lang, 'failed', { detail: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  const pick = (f: File | null | undefined) => {
    if (!f) return;
    onFile(f);
    if (f === file && !running) start(f, {});
  };

  const chooser = (
    <div
      className="import-drop"
      data-testid="import-drop"
      onDragOver={(e) => {
        e.preventDefault();
        e.currentTarget.classList.add('over');
      }}
      onDragLeave={(e) => e.currentTarget.classList.remove('over')}
      onDrop={(e) => {
        e.currentTarget.classList.remove('over');
      }}
    >
      <p className="import-drop-title">{tr(lang, 'dropHere')}</p>
      <label className="btn import-choose">
        {tr(lang, 'choose')}
        <input
          type="file"
          accept=".csv,.tsv,.txt,text/csv,text/plain,text/tab-separated-values"
          className="import-file-input"
          data-testid="import-file"
          onChange={(e) => {
            pick(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </label>
      <p className="muted import-small">{tr(lang, 'limit', { size: formatBytes(MAX_FILE_BYTES) })}</p>
    </div>
  );

  if (done) {
    return (
      <div className="import-done" role="status" data-testid="import-done">
        <p>
          <strong>{tr(lang, 'done', { n: done.n.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US'), file: done.fileName })}</strong>
        </p>
        <p>{tr(lang, 'doneWhere', { file: done.fileName })}</p>
        <p className="muted">{storage === 'indexeddb' ? tr(lang, 'storedDb') : tr(lang, 'storedMemory')}</p>
        <div className="dialog-actions">
          <button
            type="button"
            className="btn primary"
            data-testid="import-show-map"
            onClick={() => {
              // a new metric: the app chooses its year
              navigate({ view: 'map', ...(done.metricIds[0] ? { metric: done.metricIds[0] } : {}) });
              onShowMap();
            }}
          >
            {tr(lang, 'showMap')}
          </button>
          <button type="button" className="btn" onClick={() => setDone(null)}>{tr(lang, 'importAnother')}</button>
        </div>
      </div>
    );
  }

  return (
    <div className="import-body">
      {!running && !a && (
        <>
          <p>{tr(lang, 'intro')}</p>
          {chooser}
          <p className="muted import-small">{tr(lang, 'excelHint')}</p>
        </>
      )}
      {message && <p className="notice warn" role="status" data-testid="import-message">{message}</p>}
      {running && <ProgressView lang={lang} running={running} onCancel={() => handle.current?.cancel()} />}
      {/* a re-run with other options keeps the report (and the keyboard focus) in place until the new one is ready */}
      {a && result && (
        <Report
          lang={lang}
          result={result}
          opts={opts}
          onRerun={rerun}
          choices={choices}
          setChoices={setChoices}
          known={known}
          choiceProblems={choiceProblems}
          mode={mode}
          setMode={setMode}
          ready={ready}
          busy={busy || !!running}
          onConfirm={confirm}
          onAnother={() => {
            handle.current?.cancel();
            setResult(null);
            setMessage(null);
            onFile(null);
          }}
          chooser={chooser}
          headingId={`${id}-r`}
        />
      )}
    </div>
  );
}

function ProgressView({ lang, running, onCancel }: { lang: Lang; running: { file: File; progress: RunProgress | null }; onCancel: () => void }) {
  const f = overall(running.progress);
  const phase = running.progress?.phase ?? 'read';
  return (
    <div className="import-progress" data-testid="import-progress" aria-live="polite">
      <p>{tr(lang, 'reading', { file: running.file.name })}</p>
      <div className="import-progress-row">
        <progress max={1} {...(f === null ? {} : { value: f })} aria-label={tr(lang, `phase_${phase}` as ImportKey)} />
        <span className="import-pct">{f === null ? '' : `${Math.round(f * 100)}%`}</span>
        <button type="button" className="btn" onClick={onCancel} data-testid="import-cancel">{tr(lang, 'cancel')}</button>
      </div>
      <p className="muted import-small">{tr(lang, `phase_${phase}` as ImportKey)}</p>
    </div>
  );
}

// ------------------------------------------------------------------ report

/** The work a frame of a report drawn in parts should take, in ms: well under the 50 ms of a "long task". */
const FRAME_WORK_MS = 30;

/** When the last long task (over 50 ms) began, where the browser reports them. */
let lastLongTask = -Infinity;
let watchingLongTasks = false;
function watchLongTasks(): void {
  if (watchingLongTasks || typeof PerformanceObserver === 'undefined' || !PerformanceObserver.supportedEntryTypes?.includes('longtask')) return;
  watchingLongTasks = true;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) lastLongTask = Math.max(lastLongTask, e.startTime);
  }).observe({ type: 'longtask' });
}

/**
 * How much of a long report or list to draw: a count from `first` up to
 * `total` that grows after each frame is painted, by a step sized from how
 * long the last step took (from asking for it to its frame being painted,
 * less a frame's wait) so that a step takes about FRAME_WORK_MS, and halved
 * after a long task: a fast PC draws it all in a few frames, a slow one a
 * little per frame, and no single task holds up the page.
 */
function useFrameSteps(first: number, total: number, firstStep = 1): number {
  const [state, setState] = useState({ n: Math.min(first, total), step: firstStep });
  const asked = useRef(0);
  useEffect(watchLongTasks, []);
  useEffect(() => {
    if (state.n >= total) return;
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      // after the frame that showed the last step
      timer = window.setTimeout(() => {
        const now = performance.now();
        const since = asked.current;
        asked.current = now;
        // a transition: React makes the step's elements a slice at a time, yielding to the page between slices (only putting them in the page is one task)
        startTransition(() =>
          setState((x) => {
            let step = x.step;
            if (since && lastLongTask >= since) step = Math.max(1, step >> 1);
            else if (since) step = Math.max(1, Math.min(step * 2, Math.floor((step * FRAME_WORK_MS) / Math.max(1, now - since - 17))));
            return { n: Math.min(total, x.n + step), step };
          }),
        );
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [state, total]);
  return state.n;
}

/** A report is drawn at once unless it is this big: then top first, a part per frame. */
const AT_ONCE = { metrics: 6, problems: 20, columns: 20 };
/** the parts: 1 heading, summary and the confirm button, 2 columns, 3 metrics, 4 preview, 5 problems, 6 what is still missing */
const PARTS = 6;

interface ReportProps {
  lang: Lang;
  result: Result;
  opts: ImportOptions;
  onRerun: (o: ImportOptions) => void;
  choices: Record<string, MetricChoice>;
  setChoices: (f: (c: Record<string, MetricChoice>) => Record<string, MetricChoice>) => void;
  known: { bundled: readonly MetricDef[]; user: MetricDef[]; all: MetricDef[] };
  choiceProblems: { key: string; errors: readonly string[] }[];
  mode: 'combined' | 'user';
  setMode: (m: 'combined' | 'user') => void;
  ready: boolean;
  busy: boolean;
  onConfirm: () => void;
  onAnother: () => void;
  chooser: React.ReactNode;
  headingId: string;
}

const NUMBER_FORMATS: Partial<Record<Lang, Intl.NumberFormat>> = {};
/** `n.toLocaleString(locale)` without making a formatter for every number. */
function numberFormat(lang: Lang): Intl.NumberFormat {
  return (NUMBER_FORMATS[lang] ??= new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US'));
}

const ENC_KEY: Record<EncodingId, ImportKey> = { 'utf-8': 'enc_utf8', gb18030: 'enc_gb18030', 'utf-16le': 'enc_utf16le', 'utf-16be': 'enc_utf16be' };
const DELIM_KEY: Record<DelimiterId, ImportKey> = { ',': 'delim_comma', '\t': 'delim_tab', ';': 'delim_semicolon' };

function Report(p: ReportProps) {
  const { lang, result, opts, onRerun } = p;
  const a = result.analysis;
  const num = (n: number) => numberFormat(lang).format(n);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // a new file's report takes the focus; a re-run with other options leaves it where it is
  useEffect(() => {
    headingRef.current?.focus();
  }, [result.file]);
  const big = a.metricKeys.length > AT_ONCE.metrics || a.problems.length > AT_ONCE.problems || (a.tables[0]?.columns.length ?? 0) > AT_ONCE.columns;
  const part = useFrameSteps(big ? 1 : PARTS, PARTS);

  const encSelect = (
    <select
      aria-label={tr(lang, 'encoding')}
      value={opts.encoding ?? ''}
      data-testid="import-encoding-select"
      onChange={(e) => onRerun({ ...opts, encoding: (e.target.value || undefined) as EncodingId | undefined, roles: {} })}
    >
      <option value="">{tr(lang, 'auto')}</option>
      <option value="utf-8">UTF-8</option>
      <option value="gb18030">GBK / GB18030</option>
      <option value="utf-16le">UTF-16 LE</option>
    </select>
  );

  if (a.fatal) {
    return (
      <section className="import-report" aria-labelledby={p.headingId} data-testid="import-report" data-via={result.via}>
        <h3 id={p.headingId} ref={headingRef} tabIndex={-1}>{tr(lang, 'report')}: {result.file.name}</h3>
        <p className="notice error" role="alert" data-testid="import-fatal" data-code={a.fatal.code}>
          {fatalText(lang, a.fatal.code, { n: a.fatal.n, detail: a.fatal.detail })}
        </p>
        {(a.fatal.code === 'one-column' || a.fatal.code === 'empty' || a.fatal.code === 'no-data-rows') && (
          <div className="import-overrides">
            <label className="field">
              <span className="field-label">{tr(lang, 'encoding')}</span>
              {encSelect}
            </label>
          </div>
        )}
        {p.chooser}
      </section>
    );
  }

  const encText = a.encoding === 'utf-8' && a.bom ? tr(lang, 'enc_utf8bom') : tr(lang, ENC_KEY[a.encoding]);
  const previewN = Math.min(8, a.packed.n);
  const t0 = a.tables[0];
  const yearBlocking = a.blocking.includes('needs-year') || (opts.fixedYear != null && !(t0?.columns ?? []).some((c) => c.role === 'year' || c.role === 'yearColumn'));

  return (
    <section className="import-report" aria-labelledby={p.headingId} aria-busy={p.busy} data-testid="import-report" data-via={result.via} data-complete={part >= PARTS}>
      <h3 id={p.headingId} ref={headingRef} tabIndex={-1}>{tr(lang, 'report')}: {result.file.name}</h3>
      <dl className="import-summary" data-testid="import-summary">
        <div>
          <dt>{tr(lang, 'file')}</dt>
          <dd>
            <span className="import-filename">{result.file.name}</span> · {formatBytes(a.bytes)}
          </dd>
        </div>
        <div>
          <dt>{tr(lang, 'encoding')}</dt>
          <dd data-testid="import-encoding" data-encoding={a.encoding}>
            {encText} <span className="muted">({tr(lang, `how_${a.encodingHow}` as ImportKey)})</span> {encSelect}
          </dd>
        </div>
        <div>
          <dt>{tr(lang, 'delimiter')}</dt>
          <dd data-testid="import-delimiter" data-delimiter={a.delimiter === '\t' ? 'tab' : a.delimiter}>
            {tr(lang, DELIM_KEY[a.delimiter])}{' '}
            <select
              aria-label={tr(lang, 'delimiter')}
              value={opts.delimiter ?? ''}
              onChange={(e) => onRerun({ ...opts, delimiter: (e.target.value || undefined) as DelimiterId | undefined, roles: {} })}
            >
              <option value="">{tr(lang, 'auto')}</option>
              <option value=",">{tr(lang, 'delim_comma')}</option>
              <option value={'\t'}>{tr(lang, 'delim_tab')}</option>
              <option value=";">{tr(lang, 'delim_semicolon')}</option>
            </select>
          </dd>
        </div>
        <div>
          <dt>{tr(lang, 'layout')}</dt>
          <dd data-testid="import-layout" data-layout={t0?.layout}>{t0 ? layoutLabel(lang, t0.layout) : ''}</dd>
        </div>
        <div>
          <dt>{tr(lang, 'headerLine')}</dt>
          <dd>{tr(lang, 'headerLineAt', { line: t0?.headerLine ?? 0 })}</dd>
        </div>
        <div>
          <dt>{tr(lang, 'rows')}</dt>
          <dd data-testid="import-records">{num(a.records)}</dd>
        </div>
        <div>
          <dt>{tr(lang, 'rowsUsed')}</dt>
          <dd data-testid="import-usable" data-rows={a.rowsUsed} data-figures={a.packed.n}>
            {tr(lang, 'rowsUsedText', { rows: num(a.rowsUsed), figures: num(a.packed.n) })}
          </dd>
        </div>
        {a.rowsWithoutFigures > 0 && (
          <div>
            <dt>{tr(lang, 'rowsEmpty')}</dt>
            <dd>{num(a.rowsWithoutFigures)}</dd>
          </div>
        )}
        <div>
          <dt>{tr(lang, 'emptyCells')}</dt>
          <dd data-testid="import-empty-cells" data-n={a.emptyCells}>
            {tr(lang, 'emptyCellsText', { n: num(a.emptyCells) })} <span className="muted import-small import-hint">{tr(lang, 'emptyCellsHint')}</span>
          </dd>
        </div>
        <div>
          <dt>{tr(lang, 'problemRows')}</dt>
          <dd data-testid="import-problem-count" data-n={a.problems.length}>{num(a.problems.length)}</dd>
        </div>
        {a.blankLines > 0 && (
          <div>
            <dt>{tr(lang, 'blankLines')}</dt>
            <dd>{num(a.blankLines)}</dd>
          </div>
        )}
      </dl>
      <p className="muted import-small" data-testid="import-via">{tr(lang, result.via === 'worker' ? 'via_worker' : 'via_main')}</p>
      {a.replaced > 0 && <p className="notice warn">{tr(lang, 'replaced', { n: num(a.replaced) })}</p>}
      {(t0?.above.length ?? 0) > 0 && (
        <div className="import-above">
          <h4>{tr(lang, 'aboveLines')}</h4>
          <ul>
            {t0!.above.map((l) => (
              <li key={l.line}>
                <span className="import-line">{l.line}</span> <span className="import-raw">{l.raw}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {a.blocking.map((b) => (
        <p key={b} className="notice error" role="alert" data-testid={`import-blocking-${b}`}>
          {blockingText(lang, b, b === 'too-many-metrics' ? a.metricKeys.length : 0)}
        </p>
      ))}
      {yearBlocking && <YearInput lang={lang} opts={opts} suggested={t0?.titleYear ?? yearInName(result.file.name)} onRerun={onRerun} />}
      {part >= 2 && <Columns lang={lang} a={a} opts={opts} onRerun={onRerun} />}
      {part >= 3 && a.metricKeys.length > 0 && a.metricKeys.length <= 100 && <Metrics lang={lang} keys={a.metricKeys} choices={p.choices} setChoices={p.setChoices} known={p.known} />}
      {part >= 4 && previewN > 0 && <Preview lang={lang} a={a} n={previewN} choices={p.choices} known={p.known.all} />}
      {part >= 5 && <Problems lang={lang} a={a} fileName={result.file.name} />}
      <fieldset className="import-mode">
        <legend>{tr(lang, 'mode')}</legend>
        <label className="check">
          <input type="radio" name="import-mode" checked={p.mode === 'combined'} onChange={() => p.setMode('combined')} data-testid="import-mode-combined" />
          {tr(lang, 'modeCombined')}
        </label>
        <label className="check">
          <input type="radio" name="import-mode" checked={p.mode === 'user'} onChange={() => p.setMode('user')} data-testid="import-mode-user" />
          {tr(lang, 'modeUser')}
        </label>
      </fieldset>
      {part >= 6 && !p.ready && !p.busy && (
        <div className="import-not-ready" data-testid="import-not-ready">
          <span>{tr(lang, 'notReady')}</span>
          <ul>
            {a.blocking.map((b) => <li key={b}>{blockingText(lang, b, a.metricKeys.length)}</li>)}
            {p.choiceProblems.map((c) => (
              <li key={`m-${c.key}`}>
                {c.key || tr(lang, 'metricUnnamed')}{lang === 'zh' ? '：' : ': '}{c.errors.map((e) => tr(lang, (e === 'label-missing' ? 'err_label' : e === 'unit-missing' ? 'err_unit' : 'err_unknown-metric') as ImportKey)).join(lang === 'zh' ? '，' : ', ')}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="dialog-actions import-actions">
        <button type="button" className="btn primary" disabled={!p.ready} onClick={p.onConfirm} data-testid="import-confirm">
          {tr(lang, 'confirm', { n: num(a.packed.n) })}
        </button>
        <button type="button" className="btn" onClick={p.onAnother} data-testid="import-another">{tr(lang, 'another')}</button>
      </div>
    </section>
  );
}

function yearInName(name: string): number | null {
  const m = /(?:^|\D)((?:19[89]|20\d)\d)(?!\d)/.exec(name);
  return m ? Number(m[1]) : null;
}

function YearInput({ lang, opts, suggested, onRerun }: { lang: Lang; opts: ImportOptions; suggested: number | null; onRerun: (o: ImportOptions) => void }) {
  const id = useId();
  const [text, setText] = useState(opts.fixedYear ? String(opts.fixedYear) : '');
  const valid = /^\d{4}$/.test(text) && Number(text) >= 1980 && Number(text) <= 2100;
  const apply = (t: string) => {
    if (/^\d{4}$/.test(t) && Number(t) >= 1980 && Number(t) <= 2100 && Number(t) !== opts.fixedYear) onRerun({ ...opts, fixedYear: Number(t) });
  };
  return (
    <div className="import-year">
      <label htmlFor={id} className="field-label">{tr(lang, 'yearTitle')}</label>
      <p className="muted import-small">{tr(lang, 'yearHelp')}</p>
      <div className="import-year-row">
        <input
          id={id}
          type="text"
          inputMode="numeric"
          maxLength={4}
          value={text}
          placeholder="2023"
          aria-invalid={text !== '' && !valid}
          data-testid="import-year"
          onChange={(e) => setText(e.target.value.trim())}
          onKeyDown={(e) => {
            if (e.key === 'Enter') apply(text);
          }}
          onBlur={() => apply(text)}
        />
        <button type="button" className="btn" disabled={!valid} onClick={() => apply(text)} data-testid="import-year-apply">OK</button>
        {suggested && !text && (
          <button type="button" className="btn link" onClick={() => (setText(String(suggested)), apply(String(suggested)))}>
            {tr(lang, 'yearSuggest', { year: suggested })}
          </button>
        )}
      </div>
      {text !== '' && !valid && <p className="import-err">{tr(lang, 'yearInvalid')}</p>}
    </div>
  );
}

function Columns({ lang, a, opts, onRerun }: { lang: Lang; a: ReportAnalysis; opts: ImportOptions; onRerun: (o: ImportOptions) => void }) {
  const rolesFor = (c: ColumnInfo): ColumnRole[] =>
    COLUMN_ROLES.filter((r) => {
      if (r === 'yearColumn') return c.year !== undefined;
      if (r.startsWith('metricLabel') || r.startsWith('metricUnit')) return c.role === r || c.how === 'package';
      return true;
    });
  return (
    <div className="import-section">
      <h4>{tr(lang, 'columns')}</h4>
      <div className="import-table-wrap">
        <table className="import-table import-columns-table" data-testid="import-columns">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{tr(lang, 'colHeader')}</th>
              <th scope="col">{tr(lang, 'colRole')}</th>
              <th scope="col">{tr(lang, 'colHow')}</th>
              <th scope="col">{tr(lang, 'colExamples')}</th>
            </tr>
          </thead>
          <tbody>
            {(a.tables[0]?.columns ?? []).slice(0, 200).map((c) => (
              <tr key={c.index} data-role={c.role}>
                <td className="import-line">{c.index + 1}</td>
                <td className="import-cell-text">{c.header || <span className="muted">{tr(lang, 'emptyHeader')}</span>}</td>
                <td>
                  <select
                    aria-label={`${tr(lang, 'colRole')}: ${c.header || c.index + 1}`}
                    value={c.role}
                    data-testid={`import-role-${c.index}`}
                    onChange={(e) => onRerun({ ...opts, roles: { ...(opts.roles ?? {}), [c.index]: e.target.value as ColumnRole } })}
                  >
                    {rolesFor(c).map((r) => (
                      <option key={r} value={r}>
                        {r === 'yearColumn' && c.year !== undefined ? `${roleLabel(lang, r)} (${c.year})` : roleLabel(lang, r)}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="muted">{howLabel(lang, c.how)}{c.unit ? ` · ${c.unit}` : ''}</td>
                <td className="import-cell-text muted">{c.examples.join(' · ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function metricOptionValue(c: MetricChoice | undefined): string {
  return !c || c.kind === 'new' ? 'new' : `m:${c.id}`;
}

/** Up to this many metrics are drawn at once, with their lists of metrics; more are drawn a few per frame, each list filled in when its select is used. */
const METRICS_AT_ONCE = AT_ONCE.metrics;
const METRICS_FIRST = 3;

/**
 * The file's metrics, each to be matched to a metric of the app or made a
 * new one. A file may have a hundred: drawing a hundred items, each with a
 * list of every metric of the app (about 80 options), at once would hold up
 * the page for seconds on a slow PC, so then the items are drawn a few per
 * frame, and the list of a select is filled in when the user reaches it
 * (focus or pointer), not before: until then it holds the current choice.
 * (Tests: focus such a select before selectOption.)
 */
function Metrics({
  lang,
  keys,
  choices,
  setChoices,
  known,
}: {
  lang: Lang;
  keys: MetricKeyInfo[];
  choices: Record<string, MetricChoice>;
  setChoices: ReportProps['setChoices'];
  known: ReportProps['known'];
}) {
  const groups = useMemo(() => GROUP_LABELS.map((g) => ({ g, ms: known.bundled.filter((m) => m.group === g.id) })).filter((x) => x.ms.length), [known.bundled]);
  const setChoice = useCallback((key: string, c: MetricChoice) => setChoices((prev) => ({ ...prev, [key]: c })), [setChoices]);
  const many = keys.length > METRICS_AT_ONCE;
  const drawn = useFrameSteps(many ? METRICS_FIRST : keys.length, keys.length);
  return (
    <div className="import-section">
      <h4>{tr(lang, 'metrics')}</h4>
      <p className="muted import-small">{tr(lang, 'metricsHelp')}</p>
      <ul className="import-metrics" data-testid="import-metrics" aria-busy={drawn < keys.length}>
        {keys.slice(0, drawn).map((k, i) => (
          <MetricItem key={k.key} lang={lang} k={k} i={i} c={choices[k.key]} full={!many} groups={groups} known={known} setChoice={setChoice} />
        ))}
      </ul>
    </div>
  );
}

interface MetricItemProps {
  lang: Lang;
  k: MetricKeyInfo;
  i: number;
  c: MetricChoice | undefined;
  /** the list of metrics is filled in from the start */
  full: boolean;
  groups: { g: (typeof GROUP_LABELS)[number]; ms: MetricDef[] }[];
  known: ReportProps['known'];
  setChoice: (key: string, c: MetricChoice) => void;
}

const MetricItem = memo(function MetricItem({ lang, k, i, c, full, groups, known, setChoice }: MetricItemProps) {
  const errs = c ? choiceErrors(c, known.all) : [];
  // else the select's list is filled in as soon as the user reaches it
  const [reached, setReached] = useState(false);
  const all = full || reached;
  const chosen = !all && c?.kind === 'existing' ? known.all.find((m) => m.id === c.id) : undefined;
  const option = (m: MetricDef) => (
    <option key={m.id} value={`m:${m.id}`}>
      {m.label[lang]} ({m.unit[lang]})
    </option>
  );
  return (
    <li className="import-metric" data-testid={`import-metric-${i}`}>
      <div className="import-metric-head">
        <span className="import-metric-key">{k.key || tr(lang, 'metricUnnamed')}</span>
        <span className="muted import-small">
          {tr(lang, 'metricFigures', { n: k.figures })}
          {k.units.length ? ` · ${tr(lang, 'metricUnitsSeen', { units: k.units.join(', ') })}` : ''}
        </span>
      </div>
      <label className="field import-metric-map">
        <span className="field-label">{tr(lang, 'mapTo')}</span>
        <select
          value={metricOptionValue(c)}
          data-testid={`import-metric-select-${i}`}
          onFocus={() => setReached(true)}
          onPointerDown={() => setReached(true)}
          onChange={(e) => {
            const v = e.target.value;
            if (v === 'new') setChoice(k.key, suggestChoice(k, []));
            else setChoice(k.key, { kind: 'existing', id: v.slice(2) });
          }}
        >
          <option value="new">{tr(lang, 'newMetric')}</option>
          {all && groups.map(({ g, ms }) => (
            <optgroup key={g.id} label={`${tr(lang, 'existingGroup')} · ${g.label[lang]}`}>
              {ms.map(option)}
            </optgroup>
          ))}
          {all && known.user.length > 0 && <optgroup label={tr(lang, 'userGroup')}>{known.user.map(option)}</optgroup>}
          {chosen && option(chosen)}
        </select>
      </label>
      {c?.kind === 'new' && <NewMetricFields lang={lang} c={c} errs={errs} onChange={(n) => setChoice(k.key, n)} testPrefix={`import-metric-${i}`} />}
    </li>
  );
});

function NewMetricFields({ lang, c, errs, onChange, testPrefix }: { lang: Lang; c: Extract<MetricChoice, { kind: 'new' }>; errs: readonly string[]; onChange: (c: MetricChoice) => void; testPrefix: string }) {
  const id = useId();
  const field = (k: 'labelZh' | 'labelEn' | 'unitZh' | 'unitEn', label: ImportKey, required: boolean, placeholder: string) => (
    <label className="import-nm-field" htmlFor={`${id}-${k}`}>
      <span className="field-label">{tr(lang, label)}</span>
      <input
        id={`${id}-${k}`}
        type="text"
        value={c[k]}
        maxLength={80}
        placeholder={placeholder}
        aria-invalid={required}
        data-testid={`${testPrefix}-${k}`}
        onChange={(e) => onChange({ ...c, [k]: e.target.value })}
      />
    </label>
  );
  const labelMissing = errs.includes('label-missing');
  const unitMissing = errs.includes('unit-missing');
  return (
    <div className="import-new-metric">
      <div className="import-nm-grid">
        {field('labelZh', 'labelZh', labelMissing, c.labelEn)}
        {field('labelEn', 'labelEn', labelMissing, c.labelZh)}
        {field('unitZh', 'unitZh', unitMissing, c.unitEn)}
        {field('unitEn', 'unitEn', unitMissing, c.unitZh)}
        <label className="import-nm-field" htmlFor={`${id}-kind`}>
          <span className="field-label">{tr(lang, 'kind')}</span>
          <select id={`${id}-kind`} value={c.metricKind} onChange={(e) => onChange({ ...c, metricKind: e.target.value as MetricKind })}>
            <option value="stock">{tr(lang, 'kind_stock')}</option>
            <option value="flow">{tr(lang, 'kind_flow')}</option>
            <option value="cumulative">{tr(lang, 'kind_cumulative')}</option>
          </select>
        </label>
      </div>
      <p className={`import-small ${labelMissing || unitMissing ? 'import-err' : 'muted'}`}>
        {labelMissing && `${tr(lang, 'err_label')}${lang === 'zh' ? '。' : '. '}`}
        {unitMissing && `${tr(lang, 'err_unit')}${lang === 'zh' ? '。' : '. '}`}
        {tr(lang, 'needLabelOne')}
      </p>
    </div>
  );
}

function Preview({ lang, a, n, choices, known }: { lang: Lang; a: ReportAnalysis; n: number; choices: Record<string, MetricChoice>; known: readonly MetricDef[] }) {
  const label = (key: string) => {
    const c = choices[key];
    if (c?.kind === 'existing') return known.find((m) => m.id === c.id)?.label[lang] ?? c.id;
    if (c?.kind === 'new') return (lang === 'zh' ? c.labelZh || c.labelEn : c.labelEn || c.labelZh) || key || tr(lang, 'metricUnnamed');
    return key || tr(lang, 'metricUnnamed');
  };
  return (
    <div className="import-section">
      <h4>{tr(lang, 'preview', { n })}</h4>
      <div className="import-table-wrap">
        <table className="import-table" data-testid="import-preview">
          <thead>
            <tr>
              <th scope="col">{tr(lang, 'pvLine')}</th>
              <th scope="col">{tr(lang, 'pvRegion')}</th>
              <th scope="col">{tr(lang, 'pvYear')}</th>
              <th scope="col">{tr(lang, 'pvMetric')}</th>
              <th scope="col">{tr(lang, 'pvValue')}</th>
              <th scope="col">{tr(lang, 'pvAsOf')}</th>
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: Math.min(n, a.packed.n) }, (_, i) => draftAt(a.packed, i)).map((d, i) => (
              <tr key={i}>
                <td className="import-line">{d.line}</td>
                <td>{regionName(d.region, lang)}</td>
                <td>{d.year}</td>
                <td className="import-cell-text">{label(d.metricKey)}</td>
                <td className="import-num">{formatFigure(d.value, d.qualifier, d.unit, lang)}</td>
                <td>{d.asOf ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

const FIRST_PROBLEMS = 50;
const MAX_PROBLEMS_SHOWN = 1000;

function Problems({ lang, a, fileName }: { lang: Lang; a: ReportAnalysis; fileName: string }) {
  const [all, setAll] = useState(false);
  // many problem rows: the first ones in one frame, the rest of the first FIRST_PROBLEMS in the next
  const drawnAll = useFrameSteps(a.problems.length > AT_ONCE.problems ? 0 : 1, 1);
  const shown = a.problems.slice(0, all ? MAX_PROBLEMS_SHOWN : drawnAll ? FIRST_PROBLEMS : AT_ONCE.problems);
  const download = () => {
    const csv = rejectedRowsCsv(a, lang, (r) => reasonText(lang, r));
    downloadText(csv, `${safeBaseName(fileName)}-${lang === 'zh' ? '问题行' : 'rejected-rows'}.csv`);
  };
  return (
    <div className="import-section" data-testid="import-problems">
      <h4>{tr(lang, 'problems', { n: numberFormat(lang).format(a.problems.length) })}</h4>
      {!a.problems.length ? (
        <p className="muted">{tr(lang, 'problemsNone')}</p>
      ) : (
        <>
          <p className="muted import-small">{tr(lang, 'problemsHelp')}</p>
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={download} data-testid="import-download-rejected">{tr(lang, 'downloadRejected')}</button>
          </div>
          <div className="import-table-wrap import-problems-wrap">
            <table className="import-table">
              <thead>
                <tr>
                  <th scope="col">{tr(lang, 'pLine')}</th>
                  <th scope="col">{tr(lang, 'pReason')}</th>
                  <th scope="col">{tr(lang, 'pRaw')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((p) => (
                  <tr key={p.line} data-testid="import-problem" data-line={p.line}>
                    <td className="import-line">{p.line}</td>
                    <td className="import-reason">{p.reasons.map((r) => reasonText(lang, r)).join(lang === 'zh' ? '；' : '; ')}</td>
                    <td className="import-raw">
                      {p.raw}
                      {p.rawLength > RAW_SHOWN && <span className="muted">{tr(lang, 'rawMore', { n: p.rawLength.toLocaleString() })}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {!all && a.problems.length > FIRST_PROBLEMS && (
            <button type="button" className="btn" onClick={() => setAll(true)}>{tr(lang, 'showAll', { n: Math.min(a.problems.length, MAX_PROBLEMS_SHOWN).toLocaleString() })}</button>
          )}
          {a.problems.length > (all ? MAX_PROBLEMS_SHOWN : FIRST_PROBLEMS) && all && <p className="muted import-small">{tr(lang, 'showingFirst', { n: MAX_PROBLEMS_SHOWN })}</p>}
        </>
      )}
    </div>
  );
}
