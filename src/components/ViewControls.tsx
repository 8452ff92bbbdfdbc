import { lazy, Suspense, type ReactNode } from 'react';
import type { Resolved } from '../state/selectors';
import { useFirstChartDrawn } from '../state/firstChart';
import { useStore } from '../state/store';
import { MetricPicker } from './MetricPicker';
import { YearControl } from './YearControl';

// the measure (absolute / per resident / per GDP): loaded once the first chart is drawn
const PerControl = lazy(() => import('./PerControl'));

/**
 * The measure's place until its control arrives: the same box (a label line and a select), so
 * that its arrival after the first chart does not push the drawn chart down where the controls wrap.
 */
const PER_PLACE = (
  <span className="field per-field per-place" aria-hidden="true">
    <span className="field-label">{'\u00a0'}</span>
    <select disabled tabIndex={-1}>
      <option>{'\u00a0'}</option>
    </select>
  </span>
);

/**
 * The metric picker, year control and measure shared by the map, ranking, trend
 * and table views. The measure comes once the first chart is drawn, or at once
 * in a view without a chart (`chart={false}`) or when a ratio is asked for.
 */
export function ViewControls({ resolved, children, year = true, chart = true }: { resolved: Resolved | null; children?: ReactNode; year?: boolean; chart?: boolean }) {
  const afterFirst = useFirstChartDrawn();
  const ratio = useStore((s) => s.per) !== 'abs';
  const perNow = afterFirst || !chart || ratio;
  return (
    <div className="controls">
      <MetricPicker value={resolved?.metric?.id ?? null} />
      {year && resolved && <YearControl years={resolved.years} year={resolved.year} />}
      {resolved?.metric &&
        (perNow ? (
          <Suspense fallback={PER_PLACE}>
            <PerControl metricId={resolved.metric.id} />
          </Suspense>
        ) : (
          PER_PLACE
        ))}
      {children}
    </div>
  );
}
