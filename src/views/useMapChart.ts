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
import { useMapLayers } from './useMapLayers';
import type { MapLabelling } from '../charts/mapLayers';
import { OPEN_PROVINCE, supportsOf, yearName, type ChartModel } from './chartModel';

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
  /** whether the option writes each province's value on the map */
  labelled: boolean;
  /** the option without labels and what labelling it needs (for exported images, which have them unless `labels=0`) */
  labelling: MapLabelling | null;
}

/**
 * Everything the province map needs, shared by the map view, its embed and presentation:
 * the resolved metric/year, the rows, the option, and the click handler.
 */
export function useMapChart(compact: boolean): MapChartModel {
  const lang = useStore((s) => s.lang);
  // value labels: as asked in the URL, else where no one can hover (presentation, static embed)
  const labelled = useStore((s) => s.labels ?? (s.present || s.static));
  const { pkg, index, coverage, geo, nameMap, cities, carrierKit } = useDrawn();
  const showCarriers = useStore((s) => s.carriers);
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

  // the layers' code: for carriers, values, and the year of each figure in latest mode
  const layers = useMapLayers(showCarriers || labelled || year === 'latest');
  const carrierLayer = showCarriers ? layers?.carrierLayer : null;
  const plain = useMemo(() => {
    if (!view || !metric || year === null || !pkg || !geo) return null;
    const layer = placement?.placed.length && carrierLayer ? carrierLayer(placement.placed, mapBox(compact, true), lang, pkg.sources, nameMap) : null;
    const option = buildMapOption({ lang, metric, yearSel: year, rows: view.rows, national: view.national, sources: pkg.sources, nameMap, compact, sourceIds: view.sourceIds, layer });
    return { option, on: { lang, rows: view.rows, latest: year === 'latest', geo, nameMap, box: mapBox(compact, !!layer), compact } };
  }, [view, metric, year, pkg, geo, lang, nameMap, compact, placement, carrierLayer]);
  const option = useMemo(() => (plain && layers ? layers.labels.label(plain.option, plain.on, labelled) : plain?.option ?? null), [plain, layers, labelled]);

  return {
    resolved,
    metric,
    year,
    cov: metric ? coverage.get(metric.id) : undefined,
    rows: view?.rows ?? [],
    national: view?.national ?? null,
    sourceIds: view?.sourceIds ?? [],
    supports: view?.supports ?? new Map(),
    placement,
    option,
    labelled,
    labelling: plain,
    label: metric ? `${metric.label[lang]} ${yearName(year, lang)}` : '',
    onEvents: OPEN_PROVINCE,
  };
}
