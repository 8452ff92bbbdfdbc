import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countPoints, decodeFeature, simplifyGeo, SOURCE, TARGET } from '../../../scripts/geo-simplify';
import { geoNameMap } from '../../../src/data/load';
import { normaliseRegion, REGIONS } from '../../../src/data/regions';

type Geo = Parameters<typeof simplifyGeo>[0];
const original = JSON.parse(readFileSync(SOURCE, 'utf8')) as Geo;
const shipped = JSON.parse(readFileSync(TARGET, 'utf8')) as Geo;
const key = ([x, y]: [number, number]) => `${x},${y}`;
const pointsOf = (f: Geo['features'][number]) => new Set(decodeFeature(f).flat(2).map(key));

describe('the shipped province outlines (scripts/geo-simplify.ts)', () => {
  it('are exactly what the script makes from the unmodified echarts@4.9.0 file', () => {
    expect(shipped).toEqual(JSON.parse(JSON.stringify(simplifyGeo(original))));
  });

  it('keep every province, polygon and ring, with far fewer points', () => {
    expect(shipped.features.map((f) => f.properties.name)).toEqual(original.features.map((f) => f.properties.name));
    shipped.features.forEach((f, i) => {
      const a = decodeFeature(f);
      const b = decodeFeature(original.features[i]!);
      expect(a.map((p) => p.length)).toEqual(b.map((p) => p.length));
      a.forEach((p, j) =>
        p.forEach((ring, k) => {
          // closed, with at least 4 points, or left as it was (a few islands are triangles)
          if (JSON.stringify(ring) === JSON.stringify(b[j]![k])) return;
          expect(ring.length).toBeGreaterThanOrEqual(4);
          expect(key(ring[0]!)).toBe(key(ring[ring.length - 1]!));
        }),
      );
    });
    expect(countPoints(shipped)).toBeLessThan(countPoints(original) * 0.35);
  });

  it('add or move no point: every point is one of the same province’s original points', () => {
    shipped.features.forEach((f, i) => {
      const orig = pointsOf(original.features[i]!);
      for (const p of pointsOf(f)) expect(orig.has(p), `${String(f.properties.name)} ${p}`).toBe(true);
    });
  });

  it('simplify a shared border identically on both sides (no gaps or overlaps between provinces)', () => {
    const kept = shipped.features.map(pointsOf);
    const orig = original.features.map(pointsOf);
    const outline = shipped.features.map((f) => decodeFeature(f).flat().flatMap((r) => r.slice(1).map((p, i) => [r[i]!, p] as const)));
    const distance = ([px, py]: number[], [[ax, ay], [bx, by]]: readonly [[number, number], [number, number]]) => {
      const dx = bx - ax;
      const dy = by - ay;
      const t = Math.max(0, Math.min(1, dx || dy ? ((px! - ax) * dx + (py! - ay) * dy) / (dx * dx + dy * dy) : 0));
      return Math.hypot(ax + t * dx - px!, ay + t * dy - py!);
    };
    let shared = 0;
    let apart = 0;
    for (let a = 0; a < kept.length; a++)
      for (let b = 0; b < kept.length; b++) {
        if (a === b) continue;
        // a point of province a that lies on b's original outline survives in b too, or
        // (where the original's two sides were digitised from different points) lies
        // within 0.05° (about a pixel at 1920 px wide) of b's simplified outline
        for (const p of kept[a]!) {
          if (!orig[b]!.has(p)) continue;
          shared++;
          if (kept[b]!.has(p)) continue;
          apart++;
          const pt = p.split(',').map(Number);
          const d = Math.min(...outline[b]!.map((s) => distance(pt, s))) / (original.UTF8Scale ?? 1024);
          expect(d, `${String(shipped.features[a]!.properties.name)}/${String(shipped.features[b]!.properties.name)} ${p}`).toBeLessThan(0.05);
        }
      }
    expect(shared).toBeGreaterThan(1000);
    expect(apart).toBeLessThan(10);
  });
});

describe('geoNameMap', () => {
  it('maps feature names to 6-digit codes from properties.id or feature id, skipping others', () => {
    const m = geoNameMap({
      features: [
        { id: '710000', properties: { id: '710000', name: '台湾' } },
        { properties: { id: '320000', name: '江苏' } },
        { id: 110000, properties: { name: '北京' } },
        { properties: { name: '南海诸岛' } },
        { properties: { id: '3201', name: '南京' } },
        { id: '440000', properties: {} },
        {},
      ],
    });
    expect(m).toEqual({ 台湾: '710000', 江苏: '320000', 北京: '110000' });
  });

  it('the shipped china.json yields all 34 provinces, each name normalising to its code', () => {
    const geo = JSON.parse(readFileSync(new URL('../../../public/data/geo/china.json', import.meta.url), 'utf8')) as Parameters<typeof geoNameMap>[0];
    const m = geoNameMap(geo);
    const codes = Object.values(m).sort();
    expect(codes).toEqual(REGIONS.map((r) => r.code).sort());
    for (const [name, code] of Object.entries(m)) {
      const r = normaliseRegion(name);
      expect(r.ok && r.id).toBe(code);
    }
  });
});
