// Derive city centre points from echarts@4.9.0's map/json/china-cities.json:
//   node scripts/extract-city-points.mjs path/to/echarts-4.9.0/map/json/china-cities.json
// Writes public/data/geo/china-cities-points.json: [{ name, code, province, cp: [lng, lat] }].
import { readFileSync, writeFileSync } from 'node:fs';
const src = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const points = src.features.map((f) => ({
  name: f.properties.name,
  code: String(f.id),
  province: String(f.id).slice(0, 2) + '0000',
  cp: f.properties.cp,
}));
writeFileSync(new URL('../public/data/geo/china-cities-points.json', import.meta.url), JSON.stringify({
  source: 'echarts@4.9.0 npm package, map/json/china-cities.json (Apache-2.0, see LICENSE and NOTICE in this folder); properties.cp of each feature',
  points,
}) + '\n');
console.log(points.length, 'city points');
