/**
 * The carrier layer's drawing code (charts/carrierLayer.ts and the ECharts
 * parts it draws with), loaded the first time the layer is shown. The city
 * points it places carriers on are data, loaded by state/data.ts (ensureCities).
 */
import { useEffect, useState } from 'react';
import { useData } from '../state/data';

type CarrierLayer = typeof import('../charts/carrierLayer').carrierLayer;

let loaded: CarrierLayer | null = null;
let loading: Promise<CarrierLayer> | null = null;

function loadCarrierLayer(): Promise<CarrierLayer> {
  loading ??= Promise.all([import('../charts/carrierLayer'), import('../charts/echartsGeo')]).then(([m]) => (loaded = m.carrierLayer));
  return loading;
}

/** The carrier layer's option builder once its code is there (null before, and while `on` is false and it never was). */
export function useCarrierLayer(on: boolean): CarrierLayer | null {
  const [layer, setLayer] = useState<CarrierLayer | null>(() => loaded);
  useEffect(() => {
    if (!on || layer) return;
    let live = true;
    loadCarrierLayer().then(
      (fn) => {
        if (live) setLayer(() => fn);
      },
      (e: unknown) => {
        const reason = e instanceof Error ? e.message : String(e);
        console.error(`Hatch Atlas: the carrier layer could not be loaded: ${reason}`);
        useData.setState({ citiesError: `carrier layer: ${reason}` });
      },
    );
    return () => {
      live = false;
    };
  }, [on, layer]);
  return layer;
}
