import { describe, expect, it } from 'vitest';
import { projectorOption, projectorType, slideStage, STAGE_H } from '../../../src/charts/projector';
import { stageFor, MAX_ASPECT, MIN_ASPECT } from '../../../src/present/stage';

/** every fontSize in an option, with its path */
function fonts(o: unknown, path = ''): [string, number][] {
  if (Array.isArray(o)) return o.flatMap((x, i) => fonts(x, `${path}[${i}]`));
  if (o && typeof o === 'object') return Object.entries(o).flatMap(([k, v]) => (k === 'fontSize' && typeof v === 'number' ? [[`${path}.${k}`, v] as [string, number]] : fonts(v, `${path}.${k}`)));
  return [];
}

const OPTION = {
  title: { text: 'T', subtext: 'S', left: 16, top: 10, textStyle: { fontSize: 20, width: 1100, overflow: 'truncate' }, subtextStyle: { fontSize: 13, color: '#444' } },
  legend: { top: 76, left: 16, itemGap: 16, textStyle: { fontSize: 13 } },
  grid: { top: 132, bottom: 40, left: '5%' },
  yAxis: { name: '家', nameGap: 12, nameTextStyle: { fontSize: 13 }, axisLabel: { fontSize: 13, formatter: (v: number) => String(v) } },
  graphic: [{ type: 'text', left: 16, bottom: 8, style: { text: '来源', fontSize: 12, fill: '#555', width: 1400, overflow: 'truncate' } }],
  series: [{ type: 'line', lineStyle: { width: 2 }, data: [{ value: 5, symbolSize: 8 }, { value: [1, 2] }], markLine: { symbolSize: [5, 0] }, label: { rich: { y: { fontSize: 10 } } } }],
};

describe('projector option', () => {
  for (const [w, h] of [[1024, 768], [1280, 800], [1920, 1080]] as const) {
    it(`on a ${w}×${h} screen: title ≥ 3.5 % and every other text ≥ 2.2 % of the screen height`, () => {
      const st = stageFor(w, h);
      const o = projectorOption(OPTION as never, st) as typeof OPTION;
      const onScreen = (px: number) => (px * st.scale) / h;
      expect(onScreen(o.title.textStyle.fontSize)).toBeGreaterThanOrEqual(0.035);
      for (const [path, size] of fonts(o)) expect(onScreen(size), path).toBeGreaterThanOrEqual(0.022);
    });
  }
  it('zooms the layout with the text, keeps percentages, and makes lines and markers heavier still', () => {
    const st = { width: 1280, height: STAGE_H };
    const k = projectorType(st).text / 13;
    const o = projectorOption(OPTION as never, st) as unknown as typeof OPTION & { legend: { itemWidth: number } };
    expect(o.legend.top).toBeCloseTo(76 * k, 0);
    expect(o.grid.top).toBeCloseTo(132 * k, 0);
    expect(o.grid.left).toBe('5%');
    expect(o.yAxis.nameGap).toBeCloseTo(12 * k, 0);
    expect(o.series[0]!.lineStyle.width).toBeGreaterThan(2 * k);
    expect(o.series[0]!.data[0]).toMatchObject({ value: 5 });
    expect((o.series[0]!.data[0] as { symbolSize: number }).symbolSize).toBeGreaterThanOrEqual(8 * k);
    expect(o.series[0]!.data[1]).toEqual({ value: [1, 2] });
    expect(o.legend.itemWidth).toBe(Math.round(25 * k));
    expect(typeof o.yAxis.axisLabel.formatter).toBe('function');
  });
  it('grey text at full contrast; text cut to the stage width at most (a 4:3 stage is narrower than the 16:9 layout)', () => {
    const st = { width: 960, height: STAGE_H };
    const o = projectorOption(OPTION as never, st) as typeof OPTION;
    expect(o.title.subtextStyle.color).toBe('#111');
    expect(o.graphic[0]!.style.fill).toBe('#111');
    expect(o.title.textStyle.width).toBeLessThan(960);
    expect(o.graphic[0]!.style.width).toBeLessThan(960);
  });
});

describe('presentation stage', () => {
  it('takes the screen\'s aspect ratio: no letterbox at 4:3, 16:10 or 16:9', () => {
    for (const [w, h] of [[1024, 768], [1280, 800], [1920, 1080], [1366, 768], [1600, 1200]] as const) {
      const st = stageFor(w, h);
      expect(st.height).toBe(STAGE_H);
      expect(Math.abs(st.top), `${w}×${h}`).toBeLessThan(1);
      expect(Math.abs(st.left), `${w}×${h}`).toBeLessThan(1);
      expect(st.width * st.scale).toBeCloseTo(w, 0);
      expect(st.height * st.scale).toBeCloseTo(h, 0);
    }
  });
  it('beyond 5:4 and 21:9 it is letterboxed, centred', () => {
    const tall = stageFor(1000, 1000);
    expect(tall.width / tall.height).toBeCloseTo(MIN_ASPECT, 2);
    expect(tall.top).toBeGreaterThan(0);
    const wide = stageFor(3440, 1200);
    expect(wide.width / wide.height).toBeCloseTo(MAX_ASPECT, 2);
    expect(wide.left).toBeGreaterThan(0);
  });
  it('slide images: 16:9 is 1920×1080 and 4:3 is 1440×1080 pixels', () => {
    for (const [a, w] of [['16:9', 1920], ['4:3', 1440]] as const) {
      const s = slideStage(a);
      expect(Math.round(s.width * s.pixelRatio)).toBe(w);
      expect(Math.round(s.height * s.pixelRatio)).toBe(1080);
    }
  });
});
