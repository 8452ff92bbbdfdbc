import { useEffect, useMemo } from 'react';
import { buildMapOption, mapBox } from '../charts/mapOption';
import { nationalCell, provinceData, sourceIdsOf, type Cell, type ProvinceDatum } from '../data/query';
import type { Placement } from '../data/carriers';
import type { MetricDef } from '../data/types';
import type { Coverage, YearSelection } from '../data/query';
import { ensureCities } from '../state/data';
import { useDrawn } from '../state/drawn';
import { useStore } from '../state/store';
import { THIS_YEAR, useResolvedView } from '../state/useResolved';
import { useCarrierLayer } from './useCarrierLayer';
import { OPEN_PROVINCE, supportsOf, yearName, type ChartModel } from './chartModel';
import type { FindingsSpec } from './findingsSpec';

export interface MapChartModel extends ChartModel {
  metric: MetricDef | null;
  year: YearSelection | null;
  cov: Coverage | undefined;
  rows: ProvinceDatum[];
  national: Cell | null;
  sourceIds: string[];
  /** what each source supports, e.g. "江苏 2019: 848 家" */
  supports: Map<string, string[]>;
  placement: Placement | null;
}

/**
 * Everything the province map needs, shared by the map view, its embed and presentation:
 * the resolved metric/year, the rows, the option, and the click handler.
 */
export function useMapChart(compact: boolean): MapChartModel {
  const lang = useStore((s) => s.lang);
  const { pkg, index, coverage, geo, nameMap, cities, carrierKit } = useDrawn();
  const showCarriers = useStore((s) => s.carriers);
  const carrierLayer = useCarrierLayer(showCarriers);
  useEffect(() => {
    if (showCarriers) void ensureCities();
  }, [showCarriers]);
  const placement = useMemo(
    () => (showCarriers && pkg && cities && carrierKit ? carrierKit.placeEntities(pkg.entities, cities) : null),
    [showCarriers, pkg, cities, carrierKit],
  );
  const resolved = useResolvedView();
  const metric = resolved?.metric ?? null;
  const year = resolved?.year ?? null;

  const view = useMemo(() => {
    if (!metric || year === null || !pkg) return null;
    const rows = provinceData(index, metric.id, year, THIS_YEAR);
    const national = typeof year === 'number' ? nationalCell(index, metric.id, year) : null;
    const cells: Cell[] = [...rows.map((r) => r.cell), ...(national ? [national] : [])];
    return { rows, national, sourceIds: sourceIdsOf(cells), supports: supportsOf(cells, metric.unit[lang], lang) };
  }, [metric, year, pkg, index, lang]);

  const option = useMemo(() => {
    if (!view || !metric || year === null || !pkg || !geo) return null;
    const layer = placement?.placed.length && carrierLayer ? carrierLayer(placement.placed, mapBox(compact, true), lang, pkg.sources, nameMap) : null;
    return buildMapOption({ lang, metric, yearSel: year, rows: view.rows, national: view.national, sources: pkg.sources, nameMap, compact, sourceIds: view.sourceIds, layer });
  }, [view, metric, year, pkg, geo, lang, nameMap, compact, placement, carrierLayer]);

  const findings = useMemo<FindingsSpec | null>(() => (metric && year !== null ? { kind: 'year', metric, year } : null), [metric, year]);
  return {
    resolved,
    findings,
    metric,
    year,
    cov: metric ? coverage.get(metric.id) : undefined,
    rows: view?.rows ?? [],
    national: view?.national ?? null,
    sourceIds: view?.sourceIds ?? [],
    supports: view?.supports ?? new Map(),
    placement,
    option,
    label: metric ? `${metric.label[lang]} ${yearName(year, lang)}` : '',
    onEvents: OPEN_PROVINCE,
  };
}
