import { lazy, Suspense, useState, type RefObject } from 'react';
import type { EChartsOption } from 'echarts';
import { ts } from '../i18n/share';
import { useStore } from '../state/store';
import { ShareButtons } from './ShareButtons';
import { ExportMenu, type ExportInfo } from './ExportMenu';

const EmbedDialog = lazy(() => import('./EmbedDialog').then((m) => ({ default: m.EmbedDialog })));

/** Export, copy link, full screen and embed for one chart (loaded after the chart itself). */
export default function ChartToolbar({ target, option, label, exportInfo }: { target: RefObject<HTMLDivElement | null>; option: EChartsOption; label: string; exportInfo?: ExportInfo }) {
  const lang = useStore((s) => s.lang);
  const [embedOpen, setEmbedOpen] = useState(false);
  return (
    <>
      {exportInfo && <ExportMenu chartBox={target} option={option} info={exportInfo} />}
      <ShareButtons target={target} />
      <button type="button" className="btn" data-testid="embed-open" onClick={() => setEmbedOpen(true)}>
        {ts(lang, 'embed')}
      </button>
      {embedOpen && (
        <Suspense fallback={null}>
          <EmbedDialog title={label} onClose={() => setEmbedOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
