// Shared parts of the benchmark (bench/run.mjs) and the byte-budget check
// (bench/bytes.mjs): building the app and the floor, gzip sizes, what
// index.html loads before the first chart, and which sources fill the bytes.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, constants as zc } from 'node:zlib';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/**
 * Where builds, mirrors and the import file go: $BENCH_OUT, or a folder of
 * the temporary directory named after this checkout, so that benchmarks run
 * from several worktrees of the repository at once never share (and
 * overwrite) each other's builds.
 */
export const OUT = process.env.BENCH_OUT ? resolve(process.env.BENCH_OUT) : join(tmpdir(), `hatch-bench-${createHash('sha1').update(REPO).digest('hex').slice(0, 10)}`);
mkdirSync(OUT, { recursive: true });

/**
 * The two builds. `firstChart` lists the source modules that must run before
 * the first chart is drawn: if one of them ends up in a lazily loaded chunk,
 * that chunk (and what it imports) counts as "before the first chart" too.
 */
export const TARGETS = {
  app: { name: 'app', config: join(REPO, 'vite.config.ts'), outDir: join(OUT, 'bench-app'), firstChart: ['src/views/MapView.tsx', 'src/components/EChart.tsx', 'src/charts/echarts.ts'] },
  floor: { name: 'floor', config: join(REPO, 'bench/floor/vite.config.ts'), outDir: join(OUT, 'bench-floor'), firstChart: ['main.tsx'] },
};

/**
 * Production build with Vite's JS API: same as `npx vite build --outDir DIR
 * --emptyOutDir`, plus a manifest and 'hidden' source maps (written next to
 * the chunks, without a sourceMappingURL comment, so the JS bytes are those of
 * a build without source maps) that let us say which sources fill the bytes.
 * `extra`: more build options (bench/profile.mjs builds without minifying).
 */
export async function buildTarget(t, extra = {}) {
  const { build } = await import('vite');
  const started = performance.now();
  await build({
    configFile: t.config,
    logLevel: 'warn',
    build: { outDir: t.outDir, emptyOutDir: true, manifest: true, sourcemap: 'hidden', ...extra },
  });
  return performance.now() - started;
}

const gzCache = new Map();
/** gzip -9 size of a file (what a static host sends with gzip on). */
export function gzipSize(file) {
  let n = gzCache.get(file);
  if (n === undefined) {
    n = gzipSync(readFileSync(file), { level: zc.Z_BEST_COMPRESSION }).length;
    gzCache.set(file, n);
  }
  return n;
}

function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}

const isCode = (p) => /\.(m?js|css)$/.test(p);

/** Every JS and CSS file of a build (source maps and data excluded), with raw and gzip bytes. */
export function wholeBuild(dir) {
  const files = walk(dir)
    .filter((p) => isCode(p) && !p.includes(`${sep}.vite${sep}`))
    .map((p) => ({ path: relative(dir, p).split(sep).join('/'), raw: statSync(p).size, gzip: gzipSize(p) }));
  return summarise(files);
}

export function summarise(files) {
  const sum = (k, f = () => true) => files.filter(f).reduce((a, x) => a + x[k], 0);
  return {
    files,
    js: sum('gzip', (f) => !f.path.endsWith('.css')),
    css: sum('gzip', (f) => f.path.endsWith('.css')),
    gzip: sum('gzip'),
    raw: sum('raw'),
  };
}

/** A dist-relative path ('assets/x.js') of a URL path, or null if it is not in the build. */
export function distPathOf(dir, urlPath) {
  const rel = decodeURIComponent(urlPath).replace(/^\/+/, '');
  const p = join(dir, rel);
  return existsSync(p) && statSync(p).isFile() ? rel : null;
}

/** Sizes of a list of dist-relative JS/CSS paths. */
export function sizeOf(dir, paths) {
  return summarise([...new Set(paths)].filter(isCode).map((p) => ({ path: p, raw: statSync(join(dir, p)).size, gzip: gzipSize(join(dir, p)) })));
}

/**
 * What the built index.html loads before the first chart, without a browser:
 * its module scripts, modulepreload links and stylesheets, plus (from Vite's
 * manifest) the static closure of any lazily loaded chunk that holds one of
 * the target's first-chart modules.
 */
export function staticFirstChart(t) {
  const dir = t.outDir;
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const paths = [];
  const attr = (tag, name) => tag.match(new RegExp(`\\s${name}\\s*=\\s*["']([^"']+)["']`, 'i'))?.[1];
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const isScript = /^<script/i.test(tag);
    const rel = (attr(tag, 'rel') ?? '').toLowerCase();
    const url = isScript ? attr(tag, 'src') : ['modulepreload', 'stylesheet'].includes(rel) ? attr(tag, 'href') : null;
    if (!url || /^[a-z]+:/i.test(url)) continue;
    const p = distPathOf(dir, new URL(url, 'http://x/').pathname);
    if (p) paths.push(p);
  }
  const manifestFile = join(dir, '.vite/manifest.json');
  const lazy = [];
  if (existsSync(manifestFile)) {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    const closure = (key, acc) => {
      const c = manifest[key];
      if (!c || acc.has(key)) return acc;
      acc.add(key);
      paths.push(c.file, ...(c.css ?? []));
      for (const k of c.imports ?? []) closure(k, acc);
      return acc;
    };
    for (const m of t.firstChart) {
      const c = manifest[m];
      if (c && !c.isEntry) {
        lazy.push(`${m} → ${c.file}`);
        closure(m, new Set());
      }
    }
  }
  return { ...sizeOf(dir, paths), lazy };
}

/** Write a gzip-encoded copy of a build (every file), to serve with `content-encoding: gzip`. */
export async function gzipMirror(dir) {
  const out = `${dir}.gz`;
  await rm(out, { recursive: true, force: true });
  for (const p of walk(dir)) {
    if (p.endsWith('.map')) continue;
    const dest = join(out, relative(dir, p));
    await mkdir(dirname(dest), { recursive: true });
    await writeFile(dest, gzipSync(await readFile(p), { level: zc.Z_BEST_COMPRESSION }));
  }
  return out;
}

// ---- where the bytes come from (source maps) ----

const B64 = Object.fromEntries([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((c, i) => [c, i]));

function decodeVlq(str) {
  const out = [];
  let value = 0;
  let shift = 0;
  for (const ch of str) {
    const d = B64[ch];
    value += (d & 31) << shift;
    if (d & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/** Group a source path: npm package (echarts by chart/component), or the app's folder. */
export function groupOf(source) {
  const s = source.replace(/\\/g, '/').replace(/^(\.\.\/)+/, '');
  const nm = s.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = s.slice(nm + 'node_modules/'.length).split('/');
    const pkg = rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
    if (pkg === 'echarts' && rest[1] === 'lib') {
      const kind = rest[2];
      if (['chart', 'component', 'coord'].includes(kind ?? '')) return `echarts ${kind}/${(rest[3] ?? '').replace(/\.js$/, '')}`;
      if (kind === 'label') return 'echarts label (LabelLayout)';
      return 'echarts core';
    }
    if (pkg === 'zrender' && rest[1] === 'lib') return rest[2] === 'svg' ? 'zrender svg (SVG renderer)' : rest[2] === 'canvas' ? 'zrender canvas' : 'zrender';
    if (pkg === 'echarts' && rest[1] === 'renderers.js') return 'echarts renderers';
    return pkg ?? s;
  }
  const m = s.match(/(?:^|\/)(src\/.*)$/);
  return m ? m[1] : s;
}

/**
 * Raw (minified) bytes of each source group in the given chunks, from their
 * source maps; gzip bytes estimated pro rata per chunk.
 */
export function attribute(dir, paths) {
  const groups = new Map();
  for (const p of paths) {
    if (!p.endsWith('.js')) {
      const g = `(css) ${p}`;
      groups.set(g, { raw: statSync(join(dir, p)).size, gzip: gzipSize(join(dir, p)) });
      continue;
    }
    const mapFile = join(dir, `${p}.map`);
    const code = readFileSync(join(dir, p), 'utf8');
    const bytes = new Map();
    if (existsSync(mapFile)) {
      const map = JSON.parse(readFileSync(mapFile, 'utf8'));
      const lines = code.split('\n');
      const mlines = map.mappings.split(';');
      let src = 0;
      for (let li = 0; li < lines.length; li++) {
        const line = lines[li];
        const segs = (mlines[li] ?? '').split(',').filter(Boolean).map(decodeVlq);
        let col = 0;
        const cols = [];
        for (const seg of segs) {
          col += seg[0];
          if (seg.length >= 4) src += seg[1];
          cols.push({ col, src: seg.length >= 4 ? src : -1 });
        }
        for (let i = 0; i < cols.length; i++) {
          const end = i + 1 < cols.length ? cols[i + 1].col : line.length;
          const g = cols[i].src >= 0 ? groupOf(map.sources[cols[i].src] ?? '?') : '(unmapped)';
          bytes.set(g, (bytes.get(g) ?? 0) + Math.max(0, end - cols[i].col));
        }
        const first = cols[0]?.col ?? line.length;
        if (first > 0) bytes.set('(unmapped)', (bytes.get('(unmapped)') ?? 0) + first);
      }
    } else {
      bytes.set(`(no source map) ${p}`, code.length);
    }
    const total = [...bytes.values()].reduce((a, b) => a + b, 0) || 1;
    const gz = gzipSize(join(dir, p));
    for (const [g, n] of bytes) {
      const cur = groups.get(g) ?? { raw: 0, gzip: 0 };
      cur.raw += n;
      cur.gzip += (n / total) * gz;
      groups.set(g, cur);
    }
  }
  return groups;
}

/** The source groups the app loads before its first chart beyond what the floor loads, largest first. */
export function extraOverFloor(appGroups, floorGroups) {
  const rows = [];
  for (const [g, a] of appGroups) {
    const f = floorGroups.get(g) ?? { raw: 0, gzip: 0 };
    const extra = a.gzip - f.gzip;
    if (extra > 200) rows.push({ group: g, gzip: extra, raw: a.raw - f.raw });
  }
  return rows.sort((x, y) => y.gzip - x.gzip);
}

/** The extra sources summed by kind: ECharts parts, CSV parser, the app's own code, CSS, the rest. */
export function extraByKind(rows) {
  const kind = (g) =>
    /^(echarts|zrender)/.test(g) ? 'ECharts/zrender parts the floor does not load'
      : g === 'papaparse' ? 'papaparse (CSV parsing)'
        : g.startsWith('src/') ? "the app's own code (src/)"
          : g.startsWith('(css)') ? 'CSS'
            : 'other (runtime, React/zustand glue, unmapped)';
  const sums = new Map();
  for (const r of rows) sums.set(kind(r.group), (sums.get(kind(r.group)) ?? 0) + r.gzip);
  return [...sums].sort((a, b) => b[1] - a[1]).map(([k, gzip]) => ({ kind: k, gzip }));
}

// ---- formatting ----

export const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
export const ms = (n) => (n === null || n === undefined || Number.isNaN(n) ? '—' : `${Math.round(n)} ms`);

export function median(xs) {
  const a = xs.filter((x) => Number.isFinite(x)).sort((p, q) => p - q);
  if (!a.length) return NaN;
  const m = a.length >> 1;
  return a.length % 2 ? a[m] : (a[m - 1] + a[m]) / 2;
}

/** Nearest-rank percentile. */
export function percentile(xs, p) {
  const a = xs.filter((x) => Number.isFinite(x)).sort((q, r) => q - r);
  if (!a.length) return NaN;
  return a[Math.min(a.length - 1, Math.max(0, Math.ceil((p / 100) * a.length) - 1))];
}

/** A markdown table from a header row and rows of cells. */
export function table(head, rows) {
  const esc = (c) => String(c).replace(/\|/g, '\\|');
  return [`| ${head.map(esc).join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`)].join('\n');
}

/**
 * Percentile of values that were rounded to a grid of `width` ms (Chromium
 * rounds Event Timing durations to 8 ms): each value stands for a uniform
 * spread over [v − width/2, v + width/2), and the percentile is interpolated
 * within the bin where it falls (the usual percentile of grouped data). With
 * width 0 it is the nearest-rank percentile.
 */
export function binnedPercentile(xs, p, width = 8) {
  const a = xs.filter((x) => Number.isFinite(x)).sort((q, r) => q - r);
  if (!a.length) return NaN;
  if (!width) return percentile(a, p);
  const target = (p / 100) * a.length;
  let below = 0;
  for (let i = 0; i < a.length; ) {
    let j = i;
    while (j < a.length && a[j] === a[i]) j++;
    const count = j - i;
    if (below + count >= target) return a[i] - width / 2 + ((target - below) / count) * width;
    below += count;
    i = j;
  }
  return a[a.length - 1] + width / 2;
}

/** min–max of a list, as text ("61–70 ms"). */
export function spread(xs, fmt = (x) => String(Math.round(x))) {
  const a = xs.filter((x) => Number.isFinite(x));
  if (!a.length) return '—';
  return `${fmt(Math.min(...a))}–${fmt(Math.max(...a))}`;
}

/**
 * A lookup from a generated position (0-based line and column) to the
 * original one, from a source map: { source, line, column, name } of the
 * nearest mapped segment at or before the position on that line, or null.
 */
export function sourceMapLookup(map) {
  const lines = [];
  let src = 0;
  let sline = 0;
  let scol = 0;
  let name = 0;
  for (const ml of map.mappings.split(';')) {
    let col = 0;
    const segs = [];
    for (const raw of ml.split(',')) {
      if (!raw) continue;
      const seg = decodeVlq(raw);
      col += seg[0];
      if (seg.length >= 4) {
        src += seg[1];
        sline += seg[2];
        scol += seg[3];
        if (seg.length >= 5) name += seg[4];
        segs.push([col, src, sline, scol, seg.length >= 5 ? name : -1]);
      }
    }
    lines.push(segs);
  }
  return (line, column) => {
    const segs = lines[line];
    if (!segs || !segs.length) return null;
    let lo = 0;
    let hi = segs.length - 1;
    if (segs[0][0] > column) return null;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segs[mid][0] <= column) lo = mid;
      else hi = mid - 1;
    }
    const s = segs[lo];
    return { source: map.sources[s[1]] ?? '?', line: s[2], column: s[3], name: s[4] >= 0 ? map.names[s[4]] : null };
  };
}
