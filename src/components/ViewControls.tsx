import type { ReactNode } from 'react';
import type { Resolved } from '../state/selectors';
import { MetricPicker } from './MetricPicker';
import { YearControl } from './YearControl';

/** The metric picker and, where the view has a year, the year control: above the map, ranking, trend and table views and their embeds. */
export function ViewControls({ resolved, children, year = true }: { resolved: Resolved | null; children?: ReactNode; year?: boolean }) {
  return (
    <div className="controls">
      <MetricPicker value={resolved?.metric?.id ?? null} />
      {year && resolved && <YearControl years={resolved.years} year={resolved.year} />}
      {children}
    </div>
  );
}
