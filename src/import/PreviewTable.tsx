/** The first figures as they will be imported: region, year, metric, value (with its qualifier), as of. */
import { regionName } from '../data/regions';
import type { Lang, MetricDef } from '../data/types';
import { formatFigure } from '../i18n/format';
import type { MetricChoice } from './dataset';
import { pathLabel } from './headerRows';
import { draftAt, type ReportAnalysis } from './pack';
import { tr } from './strings';

/** A new metric's name in the reader's language first, the other where it is missing. */
const LABEL_ORDER: Record<Lang, readonly ('labelZh' | 'labelEn')[]> = { zh: ['labelZh', 'labelEn'], en: ['labelEn', 'labelZh'] };

export function PreviewTable({ lang, a, n, choices, known }: { lang: Lang; a: ReportAnalysis; n: number; choices: Record<string, MetricChoice>; known: readonly MetricDef[] }) {
  const pathOf = new Map(a.metricKeys.filter((k) => k.path).map((k) => [k.key, pathLabel(k.path!)]));
  const label = (key: string) => {
    const c = choices[key];
    if (c?.kind === 'existing') return known.find((m) => m.id === c.id)?.label[lang] ?? c.id;
    const own = c?.kind === 'new' ? LABEL_ORDER[lang].map((k) => c[k].trim()).find(Boolean) : '';
    return own || pathOf.get(key) || key || tr(lang, 'metricUnnamed');
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
                <td className="import-line">{d.sheet ? `${d.sheet} · ${d.line}` : d.line}</td>
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
