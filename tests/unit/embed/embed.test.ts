import { describe, expect, it } from 'vitest';
import { parseSetMessage, preferredChartHeight, resizeMessage } from '../../../src/embed/protocol';
import { embedUrl, fullViewUrl, hostScriptUrl, iframeSnippet } from '../../../src/embed/snippet';
import { DARK_BACKGROUND, staticOption, themedOption } from '../../../src/charts/theme';
import { NO_DATA_COLOR, SEQUENTIAL } from '../../../src/charts/mapOption';
import { DEFAULT_STATE } from '../../../src/state/url';

describe('embed message protocol', () => {
  it('builds the documented resize message', () => {
    expect(resizeMessage(512.2, 799.6, 'http://x/')).toEqual({ type: 'hatch-atlas:resize', version: 1, height: 513, width: 800, href: 'http://x/' });
  });
  it('accepts only the documented set message with valid values', () => {
    expect(parseSetMessage({ type: 'hatch-atlas:set', version: 1, year: 2018 })).toEqual({ year: 2018 });
    expect(parseSetMessage({ type: 'hatch-atlas:set', version: 1, year: 'latest', lang: 'en', metric: 'incubators_total', theme: 'dark' })).toEqual({
      year: 'latest', lang: 'en', metric: 'incubators_total', theme: 'dark',
    });
    for (const bad of [
      null, 'hatch-atlas:set', [], 42,
      { type: 'hatch-atlas:set', version: 2, year: 2018 },
      { type: 'hatch-atlas:set', year: 2018 },
      { type: 'hatch-atlas:set', version: 1 },
      { type: 'hatch-atlas:set', version: 1, year: '<img src=x onerror=alert(1)>' },
      { type: 'hatch-atlas:set', version: 1, metric: '<script>' },
      { type: 'hatch-atlas:set', version: 1, lang: 'fr' },
      { type: 'hatch-atlas:set', version: 1, year: 2018, view: 'table' },
      { type: 'hatch-atlas:set', version: 1, year: { toString: () => '2018' } },
      { type: 'other', version: 1, year: 2018 },
    ]) expect(parseSetMessage(bad)).toBeNull();
  });
  it('asks for a height that keeps the chart usable', () => {
    expect(preferredChartHeight('map', 300)).toBe(250);
    expect(preferredChartHeight('map', 1000)).toBe(740);
    expect(preferredChartHeight('map', 4000)).toBe(1080);
    expect(preferredChartHeight('ranking', 800, 30)).toBe(140 + 30 * 26);
  });
});

describe('embed snippet', () => {
  const view = { ...DEFAULT_STATE, view: 'map' as const, metric: 'incubators_national', year: 2022 };
  const page = 'https://gov.example.cn/tools/atlas/?view=map&metric=incubators_national&year=2022';
  it('makes an absolute embed URL with the chosen options, under the app\'s sub-path', () => {
    expect(embedUrl(view, { lang: 'en', theme: 'dark', controls: false, static: false, height: 500 }, page)).toBe(
      'https://gov.example.cn/tools/atlas/?view=map&metric=incubators_national&year=2022&lang=en&theme=dark&embed=1&controls=0',
    );
    expect(embedUrl(view, { lang: 'zh', theme: null, controls: true, static: true, height: 500 }, page)).toBe(
      'https://gov.example.cn/tools/atlas/?view=map&metric=incubators_national&year=2022&embed=1&controls=0&static=1',
    );
    expect(embedUrl(view, { lang: 'zh', theme: null, controls: true, static: false, height: 700, findings: true }, page)).toBe(
      'https://gov.example.cn/tools/atlas/?view=map&metric=incubators_national&year=2022&embed=1&findings=1',
    );
    expect(fullViewUrl({ ...view, embed: true, static: true }, page)).toBe('https://gov.example.cn/tools/atlas/?view=map&metric=incubators_national&year=2022');
    expect(hostScriptUrl(page)).toBe('https://gov.example.cn/tools/atlas/embed-host.js');
  });
  it('writes an accessible, lazy, full-width iframe and escapes attributes', () => {
    const s = iframeSnippet('https://x/?a=1&b="2"', '孵化图谱："><script>', 520, 'https://x/embed-host.js');
    expect(s).toContain('src="https://x/?a=1&amp;b=&quot;2&quot;"');
    expect(s).toContain('title="孵化图谱：&quot;&gt;&lt;script&gt;"');
    expect(s).toContain('loading="lazy"');
    expect(s).toContain('width="100%"');
    expect(s).toContain('height="520"');
    expect(s).toContain('allow="fullscreen; clipboard-write"');
    expect(s.split('\n')[1]).toBe('<script src="https://x/embed-host.js" async></script>');
    expect(iframeSnippet('https://x/', 't', 10, null)).toContain('height="250"');
  });
});

/** WCAG contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const lum = (h: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

describe('chart themes', () => {
  const o = {
    title: { textStyle: { color: '#444' }, subtextStyle: { color: '#444' } },
    series: [{ itemStyle: { areaColor: '#d5d8dc', borderColor: '#ffffff' }, label: { color: '#111', formatter: () => 'x' } }],
    visualMap: { inRange: { color: ['#edf8b1', '#0c2c84'] } },
  };
  it('maps light ink to dark-theme ink but keeps data colour ramps and functions', () => {
    const d = themedOption(o as never, 'dark') as unknown as typeof o & { backgroundColor: string };
    expect(d.backgroundColor).toBe('#16191d');
    expect(d.title.textStyle.color).toBe('#cfd4da');
    expect(d.series[0]!.itemStyle.areaColor).toBe('#7a828c');
    expect(d.series[0]!.label.color).toBe('#f1f3f5');
    expect(typeof d.series[0]!.label.formatter).toBe('function');
    expect(d.visualMap.inRange.color).toEqual(['#edf8b1', '#0c2c84']);
    expect(themedOption(o as never, 'light')).toBe(o);
  });
  it('dark theme: the no-data grey stands apart (≥ 3:1) from both ends of the colour scale and from the background', () => {
    const grey = (themedOption({ series: [{ itemStyle: { areaColor: NO_DATA_COLOR } }] } as never, 'dark') as unknown as { series: { itemStyle: { areaColor: string } }[] }).series[0]!.itemStyle.areaColor;
    for (const c of [SEQUENTIAL[SEQUENTIAL.length - 1]!, SEQUENTIAL[0]!, DARK_BACKGROUND]) expect(contrast(grey, c), `${grey} vs ${c}`).toBeGreaterThanOrEqual(3);
  });
  it('a static chart has no animation and no tooltip', () => {
    const s = staticOption({ series: [] }) as { animation: boolean; tooltip: { show: boolean } };
    expect(s.animation).toBe(false);
    expect(s.tooltip.show).toBe(false);
  });
});
