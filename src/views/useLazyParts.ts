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

let tooltipCode: MapTooltipHtml | null = null;
let tooltipAsked = false;
/**
 * The map's tooltip builder: one function for the page's life, which builds the tooltip with its
 * code once that is loaded (after the first chart is drawn) and meanwhile leaves it to the option
 * (the province's name). Its code's arrival changes no option: the map is not drawn again for it.
 */
const mapTooltip: MapTooltipHtml = (code, d, input) => tooltipCode?.(code, d, input);
export function useMapTooltip(): MapTooltipHtml {
  useEffect(() => {
    if (tooltipAsked) return;
    tooltipAsked = true;
    firstChartDrawn
      .then(() => import('../charts/mapTooltip'))
      .then((m) => void (tooltipCode = m.mapTooltipHtml))
      // (the connection dropped: asked again when a map is next shown)
      .catch(() => void (tooltipAsked = false));
  }, []);
  return mapTooltip;
}

/** The legend of a classed scale and the old-figures swatch, loaded when a map first needs them (null until then). */
export const useMapLegend = lazyPart<MapLegend>(() => import('../charts/mapLegend').then((m) => m.mapLegend));
