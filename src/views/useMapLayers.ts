/**
 * The map's optional layers' code (charts/mapLayers.ts: the carrier layer, the value labels and
 * the ECharts parts they draw with), loaded the first time one of them is shown. The city points
 * carriers are placed on are data, loaded by state/data.ts (ensureCities).
 */
import { useEffect, useState } from 'react';
import { useData } from '../state/data';

type Layers = typeof import('../charts/mapLayers');

let loaded: Layers | null = null;
let loading: Promise<Layers> | null = null;

export function loadMapLayers(): Promise<Layers> {
  loading ??= import('../charts/mapLayers').then((m) => (loaded = m));
  return loading;
}

/** The layers' code once it is there (null before, and while `on` is false and it never was). */
export function useMapLayers(on: boolean): Layers | null {
  const [layers, setLayers] = useState<Layers | null>(loaded);
  useEffect(() => {
    if (!on || layers) return;
    let live = true;
    loadMapLayers().then(
      (m) => live && setLayers(m),
      (e: unknown) => {
        const reason = e instanceof Error ? e.message : String(e);
        console.error(`Hatch Atlas: the map's layers could not be loaded: ${reason}`);
        useData.setState({ citiesError: `map layers: ${reason}` });
      },
    );
    return () => {
      live = false;
    };
  }, [on, layers]);
  return layers;
}
