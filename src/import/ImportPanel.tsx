/**
 * The import tab: choose a file → it is read (progress, cancel) → the
 * report (how it was read, every problem row, the metrics to match) →
 * confirm → done (show it, publish it). Only on confirm does the shown data
 * change.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import type { Lang, MetricDef } from '../data/types';
import { useStore } from '../state/store';
import { addUserDataset, removeUserDataset, setDataMode, useUserData } from '../state/userData';
import { buildDataset, choiceErrors, newDatasetId, userSourceFor } from './dataset';
import { DoneStep, type Done } from './DoneStep';
import { FileChooser } from './FileChooser';
import { loadTranslit } from './metricId';
import { ProgressView } from './ProgressView';
import { Report } from './Report';
import { tr } from './strings';
import { useImportRun } from './useImportRun';

export interface Known {
  bundled: readonly MetricDef[];
  user: MetricDef[];
  all: MetricDef[];
}

export function ImportPanel({ lang, known, file, onFile, onShowMap }: { lang: Lang; known: Known; file: File | null; onFile: (f: File | null) => void; onShowMap: () => void }) {
  const id = useId();
  const { mode: dataMode } = useUserData();
  const [message, setMessage] = useState<string | null>(null);
  const [mode, setMode] = useState<'combined' | 'user'>(dataMode === 'user' ? 'user' : 'combined');
  const [given, setGiven] = useState({ citation: '', url: '' });
  const [done, setDone] = useState<Done | null>(null);
  const [busy, setBusy] = useState(false);
  const run = useImportRun(known.all, () => setMessage(tr(lang, 'cancelled')));
  const { result, running, choices } = run;

  // a new file: start afresh
  useEffect(() => {
    if (!file) return;
    setMessage(null);
    setDone(null);
    run.open(file);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [file]);

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
      // a new metric named in Chinese only gets its id in pinyin (the library loads now, not before)
      const needsPinyin = Object.values(choices).some((c) => c.kind === 'new' && !c.labelEn.trim());
      const translit = needsPinyin ? await loadTranslit().catch(() => undefined) : undefined;
      const source = userSourceFor(fileName, datasetId, importedAt);
      const built = buildDataset(a, choices, { datasetId, fileName, importedAt, source, given, ...(translit ? { translit } : {}) }, known.all);
      if (!built.ok) throw new Error(built.errors.map((e) => e.key || '—').join(', '));
      await addUserDataset(built.dataset);
      setDataMode(mode);
      // "show on the map" shows a metric this import created, where it created one
      const created = built.dataset.metrics.map((m) => m.id).filter((m) => built.metricIds.includes(m));
      setDone({ n: built.dataset.figures.length, fileName, metricIds: [...new Set([...created, ...built.metricIds])], datasetId });
      run.clearResult();
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
    setMessage(null);
    if (f === file && !running) run.open(f);
    onFile(f);
  };
  const chooser = <FileChooser lang={lang} onPick={pick} />;

  if (done) {
    return (
      <DoneStep
        lang={lang}
        done={done}
        onShowMap={() => {
          // a new metric: the app chooses its year
          useStore.getState().navigate({ view: 'map', ...(done.metricIds[0] ? { metric: done.metricIds[0] } : {}) });
          onShowMap();
        }}
        onAnother={() => setDone(null)}
      />
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
      {running && <ProgressView lang={lang} running={running} onCancel={run.cancel} />}
      {/* a re-run with other options keeps the report (and the keyboard focus) in place until the new one is ready */}
      {a && result && (
        <Report
          lang={lang}
          result={result}
          opts={run.opts}
          onRerun={run.rerun}
          choices={choices}
          setChoices={run.setChoices}
          known={known}
          choiceProblems={choiceProblems}
          mode={mode}
          setMode={setMode}
          given={given}
          setGiven={setGiven}
          ready={ready}
          busy={busy || !!running}
          onConfirm={confirm}
          onAnother={() => {
            run.reset();
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
