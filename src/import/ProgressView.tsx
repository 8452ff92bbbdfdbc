import type { Lang } from '../data/types';
import type { RunProgress } from './runImport';
import { tr, type ImportKey } from './strings';
import type { Running } from './useImportRun';

const PHASE_SPAN: Record<RunProgress['phase'], [number, number]> = { read: [0, 0.05], decode: [0.05, 0.1], parse: [0.1, 0.95], check: [0.95, 1] };

function overall(p: RunProgress | null): number | null {
  if (!p) return null;
  const [a, b] = PHASE_SPAN[p.phase];
  const f = 'fraction' in p ? p.fraction : 0;
  return a + (b - a) * Math.max(0, Math.min(1, f));
}

/** The file being read: a progress bar and Cancel. */
export function ProgressView({ lang, running, onCancel }: { lang: Lang; running: Running; onCancel: () => void }) {
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
