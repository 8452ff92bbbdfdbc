import { useEffect, useMemo, useState } from 'react';
import { continuousScale, metricScaleKind, type ColorScaleSpec, type ScaleKind } from '../data/scale';
import { useDrawn } from '../state/drawn';
import { THIS_YEAR } from '../state/useResolved';

type ClassBreaks = typeof import('../data/classBreaks');
let classBreaks: ClassBreaks | null = null;

export interface MetricScale {
  /** null while the code of a classed scale loads */
  spec: ColorScaleSpec | null;
  kind: ScaleKind;
  /** the metric's default kind */
  defaultKind: ScaleKind;
  /** the kinds the metric's values allow */
  available: ScaleKind[];
}

/**
 * The colour scale of a metric: one for all its years (data/scale.ts), so it
 * is computed per metric and scale, never per year. The class breaks' code
 * (Ckmeans) loads only when a classed scale is shown.
 */
export function useMetricScale(metricId: string | null, wanted: ScaleKind | null): MetricScale | null {
  const { index, coverage } = useDrawn();
  const [loaded, setLoaded] = useState(classBreaks);
  const base = useMemo(() => {
    if (!metricId) return null;
    return metricScaleKind(index, metricId, coverage.get(metricId)?.maxProvincesInOneYear ?? 0, wanted, THIS_YEAR);
  }, [index, coverage, metricId, wanted]);
  const classed = base?.kind === 'quantile' || base?.kind === 'jenks';
  useEffect(() => {
    if (!classed || loaded) return;
    let live = true;
    void import('../data/classBreaks').then((m) => {
      classBreaks = m;
      if (live) setLoaded(m);
    });
    return () => {
      live = false;
    };
  }, [classed, loaded]);
  return useMemo(() => {
    if (!base) return null;
    const { values, kind, available, defaultKind } = base;
    const spec = kind === 'quantile' || kind === 'jenks' ? (loaded ? loaded.classedScale(values, kind) : null) : continuousScale(values, kind);
    return { spec, kind, available, defaultKind };
  }, [base, loaded]);
}
