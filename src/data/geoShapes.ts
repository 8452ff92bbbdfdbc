/**
 * Province shapes from the map's GeoJSON (plain, or in ECharts' compressed
 * UTF8Encoding, which the shipped file uses), and where a label fits inside
 * each one. Pure.
 */
import type { GeoJson } from './load';

export type Ring = [number, number][];
/** a polygon: its outer ring, then its holes */
export type Polygon = Ring[];

/** ECharts' ring decoding (echarts/lib/coord/geo/parseGeoJson.js), to integer (quantised) coordinates. */
export function decodeRing(s: string, offset: readonly [number, number]): Ring {
  const out: Ring = [];
  let px = offset[0];
  let py = offset[1];
  for (let i = 0; i < s.length; i += 2) {
    let x = s.charCodeAt(i) - 64;
    let y = s.charCodeAt(i + 1) - 64;
    x = (x >> 1) ^ -(x & 1);
    y = (y >> 1) ^ -(y & 1);
    px += x;
    py += y;
    out.push([px, py]);
  }
  return out;
}

interface ShapeFeature {
  id?: string | number;
  properties?: { id?: string; name?: string };
  geometry?: { type?: string; coordinates?: unknown; encodeOffsets?: unknown };
}

/** The polygons of a feature in longitude/latitude. */
export function featurePolygons(f: ShapeFeature, encoded: boolean, scale = 1024): Polygon[] {
  const g = f.geometry;
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return [];
  const polys = (g.type === 'Polygon' ? [g.coordinates] : (g.coordinates as unknown[])) as unknown[][];
  const offsets = (g.type === 'Polygon' ? [g.encodeOffsets] : (g.encodeOffsets as unknown[])) as [number, number][][] | undefined;
  return polys.map((rings, j) =>
    rings.map((r, i) => (encoded ? decodeRing(r as string, offsets?.[j]?.[i] ?? [0, 0]).map(([x, y]) => [x / scale, y / scale] as [number, number]) : (r as Ring))),
  );
}

function ringArea(r: Ring): number {
  let a = 0;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) a += (r[j]![0] - r[i]![0]) * (r[j]![1] + r[i]![1]);
  return Math.abs(a / 2);
}

/** Distance from (x, y) to the outline given as flat edge coordinates [ax, ay, bx, by, …]: positive inside, negative outside. */
function signedDistance(x: number, y: number, e: Float64Array): number {
  let inside = false;
  let best = Infinity;
  for (let k = 0; k < e.length; k += 4) {
    const ax = e[k]!;
    const ay = e[k + 1]!;
    const bx = e[k + 2]!;
    const by = e[k + 3]!;
    if (ay > y !== by > y && x < ((bx - ax) * (y - ay)) / (by - ay) + ax) inside = !inside;
    let dx = bx - ax;
    let dy = by - ay;
    const len = dx * dx + dy * dy;
    const t = len ? Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len)) : 0;
    dx = ax + t * dx - x;
    dy = ay + t * dy - y;
    const d = dx * dx + dy * dy;
    if (d < best) best = d;
  }
  return (inside ? 1 : -1) * Math.sqrt(best);
}

/**
 * The point of a polygon farthest from its outline (its "pole of inaccessibility"): where a
 * label has the most room. A grid search, refined four times around the best point; distances
 * measured as ECharts draws the map (longitude × `aspect` against latitude).
 */
export function labelPoint(poly: Polygon, aspect = 0.75): [number, number] {
  const n = poly.reduce((k, r) => k + r.length, 0);
  if (!n) return [0, 0];
  const e = new Float64Array(n * 4);
  let k = 0;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const r of poly) {
    for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
      e[k++] = r[i]![0] * aspect;
      e[k++] = r[i]![1];
      e[k++] = r[j]![0] * aspect;
      e[k++] = r[j]![1];
    }
  }
  for (const [x, y] of poly[0] ?? []) {
    minX = Math.min(minX, x * aspect);
    maxX = Math.max(maxX, x * aspect);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  let cx = (minX + maxX) / 2;
  let cy = (minY + maxY) / 2;
  let best = signedDistance(cx, cy, e);
  let step = Math.max(maxX - minX, maxY - minY) / 10;
  let span = 5;
  for (let round = 0; round < 5; round++) {
    const ox = cx;
    const oy = cy;
    for (let i = -span; i <= span; i++) {
      for (let j = -span; j <= span; j++) {
        const d = signedDistance(ox + i * step, oy + j * step, e);
        if (d > best) {
          best = d;
          cx = ox + i * step;
          cy = oy + j * step;
        }
      }
    }
    step /= 3;
    span = 2;
  }
  return [cx / aspect, cy];
}

/** Where each province's label goes (its largest polygon's pole of inaccessibility), by region code. */
export function labelPoints(geo: Pick<GeoJson, 'features'> & { UTF8Encoding?: boolean; UTF8Scale?: number }, nameMap: Record<string, string>): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  for (const f of geo.features as ShapeFeature[]) {
    const name = f.properties?.name;
    const code = name ? nameMap[name] : undefined;
    if (!code) continue;
    const polys = featurePolygons(f, !!geo.UTF8Encoding, geo.UTF8Scale ?? 1024);
    const largest = polys.reduce<Polygon | null>((a, b) => (!a || ringArea(b[0] ?? []) > ringArea(a[0] ?? []) ? b : a), null);
    if (largest) out.set(code, labelPoint(largest));
  }
  return out;
}
