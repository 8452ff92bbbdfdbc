import { lazy, Suspense, useRef, type ComponentProps } from 'react';
import { useStore } from '../state/store';
import { useFirstChartDrawn } from '../state/firstChart';
import { EChart } from './EChart';
import { ErrorBoundary } from './ErrorBoundary';
import type { ExportInfo } from './ExportMenu';

// the toolbar's code (export, sharing, embedding) loads once the first chart is drawn, not before it
const ChartToolbar = lazy(() => import('./ChartToolbar'));

/**
 * A chart with its toolbar: export, copy link, full screen, embed. Used by
 * every chart view so that each chart can be exported, shared and embedded.
 */
export function ChartPanel({ exportInfo, ...props }: ComponentProps<typeof EChart> & { exportInfo?: ExportInfo }) {
  const lang = useStore((s) => s.lang);
  const wrap = useRef<HTMLDivElement>(null);
  const afterFirst = useFirstChartDrawn();
  return (
    <div className="chart-panel" ref={wrap}>
      <div className="chart-toolbar" role="toolbar" aria-label={lang === 'zh' ? '图表工具' : 'Chart tools'}>
        {afterFirst && (
          <Suspense fallback={null}>
            <ChartToolbar target={wrap} option={props.option} label={props.label} exportInfo={exportInfo} />
          </Suspense>
        )}
      </div>
      <ErrorBoundary lang={lang}>
        <EChart {...props} />
      </ErrorBoundary>
    </div>
  );
}
