/**
 * The report of a file read: how it was read (summary), its sheets and
 * tables (header rows, year, columns), the metrics to match, where the
 * figures come from, a preview, every row left out or rejected, then
 * confirm. A big report is drawn top first, a part per frame.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { Lang } from '../data/types';
import { afterNextPaint } from '../components/afterPaint';
import type { MetricChoice } from './dataset';
import { AT_ONCE, numberFormat, useFrameSteps } from './frameSteps';
import type { Known } from './ImportPanel';
import { MetricsStep } from './MetricsStep';
import { PreviewTable } from './PreviewTable';
import { ProblemsList } from './ProblemsList';
import { ReportSummary, EncodingSelect } from './ReportSummary';
import { SheetPicker } from './SheetPicker';
import { SourceFields } from './SourceFields';
import { blockingText, choiceErrorText, fatalText, tr } from './strings';
import { TableSection } from './TableSection';
import type { ImportOptions } from './types';
import type { Result } from './useImportRun';

/** the parts: 1 heading, summary, tables and the confirm button, 2 columns, 3 metrics, 4 preview, 5 problems, 6 what is still missing */
const PARTS = 6;

export interface ReportProps {
  lang: Lang;
  result: Result;
  opts: ImportOptions;
  onRerun: (o: ImportOptions) => void;
  choices: Record<string, MetricChoice>;
  setChoices: (f: (c: Record<string, MetricChoice>) => Record<string, MetricChoice>) => void;
  known: Known;
  choiceProblems: { key: string; errors: readonly string[] }[];
  mode: 'combined' | 'user';
  setMode: (m: 'combined' | 'user') => void;
  given: { citation: string; url: string };
  setGiven: (g: { citation: string; url: string }) => void;
  ready: boolean;
  busy: boolean;
  onConfirm: () => void;
  onAnother: () => void;
  chooser: React.ReactNode;
  headingId: string;
}

export function Report(p: ReportProps) {
  const { lang, result, opts, onRerun } = p;
  const a = result.analysis;
  const num = (n: number) => numberFormat(tr(lang, 'locale')).format(n);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // a new file's report takes the focus once it has been painted (a re-run with other options
  // leaves it where it is): focus() lays the page out to scroll the heading into view, which
  // straight after the report was inserted made React's effects task 23–25 ms longer at 4× CPU
  useEffect(() => afterNextPaint(() => headingRef.current?.focus()), [result.file]);
  const columns = a.tables.reduce((k, t) => k + t.columns.length, 0);
  const big = a.metricKeys.length > AT_ONCE.metrics || a.problems.length > AT_ONCE.problems || columns > AT_ONCE.columns;
  const part = useFrameSteps(big ? 1 : PARTS, PARTS);
  // how many different 来源 cells the figures have (once per analysis, not on each part drawn)
  const fromColumn = useMemo(() => {
    const seen = new Set<number>();
    const { n, source, strings } = a.packed;
    for (let i = 0; i < n; i++) seen.add(source[i]!);
    return [...seen].filter((s) => strings[s]).length;
  }, [a]);
  const heading = (
    <h3 id={p.headingId} ref={headingRef} tabIndex={-1}>
      {tr(lang, 'report')}{tr(lang, 'colon')}{result.file.name}
    </h3>
  );

  if (a.fatal) {
    return (
      <section className="import-report" aria-labelledby={p.headingId} data-testid="import-report" data-via={result.via}>
        {heading}
        <p className="notice error" role="alert" data-testid="import-fatal" data-code={a.fatal.code}>
          {fatalText(lang, a.fatal.code, { n: a.fatal.n, detail: a.fatal.detail })}
        </p>
        {(a.fatal.code === 'one-column' || a.fatal.code === 'empty' || a.fatal.code === 'no-data-rows') && (
          <div className="import-overrides">
            <label className="field">
              <span className="field-label">{tr(lang, 'encoding')}</span>
              <EncodingSelect lang={lang} opts={opts} onRerun={onRerun} />
            </label>
          </div>
        )}
        {p.chooser}
      </section>
    );
  }

  const previewN = Math.min(8, a.packed.n);
  const fileBlocking = a.blocking.filter((b) => !a.tables.some((t) => t.blocking.includes(b)));

  return (
    <section className="import-report" aria-labelledby={p.headingId} aria-busy={p.busy} data-testid="import-report" data-via={result.via} data-complete={part >= PARTS}>
      {heading}
      <ReportSummary lang={lang} result={result} opts={opts} onRerun={onRerun} />
      {a.format !== 'csv' && <SheetPicker lang={lang} sheets={a.sheets} opts={opts} onRerun={onRerun} />}
      {fileBlocking.map((b) => (
        <p key={b} className="notice error" role="alert" data-testid={`import-blocking-${b}`}>
          {blockingText(lang, b, b === 'too-many-metrics' ? a.metricKeys.length : 0)}
        </p>
      ))}
      {a.tables.map((t, i) => (
        <TableSection key={t.sheet} lang={lang} table={t} index={i} opts={opts} onRerun={onRerun} fileName={result.file.name} showColumns={part >= 2} />
      ))}
      {part >= 3 && a.metricKeys.length > 0 && a.metricKeys.length <= 100 && <MetricsStep lang={lang} keys={a.metricKeys} choices={p.choices} setChoices={p.setChoices} known={p.known} />}
      {part >= 3 && a.packed.n > 0 && <SourceFields lang={lang} given={p.given} setGiven={p.setGiven} fromColumn={fromColumn} />}
      {part >= 4 && previewN > 0 && <PreviewTable lang={lang} a={a} n={previewN} choices={p.choices} known={p.known.all} />}
      {part >= 5 && <ProblemsList lang={lang} a={a} fileName={result.file.name} />}
      <fieldset className="import-mode">
        <legend>{tr(lang, 'mode')}</legend>
        <label className="check">
          <input type="radio" name="import-mode" checked={p.mode === 'combined'} onChange={() => p.setMode('combined')} data-testid="import-mode-combined" />
          {tr(lang, 'modeCombined')}
        </label>
        <label className="check">
          <input type="radio" name="import-mode" checked={p.mode === 'user'} onChange={() => p.setMode('user')} data-testid="import-mode-user" />
          {tr(lang, 'modeUser')}
        </label>
      </fieldset>
      {part >= 6 && !p.ready && !p.busy && (
        <div className="import-not-ready" data-testid="import-not-ready">
          <span>{tr(lang, 'notReady')}</span>
          <ul>
            {a.blocking.map((b) => <li key={b}>{blockingText(lang, b, a.metricKeys.length)}</li>)}
            {p.choiceProblems.map((c) => (
              <li key={`m-${c.key}`}>
                {c.key || tr(lang, 'metricUnnamed')}{tr(lang, 'colon')}{choiceErrorText(lang, c.errors)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="dialog-actions import-actions">
        <button type="button" className="btn primary" disabled={!p.ready} onClick={p.onConfirm} data-testid="import-confirm">
          {tr(lang, 'confirm', { n: num(a.packed.n) })}
        </button>
        <button type="button" className="btn" onClick={p.onAnother} data-testid="import-another">{tr(lang, 'another')}</button>
      </div>
    </section>
  );
}
