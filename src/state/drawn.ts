/**
 * The figures the views draw — the one place where they are chosen: the
 * package's own, or (per=capita|gdp) every dividable metric divided by the
 * same province's population or GDP of the same year, with the ratio's unit
 * and label. The dividing code loads on demand (./perKit.ts); until it is
 * there the views show nothing rather than absolute figures under a ratio's link.
 */
import { useMemo } from 'react';
import { create } from 'zustand';
import { useData, type DataState } from './data';
import { useStore } from './store';
import type { PerData } from './perKit';

const useKit = create<{ kit?: typeof import('./perKit') }>(() => ({}));

let asked: Promise<void> | undefined;
/** Load the dividing code once (the measure select also asks, to be ready when chosen). */
export const loadPerKit = (): void => void (asked ??= import('./perKit').then((kit) => useKit.setState({ kit })));

export interface Drawn extends DataState {
  /** the ratios' data when a measure other than the absolute one is shown */
  perData: PerData | null;
}

export function useDrawn(): Drawn {
  const data = useData();
  const per = useStore((s) => s.per);
  const kit = useKit((s) => s.kit);
  if (per !== 'abs') loadPerKit();
  return useMemo(() => {
    const { pkg } = data;
    if (per === 'abs') return { ...data, perData: null };
    const p = kit && pkg ? kit.perData(pkg, data.index, data.coverage, per, data.bundled) : null;
    return p && pkg ? { ...data, pkg: { ...pkg, metrics: p.metrics }, index: p.index, coverage: p.coverage, perData: p } : { ...data, pkg: null, perData: null };
  }, [data, per, kit]);
}
