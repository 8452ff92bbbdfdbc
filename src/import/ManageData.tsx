/**
 * The datasets imported so far: what they are, export each as a clean CSV
 * in the data package's format, publish them all as a data package, remove
 * one, and choose whether the views show the bundled figures, the user's,
 * or both. Below: blank templates to fill in.
 */
import { useState } from 'react';
import type { Lang } from '../data/types';
import { downloadText } from '../export/download';
import { removeUserDataset, setDataMode, useUserData } from '../state/userData';
import { datasetCsv, safeBaseName } from './dataset';
import type { Known } from './ImportPanel';
import { numberFormat } from './frameSteps';
import { PackageButton } from './PackageButton';
import { TemplateForm } from './TemplateForm';
import { tr } from './strings';

export default function ManageData({ lang, known }: { lang: Lang; known: Known }) {
  const { sets, mode, storage } = useUserData();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const labelOf = (id: string) => known.all.find((m) => m.id === id)?.label[lang] ?? id;
  const colon = tr(lang, 'colon');
  const locale = tr(lang, 'locale');
  const when = (iso: string) => {
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
  };

  return (
    <div className="import-manage" data-testid="import-manage">
      <p className="muted import-small">{tr(lang, 'manageIntro')} {tr(lang, storage === 'indexeddb' ? 'storage_indexeddb' : 'storage_memory')}</p>
      {status && <p role="status" className="notice">{status}</p>}
      {!sets.length ? (
        <p data-testid="import-manage-none">{tr(lang, 'manageNone')}</p>
      ) : (
        <ul className="import-sets">
          {sets.map((s) => {
            const metricIds = [...new Set(s.figures.map((f) => f.metric))];
            return (
              <li key={s.id} className="import-set" data-testid="import-set">
                <div className="import-set-name">{s.fileName}</div>
                <div className="muted import-small">
                  {tr(lang, 'mdWhen')}{colon}{when(s.importedAt)} · {tr(lang, 'mdFigures')}{colon}{numberFormat(locale).format(s.figures.length)}
                </div>
                <div className="import-small">
                  {tr(lang, 'mdMetrics')}{colon}{metricIds.map(labelOf).join(tr(lang, 'listSep'))}
                </div>
                <div className="dialog-actions">
                  <button type="button" className="btn" data-testid="import-export" onClick={() => downloadText(datasetCsv(s, known.all), `${safeBaseName(s.fileName)}-${tr(lang, 'exportFile')}.csv`)}>
                    {tr(lang, 'exportCsv')}
                  </button>
                  {confirming === s.id ? (
                    <button
                      type="button"
                      className="btn danger"
                      data-testid="import-remove-confirm"
                      onClick={async () => {
                        setConfirming(null);
                        await removeUserDataset(s.id);
                        setStatus(tr(lang, 'removed', { file: s.fileName }));
                      }}
                    >
                      {tr(lang, 'removeConfirm')}
                    </button>
                  ) : (
                    <button type="button" className="btn" data-testid="import-remove" onClick={() => setConfirming(s.id)}>
                      {tr(lang, 'remove')}
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {sets.length > 0 && <PackageButton lang={lang} sets={sets} />}
      <fieldset className="import-mode" data-testid="import-data-mode">
        <legend>{tr(lang, 'modeTitle')}</legend>
        {(['combined', 'user', 'bundled'] as const).map((m) => (
          <label key={m} className="check">
            <input type="radio" name="data-mode" value={m} checked={mode === m} onChange={() => setDataMode(m)} data-testid={`data-mode-${m}`} />
            {tr(lang, `mode_${m}`)}
          </label>
        ))}
      </fieldset>
      <TemplateForm lang={lang} metrics={known.all} />
    </div>
  );
}
