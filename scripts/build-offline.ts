/**
 * Turns the offline build (vite build --mode offline → dist-offline/build/)
 * into ONE self-contained HTML file, dist-offline/hatch-atlas-offline.html:
 * script and styles inlined, the data package (figures, sources, entities,
 * map geometry, city points, example deck) embedded, so that it opens from a
 * USB stick by double-click (file://) with no network.
 */
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const buildDir = join(root, 'dist-offline', 'build');
const out = join(root, 'dist-offline', 'hatch-atlas-offline.html');
const dataDir = join(root, 'public', 'data');

let html = readFileSync(join(buildDir, 'index.html'), 'utf8');
const assets = readdirSync(join(buildDir, 'assets'));

/** Text placed inside <script> must not close it early. */
const scriptSafe = (s: string) => s.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');

// styles
html = html.replace(/<link rel="stylesheet"[^>]*href="\.\/assets\/([^"]+)"[^>]*>/g, (_m, f: string) => `<style>${readFileSync(join(buildDir, 'assets', f), 'utf8').replace(/<\/style/gi, '<\\/style')}</style>`);
// no preloads of files that are not there (the data is inlined below)
html = html
  .replace(/<link rel="modulepreload"[^>]*>/g, '')
  .replace(/<link rel="preload"[^>]*>/g, '')
  .replace(/<!-- the data the first chart needs[^>]*-->/g, '')
  .replace(/<!-- the outline file\(s\)[^>]*-->/g, '')
  .replace(/<script src="\.?\/?preload-outlines\.js"><\/script>/g, '');
// the module script
let inlinedJs = 0;
html = html.replace(/<script type="module" crossorigin src="\.\/assets\/([^"]+)"><\/script>/g, (_m, f: string) => {
  inlinedJs++;
  return `<script type="module">${scriptSafe(readFileSync(join(buildDir, 'assets', f), 'utf8'))}</script>`;
});
if (inlinedJs !== 1) throw new Error(`expected one module script in the offline build, found ${inlinedJs} (assets: ${assets.join(', ')})`);
if (/\.\/assets\//.test(html)) throw new Error('the offline HTML still refers to ./assets/');

// the manifest's datasets (figures, their notes, sources, their quotes, entities, geo…) and the example deck
const manifestDatasets = (JSON.parse(readFileSync(join(dataDir, 'manifest.json'), 'utf8')) as { datasets: { path: string }[] }).datasets.map((d) => d.path);
const files = [...new Set(['manifest.json', ...manifestDatasets, 'decks/example.json'])];
const data: Record<string, string> = {};
for (const f of files) data[`data/${f}`] = readFileSync(join(dataDir, f), 'utf8');
const dataScript = `<script>window.__HATCH_ATLAS_FILES__ = ${JSON.stringify(data).replace(/</g, '\\u003c')};</script>`;

const licence = readFileSync(join(dataDir, 'geo', 'LICENSE'), 'utf8');
const notice = readFileSync(join(dataDir, 'geo', 'NOTICE'), 'utf8');
const header = `<!--
  孵化图谱 Hatch Atlas — offline single-file edition. Open by double-click; needs no network.
  Every figure carries its source (see the sources panel). Data package version: ${JSON.parse(data['data/manifest.json']!).version}.
  The province outlines are from the echarts@4.9.0 npm package (map/json/china.json), Apache License 2.0:
${(notice + '\n' + licence).replace(/--/g, '- -')}
-->
`;
// the data must be defined before the app's module script runs
html = html.replace('<head>', `<head>\n${dataScript}`);
html = html.replace(/^<!doctype html>\n?/i, `<!doctype html>\n${header}`);
writeFileSync(out, html);
console.log(`build:offline: ${out} (${(Buffer.byteLength(html) / 1024).toFixed(0)} KB)`);
