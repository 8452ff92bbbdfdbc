import type { Coverage } from '../data/query';
import type { Lang, MetricDef } from '../data/types';
import { yearRanges } from '../i18n/labels';
import { t } from '../i18n/ui';

/** The metric's name, definition and kind, and where it has figures. */
export function MetricInfo({ lang, metric, cov, provinces, more = '' }: {
  lang: Lang;
  metric: MetricDef;
  cov: Coverage | undefined;
  /** provinces drawn with a figure */
  provinces?: number;
  /** appended inside the brackets */
  more?: string;
}) {
  return (
    <div className="metric-info">
      <strong>{metric.label[lang]}</strong>{metric.definition && ` — ${metric.definition[lang]}`}{' '}
      <span className="muted">
        ({t(lang, `kind_${metric.kind}`)}
        {provinces !== undefined && `; ${t(lang, 'provincesWithData', { n: provinces })}`}
        {cov?.nationalYears.length ? `; ${t(lang, 'nationalYears')}: ${yearRanges(cov.nationalYears)}` : ''}
        {more})
      </span>
    </div>
  );
}
