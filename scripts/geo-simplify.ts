/**
 * The province outlines that ship in public/data/geo/china.json: the
 * echarts@4.9.0 npm package's map/json/china.json (kept unchanged in
 * scripts/geo/china.echarts-4.9.0.json, Apache-2.0), simplified for drawing
 * at dashboard sizes.
 *
 * Why: ECharts rebuilds and redraws every outline point on every update, so
 * a year change costs time in proportion to the number of points (16,173 in
 * the original). The simplified outlines have under a third of them (5,007), which
 * makes a year change and the first drawing faster and the file smaller.
 *
 * How (nothing is invented, moved or dropped):
 *  - the rings are decoded from ECharts' compressed encoding and turned into
 *    a topology (topojson-server): a border shared by two provinces becomes
 *    one arc, so both sides are simplified identically — no gaps, no overlaps;
 *  - Visvalingam–Whyatt simplification (topojson-simplify) removes the points
 *    whose triangle with their neighbours has an area under MIN_AREA square
 *    degrees (0.01 °² is a triangle of about 3 px² on a 1280 px wide page
 *    and 7 px² at 1920 px: below what the eye can tell at those sizes,
 *    visible as slightly straighter coasts when a 3× export is zoomed in);
 *    arcs' end points (where three provinces or a border and the coast
 *    meet) are always kept;
 *  - every ring keeps at least 4 points (small islands are never removed):
 *    where simplification would leave fewer, the ring is kept as it was;
 *  - every remaining point is one of the original's points (same quantised
 *    coordinates), checked by tests/unit/geo.test.ts;
 *  - the result is written in the same compressed encoding ECharts reads.
 *
 * Run: `npm run geo:simplify` (writes public/data/geo/china.json).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { topology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';
import { feature } from 'topojson-client';
import { decodeRing } from '../src/data/geoShapes';

export const MIN_AREA = 0.01;
export const SOURCE = fileURLToPath(new URL('./geo/china.echarts-4.9.0.json', import.meta.url));
export const TARGET = fileURLToPath(new URL('../public/data/geo/china.json', import.meta.url));

type Ring = [number, number][];
type Polys = Ring[][];
interface EncodedFeature {
  type: 'Feature';
  id?: string;
  properties: Record<string, unknown>;
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown; encodeOffsets: unknown };
}
interface EncodedGeo {
  type: 'FeatureCollection';
  features: EncodedFeature[];
  UTF8Encoding?: boolean;
  UTF8Scale?: number;
}

/** The inverse of decodeRing: zigzag-encoded deltas, 64 added, two UTF-16 units per point. */
function encodeRing(r: Ring): [string, [number, number]] {
  const first = r[0]!;
  let px = first[0];
  let py = first[1];
  let out = '';
  for (const [x, y] of r) {
    let dx = x - px;
    let dy = y - py;
    px = x;
    py = y;
    dx = (dx << 1) ^ (dx >> 31);
    dy = (dy << 1) ^ (dy >> 31);
    // stay below the surrogate range so that every unit is a character of its own
    if (dx + 64 >= 0xd800 || dy + 64 >= 0xd800) throw new Error('segment too long for the encoding');
    out += String.fromCharCode(dx + 64, dy + 64);
  }
  return [out, [first[0], first[1]]];
}

/** The polygons of a feature, decoded to integer coordinates. */
export function decodeFeature(f: EncodedFeature): Polys {
  const g = f.geometry;
  if (g.type === 'Polygon') return [(g.coordinates as string[]).map((r, i) => decodeRing(r, (g.encodeOffsets as [number, number][])[i]!))];
  return (g.coordinates as string[][]).map((p, j) => p.map((r, i) => decodeRing(r, (g.encodeOffsets as [number, number][][])[j]![i]!)));
}

const distinct = (r: Ring) => new Set(r.map(([x, y]) => `${x},${y}`)).size;

/** Simplify the echarts china.json (parsed); returns the same structure with fewer points. */
export function simplifyGeo(src: EncodedGeo, minArea = MIN_AREA): EncodedGeo {
  if (!src.UTF8Encoding) throw new Error('expected the ECharts compressed encoding');
  const scale = src.UTF8Scale ?? 1024;
  const decoded = src.features.map(decodeFeature);
  // topology and simplification in integer coordinates; the area threshold scaled to match
  const features = decoded.map((polys, i) => ({
    type: 'Feature',
    properties: { i },
    geometry: polys.length === 1 && src.features[i]!.geometry.type === 'Polygon' ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys },
  }));
  const topo = presimplify(topology({ p: { type: 'FeatureCollection', features } }));
  const simplified = simplify(topo, minArea * scale * scale);
  const out = feature(simplified, simplified.objects.p!).features;
  return {
    ...src,
    features: src.features.map((f, i) => {
      const g = out[i]!.geometry;
      const polys: Polys = g.type === 'Polygon' ? [g.coordinates as Ring[]] : (g.coordinates as Polys);
      const original = decoded[i]!;
      if (polys.length !== original.length) throw new Error(`${String(f.properties.name)}: number of polygons changed`);
      // a ring left with fewer than 4 distinct points is kept as it was
      const kept = polys.map((p, j) => p.map((r, k) => (distinct(r) >= 4 ? r : original[j]![k]!)));
      const enc = kept.map((p) => p.map(encodeRing));
      const coordinates = enc.map((p) => p.map((e) => e[0]));
      const encodeOffsets = enc.map((p) => p.map((e) => e[1]));
      return {
        ...f,
        geometry: f.geometry.type === 'Polygon' ? { type: 'Polygon', coordinates: coordinates[0], encodeOffsets: encodeOffsets[0] } : { type: 'MultiPolygon', coordinates, encodeOffsets },
      };
    }),
  };
}

export function countPoints(geo: EncodedGeo): number {
  return geo.features.reduce((n, f) => n + decodeFeature(f).flat().reduce((m, r) => m + r.length, 0), 0);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const src = JSON.parse(readFileSync(SOURCE, 'utf8')) as EncodedGeo;
  const out = simplifyGeo(src);
  writeFileSync(TARGET, JSON.stringify(out));
  console.log(`china.json: ${countPoints(src)} → ${countPoints(out)} points (min triangle area ${MIN_AREA} square degrees) → ${TARGET}`);
}
