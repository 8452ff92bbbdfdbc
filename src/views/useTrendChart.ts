import '../charts/echartsCartesian';
import { useEffect, useMemo } from 'react';
import { buildTrendOption, seriesColors } from '../charts/trendOption';
import { sourceIdsOf } from '../data/query';
import { NATIONAL } from '../data/regions';
import { buildTrend, effectiveRegions, regionYearCounts } from '../data/trend';
import { tTrend } from '../i18n/trend';
import { useDrawn } from '../state/drawn';
import { useStore } from '../state/store';
import { useNotices } from '../state/notices';
import { replaceHistoryNext } from '../state/urlSync';
import { tPer } from '../i18n/per';
import { useResolvedView } from '../state/useResolved';
import { supportsOf } from './chartModel';
import type { FindingsSpec } from './findingsSpec';

/** Everything the trend chart needs, shared by the trend view, its embed and presentation. */
export function useTrendChart(compact: boolean, _fitHeight?: number, width?: number) {
  const lang = useStore((s) => s.lang);
  const wantMode = useStore((s) => s.mode);
  const national = useStore((s) => s.national);
  const chosen = useStore((s) => s.regions);
  const { pkg, index, coverage } = useDrawn();
  const resolved = useResolvedView({ year: false });
  const metric = resolved?.metric ?? null;
  // a ratio (per resident, per GDP) has no share of the national figure: a link asking for one is shown absolute, with a notice
  const noShare = Boolean(metric?.per) && wantMode === 'share';
  const mode = noShare ? 'abs' : wantMode;
  useEffect(() => {
    if (!noShare) return;
    useNotices.getState().push({ key: 'per:share', text: { zh: tPer('zh', 'noShareShown'), en: tPer('en', 'noShareShown') } });
    replaceHistoryNext();
    useStore.setState({ mode: 'abs' });
  }, [noShare]);

  const counts = useMemo(() => (metric ? regionYearCounts(index, metric.id) : new Map<string, number>()), [index, metric]);
  const eff = useMemo(() => (metric ? effectiveRegions(index, metric.id, chosen) : { regions: [], isDefault: true }), [index, metric, chosen]);
  const cov = metric ? coverage.get(metric.id) : undefined;
  const hasNational = Boolean(cov?.nationalYears.length);

  const data = useMemo(
    () => (metric ? buildTrend(index, { metric: metric.id, regions: eff.regions, mode, includeNational: national }) : null),
    [index, metric, eff, mode, national],
  );
  // colours by position among the provinces: identical in every mode (the national line is dropped in share mode)
  const colors = useMemo(() => seriesColors([{ region: NATIONAL, national: true }, ...eff.regions.map((r) => ({ region: r, national: false }))]), [eff]);

  const view = useMemo(() => {
    if (!data || !metric) return null;
    return { sourceIds: sourceIdsOf(data.cells), supports: supportsOf(data.cells, metric.unit[lang], lang) };
  }, [data, metric, lang]);

  const option = useMemo(() => {
    if (!data || !metric || !pkg || !view) return null;
    return buildTrendOption({ lang, metric, data, sources: pkg.sources, sourceIds: view.sourceIds, compact, colors, width });
  }, [data, metric, pkg, view, lang, compact, colors, width]);

  // the lines drawn: the national one except in share mode, where it is never drawn
  const findings = useMemo<FindingsSpec | null>(
    () => (metric ? { kind: 'trend', metric, regions: eff.regions, national: mode !== 'share' && hasNational } : null),
    [metric, eff, mode, hasNational],
  );
  const label = metric ? `${metric.label[lang]} · ${tTrend(lang, `mode_${mode}`)}` : '';
  return { lang, mode, pkg, index, resolved, metric, counts, eff, cov, hasNational, data, colors, view, option, label, findings };
}
