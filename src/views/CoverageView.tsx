/**
 * The coverage view: for the chosen metric, where figures exist — a province
 * × year matrix (exact / ≥ / ≈ / disagreeing sources), counts per year and per
 * province, each cell opening its figures, sources and quotes — and, below,
 * the same across all metrics. Thin: the matrices are data/coverageMatrix.ts.
 */
import { useMemo, useState } from 'react';
import { metricMatrix, type CellStatus, type CoverageCell } from '../data/coverageMatrix';
import { REGIONS, regionName } from '../data/regions';
import type { Lang, MetricDef, Source } from '../data/types';
import { formatFigure, formatNumber, QUALIFIER_MARK } from '../i18n/format';
import { tCoverage } from '../i18n/coverage';
import { useData, useDetails } from '../state/data';
import { useStore } from '../state/store';
import { THIS_YEAR, useResolvedView } from '../state/useResolved';
import { MetricPicker } from '../components/MetricPicker';
import { SourceItem } from '../components/SourceItem';
import { ViewLink } from '../components/ViewLink';
import { yearRanges } from '../i18n/labels';
import { CoverageAcross } from './CoverageAcross';
import './coverage.css';

const MARK: Record<CellStatus, string> = { exact: '', at_least: '≥', about: '≈', conflict: '⚠' };

/** The text in a cell: the value, compact (万 in zh), with its mark. */
function cellText(c: CoverageCell, lang: Lang): string {
  const f = c.cell.primary;
  return (c.status === 'conflict' ? '⚠' : QUALIFIER_MARK[f.qualifier].trim()) + formatNumber(f.value, lang);
}

export function StatusLegend({ lang }: { lang: Lang }) {
  return (
    <ul className="cov-legend" aria-label={tCoverage(lang, 'legend')} data-testid="coverage-legend">
      {(['exact', 'at_least', 'about', 'conflict'] as const).map((s) => (
        <li key={s}><span className={`cov-swatch cov-${s}`} aria-hidden="true">{MARK[s] || '●'}</span>{tCoverage(lang, `st_${s}`)}</li>
      ))}
      <li><span className="cov-swatch cov-empty" aria-hidden="true" />{tCoverage(lang, 'st_empty')}</li>
    </ul>
  );
}

interface Selected {
  region: string;
  year: number;
}

export default function CoverageView() {
  useDetails();
  const lang = useStore((s) => s.lang);
  const { pkg, index } = useData();
  // the metric only: the year parameter is the summary's year below
  const resolved = useResolvedView({ year: false });
  const metric = resolved?.metric ?? null;
  const mx = useMemo(() => (metric ? metricMatrix(index, metric.id, THIS_YEAR) : null), [index, metric]);
  const [sel, setSel] = useState<Selected | null>(null);
  if (!pkg || !metric || !mx) return null;
  const unit = metric.unit[lang];
  const name = (code: string) => (code === 'CN' ? tCoverage(lang, 'national') : regionName(code, lang));
  const status = (s: CellStatus) => tCoverage(lang, `st_${s}`);
  const selCell = sel ? (sel.region === 'CN' ? mx.national : mx.rows.find((r) => r.region === sel.region)?.cells)?.get(sel.year) : undefined;

  const cellTd = (region: string, year: number, c: CoverageCell | undefined) => {
    if (!c) return <td key={year} className="cov-cell cov-empty" title={tCoverage(lang, 'cellEmpty', { region: name(region), year })} />;
    const label = tCoverage(lang, 'cellLabel', { region: name(region), year, figure: formatFigure(c.cell.primary.value, c.cell.primary.qualifier, unit, lang), status: status(c.status) });
    const on = sel?.region === region && sel.year === year;
    return (
      <td key={year} className={`cov-cell cov-${c.status}${on ? ' cov-on' : ''}`}>
        <button type="button" aria-label={label} title={label} aria-pressed={on} data-region={region} data-year={year} data-status={c.status}
          onClick={() => setSel(on ? null : { region, year })}>
          {cellText(c, lang)}
        </button>
      </td>
    );
  };

  return (
    <main className="coverage-view" id="main">
      <div className="controls">
        <MetricPicker value={metric.id} />
      </div>
      <h2 className="view-title" id="cov-title">{tCoverage(lang, 'title', { metric: metric.label[lang] })}</h2>
      <p className="muted cov-intro">{tCoverage(lang, 'intro')}</p>
      <p className="cov-summary" data-testid="coverage-summary">
        {mx.years.length
          ? tCoverage(lang, 'summary', { p: mx.provinces, all: REGIONS.length, f: mx.filled, years: yearRanges(mx.years.filter((y) => (mx.perYear.get(y) ?? 0) > 0 || mx.national.has(y))) })
          : tCoverage(lang, 'noFigures')}
      </p>
      <StatusLegend lang={lang} />
      {mx.years.length > 0 && (
        <>
          <p className="cov-scroll-hint muted" aria-hidden="true">{tCoverage(lang, 'scrollHint')}</p>
          <div className="cov-scroll" tabIndex={0} role="region" aria-labelledby="cov-title" data-testid="coverage-scroll"
            onKeyDown={(e) => {
              // ←/→ scroll the matrix here; the page-wide year keys must not take them
              if (e.key === 'ArrowLeft' || e.key === 'ArrowRight' || e.key === ' ') e.stopPropagation();
            }}>
            <table className="cov-table" data-testid="coverage-matrix" aria-label={tCoverage(lang, 'tableLabel', { metric: metric.label[lang] })}>
              <thead>
                <tr>
                  <th scope="col" className="cov-region">{tCoverage(lang, 'region')}</th>
                  {mx.years.map((y) => <th scope="col" key={y} className="num">{y}</th>)}
                  <th scope="col" className="num">{tCoverage(lang, 'yearsCount')}</th>
                </tr>
              </thead>
              <tbody>
                <tr className="cov-national" data-region="CN">
                  <th scope="row" className="cov-region">{tCoverage(lang, 'national')}</th>
                  {mx.years.map((y) => cellTd('CN', y, mx.national.get(y)))}
                  <td className="num">{mx.national.size}</td>
                </tr>
                {mx.rows.map((r) => (
                  <tr key={r.region} data-region={r.region} data-testid="coverage-row" className={r.count ? '' : 'cov-row-empty'}>
                    <th scope="row" className="cov-region">{regionName(r.region, lang)}</th>
                    {mx.years.map((y) => cellTd(r.region, y, r.cells.get(y)))}
                    <td className="num">{r.count}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" className="cov-region">{tCoverage(lang, 'perYear')}</th>
                  {mx.years.map((y) => <td key={y} className="num" data-testid="coverage-per-year">{mx.perYear.get(y) ?? 0}</td>)}
                  <td className="num">{mx.filled}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        </>
      )}
      {sel && selCell && (
        <CellDetail lang={lang} metric={metric} region={sel.region} year={sel.year} c={selCell} sources={pkg.sources} name={name(sel.region)}
          onClose={() => setSel(null)} />
      )}
      <CoverageAcross lang={lang} />
    </main>
  );
}

function CellDetail(p: {
  lang: Lang; metric: MetricDef; region: string; year: number; c: CoverageCell; sources: ReadonlyMap<string, Source>; name: string;
  onClose: () => void;
}) {
  const { lang, metric, year, c, sources } = p;
  return (
    <section className="cov-detail" aria-live="polite" data-testid="coverage-detail">
      <h3>{tCoverage(lang, 'detailTitle', { region: p.name, year })} · {metric.label[lang]}
        <button type="button" className="btn cov-close" onClick={p.onClose}>{tCoverage(lang, 'closeDetail')}</button>
      </h3>
      <p className={`cov-status cov-${c.status}`}>{tCoverage(lang, `st_${c.status}`)}</p>
      <ul className="sources-list">
        {c.cell.all.map((f) => {
          const s = sources.get(f.sourceId);
          const fig = formatFigure(f.value, f.qualifier, metric.unit[lang], lang) + (f.asOf ? ` (${f.asOf})` : '');
          return s ? <SourceItem key={f.id} source={s} lang={lang} figures={fig} /> : <li key={f.id}>{fig}</li>;
        })}
      </ul>
      <p className="cov-links">
        <ViewLink to={{ view: 'map', metric: metric.id, year }}>{tCoverage(lang, 'openMap', { year })} →</ViewLink>
        <ViewLink to={{ view: 'table', metric: metric.id, year }}>{tCoverage(lang, 'openTable', { year })} →</ViewLink>
      </p>
    </section>
  );
}
