import { useEffect, useState } from 'react';
import type { MapLegend, MapTooltipHtml } from '../charts/mapOption';
import { firstChartDrawn } from '../state/firstChart';

/**
 * A hook for a part of the charts' code that is loaded on first use: null until it is there. One
 * load per page; `needed: false` does not start it.
 */
function lazyPart<T>(load: () => Promise<T>): (needed?: boolean) => T | null {
  let value: T | null = null;
  let loading: Promise<T> | null = null;
  return function useLazyPart(needed = true) {
    const [v, setV] = useState(() => value);
    useEffect(() => {
      if (v || !needed) return;
      let live = true;
      void (loading ??= load().then((x) => (value = x))).then((x) => live && setV(() => x));
      return () => {
        live = false;
      };
    }, [v, needed]);
    return v;
  };
}

/** The map's tooltip builder, loaded once the first chart is drawn (null until then). */
export const useMapTooltip = lazyPart<MapTooltipHtml>(() => firstChartDrawn.then(() => import('../charts/mapTooltip')).then((m) => m.mapTooltipHtml));

/** The legend of a classed scale and the old-figures swatch, loaded when a map first needs them (null until then). */
export const useMapLegend = lazyPart<MapLegend>(() => import('../charts/mapLegend').then((m) => m.mapLegend));
