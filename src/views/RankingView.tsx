import { lazy, Suspense } from 'react';
import { shareText } from '../charts/rankingOption';
import type { RankingModel } from '../charts/rankingModel';
import { regionName } from '../data/regions';
import { formatFigure } from '../i18n/format';
import { tRanking } from '../i18n/ranking';
import { t } from '../i18n/ui';
import { useStore } from '../state/store';
import { THIS_YEAR } from '../state/useResolved';
import { useMedia } from '../hooks';
import { ChartPanel } from '../components/ChartPanel';
import { ViewControls } from '../components/ViewControls';
import { SourcesPanel } from '../components/SourcesPanel';
import { Notice } from '../components/Notices';
import { conflictText, NationalFigure } from '../components/NationalFigure';
import { MetricInfo } from '../components/MetricInfo';
import { ViewLink } from '../components/ViewLink';
import { useRankingChart } from './useRankingChart';
import { findingsExport, panelSources } from './chartModel';
import type { Lang } from '../data/types';
import { rankBase } from '../data/rankBase';
import { rankText } from '../i18n/rankText';
import { HideStaleControl } from './MapReadingControls';
import './ranking.css';

const ViewFindings = lazy(() => import('./ViewFindings'));

const TOP_CHOICES = [5, 10, 15, 20] as const;

function TopControl() {
  const lang = useStore((s) => s.lang);
  const top = useStore((s) => s.top);
  const setTop = useStore((s) => s.setTop);
  const choices: number[] = [...TOP_CHOICES];
  if (top !== null && !choices.includes(top)) choices.push(top), choices.sort((a, b) => a - b);
  return (
    <label className="field ranking-top">
      <span className="field-label">{tRanking(lang, 'top')}</span>
      <select data-testid="top-select" aria-label={tRanking(lang, 'topAria')} value={top === null ? '' : String(top)}
        onChange={(e) => setTop(e.target.value === '' ? null : Number(e.target.value))}>
        <option value="">{tRanking(lang, 'topAll')}</option>
        {choices.map((n) => (
          <option key={n} value={String(n)}>{tRanking(lang, 'topN', { n })}</option>
        ))}
      </select>
    </label>
  );
}

/** The provinces ranked for a metric and year, with the provinces without data, the national figure, the list and the sources. */
export default function RankingView() {
  const compact = useMedia('(max-width: 700px)');
  const { lang, pkg, index, resolved, metric, year, view, option, onEvents, cov, height, label, findings } = useRankingChart(compact);
  if (!pkg) return null;
  const model = view?.model;
  const unit = metric?.unit[lang] ?? '';

  return (
    <main className="ranking-view" id="main">
      <ViewControls resolved={resolved}>
        <TopControl />
        {year === 'latest' && <HideStaleControl lang={lang} stale={model?.stale ?? null} />}
      </ViewControls>
      {cov && cov.provincesAnyYear === 0 && <Notice>{tRanking(lang, 'nationalOnly')}</Notice>}
      {cov && cov.provincesAnyYear > 0 && model && model.ranked === 0 && <Notice>{tRanking(lang, 'noBars')}</Notice>}
      {option && metric && (
        <ChartPanel option={option} label={label} height={height} testId="ranking-chart" onEvents={onEvents}
          exportInfo={{ metric, year, view: 'ranking', csv: async () => (await import('../data/csvExport')).chartDataCsv(index, metric, year ?? 'latest', pkg.sources, lang, THIS_YEAR), findings: findingsExport(findings, lang, { index, pkg }) }} />
      )}
      {metric && view && model && (
        <div className="below-chart">
          {findings && (
            <Suspense fallback={null}>
              <ViewFindings spec={findings} title={label} />
            </Suspense>
          )}
          <RankingNotes lang={lang} model={model} latest={year === 'latest'} hint={!!option} />
          <NationalFigure lang={lang} year={year} cell={model.national} unit={unit} latestText={tRanking(lang, 'yearsVaryShare')} />
          {model.bars.length > 0 && <RankedList lang={lang} model={model} unit={unit} latest={year === 'latest'} />}
          {model.hidden.length > 0 && (
            <p className="ranking-hidden muted" data-testid="ranking-hidden">
              {t(lang, 'staleHiddenSwatch', { year: model.stale!.newest! - model.stale!.threshold - 1 })}{t(lang, 'colon')}
              {model.hidden.map((r) => `${regionName(r.region, lang)} ${formatFigure(r.cell.primary.value, r.cell.primary.qualifier, unit, lang)} (${r.year})`).join(t(lang, 'listSep'))}
            </p>
          )}
          <MetricInfo lang={lang} metric={metric} cov={cov} provinces={model.ranked} />
          <p className="keyboard-hint muted">{t(lang, 'keyboardHint')}</p>
          <SourcesPanel lang={lang} all={pkg.sources} viewSources={panelSources(view.sourceIds, view.supports)} />
        </div>
      )}
    </main>
  );
}

/** Under the chart: the provinces without a figure (not zero), how to read the chart, and whether shares are only indicative. */
function RankingNotes({ lang, model, latest, hint }: { lang: Lang; model: RankingModel; latest: boolean; hint: boolean }) {
  const last = model.bars[model.bars.length - 1];
  const tieShown = model.top !== null && model.bars.length > model.top;
  return (
    <>
      <p className="ranking-nodata" data-testid="ranking-nodata">
        <span className="ranking-nodata-label">{tRanking(lang, 'noDataNotZero')}{t(lang, 'colon')}</span>
        {model.noData.length ? model.noData.map((c) => regionName(c, lang)).join(t(lang, 'listSep')) : tRanking(lang, 'noDataNone')}
      </p>
      {hint && (
        <p className="ranking-hint muted">
          {tRanking(lang, 'openProvince')}
          {tieShown && last ? ` · ${tRanking(lang, 'tieNote', { rank: last.rank, n: model.bars.length })}` : ''}
          {latest ? ` · ${tRanking(lang, 'yearsVaryShare')}` : ''}
        </p>
      )}
      {model.bars.some((r) => r.share?.indicative) && <p className="ranking-footnote muted" data-testid="share-footnote">{tRanking(lang, 'shareFootnote')}</p>}
    </>
  );
}

/** The ranking as a list (the chart's text alternative): each province links to its profile. */
function RankedList({ lang, model, unit, latest }: { lang: Lang; model: RankingModel; unit: string; latest: boolean }) {
  return (
    <details className="ranking-list">
      <summary>{tRanking(lang, 'rankedList', { n: model.ranked })}</summary>
      <ul data-testid="ranking-list">
        {model.bars.map((row) => (
          <li key={row.region} className={model.stale?.stale.has(row.region) ? 'ranking-old' : undefined}>
            <span className="ranking-rank">{rankText(lang, rankBase(row.rank, row.ranked, latest), { short: true })}</span>{' '}
            <ViewLink to={{ view: 'province', region: row.region }}>{regionName(row.region, lang)}</ViewLink>
            {' '}{formatFigure(row.cell.primary.value, row.cell.primary.qualifier, unit, lang)}
            {latest && ` (${model.stale?.stale.has(row.region) ? t(lang, 'yearOld', { year: row.year }) : row.year})`}
            {row.cell.primary.asOf && ` (${t(lang, 'asOf', { date: row.cell.primary.asOf })})`}
            {row.share && <span className="muted"> · {tRanking(lang, 'shareOfNational')} {shareText(row.share, lang)}</span>}
            {row.cell.conflict && <span className="conflict"> ⚠ {conflictText(row.cell, unit, lang)}</span>}
          </li>
        ))}
      </ul>
    </details>
  );
}
