import type { Cell, YearSelection } from '../data/query';
import type { Lang } from '../data/types';
import { formatFigure } from '../i18n/format';
import { t } from '../i18n/ui';

/** "来源不一致: 848 家 / 850 家" — every figure of a cell whose sources disagree. */
export function conflictText(cell: Cell, unit: string, lang: Lang): string {
  return `${t(lang, 'conflict')}: ${cell.all.map((f) => formatFigure(f.value, f.qualifier, unit, lang)).join(' / ')}`;
}

/** The national figure of the year under a chart: the value, its date, and every figure where sources disagree. */
export function NationalFigure({ lang, year, cell, unit, latestText }: {
  lang: Lang;
  year: YearSelection | null;
  cell: Cell | null;
  unit: string;
  /** said instead when 'latest' is shown (each province at its own year) */
  latestText: string;
}) {
  const f = cell?.primary;
  return (
    <div className="national" data-testid="national-figure">
      <span className="label">{t(lang, 'nationalFigure')}{typeof year === 'number' ? ` (${year})` : ''}: </span>
      {cell && f ? (
        <strong>
          {formatFigure(f.value, f.qualifier, unit, lang)}
          {f.asOf && ` (${t(lang, 'asOf', { date: f.asOf })})`}
          {cell.conflict && <span className="conflict"> ⚠ {conflictText(cell, unit, lang)}</span>}
        </strong>
      ) : (
        <span className="muted">{year === 'latest' ? latestText : t(lang, 'nationalNone')}</span>
      )}
    </div>
  );
}
