import { lazy, memo, Suspense, useMemo, useRef, type ComponentProps } from 'react';
import { useAfterPaint } from './afterPaint';
import { useStore } from '../state/store';
import { useFirstChartDrawn } from '../state/firstChart';
import { ErrorBoundary } from './ErrorBoundary';
import { t } from '../i18n/ui';
import type { ExportInfo } from './ExportMenu';

// The chart engine (ECharts) loads beside the app's code — index.html preloads it — and is
// evaluated here, so that the page and its data are ready by the time it arrives.
const EChart = lazy(() => import('./EChart').then((m) => ({ default: m.EChart })));
// the toolbar's code (export, sharing, embedding) loads once the first chart is drawn, not before it
const ChartToolbar = lazy(() => import('./ChartToolbar').then((m) => ({ default: memo(m.default) })));

/**
 * A chart with its toolbar: export, copy link, full screen, embed. Used by
 * every chart view so that each chart can be exported, shared and embedded.
 */
export const ChartPanel = memo(function ChartPanel({ exportInfo, ...props }: ComponentProps<typeof EChart> & { exportInfo?: ExportInfo }) {
  const lang = useStore((s) => s.lang);
  // the toolbar follows a new option (a year change) once the chart has been painted
  const toolbar = useAfterPaint(useMemo(() => ({ option: props.option, label: props.label, exportInfo }), [props.option, props.label, exportInfo]));
  const wrap = useRef<HTMLDivElement>(null);
  const afterFirst = useFirstChartDrawn();
  return (
    <div className="chart-panel" ref={wrap}>
      <div className="chart-toolbar" role="toolbar" aria-label={t(lang, 'chartTools')}>
        {afterFirst && (
          <Suspense fallback={null}>
            <ChartToolbar target={wrap} option={toolbar.option} label={toolbar.label} exportInfo={toolbar.exportInfo} />
          </Suspense>
        )}
      </div>
      <ErrorBoundary lang={lang}>
        <Suspense fallback={<div className="chart-box" style={{ height: props.height }} role="img" aria-label={props.label} aria-busy="true" />}>
          <EChart {...props} />
        </Suspense>
      </ErrorBoundary>
    </div>
  );
});
