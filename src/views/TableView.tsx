/**
 * The table view: every figure behind the current metric and year as a
 * sortable table, with CSV downloads. Thin shell: rows come from
 * data/tableRows.ts, the CSV text from data/csvExport.ts; this file only
 * wires the store to them, renders (all data text as React text, never
 * HTML) and hands CSV text to export/download.ts.
 */
import { Fragment, useEffect, useMemo, useState } from 'react';
import { exportFileName, packageRowsCsv, tableCsv } from '../data/csvExport';
import { httpFetcher } from '../data/load';
import { joinTexts } from '../data/packageSplit';
import { regionName } from '../data/regions';
import { buildTableRows, defaultDir, NUMERIC_SORT_KEYS, sortRows, tableSummary, type SortDir, type SortKey, type TableRow, type TableYear } from '../data/tableRows';
import type { Lang } from '../data/types';
import { downloadText } from '../export/download';
import { tPer } from '../i18n/per';
import { tTable } from '../i18n/table';
import { useDrawn } from '../state/drawn';
import { useDetails } from '../state/data';
import { DetailsNote } from '../components/DetailsNote';
import { useStore } from '../state/store';
import { THIS_YEAR, useResolvedView } from '../state/useResolved';
import { ViewControls } from '../components/ViewControls';
import { Notice } from '../components/Notices';
import { COLUMNS, FigureRow, SectionRow } from './TableFigureRow';
import './table.css';

/** The text of the package's figures.csv and sources.csv with all their columns (quotes and notes joined in), fetched once when first needed. */
let rawPackage: Promise<[string, string]> | null = null;
function loadRawPackage(): Promise<[string, string]> {
  if (!rawPackage) {
    const fetchText = httpFetcher(document.baseURI);
    rawPackage = joinTexts((path) => fetchText(`data/${path}`)).then((t) => [t.figures, t.sources]);
    rawPackage.catch(() => {
      rawPackage = null;
    });
  }
  return rawPackage;
}

/** Whether the element scrolls sideways (then a hint is shown). Use the returned setter as the element's ref. */
function useOverflowX<T extends HTMLElement>(): [(el: T | null) => void, boolean] {
  const [el, setEl] = useState<T | null>(null);
  const [over, setOver] = useState(false);
  useEffect(() => {
    if (!el) return;
    const check = () => setOver(el.scrollWidth > el.clientWidth + 1);
    check();
    const ro = new ResizeObserver(check);
    ro.observe(el);
    const table = el.firstElementChild;
    if (table) ro.observe(table);
    return () => ro.disconnect();
  }, [el]);
  return [setEl, over];
}

function yearLabel(sel: TableYear, lang: Lang): string {
  return sel === 'all' ? tTable(lang, 'allYearsLabel') : sel === 'latest' ? tTable(lang, 'latestYears') : String(sel);
}

export default function TableView() {
  useDetails();
  const lang = useStore((s) => s.lang);
  const { pkg, index } = useDrawn();
  const resolved = useResolvedView();
  const [allYears, setAllYears] = useState(false);
  const [sort, setSort] = useState<{ key: SortKey; dir: SortDir }>({ key: 'value', dir: 'desc' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [scrollRef, overflowing] = useOverflowX<HTMLDivElement>();

  const metric = resolved?.metric ?? null;
  const sel: TableYear | null = allYears ? 'all' : resolved?.year ?? null;

  const data = useMemo(
    () => (metric && sel !== null && pkg ? buildTableRows(index, metric, sel, pkg.sources, THIS_YEAR) : null),
    [metric, sel, pkg, index],
  );
  const sorted = useMemo(() => {
    if (!data || !metric) return null;
    const s = (rows: TableRow[]) => sortRows(rows, sort.key, sort.dir, lang, metric);
    return { national: s(data.national), provinces: s(data.provinces), noData: s(data.noData) };
  }, [data, metric, sort, lang]);

  useEffect(() => setError(null), [metric, sel, lang]);

  if (!pkg) return null;

  const onSort = (key: SortKey) =>
    setSort((s) => (s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: defaultDir(key) }));

  const shown = sorted ? [...sorted.national, ...sorted.provinces, ...sorted.noData] : [];
  // a ratio's table has a column for its formula
  const cols = COLUMNS.length + (metric?.per ? 1 : 0);
  const caption = metric && sel !== null ? tTable(lang, 'caption', { metric: metric.label[lang], year: yearLabel(sel, lang) }) : '';
  const summary = data ? tableSummary(data) : null;

  const onCsv = () => {
    if (!metric || sel === null) return;
    downloadText(tableCsv(shown, metric, lang), exportFileName('table', metric, sel, lang));
  };
  const onPackage = async () => {
    if (!metric || sel === null) return;
    setBusy(true);
    setError(null);
    try {
      const [figText, srcText] = await loadRawPackage();
      // a ratio: the rows of both its inputs
      const ids = [...new Set(shown.flatMap((r) => (r.figure?.derived ? [r.figure.derived.numerator.id, r.figure.derived.denominator.id] : r.figure ? [r.figure.id] : [])))];
      const { csv, missing } = packageRowsCsv(figText, srcText, ids);
      if (missing.length) setError(tTable(lang, 'packageMissing', { n: missing.length, ids: missing.slice(0, 5).join(', ') }));
      downloadText(csv, exportFileName('package', metric, sel, lang));
    } catch (e) {
      setError(tTable(lang, 'packageError', { reason: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="table-view" id="main">
      <ViewControls resolved={resolved} year={!allYears} chart={false}>
        <label className="check" title={tTable(lang, 'allYearsHint')}>
          <input type="checkbox" data-testid="all-years-toggle" checked={allYears} onChange={(e) => setAllYears(e.target.checked)} />
          {tTable(lang, 'allYears')}
        </label>
      </ViewControls>

      {metric && sorted && summary && (
        <>
          <div className="table-toolbar">
            <p className="table-summary" data-testid="table-summary">
              {tTable(lang, 'summary', { p: summary.provinces, m: summary.noData, f: summary.figures })}
              {summary.conflicts > 0 && <span className="conflict">{tTable(lang, 'summaryConflicts', { k: summary.conflicts })}</span>}
            </p>
            <div className="table-downloads">
              <button type="button" className="btn" data-testid="download-csv" onClick={onCsv} title={tTable(lang, 'downloadCsvHint')}>
                ⤓ {tTable(lang, 'downloadCsv')}
              </button>
              <button type="button" className="btn" data-testid="download-package" onClick={() => void onPackage()} disabled={busy} title={tTable(lang, 'downloadPackageHint')}>
                ⤓ {busy ? tTable(lang, 'downloading') : tTable(lang, 'downloadPackage')}
              </button>
            </div>
          </div>
          {error && <Notice kind="error">{error}</Notice>}
          <DetailsNote lang={lang} />
          {summary.figures === 0 && <Notice>{tTable(lang, 'noFigures')}</Notice>}
          <p className="table-metric-def muted">
            <strong>{metric.label[lang]}</strong>{metric.definition && ` — ${metric.definition[lang]}`}
          </p>
          <h2 className="table-title" id="table-title">{caption}</h2>
          {overflowing && (
            <p className="table-scroll-hint" data-testid="scroll-hint" aria-hidden="true">
              {tTable(lang, 'scrollHint')}
            </p>
          )}
          <div className="table-scroll" ref={scrollRef} data-testid="table-scroll" tabIndex={0} role="region" aria-label={tTable(lang, 'tableLabel', { caption })}
            onKeyDown={(e) => {
              // ←/→ and Space scroll the table here; don't let the page-wide year keys (YearControl) take them
              if (e.key === 'ArrowLeft' || e.key === 'ArrowRight' || e.key === ' ') e.stopPropagation();
            }}>
            <table className="table-data" data-testid="data-table" aria-labelledby="table-title">
              <thead>
                <tr>
                  {COLUMNS.map((c) => {
                    const active = sort.key === c.key;
                    return (
                      <Fragment key={c.key}>
                      {c.key === 'note' && metric.per && <th scope="col" className="table-col-formula">{tPer(lang, 'formulaHead')}</th>}
                      <th
                        scope="col"
                        className={`table-col-${c.key}${NUMERIC_SORT_KEYS.has(c.key) ? ' num' : ''}`}
                        aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
                      >
                        <button type="button" className="table-sort" data-testid={`sort-${c.key}`} onClick={() => onSort(c.key)} title={tTable(lang, 'sortBy', { col: tTable(lang, c.label) })}>
                          {tTable(lang, c.label)}
                          <span className="table-sort-icon" aria-hidden="true">{active ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}</span>
                        </button>
                      </th>
                      </Fragment>
                    );
                  })}
                </tr>
              </thead>
              {sorted.national.length > 0 && (
                <tbody className="table-national">
                  <SectionRow label={tTable(lang, 'nationalSection')} cols={cols} />
                  {sorted.national.map((r) => (
                    <FigureRow key={r.key} row={r} lang={lang} metric={metric} />
                  ))}
                </tbody>
              )}
              {sorted.provinces.length > 0 && (
                <tbody className="table-provinces">
                  {sorted.national.length > 0 && <SectionRow label={tTable(lang, 'provincesSection')} cols={cols} />}
                  {sorted.provinces.map((r) => (
                    <FigureRow key={r.key} row={r} lang={lang} metric={metric} />
                  ))}
                </tbody>
              )}
              {sorted.noData.length > 0 && (
                <tbody className="table-nodata" data-testid="nodata-rows">
                  <SectionRow label={tTable(lang, 'noDataSection', { n: sorted.noData.length })} cols={cols} />
                  {sorted.noData.map((r) => (
                    <tr key={r.key} className="table-row table-row-nodata" data-region={r.region} data-testid="table-row-nodata">
                      <th scope="row" className="table-region">{regionName(r.region, lang)}</th>
                      <td className="num">{r.year ?? '—'}</td>
                      <td className="num table-value" title={tTable(lang, 'noDataHint')}>{tTable(lang, 'noData')}</td>
                      <td colSpan={cols - 3} />
                    </tr>
                  ))}
                </tbody>
              )}
            </table>
          </div>
          <p className="table-rank-note muted">{tTable(lang, 'rankNote')}</p>
        </>
      )}
    </main>
  );
}
