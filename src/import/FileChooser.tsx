import type { Lang } from '../data/types';
import { formatBytes, tr } from './strings';
import { MAX_FILE_BYTES } from './types';

/** The file types offered by the file picker: CSV and text, and Excel workbooks. */
export const ACCEPT = '.csv,.tsv,.txt,.xlsx,.xls,text/csv,text/plain,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel';

/** Drop a file here or choose one. */
export function FileChooser({ lang, onPick }: { lang: Lang; onPick: (f: File | null | undefined) => void }) {
  return (
    <div
      className="import-drop"
      data-testid="import-drop"
      onDragOver={(e) => {
        e.preventDefault();
        e.currentTarget.classList.add('over');
      }}
      onDragLeave={(e) => e.currentTarget.classList.remove('over')}
      onDrop={(e) => e.currentTarget.classList.remove('over')}
    >
      <p className="import-drop-title">{tr(lang, 'dropHere')}</p>
      <label className="btn import-choose">
        {tr(lang, 'choose')}
        <input
          type="file"
          accept={ACCEPT}
          className="import-file-input"
          data-testid="import-file"
          onChange={(e) => {
            onPick(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </label>
      <p className="muted import-small">{tr(lang, 'limit', { size: formatBytes(MAX_FILE_BYTES) })}</p>
    </div>
  );
}
