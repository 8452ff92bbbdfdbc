/** The top of the report: the file, how its text was read (encoding, delimiter) or that it is a workbook, and the counts. */
import type { Lang } from '../data/types';
import { numberFormat } from './frameSteps';
import { codepageText } from './report';
import { formatBytes, tr, type ImportKey } from './strings';
import { isLeftOut, type DelimiterId, type EncodingId, type ImportOptions } from './types';
import type { Result } from './useImportRun';

const ENC_KEY: Record<EncodingId, ImportKey> = { 'utf-8': 'enc_utf8', gb18030: 'enc_gb18030', 'utf-16le': 'enc_utf16le', 'utf-16be': 'enc_utf16be' };
const DELIM_KEY: Record<DelimiterId, ImportKey> = { ',': 'delim_comma', '\t': 'delim_tab', ';': 'delim_semicolon' };

export function EncodingSelect({ lang, opts, onRerun }: { lang: Lang; opts: ImportOptions; onRerun: (o: ImportOptions) => void }) {
  return (
    <select
      aria-label={tr(lang, 'encoding')}
      value={opts.encoding ?? ''}
      data-testid="import-encoding-select"
      onChange={(e) => onRerun({ ...opts, encoding: (e.target.value || undefined) as EncodingId | undefined, roles: {}, tables: {} })}
    >
      <option value="">{tr(lang, 'auto')}</option>
      <option value="utf-8">UTF-8</option>
      <option value="gb18030">GBK / GB18030</option>
      <option value="utf-16le">UTF-16 LE</option>
    </select>
  );
}

function Row({ label, children, ...rest }: { label: string; children: React.ReactNode } & Record<`data-${string}`, string | number | undefined>) {
  return (
    <div>
      <dt>{label}</dt>
      <dd {...rest}>{children}</dd>
    </div>
  );
}

export function ReportSummary({ lang, result, opts, onRerun }: { lang: Lang; result: Result; opts: ImportOptions; onRerun: (o: ImportOptions) => void }) {
  const a = result.analysis;
  const num = (n: number) => numberFormat(tr(lang, 'locale')).format(n);
  const rejected = a.problems.filter((p) => !isLeftOut(p)).length;
  const leftOut = a.problems.length - rejected;
  const encText = a.encoding === 'utf-8' && a.bom ? tr(lang, 'enc_utf8bom') : tr(lang, ENC_KEY[a.encoding]);
  return (
    <>
      <dl className="import-summary" data-testid="import-summary">
        <Row label={tr(lang, 'file')}>
          <span className="import-filename">{result.file.name}</span> · {formatBytes(a.bytes)}
        </Row>
        {a.format === 'csv' ? (
          <>
            <Row label={tr(lang, 'encoding')} data-testid="import-encoding" data-encoding={a.encoding}>
              {encText} <span className="muted">({tr(lang, `how_${a.encodingHow}` as ImportKey)})</span> <EncodingSelect lang={lang} opts={opts} onRerun={onRerun} />
            </Row>
            <Row label={tr(lang, 'delimiter')} data-testid="import-delimiter" data-delimiter={a.delimiter === '\t' ? 'tab' : a.delimiter}>
              {tr(lang, DELIM_KEY[a.delimiter])}{' '}
              <select
                aria-label={tr(lang, 'delimiter')}
                value={opts.delimiter ?? ''}
                onChange={(e) => onRerun({ ...opts, delimiter: (e.target.value || undefined) as DelimiterId | undefined, roles: {}, tables: {} })}
              >
                <option value="">{tr(lang, 'auto')}</option>
                <option value=",">{tr(lang, 'delim_comma')}</option>
                <option value={'\t'}>{tr(lang, 'delim_tab')}</option>
                <option value=";">{tr(lang, 'delim_semicolon')}</option>
              </select>
            </Row>
          </>
        ) : (
          <Row label={tr(lang, 'format')} data-testid="import-format" data-format={a.format} data-codepage={a.codepage}>
            {tr(lang, `format_${a.format}` as ImportKey)}
            {a.codepage ? <span className="muted"> · {codepageText(lang, a.codepage)}</span> : null}
          </Row>
        )}
        <Row label={tr(lang, 'rows')} data-testid="import-records">{num(a.records)}</Row>
        <Row label={tr(lang, 'rowsUsed')} data-testid="import-usable" data-rows={a.rowsUsed} data-figures={a.packed.n}>
          {tr(lang, 'rowsUsedText', { rows: num(a.rowsUsed), figures: num(a.packed.n) })}
        </Row>
        {a.rowsWithoutFigures > 0 && <Row label={tr(lang, 'rowsEmpty')}>{num(a.rowsWithoutFigures)}</Row>}
        <Row label={tr(lang, 'emptyCells')} data-testid="import-empty-cells" data-n={a.emptyCells}>
          {tr(lang, 'emptyCellsText', { n: num(a.emptyCells) })} <span className="muted import-small import-hint">{tr(lang, 'emptyCellsHint')}</span>
        </Row>
        {leftOut > 0 && <Row label={tr(lang, 'leftOutRows')} data-testid="import-left-out-count" data-n={leftOut}>{num(leftOut)}</Row>}
        <Row label={tr(lang, 'problemRows')} data-testid="import-problem-count" data-n={rejected}>{num(rejected)}</Row>
        {a.blankLines > 0 && <Row label={tr(lang, 'blankLines')}>{num(a.blankLines)}</Row>}
      </dl>
      <p className="muted import-small" data-testid="import-via">{tr(lang, result.via === 'worker' ? 'via_worker' : 'via_main')}</p>
      {a.replaced > 0 && <p className="notice warn">{tr(lang, 'replaced', { n: num(a.replaced) })}</p>}
    </>
  );
}
