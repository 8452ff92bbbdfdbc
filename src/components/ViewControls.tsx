import type { ReactNode } from 'react';
import type { Resolved } from '../state/selectors';
import { MetricPicker } from './MetricPicker';
import { YearControl } from './YearControl';

/** The metric picker and year control shared by the map, ranking and table views. */
export function ViewControls({ resolved, children, year = true }: { resolved: Resolved | null; children?: ReactNode; year?: boolean }) {
  return (
    <div className="controls">
      <MetricPicker value={resolved?.metric?.id ?? null} />
      {year && resolved && <YearControl years={resolved.years} year={resolved.year} />}
      {children}
    </div>
  );
}
