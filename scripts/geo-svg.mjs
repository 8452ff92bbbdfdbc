/**
 * public/data/geo/china.svg: the same outlines as public/data/geo/china.json, as an SVG that the
 * province map draws (ECharts `geoSVG`). Why: ECharts parses an SVG map once and, on each update,
 * only restyles its named elements, where a GeoJSON map has every outline point transformed and
 * every path rebuilt on every update (a year change, a play tick).
 *
 * What it holds (nothing moved, dropped or added):
 *  - the regions exactly as ECharts reads china.json (its own GeoJSONResource: the decoding and
 *    the 南海诸岛 inset it adds to a map named china), each point in ECharts' own quantisation
 *    (1/1024 degree), as integers: x = east of the map's west edge, y = south of its north edge;
 *  - one <path> per province named by its GB/T 2260 code (what figures join on), drawn filled,
 *    ending in a lone move-to (which draws nothing) placed so that the path's bounding box is
 *    centred on the point where ECharts puts a GeoJSON region's label (its centre point, the
 *    `cp` property): an SVG region's label sits at the centre of its box, which for Hebei is in
 *    Beijing;
 *  - the 南海诸岛 inset (lines), named 南海诸岛;
 *  - a viewBox equal to ECharts' bounding rectangle of the GeoJSON regions, so that a map series
 *    on this SVG with `aspectScale: 0.75` (the GeoJSON default) lies exactly under a geo component
 *    on china.json in the same box (the value labels and carriers are placed on that one).
 *
 * Run: `npm run geo:svg` (after `npm run geo:simplify`); tests/unit/geoSvg.test.ts checks that the
 * shipped file is what this writes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { GeoJSONResource } from 'echarts/lib/coord/geo/GeoJSONResource.js';

export const SOURCE = fileURLToPath(new URL('../public/data/geo/china.json', import.meta.url));
export const TARGET = fileURLToPath(new URL('../public/data/geo/china.svg', import.meta.url));
const Q = 1024;

/**
 * The SVG's units for the GeoJSON as ECharts reads it: its regions, and `at`, which takes a
 * longitude and latitude to x (east of the map's west edge) and y (south of its north edge) in
 * 1/1024° (rounded to ECharts' quantisation, unless `exact`), with the viewBox's width and height.
 */
function svgFrame(geoJson) {
  const { regions, boundingRect: r } = new GeoJSONResource('china', geoJson).load();
  const x0 = Math.round(r.x * Q);
  const y1 = Math.round((r.y + r.height) * Q);
  const at = ([lon, lat], exact = false) => (exact ? [lon * Q - x0, y1 - lat * Q] : [Math.round(lon * Q) - x0, y1 - Math.round(lat * Q)]);
  return { regions, at, w: Math.round((r.x + r.width) * Q) - x0, h: y1 - Math.round(r.y * Q) };
}

/** Where a longitude and latitude lie in the SVG's units (for a parsed china.json). */
export function svgPoint(geoJson) {
  const { at } = svgFrame(geoJson);
  return (p) => at(p);
}

/** Numbers of path data, the shortest way: a minus sign separates as well as a space ("56-78"). */
const nums = (list) => list.map((n, i) => (i && n >= 0 ? ` ${n}` : `${n}`)).join('');

/** A ring as path data in integer units, relative after its first point (one `l` for all its segments). */
function ringPath(ring, at, close) {
  const steps = [];
  let px = 0;
  let py = 0;
  let first = '';
  ring.forEach((p, i) => {
    const [x, y] = at(p);
    if (i === 0) first = `M${nums([x, y])}`;
    else steps.push(x - px, y - py);
    px = x;
    py = y;
  });
  return first + (steps.length ? `l${nums(steps)}` : '') + (close ? 'z' : '');
}

/** The SVG text for a parsed china.json (ECharts' compressed GeoJSON). */
export function geoSvg(geoJson) {
  const { regions, at, w, h } = svgFrame(geoJson);
  const codes = new Map(geoJson.features.map((f) => [f.properties.name, String(f.properties.id)]));
  const paths = regions.map((reg) => {
    const lines = reg.geometries.some((g) => g.type !== 'polygon');
    // a lone move-to, drawing nothing, that centres the path's box on the region's centre point
    const pts = reg.geometries.flatMap((g) => (g.type === 'polygon' ? g.exterior : g.points.flat())).map((p) => at(p));
    const xs = pts.map((p) => p[0]);
    const ys = pts.map((p) => p[1]);
    const [cx, cy] = at(reg.getCenter(), true);
    const mirror = (c, lo, hi) => (c > (lo + hi) / 2 ? 2 * c - lo : 2 * c - hi);
    const centre = lines ? '' : `M${Math.round(mirror(cx, Math.min(...xs), Math.max(...xs)))} ${Math.round(mirror(cy, Math.min(...ys), Math.max(...ys)))}`;
    const d = reg.geometries
      .flatMap((g) => (g.type === 'polygon' ? [g.exterior, ...(g.interiors ?? [])].map((ring) => ringPath(ring, at, true)) : g.points.map((ring) => ringPath(ring, at, false))))
      .join('') + centre;
    const name = codes.get(reg.name) ?? reg.name;
    return `<path name="${name}"${lines ? ' fill="none"' : ''} d="${d}"/>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}">\n${paths.join('\n')}\n</svg>\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const svg = geoSvg(JSON.parse(readFileSync(SOURCE, 'utf8')));
  writeFileSync(TARGET, svg);
  console.log(`china.svg: ${svg.length} characters → ${TARGET}`);
}
