import { t } from '../i18n/ui';
import { classColors, classLabels, isClassed } from './colorScale';
import type { MapLegend } from './mapOption';
import { yearGroupsText } from './yearGroups';

/** An old figure that the reader chose to hide: not coloured by the scale. */
const HIDDEN_STYLE = { areaColor: '#f4f5f6', borderColor: '#999', borderType: 'dotted' as const, borderWidth: 1 };

/**
 * The legend of a classed scale (with the scale's name) and the old-figures swatch, as graphic
 * elements (left, above the "no data" swatch), and of "latest available" the years' groups and how
 * an old figure is drawn (hatched, or hidden): loaded when a map first needs them, so that the
 * first chart's code does not carry them (bench/README.md, the byte budget). Pure.
 */
const draw = (input: Parameters<MapLegend>[0], staleShown: boolean, fs: number, name: string, side: boolean): object[] => {
  const { lang, scale, compact = false, stale, hideStale } = input;
  const out: object[] = [];
  const txt = (x: number, y: number, text: string, extra: object = {}) => ({ type: 'text', x, y, style: { text, fontSize: fs - 1, fill: '#333', ...extra } });
  const swatch = (x: number, y: number, fill: string, stroke = 'rgba(0,0,0,0.25)') => ({ type: 'rect', shape: { x, y, width: 14, height: 14 }, style: { fill, stroke } });
  if (staleShown) {
    const year = stale!.newest! - stale!.threshold - 1;
    const hatch = [[0, 7, 7, 0], [0, 14, 14, 0], [7, 14, 14, 7]].map(([x1, y1, x2, y2]) => ({ type: 'line', shape: { x1, y1, x2, y2 }, style: { stroke: '#fff', lineWidth: 1.5 } }));
    out.push({
      type: 'group',
      id: 'stale-swatch',
      // a side bar's map (mapOption sideBar: a short frame, as narrow as 300 px): on a row of its own, above the "no data" swatch
      ...(side ? { left: 8, bottom: 42 } : compact ? { right: 8, bottom: 24 } : { left: 24, bottom: 54 }),
      children: [
        hideStale ? swatch(0, 0, HIDDEN_STYLE.areaColor, '#999') : swatch(0, 0, '#7fcdbb'),
        ...(hideStale ? [] : hatch),
        txt(20, 1, t(lang, hideStale ? 'staleHiddenSwatch' : 'staleSwatch', { year })),
      ],
    });
  }
  if (!isClassed(scale)) return out;
  const colors = classColors(scale);
  const labels = classLabels(scale, lang);
  const k = labels.length;
  // compact: a grid of up to three columns; otherwise one column, the highest class on top
  const cols = compact ? Math.min(3, k) : 1;
  // wide enough for the longest class label (CJK characters take about twice a Latin one's width)
  const textWidth = (l: string) => [...l].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 1 : 0.6), 0) * (fs - 1);
  const colW = Math.max(...labels.map(textWidth)) + 32;
  const rowH = compact ? 20 : 22;
  const children: object[] = [txt(0, 0, name, { fontSize: fs - 2, fill: '#555' })];
  for (let i = 0; i < k; i++) {
    const slot = compact ? i : k - 1 - i;
    const x = (slot % cols) * colW;
    const y = 20 + Math.floor(slot / cols) * rowH;
    children.push(swatch(x, y, colors[i]!), txt(x + 20, y + 1, labels[i]!));
  }
  out.push({
    type: 'group',
    id: `legend-${k}`,
    ...(compact ? { left: 'center', bottom: 46 } : { left: 24, bottom: staleShown ? 84 : 64 }),
    children,
  });
  return out;
};

export const mapLegend: MapLegend = Object.assign(draw, {
  groups: yearGroupsText,
  decal: { symbol: 'rect', symbolSize: 1, color: 'rgba(255,255,255,0.75)', dashArrayX: [1, 0], dashArrayY: [2, 3], rotation: -Math.PI / 4 },
  hidden: HIDDEN_STYLE,
});
