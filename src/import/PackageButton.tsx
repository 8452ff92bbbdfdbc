/** "Download as data package" for datasets imported in this browser, with what it is for. */
import { useState } from 'react';
import type { Lang } from '../data/types';
import type { UserDataset } from '../data/merge';
import { downloadBlob } from '../export/download';
import { buildDataPackage } from './packageDownload';
import { tr } from './strings';

export function PackageButton({ lang, sets }: { lang: Lang; sets: readonly UserDataset[] }) {
  const [state, setState] = useState<null | 'busy' | { error: string }>(null);
  // figures whose only source is the file itself ("imported by the user: …"): say where they come from first
  const weak = sets.some((s) => s.sources.some((src) => src.id.startsWith(`u-${s.id}`)));
  const download = async () => {
    setState('busy');
    try {
      const { zip } = await buildDataPackage(sets);
      downloadBlob(new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), 'hatch-atlas-data-package.zip');
      setState(null);
    } catch (e) {
      setState({ error: e instanceof Error ? e.message : String(e) });
    }
  };
  return (
    <div className="import-package" data-testid="import-package">
      <p className="muted import-small">{tr(lang, 'packageHelp')}</p>
      {weak && <p className="notice warn import-small" data-testid="import-package-weak">{tr(lang, 'packageNeedsSource')}</p>}
      <div className="dialog-actions">
        <button type="button" className="btn" disabled={state === 'busy' || !sets.length} onClick={download} data-testid="import-download-package">
          {tr(lang, 'downloadPackage')}
        </button>
      </div>
      {state && state !== 'busy' && <p className="notice error" role="alert">{tr(lang, 'packageFailed', { detail: state.error })}</p>}
    </div>
  );
}
