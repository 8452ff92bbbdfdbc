// Build of the benchmark floor (bench/floor): same base, plugin and target as
// the app's vite.config.ts. china.json is emitted as data/geo/china.json, the
// path the app uses, and index.html preloads it as the app's index.html does
// (<link rel="preload" as="fetch" crossorigin="anonymous">, fetched while the
// script loads); nothing else from public/ is copied.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');

function chinaGeo(): Plugin {
  return {
    name: 'bench-floor-china-geo',
    // added to the built page (Vite would try to resolve a href written in bench/floor/index.html)
    transformIndexHtml: {
      order: 'post',
      handler: (html) =>
        html.replace('</title>', '</title>\n    <link rel="preload" href="data/geo/china.json" as="fetch" crossorigin="anonymous" />'),
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'data/geo/china.json', source: readFileSync(resolve(repo, 'public/data/geo/china.json')) });
      // for ?svg=1 only (bench/run.mjs --floor-svg); not preloaded
      this.emitFile({ type: 'asset', fileName: 'data/geo/china.svg', source: readFileSync(resolve(repo, 'public/data/geo/china.svg')) });
    },
  };
}

export default defineConfig({
  root: here,
  base: './',
  publicDir: false,
  plugins: [react(), chinaGeo()],
  build: {
    target: 'es2020',
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
    outDir: resolve(repo, 'bench/.out/floor'),
  },
});
