/**
 * Rows not imported: the rejected ones (each with its line, its text and
 * why; downloadable to fix and import again) and the ones left out on
 * purpose (a note under the table, a row that is not a province).
 */
import { useMemo, useState } from 'react';
import type { Lang } from '../data/types';
import { downloadText } from '../export/download';
import { rejectedRowsCsv, safeBaseName } from './dataset';
import { numberFormat, useFrameSteps, AT_ONCE } from './frameSteps';
import type { ReportAnalysis } from './pack';
import { reasonText, tr } from './strings';
import { isLeftOut, RAW_SHOWN, type ProblemRow } from './types';

const FIRST_PROBLEMS = 50;
const MAX_PROBLEMS_SHOWN = 1000;

function Rows({ lang, rows, testId }: { lang: Lang; rows: ProblemRow[]; testId: string }) {
  return (
    <div className="import-table-wrap import-problems-wrap">
      <table className="import-table">
        <thead>
          <tr>
            <th scope="col">{tr(lang, 'pLine')}</th>
            <th scope="col">{tr(lang, 'pReason')}</th>
            <th scope="col">{tr(lang, 'pRaw')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={`${p.sheet}:${p.line}`} data-testid={testId} data-line={p.line} data-sheet={p.sheet}>
              <td className="import-line">{p.sheet ? `${p.sheet} · ${p.line}` : p.line}</td>
              <td className="import-reason">{p.reasons.map((r) => reasonText(lang, r)).join(tr(lang, 'reasonSep'))}</td>
              <td className="import-raw">
                {p.raw}
                {p.rawLength > RAW_SHOWN && <span className="muted">{tr(lang, 'rawMore', { n: p.rawLength.toLocaleString() })}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ProblemsList({ lang, a, fileName }: { lang: Lang; a: ReportAnalysis; fileName: string }) {
  const [all, setAll] = useState(false);
  const num = (n: number) => numberFormat(tr(lang, 'locale')).format(n);
  const [rejected, leftOut] = useMemo(() => [a.problems.filter((p) => !isLeftOut(p)), a.problems.filter(isLeftOut)], [a.problems]);
  // many problem rows: the first ones in one frame, the rest of the first FIRST_PROBLEMS in the next
  const drawnAll = useFrameSteps(rejected.length > AT_ONCE.problems ? 0 : 1, 1);
  const shown = rejected.slice(0, all ? MAX_PROBLEMS_SHOWN : drawnAll ? FIRST_PROBLEMS : AT_ONCE.problems);
  const download = () => {
    const csv = rejectedRowsCsv({ ...a, problems: rejected }, lang, (r) => reasonText(lang, r));
    downloadText(csv, `${safeBaseName(fileName)}-${tr(lang, 'rejectedFile')}.csv`);
  };
  return (
    <>
      {leftOut.length > 0 && (
        <div className="import-section" data-testid="import-left-out">
          <h4>{tr(lang, 'leftOut', { n: num(leftOut.length) })}</h4>
          <p className="muted import-small">{tr(lang, 'leftOutHelp')}</p>
          <Rows lang={lang} rows={leftOut.slice(0, MAX_PROBLEMS_SHOWN)} testId="import-left-out-row" />
        </div>
      )}
      <div className="import-section" data-testid="import-problems">
        <h4>{tr(lang, 'problems', { n: num(rejected.length) })}</h4>
        {!rejected.length ? (
          <p className="muted">{tr(lang, 'problemsNone')}</p>
        ) : (
          <>
            <p className="muted import-small">{tr(lang, 'problemsHelp')}</p>
            <div className="dialog-actions">
              <button type="button" className="btn" onClick={download} data-testid="import-download-rejected">{tr(lang, 'downloadRejected')}</button>
            </div>
            <Rows lang={lang} rows={shown} testId="import-problem" />
            {!all && rejected.length > FIRST_PROBLEMS && (
              <button type="button" className="btn" onClick={() => setAll(true)}>{tr(lang, 'showAll', { n: num(Math.min(rejected.length, MAX_PROBLEMS_SHOWN)) })}</button>
            )}
            {all && rejected.length > MAX_PROBLEMS_SHOWN && <p className="muted import-small">{tr(lang, 'showingFirst', { n: MAX_PROBLEMS_SHOWN })}</p>}
          </>
        )}
      </div>
    </>
  );
}
