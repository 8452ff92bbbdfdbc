import { lazy, Suspense, useRef, useState, type ComponentProps } from 'react';
import { ts } from '../i18n/share';
import { useStore } from '../state/store';
import { EChart } from './EChart';
import { ShareButtons } from './ShareButtons';
import { ExportMenu, type ExportInfo } from './ExportMenu';

const EmbedDialog = lazy(() => import('./EmbedDialog').then((m) => ({ default: m.EmbedDialog })));

/**
 * A chart with its toolbar: copy link, embed, full screen. Used by every
 * chart view so that each chart can be shared and embedded.
 */
export function ChartPanel({ exportInfo, ...props }: ComponentProps<typeof EChart> & { exportInfo?: ExportInfo }) {
  const lang = useStore((s) => s.lang);
  const [embedOpen, setEmbedOpen] = useState(false);
  const wrap = useRef<HTMLDivElement>(null);
  return (
    <div className="chart-panel" ref={wrap}>
      <div className="chart-toolbar" role="toolbar" aria-label={lang === 'zh' ? '图表工具' : 'Chart tools'}>
        {exportInfo && <ExportMenu chartBox={wrap} option={props.option} info={exportInfo} />}
        <ShareButtons target={wrap} />
        <button type="button" className="btn" data-testid="embed-open" onClick={() => setEmbedOpen(true)}>
          {ts(lang, 'embed')}
        </button>
      </div>
      <EChart {...props} />
      {embedOpen && (
        <Suspense fallback={null}>
          <EmbedDialog title={props.label} onClose={() => setEmbedOpen(false)} />
        </Suspense>
      )}
    </div>
  );
}
