/** The coverage view's summary across metrics: provinces × metrics for one year or any year. */
import { useMemo } from 'react';
import { allYears, coverageSummary } from '../data/coverageMatrix';
import { regionName } from '../data/regions';
import type { Lang } from '../data/types';
import { tCoverage } from '../i18n/coverage';
import { t } from '../i18n/ui';
import { useData } from '../state/data';
import { useStore } from '../state/store';
import { DEFAULT_STATE, toQuery } from '../state/url';
import { browserHandles } from '../state/navigation';
import { THIS_YEAR } from '../state/useResolved';

export function CoverageAcross({ lang }: { lang: Lang }) {
  const { pkg, index } = useData();
  const wantYear = useStore((s) => s.year);
  const metricId = useStore((s) => s.metric);
  const navigate = useStore((s) => s.navigate);
  const years = useMemo(() => allYears(index, THIS_YEAR), [index]);
  // the year parameter: a year with figures, else any year
  const year = typeof wantYear === 'number' && years.includes(wantYear) ? wantYear : 'any';
  const sum = useMemo(() => (pkg ? coverageSummary(index, pkg.manifest.metrics, year, THIS_YEAR) : null), [pkg, index, year]);
  if (!pkg || !sum) return null;
  const yearLabel = year === 'any' ? tCoverage(lang, 'anyYear') : String(year);

  return (
    <section className="cov-across" data-testid="coverage-across">
      <h2 className="view-title" id="cov-across-title">{tCoverage(lang, 'acrossTitle')}</h2>
      <p className="muted cov-intro">{tCoverage(lang, 'acrossIntro')}</p>
      <div className="controls">
        <label className="field">
          <span className="field-label">{tCoverage(lang, 'yearChoice')}</span>
          <select data-testid="coverage-year" value={year === 'any' ? '' : String(year)}
            onChange={(e) => useStore.getState().setParam('year', e.target.value ? Number(e.target.value) : 'latest')}>
            <option value="">{tCoverage(lang, 'anyYear')}</option>
            {[...years].reverse().map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </label>
      </div>
      {sum.metrics.length === 0 ? (
        <p className="notice">{tCoverage(lang, 'noneAcross')}</p>
      ) : (
        <div className="cov-scroll" tabIndex={0} role="region" aria-labelledby="cov-across-title"
          onKeyDown={(e) => {
            if (e.key === 'ArrowLeft' || e.key === 'ArrowRight' || e.key === ' ') e.stopPropagation();
          }}>
          <table className="cov-table cov-across-table" data-testid="coverage-across-matrix" aria-label={tCoverage(lang, 'acrossLabel', { year: yearLabel })}>
            <thead>
              <tr>
                <th scope="col" className="cov-region">{tCoverage(lang, 'region')}</th>
                {sum.metrics.map((m) => (
                  <th scope="col" key={m.id} className={`cov-metric${m.id === metricId ? ' cov-current' : ''}`} title={m.definition?.[lang]}>
                    <span>{m.label[lang]}</span>
                  </th>
                ))}
                <th scope="col" className="num">{tCoverage(lang, 'metricsCount')}</th>
              </tr>
            </thead>
            <tbody>
              {sum.rows.map((r) => (
                <tr key={r.region} data-region={r.region} data-testid="coverage-across-row">
                  <th scope="row" className="cov-region">{regionName(r.region, lang)}</th>
                  {sum.metrics.map((m) => {
                    const c = r.cells.get(m.id);
                    if (!c) return <td key={m.id} className="cov-cell cov-empty" />;
                    const label =
                      year === 'any'
                        ? tCoverage(lang, 'acrossCell', { region: regionName(r.region, lang), metric: m.label[lang], n: c.years, year: c.year })
                        : tCoverage(lang, 'acrossCellYear', { region: regionName(r.region, lang), metric: m.label[lang], year: c.year, status: tCoverage(lang, `st_${c.status}`) });
                    const href = toQuery({ ...DEFAULT_STATE, lang, view: 'coverage', metric: m.id });
                    return (
                      <td key={m.id} className={`cov-cell cov-${c.status}`}>
                        <a href={href} aria-label={label} title={label}
                          onClick={(e) => {
                            if (browserHandles(e)) return;
                            e.preventDefault();
                            navigate({ view: 'coverage', metric: m.id });
                            document.getElementById('main')?.scrollIntoView();
                          }}>
                          {year === 'any' ? c.years : c.status === 'exact' ? '●' : c.status === 'conflict' ? '⚠' : c.status === 'at_least' ? '≥' : '≈'}
                        </a>
                      </td>
                    );
                  })}
                  <td className="num">{r.count}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" className="cov-region">{tCoverage(lang, 'provincesCount')}</th>
                {sum.metrics.map((m) => <td key={m.id} className="num">{sum.perMetric.get(m.id) ?? 0}</td>)}
                <td />
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      {sum.nationalOnly.length > 0 && (
        <p className="muted cov-national-only">
          {tCoverage(lang, 'nationalOnly', { n: sum.nationalOnly.length })}
          {sum.nationalOnly.map((m) => m.label[lang]).join(t(lang, 'listSep'))}
        </p>
      )}
    </section>
  );
}
