import '../charts/echartsCartesian';
import { useMemo } from 'react';
import { buildRankingOption, rankingHeight, rankingModel } from '../charts/rankingOption';
import { sourceIdsOf, type Cell } from '../data/query';
import { NATIONAL, regionName } from '../data/regions';
import { formatFigure } from '../i18n/format';
import { rt } from '../i18n/ranking';
import { t } from '../i18n/strings';
import { useData } from '../state/data';
import { useStore } from '../state/store';
import { THIS_YEAR, useResolvedView } from '../state/useResolved';
import { PLAY_INTERVAL_MS } from '../components/YearControl';

function goProvince(code: string) {
  useStore.getState().navigate({ view: 'province', region: code });
}

/** Everything the ranking chart needs, shared by the ranking view, its embed and presentation. */
export function useRankingChart(compact: boolean) {
  const lang = useStore((s) => s.lang);
  const top = useStore((s) => s.top);
  const playing = useStore((s) => s.playing);
  const staleYears = useStore((s) => s.stale);
  const hideStale = useStore((s) => s.hideStale);
  const { pkg, index, coverage } = useData();
  const resolved = useResolvedView();
  const metric = resolved?.metric ?? null;
  const year = resolved?.year ?? null;

  const view = useMemo(() => {
    if (!metric || year === null || !pkg) return null;
    const model = rankingModel(index, metric.id, year, top, THIS_YEAR, staleYears, hideStale);
    const cells: (Cell | null)[] = [...model.bars.flatMap((r) => [r.cell, r.national]), model.national];
    const sourceIds = sourceIdsOf(cells);
    // what each source supports, e.g. "江苏 2023: 244 家"
    const supports = new Map<string, string[]>();
    const unit = metric.unit[lang];
    const seen = new Set<string>();
    const note = (region: string, y: number, c: Cell | null) => {
      if (!c || seen.has(`${region}|${y}`)) return;
      seen.add(`${region}|${y}`);
      for (const f of c.all) {
        const list = supports.get(f.sourceId) ?? [];
        list.push(`${regionName(region, lang)} ${y}: ${formatFigure(f.value, f.qualifier, unit, lang)}${f.asOf ? ` (${t(lang, 'asOf', { date: f.asOf })})` : ''}`);
        supports.set(f.sourceId, list);
      }
    };
    for (const r of model.bars) {
      note(r.region, r.year, r.cell);
      note(NATIONAL, r.year, r.national);
    }
    if (typeof year === 'number') note(NATIONAL, year, model.national);
    return { model, sourceIds, supports };
  }, [metric, year, pkg, index, lang, top, staleYears, hideStale]);

  const option = useMemo(() => {
    if (!view || !metric || year === null || !pkg || !view.model.bars.length) return null;
    return buildRankingOption({
      lang, metric, yearSel: year, model: view.model, sources: pkg.sources, sourceIds: view.sourceIds, compact,
      animationMs: playing ? PLAY_INTERVAL_MS : 500,
    });
  }, [view, metric, year, pkg, lang, compact, playing]);

  const onEvents = useMemo(
    () => ({
      click: (p: unknown) => {
        const e = p as { componentType?: string; name?: string; value?: unknown };
        const code = e.componentType === 'yAxis' ? String(e.value ?? '') : String(e.name ?? '');
        if (/^\d{6}$/.test(code)) goProvince(code);
      },
    }),
    [],
  );

  const cov = metric ? coverage.get(metric.id) : undefined;
  // numeric years: the height the busiest year needs, so the chart does not jump while playing
  const steady = typeof year === 'number' && cov ? Math.min(top ?? Infinity, cov.maxProvincesInOneYear) : 0;
  const height = rankingHeight(Math.max(view?.model.bars.length ?? 0, steady), compact);
  const label = metric ? rt(lang, 'rankingChartLabel', { metric: metric.label[lang], year: year === 'latest' ? t(lang, 'latest') : String(year) }) : '';
  return { lang, top, pkg, index, coverage, resolved, metric, year, view, option, onEvents, cov, height, label };
}
