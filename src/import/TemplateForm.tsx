/** Blank templates: a metric and a span of years → a CSV or .xlsx file to fill in and import. */
import { useId, useState } from 'react';
import type { Lang, MetricDef } from '../data/types';
import { downloadBlob, downloadText } from '../export/download';
import { templateCsv, templateFileName, templateRows, templateYears } from './templates';
import { tr } from './strings';
import { loadXlsx } from './xlsxLib';

const THIS_YEAR = new Date().getFullYear();

export function TemplateForm({ lang, metrics }: { lang: Lang; metrics: readonly MetricDef[] }) {
  const id = useId();
  const [metricId, setMetricId] = useState(metrics[0]?.id ?? '');
  const [from, setFrom] = useState(THIS_YEAR - 5);
  const [to, setTo] = useState(THIS_YEAR - 1);
  const [error, setError] = useState<string | null>(null);
  const metric = metrics.find((m) => m.id === metricId);
  const years = templateYears(from, to);
  const xlsx = async () => {
    if (!metric) return;
    try {
      const XLSX = await loadXlsx();
      const ws = XLSX.utils.aoa_to_sheet(templateRows(metric, years, lang));
      ws['!cols'] = [{ wch: 10 }, { wch: 24 }, ...years.map(() => ({ wch: 8 })), { wch: 40 }];
      const wb = XLSX.utils.book_new();
      XLSX.utils.book_append_sheet(wb, ws, `${years[0]}-${years[years.length - 1]}`);
      const out = XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer;
      downloadBlob(new Blob([out], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), templateFileName(metric, years, lang, 'xlsx'));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <fieldset className="import-template" data-testid="import-template">
      <legend>{tr(lang, 'templateTitle')}</legend>
      <p className="muted import-small">{tr(lang, 'templateHelp')}</p>
      <div className="import-template-row">
        <label className="import-nm-field" htmlFor={`${id}-m`}>
          <span className="field-label">{tr(lang, 'templateMetric')}</span>
          <select id={`${id}-m`} value={metricId} onChange={(e) => setMetricId(e.target.value)} data-testid="template-metric">
            {metrics.map((m) => <option key={m.id} value={m.id}>{m.label[lang]} ({m.unit[lang]})</option>)}
          </select>
        </label>
        <label className="import-nm-field" htmlFor={`${id}-f`}>
          <span className="field-label">{tr(lang, 'templateFrom')}</span>
          <input id={`${id}-f`} type="number" min={1980} max={2100} value={from} onChange={(e) => setFrom(Number(e.target.value) || from)} data-testid="template-from" />
        </label>
        <label className="import-nm-field" htmlFor={`${id}-t`}>
          <span className="field-label">{tr(lang, 'templateTo')}</span>
          <input id={`${id}-t`} type="number" min={1980} max={2100} value={to} onChange={(e) => setTo(Number(e.target.value) || to)} data-testid="template-to" />
        </label>
      </div>
      <div className="dialog-actions">
        <button type="button" className="btn" disabled={!metric} data-testid="template-csv" onClick={() => metric && downloadText(templateCsv(metric, years, lang), templateFileName(metric, years, lang, 'csv'))}>
          {tr(lang, 'templateCsv')}
        </button>
        <button type="button" className="btn" disabled={!metric} data-testid="template-xlsx" onClick={() => void xlsx()}>
          {tr(lang, 'templateXlsx')}
        </button>
      </div>
      {error && <p className="notice error" role="alert">{error}</p>}
    </fieldset>
  );
}
