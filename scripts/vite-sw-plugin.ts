/**
 * Emits `sw.js`, a small service worker that keeps the hosted app working
 * when the network drops after the first load: it pre-caches the app shell,
 * every emitted asset and the data package, serves hashed assets from the
 * cache, and fetches the page and data from the network first (falling back
 * to the cache when offline). Same-origin GET requests only.
 */
import type { Plugin } from 'vite';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

function listFiles(dir: string, base = dir): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listFiles(p, base));
    else out.push(relative(base, p).split('\\').join('/'));
  }
  return out;
}

export function serviceWorker(publicDir = 'public'): Plugin {
  return {
    name: 'hatch-atlas-service-worker',
    apply: 'build',
    // after every other plugin: Vite drops CSS-only JS chunks late in generateBundle
    writeBundle(options, bundle) {
      const outDir = options.dir ?? 'dist';
      const assets = Object.keys(bundle).filter((f) => !f.endsWith('.map') && existsSync(join(outDir, f)));
      const statics = listFiles(publicDir).filter((f) => f !== 'sw.js');
      const precache = ['./', ...assets.map((f) => `./${f}`), ...statics.map((f) => `./${f}`)];
      const version = createHash('sha1').update(precache.join('\n')).digest('hex').slice(0, 12);
      const source = `/* Hatch Atlas service worker, generated at build time. */
const CACHE = 'hatch-atlas-${version}';
const PRECACHE = ${JSON.stringify(precache)};
self.addEventListener('install', (e) => {
  e.waitUntil(caches.open(CACHE).then((c) => c.addAll(PRECACHE)).then(() => self.skipWaiting()));
});
self.addEventListener('activate', (e) => {
  e.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('hatch-atlas-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});
self.addEventListener('fetch', (e) => {
  const req = e.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  // hashed build assets never change: cache first
  if (url.pathname.includes('/assets/')) {
    e.respondWith(caches.match(req).then((hit) => hit || fetch(req).then((res) => {
      const copy = res.clone();
      if (res.ok) caches.open(CACHE).then((c) => c.put(req, copy));
      return res;
    })));
    return;
  }
  // the page and the data: network first, so updates show; the cache when offline
  e.respondWith(
    fetch(req)
      .then((res) => {
        if (res.ok) {
          const copy = res.clone();
          caches.open(CACHE).then((c) => c.put(req, copy));
        }
        return res;
      })
      .catch(() => caches.match(req, { ignoreSearch: req.mode === 'navigate' }).then((hit) => hit || (req.mode === 'navigate' ? caches.match('./') : undefined)).then((hit) => hit || Response.error())),
  );
});
`;
      writeFileSync(join(outDir, 'sw.js'), source);
    },
  };
}
