import { useRef, useState, type RefObject } from 'react';
import type { EChartsOption } from 'echarts';
import type { YearSelection } from '../data/query';
import type { MetricDef } from '../data/types';
import { decalOption, projectorOption, slideStage, themedOption } from '../charts/theme';
import type { MapLabelling } from '../charts/mapLayers';
import { chartFileName } from '../export/fileName';
import { downloadDataUrl, downloadText } from '../export/download';
import { pngDataUrl, renderPng, svgString, type ChartLike } from '../export/render';
import { useTheme } from '../hooks';
import { tShare } from '../i18n/share';
import { tFindingsPanel } from '../i18n/findingsPanel';
import { useStore } from '../state/store';
import { geoOutlines, outlinesFor } from './outlines';

export interface ExportInfo {
  metric: MetricDef | null;
  year: YearSelection | 'all' | null;
  view: string;
  /** the data behind the chart as CSV (UTF-8 with BOM); may load its code on demand */
  csv?: () => string | Promise<string>;
  /** a map: its option without labels, and what labelling it needs — exported images write the values on it (unless labels=0) */
  labels?: MapLabelling | null;
  /** the key findings as plain text with their source line; loads their code on demand */
  findings?: () => Promise<string>;
}

/** PNG at 2× and 3×, SVG, and the chart's data as CSV; title, unit, year and sources are part of the chart itself. */
export function ExportMenu({ chartBox, option, info }: { chartBox: RefObject<HTMLElement | null>; option: EChartsOption; info: ExportInfo }) {
  const lang = useStore((s) => s.lang);
  const theme = useTheme();
  const menu = useRef<HTMLDetailsElement>(null);
  const [error, setError] = useState<string | null>(null);
  const current = (): ChartLike | null => (chartBox.current?.querySelector('.chart-box') as (HTMLElement & { __chart?: ChartLike }) | null)?.__chart ?? null;
  /** the chart as it is now: what loaded while the image was made (the outlines, the labels' code) may have created it again */
  const chart = async (): Promise<ChartLike> => {
    for (let i = 0; i < 120; i++) {
      const c = current();
      if (c && !c.isDisposed()) return c;
      await new Promise((r) => requestAnimationFrame(r));
    }
    throw new Error('chart not ready');
  };
  const name = (ext: string, extra?: string) => chartFileName({ metric: info.metric, year: info.year, view: info.view, extra, lang }, ext);
  const run = (f: () => Promise<void> | void) => async () => {
    setError(null);
    if (menu.current) menu.current.open = false;
    try {
      await f();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const labelsParam = useStore((s) => s.labels);
  const decal = useStore((s) => s.decal);
  /** what an image shows: the chart's option, a map with its values written on it (unless labels=0) */
  const imageOption = async (): Promise<EChartsOption> => {
    const l = info.labels;
    if (!l) return option;
    const { labels } = await import('../charts/mapLayers');
    const values = labelsParam ?? true;
    // the labels are placed on the GeoJSON outlines, which a year's map without labels may not have loaded yet
    const on = l.on.geo || (!values && !l.on.latest) ? l.on : { ...l.on, ...(await geoOutlines()) };
    return labels.label(l.option, on, values);
  };
  /** the image's option as themed, with its outlines loaded and registered (patterns draw a year from the GeoJSON) */
  const look = async (o: EChartsOption) => {
    const shown = decal ? decalOption(themedOption(o, theme)) : themedOption(o, theme);
    await outlinesFor(shown);
    return shown;
  };
  const png = (ratio: number) =>
    run(async () => {
      // a map is drawn again with its values written on it; other charts as shown (hidden series stay hidden)
      const o = info.labels ? await look(await imageOption()) : null;
      const c = await chart();
      const url = o ? renderPng(o, c.getWidth(), c.getHeight(), ratio, theme) : pngDataUrl(c, ratio, theme);
      await downloadDataUrl(url, name('png', `${ratio}x`));
    });
  const slide = (aspect: '16:9' | '4:3') =>
    run(async () => {
      const st = slideStage(aspect);
      const o = await look(projectorOption(await imageOption(), st));
      await downloadDataUrl(renderPng(o, st.width, st.height, st.pixelRatio, theme), name('png', `slide-${aspect.replace(':', 'x')}`));
    });
  return (
    <details className="menu export-menu" ref={menu} data-testid="export-menu">
      <summary className="btn">{tShare(lang, 'export')} ▾</summary>
      <div className="menu-items" role="menu">
        <button type="button" role="menuitem" data-testid="export-png2" onClick={png(2)}>{tShare(lang, 'png2')}</button>
        <button type="button" role="menuitem" data-testid="export-png3" onClick={png(3)}>{tShare(lang, 'png3')}</button>
        <button type="button" role="menuitem" data-testid="export-slide-16x9" onClick={slide('16:9')}>{tShare(lang, 'slide169')}</button>
        <button type="button" role="menuitem" data-testid="export-slide-4x3" onClick={slide('4:3')}>{tShare(lang, 'slide43')}</button>
        <button type="button" role="menuitem" data-testid="export-svg" onClick={run(async () => {
          const o = await look(await imageOption());
          const c = await chart();
          const svg = await svgString(o, c.getWidth(), c.getHeight(), theme);
          downloadText(svg, name('svg'), 'image/svg+xml;charset=utf-8');
        })}>{tShare(lang, 'svg')}</button>
        {info.findings && (
          <button type="button" role="menuitem" data-testid="export-findings" onClick={run(async () => downloadText(await info.findings!(), name('txt', tFindingsPanel(lang, 'fileName')), 'text/plain;charset=utf-8'))}>
            {tFindingsPanel(lang, 'exportText')}
          </button>
        )}
        {info.csv && (
          <button type="button" role="menuitem" data-testid="export-csv" onClick={run(async () => downloadText(await info.csv!(), name('csv')))}>{tShare(lang, 'csv')}</button>
        )}
      </div>
      {error && <span role="alert" className="notice error">{tShare(lang, 'exportFailed')}{error}</span>}
    </details>
  );
}
