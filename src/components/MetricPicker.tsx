import { memo } from 'react';
import { useData } from '../state/data';
import { useStore } from '../state/store';
import { t } from '../i18n/ui';
import { coverageLabel } from '../i18n/labels';

/** The metric select (about 80 options): memoised, so that a year change does not re-render it. */
export const MetricPicker = memo(function MetricPicker({ value }: { value: string | null }) {
  const lang = useStore((s) => s.lang);
  const setMetric = useStore((s) => s.setMetric);
  const pkg = useData((s) => s.pkg);
  const cov = useData((s) => s.coverage);
  if (!pkg) return null;
  return (
    <label className="field metric-field">
      <span className="field-label">{t(lang, 'metric')}</span>
      <select data-testid="metric-select" value={value ?? ''} onChange={(e) => setMetric(e.target.value)}>
        {pkg.manifest.groups.map((g) => {
          const ms = pkg.manifest.metrics.filter((m) => m.group === g.id);
          if (!ms.length) return null;
          return (
            <optgroup key={g.id} label={g.label[lang]}>
              {ms.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.label[lang]} · {coverageLabel(cov.get(m.id), lang)}
                </option>
              ))}
            </optgroup>
          );
        })}
      </select>
    </label>
  );
});
