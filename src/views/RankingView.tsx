import { shareText } from '../charts/rankingOption';
import { regionName } from '../data/regions';
import { formatFigure } from '../i18n/format';
import { rt } from '../i18n/ranking';
import { t } from '../i18n/strings';
import { useStore, viewOf } from '../state/store';
import { toQuery } from '../state/url';
import { THIS_YEAR } from '../state/useResolved';
import { useMedia } from '../hooks';
import { ChartPanel } from '../components/ChartPanel';
import { useRankingChart } from './useRankingChart';
import { ViewControls } from '../components/ViewControls';
import { SourcesPanel } from '../components/SourcesPanel';
import { Notice } from '../components/Notices';
import { yearRanges } from './labels';
import { HideStaleControl } from './MapReadingControls';
import { rankBase } from '../data/rankBase';
import { rankText } from '../i18n/rankText';
import './ranking.css';

const TOP_CHOICES = [5, 10, 15, 20] as const;


function TopControl() {
  const lang = useStore((s) => s.lang);
  const top = useStore((s) => s.top);
  const setTop = useStore((s) => s.setTop);
  const choices: number[] = [...TOP_CHOICES];
  if (top !== null && !choices.includes(top)) choices.push(top), choices.sort((a, b) => a - b);
  return (
    <label className="field ranking-top">
      <span className="field-label">{rt(lang, 'top')}</span>
      <select data-testid="top-select" aria-label={rt(lang, 'topAria')} value={top === null ? '' : String(top)}
        onChange={(e) => setTop(e.target.value === '' ? null : Number(e.target.value))}>
        <option value="">{rt(lang, 'topAll')}</option>
        {choices.map((n) => (
          <option key={n} value={String(n)}>{rt(lang, 'topN', { n })}</option>
        ))}
      </select>
    </label>
  );
}

export default function RankingView() {
  const compact = useMedia('(max-width: 700px)');
  const { lang, top, pkg, index, resolved, metric, year, view, option, onEvents, cov, height, label } = useRankingChart(compact);
  // the serialised view state, for the links to province profiles
  const stateJson = useStore((s) => JSON.stringify(viewOf(s)));
  if (!pkg) return null;
  const model = view?.model;
  const latest = year === 'latest';
  const hrefProvince = (code: string) => toQuery({ ...JSON.parse(stateJson), view: 'province', region: code }) || '?';
  const sep = lang === 'zh' ? '、' : ', ';
  const tieShown = model && top !== null && model.bars.length > top;

  return (
    <main className="ranking-view" id="main">
      <ViewControls resolved={resolved}>
        <TopControl />
        {latest && <HideStaleControl lang={lang} stale={model?.stale ?? null} />}
      </ViewControls>
      {cov && cov.provincesAnyYear === 0 && <Notice>{rt(lang, 'nationalOnly')}</Notice>}
      {cov && cov.provincesAnyYear > 0 && model && model.ranked === 0 && <Notice>{rt(lang, 'noBars')}</Notice>}
      {option && metric && (
        <ChartPanel option={option} label={label} height={height} testId="ranking-chart" onEvents={onEvents}
          exportInfo={{ metric, year, view: 'ranking', csv: async () => (await import('../data/csvExport')).chartDataCsv(index, metric, year ?? 'latest', pkg.sources, lang, THIS_YEAR) }} />
      )}
      {metric && model && (
        <div className="below-chart">
          <p className="ranking-nodata" data-testid="ranking-nodata">
            <span className="ranking-nodata-label">{rt(lang, 'noDataNotZero')}{lang === 'zh' ? '：' : ': '}</span>
            {model.noData.length ? model.noData.map((c) => regionName(c, lang)).join(sep) : rt(lang, 'noDataNone')}
          </p>
          {option && (
            <p className="ranking-hint muted">
              {rt(lang, 'openProvince')}
              {tieShown ? ` · ${rt(lang, 'tieNote', { rank: model.bars[model.bars.length - 1]!.rank, n: model.bars.length })}` : ''}
              {latest ? ` · ${rt(lang, 'yearsVaryShare')}` : ''}
            </p>
          )}
          {model.bars.some((r) => r.share?.indicative) && <p className="ranking-footnote muted" data-testid="share-footnote">{rt(lang, 'shareFootnote')}</p>}
          <div className="national" data-testid="national-figure">
            <span className="label">{t(lang, 'nationalFigure')}{typeof year === 'number' ? ` (${year})` : ''}: </span>
            {model.national ? (
              <strong>
                {formatFigure(model.national.primary.value, model.national.primary.qualifier, metric.unit[lang], lang)}
                {model.national.primary.asOf && ` (${t(lang, 'asOf', { date: model.national.primary.asOf })})`}
                {model.national.conflict && (
                  <span className="conflict"> ⚠ {t(lang, 'conflict')}: {model.national.all.map((f) => formatFigure(f.value, f.qualifier, metric.unit[lang], lang)).join(' / ')}</span>
                )}
              </strong>
            ) : (
              <span className="muted">{latest ? rt(lang, 'yearsVaryShare') : t(lang, 'nationalNone')}</span>
            )}
          </div>
          {model.bars.length > 0 && (
            <details className="ranking-list">
              <summary>{rt(lang, 'rankedList', { n: model.ranked })}</summary>
              <ul data-testid="ranking-list">
                {model.bars.map((r) => (
                  <li key={r.region} className={model.stale?.stale.has(r.region) ? 'ranking-old' : undefined}>
                    <span className="ranking-rank">{rankText(lang, rankBase(r.rank, r.ranked, latest), { short: true })}</span>{' '}
                    <a href={hrefProvince(r.region)} onClick={(e) => {
                      if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
                      e.preventDefault();
                      useStore.getState().navigate({ view: 'province', region: r.region });
                    }}>{regionName(r.region, lang)}</a>
                    {' '}{formatFigure(r.cell.primary.value, r.cell.primary.qualifier, metric.unit[lang], lang)}
                    {latest && ` (${r.year}${model.stale?.stale.has(r.region) ? `, ${t(lang, 'oldFigures')}` : ''})`}
                    {r.cell.primary.asOf && ` (${t(lang, 'asOf', { date: r.cell.primary.asOf })})`}
                    {r.share && <span className="muted"> · {rt(lang, 'shareOfNational')} {shareText(r.share, lang)}</span>}
                    {r.cell.conflict && (
                      <span className="conflict"> ⚠ {t(lang, 'conflict')}: {r.cell.all.map((f) => formatFigure(f.value, f.qualifier, metric.unit[lang], lang)).join(' / ')}</span>
                    )}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {model.hidden.length > 0 && (
            <p className="ranking-hidden muted" data-testid="ranking-hidden">
              {t(lang, 'staleHiddenSwatch', { year: model.stale!.newest! - model.stale!.threshold - 1 })}{lang === 'zh' ? '：' : ': '}
              {model.hidden.map((r) => `${regionName(r.region, lang)} ${formatFigure(r.cell.primary.value, r.cell.primary.qualifier, metric.unit[lang], lang)} (${r.year})`).join(sep)}
            </p>
          )}
          <div className="metric-info">
            <strong>{metric.label[lang]}</strong> — {metric.definition[lang]} <span className="muted">({t(lang, `kind_${metric.kind}`)}; {t(lang, 'provincesWithData', { n: model.ranked })}
              {cov && cov.nationalYears.length ? `; ${lang === 'zh' ? '全国数据年份' : 'national figures'}: ${yearRanges(cov.nationalYears)}` : ''})</span>
          </div>
          <p className="keyboard-hint muted">{t(lang, 'keyboardHint')}</p>
          <SourcesPanel lang={lang} all={pkg.sources} viewSources={view!.sourceIds.map((id) => ({ id, figures: (view!.supports.get(id) ?? []).join('; ') }))} />
        </div>
      )}
    </main>
  );
}
