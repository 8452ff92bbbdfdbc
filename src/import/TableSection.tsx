/**
 * One table of the file (a CSV file, or one sheet): its layout, where its
 * header is (and a choice of another row), its unit, its year and where that
 * came from (and a choice of another), the title lines above it, and how
 * each column was understood.
 */
import { useState } from 'react';
import type { Lang } from '../data/types';
import { ColumnsTable } from './ColumnsTable';
import { headerText, tableName, yearText } from './report';
import { blockingText, fatalText, layoutLabel, tr } from './strings';
import type { ImportOptions, TableOptions, TableReport } from './types';
import { YearInput } from './YearInput';

/** The options with one table's changed. */
export function withTable(opts: ImportOptions, sheet: string, patch: TableOptions): ImportOptions {
  return { ...opts, tables: { ...opts.tables, [sheet]: { ...opts.tables?.[sheet], ...patch } } };
}

function yearInName(name: string): number | null {
  const m = /(?:^|\D)((?:19[89]|20\d)\d)(?!\d)/.exec(name);
  return m ? Number(m[1]) : null;
}

export function TableSection({ lang, table: t, index, opts, onRerun, fileName, showColumns }: { lang: Lang; table: TableReport; index: number; opts: ImportOptions; onRerun: (o: ImportOptions) => void; fileName: string; showColumns: boolean }) {
  const [changeYear, setChangeYear] = useState(false);
  const own = opts.tables?.[t.sheet] ?? {};
  const rerun = (patch: TableOptions) => onRerun(withTable(opts, t.sheet, patch));
  const needsYear = t.blocking.includes('needs-year') || t.blocking.includes('year-disagrees');
  const lines = Array.from({ length: Math.max(t.headerLine + 5, 10) }, (_, i) => i + 1);
  const seen = (y: number | null) => (y === null ? tr(lang, 'yearNone') : String(y));
  return (
    <section className="import-table-section" data-testid="import-table" data-sheet={t.sheet} aria-label={tableName(lang, t)}>
      {t.sheet && <h4 className="import-table-name">{tableName(lang, t)}</h4>}
      {t.fatal ? (
        <p className="notice warn" data-testid="import-table-fatal">{tr(lang, 'sheetFailed', { reason: fatalText(lang, t.fatal.code, { n: t.fatal.n, detail: t.fatal.detail }) })}</p>
      ) : (
        <dl className="import-summary">
          <div>
            <dt>{tr(lang, 'layout')}</dt>
            <dd data-testid="import-layout" data-layout={t.layout}>{layoutLabel(lang, t.layout)}</dd>
          </div>
          <div>
            <dt>{tr(lang, 'headerLine')}</dt>
            <dd data-testid="import-header" data-line={t.headerLine} data-rows={t.headerRows}>
              {headerText(lang, t)}
              <span className="import-header-choice">
                <label>
                  {tr(lang, 'headerStart')}{' '}
                  <select value={own.headerLine ?? ''} data-testid="import-header-line" onChange={(e) => rerun({ headerLine: e.target.value ? Number(e.target.value) : undefined, roles: {} })}>
                    <option value="">{tr(lang, 'auto')}</option>
                    {lines.map((l) => <option key={l} value={l}>{l}</option>)}
                  </select>
                </label>
                <label>
                  {tr(lang, 'headerCount')}{' '}
                  <select value={own.headerRows ?? ''} data-testid="import-header-rows" onChange={(e) => rerun({ headerRows: e.target.value ? Number(e.target.value) : undefined, roles: {} })}>
                    <option value="">{tr(lang, 'auto')}</option>
                    {[1, 2, 3].map((n) => <option key={n} value={n}>{n}</option>)}
                  </select>
                </label>
              </span>
            </dd>
          </div>
          {t.unit && (
            <div>
              <dt>{tr(lang, 'unit')}</dt>
              <dd data-testid="import-unit">{tr(lang, 'unitAbove', { unit: t.unit })}</dd>
            </div>
          )}
          {t.year !== null && (
            <div>
              <dt>{tr(lang, 'year')}</dt>
              <dd data-testid="import-table-year" data-year={t.year} data-how={t.yearHow ?? ''}>
                <strong>{yearText(lang, t)}</strong>{' '}
                <button type="button" className="btn link" aria-expanded={changeYear} onClick={() => setChangeYear(!changeYear)} data-testid="import-year-change">{tr(lang, 'yearOther')}</button>
              </dd>
            </div>
          )}
        </dl>
      )}
      {t.blocking.map((b) => (
        <p key={b} className="notice error" role="alert" data-testid={`import-blocking-${b}`}>{blockingText(lang, b)}</p>
      ))}
      {(needsYear || changeYear || (own.fixedYear != null && t.year === null)) && (
        <YearInput
          lang={lang}
          value={own.fixedYear ?? opts.fixedYear ?? null}
          suggested={t.titleYear ?? t.sheetYear ?? yearInName(fileName)}
          seen={t.titleYear !== null || t.sheetYear !== null ? tr(lang, 'yearSeen', { title: seen(t.titleYear), sheet: t.sheet ? seen(t.sheetYear) : tr(lang, 'yearNone') }) : ''}
          onYear={(y) => rerun({ fixedYear: y })}
        />
      )}
      {t.above.length > 0 && (
        <div className="import-above">
          <h4>{tr(lang, 'aboveLines')}</h4>
          <ul>
            {t.above.map((l) => (
              <li key={l.line}>
                <span className="import-line">{l.line}</span> <span className="import-raw">{l.raw}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {showColumns && !t.fatal && <ColumnsTable lang={lang} table={t} index={index} onRoles={(roles) => rerun({ roles })} roles={own.roles ?? opts.roles ?? {}} />}
    </section>
  );
}
