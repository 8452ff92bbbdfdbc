/**
 * The chart engine (src/components/EChart.tsx with ECharts) is loaded lazily,
 * so that the app's own code can start — read the data, draw the page —
 * while the browser is still downloading ECharts. This plugin makes the
 * download start at once anyway: it adds `<link rel="modulepreload">` to
 * index.html for the chunk holding EChart.tsx and the chunks it imports
 * (fetched beside the app's code, evaluated only when the chart asks).
 */
import type { Plugin } from 'vite';

const ENGINE = /src\/components\/EChart\.tsx$/;

export function preloadChartEngine(): Plugin {
  return {
    name: 'hatch-atlas-preload-chart-engine',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return html;
        const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
        const engine = chunks.find((c) => c.type === 'chunk' && c.moduleIds.some((id) => ENGINE.test(id.split('\\').join('/'))));
        if (!engine || engine.type !== 'chunk' || engine.isEntry) return html;
        // the engine chunk and, depth first, every chunk it imports statically
        const files: string[] = [];
        const visit = (name: string) => {
          if (files.includes(name)) return;
          files.push(name);
          const c = bundle[name];
          if (c && c.type === 'chunk') for (const dep of c.imports) visit(dep);
        };
        visit(engine.fileName);
        const tags = files
          .filter((f) => !html.includes(`/${f}"`) && !html.includes(`"${f}"`))
          .map((f) => `    <link rel="modulepreload" crossorigin href="./${f}">`)
          .join('\n');
        return tags ? html.replace('</head>', `${tags}\n  </head>`) : html;
      },
    },
  };
}
