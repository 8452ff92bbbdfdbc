import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countPoints, decodeFeature, simplifyGeo, SOURCE, TARGET } from '../../scripts/geo-simplify';

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
