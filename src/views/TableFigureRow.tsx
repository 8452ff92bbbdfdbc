/** The rows of the table view: a section heading and one figure with its qualifier, rank, unit, source and quote (a ratio's: its formula and its denominator's source). */
import { safeHref } from '../charts/escape';
import { rankBase } from '../data/rankBase';
import { regionName } from '../data/regions';
import { sourceLabel, unitLabel, type SortKey, type TableRow } from '../data/tableRows';
import type { Lang, MetricDef, Source } from '../data/types';
import { formatFigure } from '../i18n/format';
import { rankText } from '../i18n/rankText';
import type { KeyOf } from '../i18n/lookup';
import { tPer } from '../i18n/per';
import { tTable } from '../i18n/table';
import { t } from '../i18n/ui';
import { CompilerNote, OriginalPublisher } from '../components/Annotations';

export const COLUMNS: { key: SortKey; label: KeyOf<typeof tTable> }[] = [
  { key: 'region', label: 'colRegion' },
  { key: 'year', label: 'colYear' },
  { key: 'value', label: 'colValue' },
  { key: 'qualifier', label: 'colQualifier' },
  { key: 'asOf', label: 'colAsOf' },
  { key: 'rank', label: 'colRank' },
  { key: 'unit', label: 'colUnit' },
  { key: 'note', label: 'colNote' },
  { key: 'source', label: 'colSource' },
  { key: 'quote', label: 'colQuote' },
];

/** Quotes longer than this are shown shortened, expandable. */
const QUOTE_PREVIEW = 36;

/** `cols`: the columns of the table (a ratio's has one more, its formula). */
export function SectionRow({ label, cols }: { label: string; cols: number }) {
  return (
    <tr className="table-section">
      <th colSpan={cols} scope="rowgroup">
        <span>{label}</span>
      </th>
    </tr>
  );
}

export function FigureRow({ row, lang, metric }: { row: TableRow; lang: Lang; metric: MetricDef }) {
  const f = row.figure!;
  const src = row.source;
  const href = src ? safeHref(src.url) : null;
  const quote = src?.quote ?? '';
  const multi = row.groupSize > 1;
  const cls = [
    'table-row',
    multi ? 'table-row-grouped' : '',
    multi && row.primary ? 'table-row-first' : '',
    multi && !row.primary ? 'table-row-cont' : '',
    row.conflict ? 'table-row-conflict' : '',
  ].filter(Boolean).join(' ');
  const qHint = f.qualifier === 'at_least' ? tTable(lang, 'q_at_least_hint') : f.qualifier === 'about' ? tTable(lang, 'q_about_hint') : undefined;
  return (
    <tr className={cls} data-region={row.region} data-testid="table-row" data-figure={f.id}>
      <th scope="row" className="table-region">
        {regionName(row.region, lang)}
        {row.conflict ? (
          <span className="table-badge table-badge-conflict" title={tTable(lang, 'conflictHint')} data-testid="conflict-badge">
            ⚠ {tTable(lang, 'conflict')}
          </span>
        ) : multi ? (
          <span className="table-badge">{tTable(lang, 'agree', { n: row.groupSize })}</span>
        ) : null}
      </th>
      <td className="num">{row.year}</td>
      <td className="num table-value" title={String(f.value)} data-value={f.value}>
        {formatFigure(f.value, f.qualifier, '', lang)}
      </td>
      <td className={`table-q table-q-${f.qualifier}`} title={qHint}>{tTable(lang, `q_${f.qualifier}`)}</td>
      <td className="num">{f.asOf ?? ''}</td>
      <td className="num table-rank" title={row.rank !== null && row.ranked !== null ? rankText(lang, rankBase(row.rank, row.ranked, row.yearsVary)) : undefined}>
        {row.rank !== null && row.ranked !== null ? rankText(lang, rankBase(row.rank, row.ranked, row.yearsVary), { short: true }) : '—'}
      </td>
      <td className="table-unit">
        {unitLabel(row, metric, lang)}
        {row.sourceUnit && <span className="table-sub" title={tTable(lang, 'sourceUnit', { unit: row.sourceUnit })}>（{row.sourceUnit}）</span>}
      </td>
      {metric.per && <td className="table-formula" data-testid="table-formula">{f.derived?.formula?.[lang] ?? ''}</td>}
      <td className="table-note"><CompilerNote note={f.note} lang={lang} empty="" /></td>
      <td className="table-source">
        {src ? (
          href ? (
            <a href={href} target="_blank" rel="noopener noreferrer" title={`${tTable(lang, 'openSource')}: ${href}`}>{sourceLabel(src)}</a>
          ) : (
            <span className="table-citation">{tTable(lang, 'citation')}: {src.citation}</span>
          )
        ) : (
          <span className="muted">?</span>
        )}
        <OriginalPublisher source={src} lang={lang} />
        {src?.date && <span className="table-sub"> · {src.date}</span>}
        {row.denominatorSource !== undefined && f.derived && <DenominatorSource source={row.denominatorSource} lang={lang} />}
      </td>
      <td className="table-quote" lang="zh">
        {quote.length > QUOTE_PREVIEW ? (
          <details>
            <summary title={tTable(lang, 'showQuote')}>
              <span className="table-quote-preview">“{quote.slice(0, QUOTE_PREVIEW - 6)}…”</span>
            </summary>
            <span className="table-quote-full">“{quote}”</span>
          </details>
        ) : quote ? (
          <span>“{quote}”</span>
        ) : null}
      </td>
    </tr>
  );
}

/** A ratio's second source: the denominator's (population, GDP), with its quote folded. */
function DenominatorSource({ source, lang }: { source: Source | null; lang: Lang }) {
  const href = source ? safeHref(source.url) : null;
  return (
    <div className="table-denominator" data-testid="denominator-source">
      <span className="table-sub">÷ {tPer(lang, 'denominatorSource')}{t(lang, 'colon')}</span>
      {source ? (href ? <a href={href} target="_blank" rel="noopener noreferrer" title={`${tTable(lang, 'openSource')}: ${href}`}>{sourceLabel(source)}</a> : <span>{source.citation}</span>) : <span className="muted">?</span>}
      <OriginalPublisher source={source} lang={lang} />
      {source?.quote && (
        <details>
          <summary>{tPer(lang, 'denominatorQuote')}</summary>
          <span className="table-quote-full" lang="zh">“{source.quote}”</span>
        </details>
      )}
    </div>
  );
}
