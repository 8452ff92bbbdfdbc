import { useEffect, useMemo } from 'react';
import { buildMapOption, mapBox } from '../charts/mapOption';
import { nationalCell, provinceData, sourceIdsOf, type Cell, type ProvinceDatum } from '../data/query';
import type { Placement } from '../data/carriers';
import type { MetricDef } from '../data/types';
import type { Coverage, YearSelection } from '../data/query';
import { ensureCities, useDetails, useMapFile } from '../state/data';
import { useDrawn } from '../state/drawn';
import { useStore } from '../state/store';
import { THIS_YEAR, useResolvedView } from '../state/useResolved';
import { useMapLayers } from './useMapLayers';
import type { MapLabelling } from '../charts/mapLayers';
import { useMetricScale, type MetricScale } from './useMetricScale';
import { useMapLegend, useMapTooltip } from './useLazyParts';
import { isClassed } from '../charts/colorScale';
import { staleness, type Staleness } from '../data/staleness';
import { OPEN_PROVINCE, yearName, type ChartModel } from './chartModel';
import type { FindingsSpec } from './findingsSpec';

export interface MapChartModel extends ChartModel {
  metric: MetricDef | null;
  year: YearSelection | null;
  cov: Coverage | undefined;
  rows: ProvinceDatum[];
  national: Cell | null;
  sourceIds: string[];
  /** the cells drawn (the provinces' and the national one): what the sources below the chart support */
  cells: Cell[];
  placement: Placement | null;
  /** whether the option writes each province's value on the map */
  labelled: boolean;
  /** the option without labels and what labelling it needs (for exported images, which have them unless `labels=0`) */
  labelling: MapLabelling | null;
  /** the metric's colour scale (the same in every year) */
  scale: MetricScale | null;
  /** "latest available": the old figures; null in a year */
  stale: Staleness | null;
}

/**
 * Everything the province map needs, shared by the map view, its embed and presentation:
 * the resolved metric/year, the rows, the option, and the click handler.
 */
const NO_CELLS: Cell[] = [];
const NO_NAMES: Record<string, string> = {};

export function useMapChart(compact: boolean, height?: number, width?: number): MapChartModel {
  const lang = useStore((s) => s.lang);
  // value labels: as asked in the URL, else where no one can hover (presentation, static embed)
  const labelled = useStore((s) => s.labels ?? (s.present || s.static));
  const { pkg, index, coverage, geo, geoSvg, nameMap, cities, carrierKit } = useDrawn();
  const showCarriers = useStore((s) => s.carriers);
  // the carriers (entities.csv) follow the first chart: at once when they are asked for
  useDetails(showCarriers);
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
  const scale = useMetricScale(metric?.id ?? null, useStore((s) => s.scale));
  const staleYears = useStore((s) => s.stale);
  const hideStale = useStore((s) => s.hideStale);
  const decal = useStore((s) => s.decal);
  const tooltipHtml = useMapTooltip();

  const view = useMemo(() => {
    if (!metric || year === null || !pkg) return null;
    const rows = provinceData(index, metric.id, year, THIS_YEAR);
    const national = typeof year === 'number' ? nationalCell(index, metric.id, year) : null;
    const cells: Cell[] = [...rows.map((r) => r.cell), ...(national ? [national] : [])];
    return {
      rows,
      national,
      cells,
      sourceIds: sourceIdsOf(cells),
      stale: year === 'latest' ? staleness(rows, staleYears) : null,
    };
  }, [metric, year, pkg, index, staleYears]);

  // the layers' code: for carriers, values, and the year of each figure in latest mode
  const layers = useMapLayers(showCarriers || labelled || year === 'latest');
  const carrierLayer = showCarriers ? layers?.carrierLayer : null;
  // a classed scale's legend; in "latest available" the old figures' swatch and hatching and the years' groups: their code when first needed
  const needLegend = !!scale?.spec && (isClassed(scale.spec) || year === 'latest');
  const legend = useMapLegend(needLegend);
  // the outlines: values and carriers are placed on the GeoJSON, which "latest available" and patterns (decal) also draw;
  // a year's map draws the SVG, or the GeoJSON while the SVG is still on its way (the link's first chart was the overview)
  const needGeo = labelled || showCarriers || year === 'latest' || decal;
  useMapFile(needGeo ? 'json' : geo ? null : 'svg');
  // the GeoJSON the option uses: none for a year drawn from the SVG, which the GeoJSON's arrival after it does not redraw
  const drawGeo = needGeo || !geoSvg ? geo : null;
  const names = drawGeo ? nameMap : NO_NAMES;
  const plain = useMemo(() => {
    if (!view || !metric || year === null || !pkg || !(drawGeo || (!needGeo && geoSvg)) || !scale?.spec || (needLegend && !legend)) return null;
    const layer = placement?.placed.length && carrierLayer ? carrierLayer(placement.placed, mapBox(compact, true, height), lang, pkg.sources, names) : null;
    const option = buildMapOption({
      lang, metric, yearSel: year, rows: view.rows, national: view.national, sources: pkg.sources, nameMap: names, compact, sourceIds: view.sourceIds, layer,
      scale: scale.spec, stale: view.stale, hideStale, tooltipHtml, width, height, svg: !!geoSvg, legend,
    });
    const old = view.stale?.stale ?? null;
    return { option, on: { lang, rows: view.rows, latest: year === 'latest', old, hideStale, geo: drawGeo, nameMap: names, compact } };
  }, [view, metric, year, pkg, drawGeo, geoSvg, needGeo, lang, names, compact, placement, carrierLayer, scale, hideStale, tooltipHtml, width, height, needLegend, legend]);
  const option = useMemo(() => (plain && layers ? layers.labels.label(plain.option, plain.on, labelled) : plain?.option ?? null), [plain, layers, labelled]);

  const findings = useMemo<FindingsSpec | null>(() => (metric && year !== null ? { kind: 'year', metric, year, staleYears, hideStale } : null), [metric, year, staleYears, hideStale]);
  return {
    resolved,
    findings,
    metric,
    year,
    cov: metric ? coverage.get(metric.id) : undefined,
    rows: view?.rows ?? [],
    national: view?.national ?? null,
    sourceIds: view?.sourceIds ?? [],
    cells: view?.cells ?? NO_CELLS,
    placement,
    scale,
    stale: view?.stale ?? null,
    option,
    labelled,
    labelling: plain,
    label: metric ? `${metric.label[lang]} ${yearName(year, lang)}` : '',
    onEvents: OPEN_PROVINCE,
  };
}
