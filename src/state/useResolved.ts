import { useEffect, useMemo } from 'react';
import { useData } from './data';
import { useNotices } from './notices';
import { resolveView, type Resolved } from './selectors';
import { useStore } from './store';
import { replaceHistoryNext } from './urlSync';

/** This calendar year: 'latest' never reaches past it. */
export const THIS_YEAR = new Date().getFullYear();

/**
 * The metric and year a metric/year view actually shows, resolved against
 * the data (defaults filled, unknown values dropped with a notice) and
 * written back to the store, so that a copied link is exact.
 */
export function useResolvedView({ year: usesYear = true }: { year?: boolean } = {}): Resolved | null {
  const wantMetric = useStore((s) => s.metric);
  const wantYear = useStore((s) => s.year);
  const pkg = useData((s) => s.pkg);
  const coverage = useData((s) => s.coverage);

  const resolved = useMemo(
    () => (pkg ? resolveView({ metric: wantMetric, year: wantYear }, pkg.metrics, coverage, pkg.manifest.aliases) : null),
    [pkg, coverage, wantMetric, wantYear],
  );

  useEffect(() => {
    const n = resolved?.notice;
    if (n?.kind === 'missingImported') {
      useNotices.getState().push({
        key: `imported:${n.value}`,
        text: {
          zh: `这个链接显示的是在另一台电脑的浏览器中导入的指标“${n.value}”，这里没有它的数据，所以不显示其他图表代替。请在这里导入同一个文件，或请网站管理员把导入的数据作为数据包发布。`,
          en: `This link shows a metric imported in a browser on another computer (“${n.value}”). Its figures are not here, so no other chart is shown instead. Import the same file here, or ask the site’s web team to publish the imported data as a data package.`,
        },
      });
      return;
    }
    if (!resolved?.metric) return;
    const r = resolved.renamed;
    if (r) {
      const label = resolved.metric.label;
      useNotices.getState().push({
        key: `metric:${r.from}`,
        text: { zh: `指标“${r.from}”已并入“${label.zh}”。`, en: `Metric “${r.from}” was merged into “${label.en}”.` },
      });
    }
    if (n?.kind === 'unknownMetric') {
      useNotices.getState().push({
        key: `metric:${n.value}`,
        text: { zh: `没有“${n.value}”这个指标，已显示默认指标。`, en: `There is no metric “${n.value}”; showing the default metric.` },
      });
    } else if (n?.kind === 'yearNotOffered' && usesYear) {
      useNotices.getState().push({
        key: `year:${resolved.metric.id}:${n.value}`,
        text: { zh: `${n.value} 年该指标没有省级数据，已显示 ${resolved.year} 年。`, en: `No provincial figures for ${n.value}; showing ${resolved.year}.` },
      });
    }
    const s = useStore.getState();
    // views without a year (the trend) only fill in the metric
    if (s.metric !== resolved.metric.id || (usesYear && s.year !== resolved.year)) {
      replaceHistoryNext();
      useStore.setState(usesYear ? { metric: resolved.metric.id, year: resolved.year } : { metric: resolved.metric.id });
    }
  }, [resolved, usesYear]);

  return resolved;
}
