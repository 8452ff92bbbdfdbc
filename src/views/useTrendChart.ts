import '../charts/echartsCartesian';
import { useMemo } from 'react';
import { buildTrendOption, seriesColors } from '../charts/trendOption';
import { sourceIdsOf, type Cell } from '../data/query';
import { NATIONAL, regionName } from '../data/regions';
import { buildTrend, effectiveRegions, regionYearCounts } from '../data/trend';
import { formatFigure } from '../i18n/format';
import { t } from '../i18n/ui';
import { tTrend } from '../i18n/trend';
import { useData } from '../state/data';
import { useStore } from '../state/store';
import { useResolvedView } from '../state/useResolved';

/** Everything the trend chart needs, shared by the trend view, its embed and presentation. */
export function useTrendChart(compact: boolean) {
  const lang = useStore((s) => s.lang);
  const mode = useStore((s) => s.mode);
  const chosen = useStore((s) => s.regions);
  const { pkg, index, coverage } = useData();
  const resolved = useResolvedView({ year: false });
  const metric = resolved?.metric ?? null;

  const counts = useMemo(() => (metric ? regionYearCounts(index, metric.id) : new Map<string, number>()), [index, metric]);
  const eff = useMemo(() => (metric ? effectiveRegions(index, metric.id, chosen) : { regions: [], isDefault: true }), [index, metric, chosen]);
  const cov = metric ? coverage.get(metric.id) : undefined;
  const hasNational = Boolean(cov?.nationalYears.length);

  const data = useMemo(
    () => (metric ? buildTrend(index, { metric: metric.id, regions: eff.regions, mode, includeNational: true }) : null),
    [index, metric, eff, mode],
  );
  // colours by position among the provinces: identical in every mode (the national line is dropped in share mode)
  const colors = useMemo(() => seriesColors([{ region: NATIONAL, national: true }, ...eff.regions.map((r) => ({ region: r, national: false }))]), [eff]);

  const view = useMemo(() => {
    if (!data || !metric) return null;
    const sourceIds = sourceIdsOf(data.cells);
    const unit = metric.unit[lang];
    const supports = new Map<string, string[]>();
    const note = (region: string, c: Cell) => {
      for (const f of c.all) {
        const list = supports.get(f.sourceId) ?? [];
        const text = `${regionName(region, lang)} ${f.year}: ${formatFigure(f.value, f.qualifier, unit, lang)}${f.asOf ? ` (${t(lang, 'asOf', { date: f.asOf })})` : ''}`;
        if (!list.includes(text)) list.push(text);
        supports.set(f.sourceId, list);
      }
    };
    for (const c of data.cells) note(c.primary.region, c);
    return { sourceIds, supports };
  }, [data, metric, lang]);

  const option = useMemo(() => {
    if (!data || !metric || !pkg || !view) return null;
    return buildTrendOption({ lang, metric, data, sources: pkg.sources, sourceIds: view.sourceIds, compact, colors });
  }, [data, metric, pkg, view, lang, compact, colors]);

  const label = metric ? `${metric.label[lang]} · ${tTrend(lang, `mode_${mode}`)}` : '';
  return { lang, mode, pkg, index, resolved, metric, counts, eff, cov, hasNational, data, colors, view, option, label };
}
