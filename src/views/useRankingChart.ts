import '../charts/echartsCartesian';
import { useMemo } from 'react';
import { buildRankingOption, rankingBarsFitting, rankingHeight } from '../charts/rankingOption';
import { rankingModel } from '../charts/rankingModel';
import { sourceIdsOf } from '../data/query';
import { tRanking } from '../i18n/ranking';
import { useDrawn } from '../state/drawn';
import { useStore } from '../state/store';
import { THIS_YEAR, useResolvedView } from '../state/useResolved';
import { PLAY_INTERVAL_MS } from '../hooks';
import { OPEN_PROVINCE, supportsOf, yearName } from './chartModel';
import type { FindingsSpec } from './findingsSpec';

/**
 * Everything the ranking chart needs, shared by the ranking view, its embed and presentation.
 * `fitHeight`: the chart's set height in px (an embed's frame), which shows the top bars that fit
 * with their names, and says so; without it the chart grows with the bars (`height`). `width`:
 * the chart's width there (the title wraps inside it).
 */
export function useRankingChart(compact: boolean, fitHeight?: number, width?: number) {
  const lang = useStore((s) => s.lang);
  const top = useStore((s) => s.top);
  const playing = useStore((s) => s.playing);
  const staleYears = useStore((s) => s.stale);
  const hideStale = useStore((s) => s.hideStale);
  const { pkg, index, coverage } = useDrawn();
  const resolved = useResolvedView();
  const metric = resolved?.metric ?? null;
  const year = resolved?.year ?? null;

  const view = useMemo(() => {
    if (!metric || year === null || !pkg) return null;
    let model = rankingModel(index, metric.id, year, top, THIS_YEAR, staleYears, hideStale);
    const fit = fitHeight ? rankingBarsFitting(fitHeight, model.bars.length, compact) : null;
    if (fit !== null) model = rankingModel(index, metric.id, year, Math.min(top ?? fit, fit), THIS_YEAR, staleYears, hideStale);
    const cells = [...model.bars.flatMap((r) => [r.cell, r.national]), model.national];
    return { model, sourceIds: sourceIdsOf(cells), supports: supportsOf(cells, metric.unit[lang], lang) };
  }, [metric, year, pkg, index, lang, top, staleYears, hideStale, fitHeight, compact]);

  const option = useMemo(() => {
    if (!view || !metric || year === null || !pkg || !view.model.bars.length) return null;
    return buildRankingOption({
      lang, metric, yearSel: year, model: view.model, sources: pkg.sources, sourceIds: view.sourceIds, compact, width,
      animationMs: playing ? PLAY_INTERVAL_MS : 500,
    });
  }, [view, metric, year, pkg, lang, compact, playing, width]);

  const cov = metric ? coverage.get(metric.id) : undefined;
  // numeric years: the height the busiest year needs, so the chart does not jump while playing
  const steady = typeof year === 'number' && cov ? Math.min(top ?? Infinity, cov.maxProvincesInOneYear) : 0;
  const height = rankingHeight(Math.max(view?.model.bars.length ?? 0, steady), compact);
  const findings = useMemo<FindingsSpec | null>(() => (metric && year !== null ? { kind: 'year', metric, year, staleYears, hideStale } : null), [metric, year, staleYears, hideStale]);
  const label = metric ? tRanking(lang, 'rankingChartLabel', { metric: metric.label[lang], year: yearName(year, lang) }) : '';
  return { lang, top, pkg, index, coverage, resolved, metric, year, view, option, onEvents: OPEN_PROVINCE, cov, height, label, findings };
}
