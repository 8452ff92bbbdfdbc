/** After an import: what was imported, where it shows, that it is only in this browser, and how to publish it. */
import type { Lang } from '../data/types';
import { useUserData } from '../state/userData';
import { numberFormat } from './frameSteps';
import { PackageButton } from './PackageButton';
import { tr } from './strings';

export interface Done {
  n: number;
  fileName: string;
  metricIds: string[];
  datasetId: string;
}

export function DoneStep({ lang, done, onShowMap, onAnother }: { lang: Lang; done: Done; onShowMap: () => void; onAnother: () => void }) {
  const { storage, sets } = useUserData();
  const mine = sets.filter((s) => s.id === done.datasetId);
  return (
    <div className="import-done" role="status" data-testid="import-done">
      <p>
        <strong>{tr(lang, 'done', { n: numberFormat(tr(lang, 'locale')).format(done.n), file: done.fileName })}</strong>
      </p>
      <p>{tr(lang, 'doneWhere', { file: done.fileName })}</p>
      <p className="muted">{storage === 'indexeddb' ? tr(lang, 'storedDb') : tr(lang, 'storedMemory')}</p>
      <p className="notice" data-testid="import-only-here">{tr(lang, 'linkOnlyHere')}</p>
      <div className="dialog-actions">
        <button type="button" className="btn primary" data-testid="import-show-map" onClick={onShowMap}>{tr(lang, 'showMap')}</button>
        <button type="button" className="btn" onClick={onAnother}>{tr(lang, 'importAnother')}</button>
      </div>
      {mine.length > 0 && <PackageButton lang={lang} sets={mine} />}
    </div>
  );
}
