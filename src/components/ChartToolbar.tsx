import { lazy, Suspense, useState, type RefObject } from 'react';
import type { EChartsOption } from 'echarts';
import { tShare } from '../i18n/share';
import { useStore } from '../state/store';
import { ShareButtons } from './ShareButtons';
import { TableLink } from './TableLink';
import { ExportMenu, type ExportInfo } from './ExportMenu';
import './ChartToolbar.css';

const EmbedDialog = lazy(() => import('./EmbedDialog').then((m) => ({ default: m.EmbedDialog })));

/** Export, copy link, full screen and embed for one chart (loaded after the chart itself). */
export default function ChartToolbar({ target, option, label, exportInfo }: { target: RefObject<HTMLDivElement | null>; option: EChartsOption; label: string; exportInfo?: ExportInfo }) {
  const lang = useStore((s) => s.lang);
  const [embedOpen, setEmbedOpen] = useState(false);
  const decal = useStore((s) => s.decal);
  const setDecal = useStore((s) => s.setDecal);
  return (
    <>
      {exportInfo && <ExportMenu chartBox={target} option={option} info={exportInfo} />}
      <TableLink />
      <button type="button" className="btn" data-testid="decal-toggle" aria-pressed={decal} onClick={() => setDecal(!decal)}
        title={tShare(lang, 'patternsHint')}>
        {tShare(lang, 'patterns')}
      </button>
      <ShareButtons target={target} />
      <button type="button" className="btn" data-testid="embed-open" onClick={() => setEmbedOpen(true)}>
        {tShare(lang, 'embed')}
      </button>
      {embedOpen && (
        <Suspense fallback={null}>
          <EmbedDialog title={label} onClose={() => setEmbedOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
