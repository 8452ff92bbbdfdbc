/**
 * The import dialog: choose or drop a CSV or Excel file, see how it was
 * read (encoding or sheets, header, year, each column, every problem row),
 * match its metrics, confirm — and only then does the shown data change.
 * Second tab: the datasets imported so far, the data package, templates.
 * Text from files is rendered as React text only. The steps are their own
 * components (ImportPanel → ProgressView, Report → …, DoneStep).
 */
import { useEffect, useId, useMemo, useRef, useState, type DragEvent } from 'react';
import type { MetricDef } from '../data/types';
import { useData } from '../state/data';
import { useStore } from '../state/store';
import { useUserData } from '../state/userData';
import { ImportPanel, type Known } from './ImportPanel';
import ManageData from './ManageData';
import { tr } from './strings';
import '../components/dialog.css';
import './import.css';

export interface ImportDialogProps {
  initialFile?: File | null;
  onClose: () => void;
  initialTab?: 'import' | 'manage';
}

const EMPTY: readonly MetricDef[] = [];

/** Bundled metrics and the user's earlier metrics, for matching. */
export function useKnownMetrics(): Known {
  const bundled = useData((s) => s.bundled?.manifest.metrics ?? s.pkg?.manifest.metrics ?? EMPTY);
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
  const known = useKnownMetrics();

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
  const tabButton = (which: 'import' | 'manage', n: 1 | 2, label: string) => (
    <button type="button" role="tab" id={`${id}-t${n}`} aria-selected={tab === which} aria-controls={`${id}-p`} className={`tab${tab === which ? ' active' : ''}`} onClick={() => setTab(which)} data-testid={`${which}-tab`}>
      {label}
    </button>
  );

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
        {tabButton('import', 1, tr(lang, 'tabImport'))}
        {tabButton('manage', 2, `${tr(lang, 'tabManage')}${sets.length ? ` (${sets.length})` : ''}`)}
      </div>
      <div id={`${id}-p`} role="tabpanel" aria-labelledby={tab === 'import' ? `${id}-t1` : `${id}-t2`} className="import-panel">
        {/* kept mounted so that switching tabs does not lose a report */}
        <div hidden={tab !== 'import'}>
          <ImportPanel lang={lang} known={known} file={dropped} onFile={setDropped} onShowMap={() => ref.current?.close()} />
        </div>
        {tab === 'manage' && <ManageData lang={lang} known={known} />}
      </div>
    </dialog>
  );
}
