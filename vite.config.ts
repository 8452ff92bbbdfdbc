import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { serviceWorker } from './scripts/vite-sw-plugin.ts';
import { preloadChartEngine } from './scripts/vite-preload-chart.ts';

// `base: './'` makes every asset URL relative, so the production build works
// under any sub-path of a host site (e.g. https://example.gov.cn/tools/atlas/).
// `--mode offline` (npm run build:offline) builds one chunk without code
// splitting, which scripts/build-offline.ts then inlines into a single HTML file.
/**
 * What the first chart needs, in one chunk instead of a dozen small shared
 * ones (each costs bytes and a request): the libraries and the app's core
 * modules that every view uses. Views, dialogs, export, embed and
 * presentation stay in their own lazily loaded chunks.
 */
const CORE = [
  /node_modules\/(react|react-dom|scheduler|zustand|echarts-for-react|size-sensor|fast-deep-equal)\//,
  // the bundler's runtime and its helpers, rather than two more tiny files
  /rolldown[\/:]runtime|@oxc-project[+\/]runtime|@babel\/runtime/,
  /src\/data\/(regions|query|supports|package|csv|tokenize|load|types)\.ts$/,
  /src\/state\/(data|deck|drawn|firstChart|notices|selectors|store|url|urlSync|useResolved|userCount)\.ts$/,
  /src\/i18n\/(ui|lookup|strings|format)\.ts$/,
  /src\/charts\/(escape|sourceLabel|frame|mapOption|structure)\.ts$/,
  /src\/hooks\.ts$/,
];

export default defineConfig(({ mode }) => ({
  base: './',
  // the import worker loads the spreadsheet reader only for a workbook: a module worker, so that it can load it as a chunk of its own
  worker: { format: 'es' },
  plugins: [react(), ...(mode === 'offline' ? [] : [preloadChartEngine(), serviceWorker()])],
  build: {
    target: 'es2020',
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
    ...(mode === 'offline'
      ? {
          outDir: 'dist-offline/build',
          assetsInlineLimit: Number.MAX_SAFE_INTEGER,
          cssCodeSplit: false,
          copyPublicDir: false,
          rollupOptions: { output: { inlineDynamicImports: true } },
        }
      : { rollupOptions: { output: { codeSplitting: { groups: [{ name: 'core', test: (id: string) => CORE.some((re) => re.test(id.split('\\').join('/'))) }] } } } }),
  },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    setupFiles: ['tests/unit/setup.ts'],
    environment: 'node',
  },
}));
