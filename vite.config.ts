import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { serviceWorker } from './scripts/vite-sw-plugin.ts';

// `base: './'` makes every asset URL relative, so the production build works
// under any sub-path of a host site (e.g. https://example.gov.cn/tools/atlas/).
// `--mode offline` (npm run build:offline) builds one chunk without code
// splitting, which scripts/build-offline.ts then inlines into a single HTML file.
export default defineConfig(({ mode }) => ({
  base: './',
  plugins: [react(), ...(mode === 'offline' ? [] : [serviceWorker()])],
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
      : {}),
  },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
  },
}));
