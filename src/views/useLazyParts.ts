import { useEffect, useState } from 'react';
import type { MapTooltipHtml } from '../charts/mapOption';
import { firstChartDrawn } from '../state/firstChart';

let tooltip: MapTooltipHtml | null = null;
const loading = firstChartDrawn.then(() => import('../charts/mapTooltip')).then((m) => (tooltip = m.mapTooltipHtml));

/** The map's tooltip builder, loaded once the first chart is drawn (null until then). */
export function useMapTooltip(): MapTooltipHtml | null {
  const [fn, setFn] = useState(() => tooltip);
  useEffect(() => {
    if (fn) return;
    let live = true;
    void loading.then((f) => live && setFn(() => f));
    return () => {
      live = false;
    };
  }, [fn]);
  return fn;
}
