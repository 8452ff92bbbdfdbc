/**
 * What ECharts' merging setOption cannot update: series, axes, graphic
 * elements, geo and legend that disappear would stay drawn (merge mode keeps
 * what the new option does not mention). <EChart> replaces the whole option
 * (notMerge) when this key changes, and merges otherwise, so that year
 * changes keep their transitions while a removed line or layer really goes.
 * Pure.
 */
import type { EChartsOption } from 'echarts';

function list(v: unknown): { id?: unknown; type?: unknown }[] {
  return Array.isArray(v) ? v : v ? [v as { id?: unknown; type?: unknown }] : [];
}

export function optionStructureKey(option: EChartsOption): string {
  const o = option as Record<string, unknown>;
  const ids = (v: unknown) => list(v).map((x) => `${String(x?.id ?? '')}:${String(x?.type ?? '')}`).join(',');
  return [
    ids(o.series),
    list(o.xAxis).length,
    list(o.yAxis).length,
    ids(o.graphic),
    list(o.geo).length,
    list(o.legend).length,
    list(o.visualMap).length,
    list(o.grid).length,
  ].join('|');
}
