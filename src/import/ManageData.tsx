/**
 * The datasets imported so far: what they are, export each as a clean CSV
 * in the data package's format, remove one, and choose whether the views
 * show the bundled figures, the user's, or both.
 */
import { useMemo, useState } from 'react';
import type { Lang, MetricDef } from '../data/types';
import { downloadText } from '../export/download';
import { useData } from '../state/data';
import { removeUserDataset, setDataMode, useUserData } from '../state/userData';
import { datasetCsv, safeBaseName } from './dataset';
import { tr } from './strings';

const EMPTY: readonly MetricDef[] = [];

export default function ManageData({ lang }: { lang: Lang }) {
  const { sets, mode, storage } = useUserData();
  const bundled = useData((s) => (s as { bundled?: { manifest: { metrics: MetricDef[] } } | null }).bundled?.manifest.metrics ?? s.pkg?.manifest.metrics ?? EMPTY);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const known = useMemo(() => [...bundled, ...sets.flatMap((s) => s.metrics)], [bundled, sets]);
  const labelOf = (id: string) => known.find((m) => m.id === id)?.label[lang] ?? id;
  const colon = lang === 'zh' ? '：' : ': ';
  const when = (iso: string) => {
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
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
                  {tr(lang, 'mdWhen')}{colon}{when(s.importedAt)} · {tr(lang, 'mdFigures')}{colon}{s.figures.length.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US')}
                </div>
                <div className="import-small">
                  {tr(lang, 'mdMetrics')}{colon}{metricIds.map(labelOf).join(lang === 'zh' ? '、' : ', ')}
                </div>
                <div className="dialog-actions">
                  <button
                    type="button"
                    className="btn"
                    data-testid="import-export"
                    onClick={() => downloadText(datasetCsv(s, known), `${safeBaseName(s.fileName)}-${lang === 'zh' ? '导入数据' : 'imported'}.csv`)}
                  >
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
      <fieldset className="import-mode" data-testid="import-data-mode">
        <legend>{tr(lang, 'modeTitle')}</legend>
        {(['combined', 'user', 'bundled'] as const).map((m) => (
          <label key={m} className="check">
            <input type="radio" name="data-mode" value={m} checked={mode === m} onChange={() => setDataMode(m)} data-testid={`data-mode-${m}`} />
            {tr(lang, `mode_${m}`)}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
