import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script, no types
import { geoSvg, SOURCE, TARGET } from '../../../scripts/geo-svg.mjs';
// @ts-expect-error: ECharts' internal module has no types of its own
import { GeoJSONResource } from 'echarts/lib/coord/geo/GeoJSONResource.js';
import { REGIONS } from '../../../src/data/regions';

const json = JSON.parse(readFileSync(SOURCE, 'utf8'));
const shipped: string = readFileSync(TARGET, 'utf8');
const Q = 1024;

interface Region { name: string; getCenter(): [number, number] }
const { regions, boundingRect } = new GeoJSONResource('china', json).load() as { regions: Region[]; boundingRect: { x: number; y: number; width: number; height: number } };
const code = new Map<string, string>(json.features.map((f: { properties: { name: string; id: string } }) => [f.properties.name, String(f.properties.id)]));

/**
 * Every point of a path's data (absolute M, relative l, z; what scripts/geo-svg.mjs writes): as SVG
 * reads it, an `l` followed by several pairs draws them all, and a minus sign separates numbers.
 */
function points(d: string): [number, number][] {
  const out: [number, number][] = [];
  let x = 0;
  let y = 0;
  for (const [, cmd, args] of d.matchAll(/([Mlz])([^Mlz]*)/g)) {
    const n = (args!.match(/-?\d+/g) ?? []).map(Number);
    expect(n.length % 2, d.slice(0, 40)).toBe(0);
    for (let i = 0; i < n.length; i += 2) {
      [x, y] = cmd === 'M' && i === 0 ? [n[i]!, n[i + 1]!] : [x + n[i]!, y + n[i + 1]!];
      out.push([x, y]);
    }
  }
  return out;
}
const paths = [...shipped.matchAll(/<path name="([^"]+)"( fill="none")? d="([^"]+)"\/>/g)].map((m) => ({ name: m[1]!, lines: !!m[2], d: m[3]! }));

describe('public/data/geo/china.svg (scripts/geo-svg.mjs)', () => {
  it('is what the script writes from china.json (run `npm run geo:svg` after changing the outlines)', () => {
    expect(shipped).toBe(geoSvg(json));
  });

  it('has one path per province, named by its code, and the 南海诸岛 inset', () => {
    const names = paths.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    for (const r of REGIONS.filter((r) => [...code.values()].includes(r.code))) expect(names).toContain(r.code);
    expect(names.filter((n) => !/^\d{6}$/.test(n))).toEqual(['南海诸岛']);
    expect(paths.length).toBe(regions.length);
  });

  it('the outlines, in 1/1024° units, fill a viewBox equal to ECharts’ bounds of the GeoJSON (so that both lie in the same place)', () => {
    const [w, h] = shipped.match(/viewBox="0 0 (\d+) (\d+)"/)!.slice(1).map(Number) as [number, number];
    const x0 = Math.round(boundingRect.x * Q);
    const y1 = Math.round((boundingRect.y + boundingRect.height) * Q);
    expect(w).toBe(Math.round((boundingRect.x + boundingRect.width) * Q) - x0);
    expect(h).toBe(y1 - Math.round(boundingRect.y * Q));
    // no point outside the box but the labels' centring move-tos
    const all = paths.flatMap((p) => points(p.d.replace(/M-?\d+ -?\d+$/, '')));
    expect(Math.min(...all.map((p) => p[0]))).toBe(0);
    expect(Math.max(...all.map((p) => p[0]))).toBe(w);
    expect(Math.min(...all.map((p) => p[1]))).toBe(0);
    expect(Math.max(...all.map((p) => p[1]))).toBe(h);
  });

  it("centres each province's box on where ECharts labels its GeoJSON region (Hebei's label is in Hebei, not in Beijing)", () => {
    const x0 = Math.round(boundingRect.x * Q);
    const y1 = Math.round((boundingRect.y + boundingRect.height) * Q);
    for (const reg of regions) {
      const p = paths.find((q) => q.name === (code.get(reg.name) ?? reg.name))!;
      if (p.lines) continue;
      const pts = points(p.d);
      const xs = pts.map((q) => q[0]);
      const ys = pts.map((q) => q[1]);
      const [cx, cy] = reg.getCenter();
      expect(Math.abs((Math.min(...xs) + Math.max(...xs)) / 2 - (cx * Q - x0)), p.name).toBeLessThanOrEqual(1);
      expect(Math.abs((Math.min(...ys) + Math.max(...ys)) / 2 - (y1 - cy * Q)), p.name).toBeLessThanOrEqual(1);
    }
  });
});
