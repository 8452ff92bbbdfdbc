/**
 * The first Chinese text a chart measures costs the browser a font fallback
 * lookup per canvas font (ECharts draws in "sans-serif", and the system finds a
 * CJK font for 国 only when asked): about 60 ms at full speed for the first one,
 * on the way to the first chart. Asked here, while the page waits for the chart
 * engine to download, it is paid in time the main thread would spend idle.
 * Nothing is drawn. (Does not import ECharts.)
 */

/** The canvas fonts the charts' text is drawn in (frame title, subtitle, notes, labels, visual map; desktop and phone). */
export const CHART_FONTS = ['13px sans-serif', '12px sans-serif', '600 20px sans-serif', '14px sans-serif', '11px sans-serif', '10px sans-serif', '600 15px sans-serif'] as const;

/** Text with the scripts the charts draw: Chinese, Latin, digits and the marks of qualified figures. */
const SAMPLE = '国家级科技企业孵化器 来源 单位 万 亿 ≥≈ Aa 0123456789';

/**
 * Measure `sample` in each font, one font per idle period (`idle` defaults
 * to requestIdleCallback; where there is none, nothing is done).
 * Returns the fonts measured so far (for tests).
 */
export function warmChartText(
  measure: ((font: string, text: string) => void) | null = canvasMeasurer(),
  idle: ((cb: () => void) => void) | null = typeof requestIdleCallback === 'function' ? (cb) => requestIdleCallback(cb, { timeout: 3000 }) : null,
  fonts: readonly string[] = CHART_FONTS,
  sample = SAMPLE,
): string[] {
  const done: string[] = [];
  if (!measure || !idle) return done;
  const next = (k: number) => {
    if (k >= fonts.length) return;
    idle(() => {
      measure(fonts[k]!, sample);
      done.push(fonts[k]!);
      next(k + 1);
    });
  };
  next(0);
  return done;
}

function canvasMeasurer(): ((font: string, text: string) => void) | null {
  if (typeof document === 'undefined') return null;
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return null;
  return (font, text) => {
    ctx.font = font;
    ctx.measureText(text);
  };
}
