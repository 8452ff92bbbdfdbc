/**
 * The benchmark FLOOR: the least an app on Hatch Atlas's stack can cost.
 * React 19 + echarts-for-react (core) + echarts/core with the SAME ECharts
 * parts the app registers for its map (it imports src/charts/echarts.ts, so
 * a part added there is added here too), drawing one province map from
 * data/geo/china.json. Nothing else: no store, no CSV, no i18n, no CSS file.
 *
 * It behaves like the app's map where the benchmark measures it:
 *   - the chart container is [data-testid="map-chart"], its `data-rendered`
 *     counts ECharts 'finished' events and `__chart` is the ECharts instance;
 *   - ArrowRight/ArrowLeft step the year, [data-testid="play"] plays the years
 *     every 1400 ms (the app's PLAY_INTERVAL_MS) and stops after the last one,
 *     [data-testid="year-value"] shows it; `?years=…` sets the years and, per
 *     year, which provinces have a value (the benchmark passes the app's: the
 *     years its map offers for its metric, and the provinces with a figure);
 *   - a year is rendered in the task that asked for it, as in the app: a key
 *     press is a discrete event (React renders it synchronously), and the play
 *     tick uses flushSync, as the app's tick does through its zustand store
 *     (useSyncExternalStore renders synchronously);
 *   - setOption is not lazy (no lazyUpdate), as in src/components/EChart.tsx,
 *     and the option has `animation: false`, as the app's map has;
 *   - index.html preloads data/geo/china.json (<link rel="preload" as="fetch">,
 *     added by vite.config.ts) and it is fetched with the default cache mode,
 *     as the app does, so the first chart is compared fairly.
 *
 * The values are SYNTHETIC (a fixed formula of province and year), drawn only
 * to give ECharts real work; this page is never shown to users.
 */
import { StrictMode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import ReactEChartsCoreModule from 'echarts-for-react/lib/core';
// ECharts as echarts-for-react documents it: the `echarts/core` namespace, with the same parts
// as the app's map (registered by the app's own set-up, imported for that). The app passes
// only the functions echarts-for-react calls, which keeps 14.5 KB (gzip) of the namespace's
// exports out of its bundle; a floor doing the same is 236 KB, not 251 (bench/README.md).
import * as echarts from 'echarts/core';
import '../../src/charts/echarts';

// echarts-for-react ships CommonJS only; the default export may arrive wrapped.
const ReactEChartsCore: typeof ReactEChartsCoreModule =
  (ReactEChartsCoreModule as unknown as { default?: typeof ReactEChartsCoreModule }).default ?? ReactEChartsCoreModule;

interface Geo {
  features: { id?: string | number; properties?: { id?: string; name?: string } }[];
}
interface Province {
  name: string;
  code: string;
}

const DEFAULT_YEARS = [2011, 2012, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024];
/**
 * `?years=2011:110000.320000,2012:440000,…`: the years, each with the codes
 * of the provinces that have a value that year (the benchmark passes the
 * app's, so that both draw as many provinces with data); a year without
 * codes gives every province a value.
 */
const fromUrl = (new URLSearchParams(location.search).get('years') ?? '')
  .split(',')
  .map((part) => {
    const [y, codes] = part.split(':');
    return { year: Number(y), codes: codes ? new Set(codes.split('.')) : null };
  })
  .filter((x) => Number.isInteger(x.year) && x.year > 1900);
const YEARS = fromUrl.length ? fromUrl.map((x) => x.year) : DEFAULT_YEARS;
const WITH_DATA = new Map(fromUrl.map((x) => [x.year, x.codes]));
const PLAY_INTERVAL_MS = 1400;
/**
 * `?svg=1` in a build with VITE_FLOOR_SVG=1 (bench/run.mjs --floor-svg; not the budgets' floor,
 * whose build has none of this code): the map drawn from data/geo/china.svg, as the app draws a
 * year (src/charts/maps.ts), not preloaded.
 */
const SVG = import.meta.env.VITE_FLOOR_SVG === '1' && new URLSearchParams(location.search).has('svg');
const OPTS = { renderer: 'canvas' as const };
const STYLE = { height: 'max(440px, calc(100vh - 250px))', width: '100%' };

function Floor({ provinces }: { provinces: Province[] }) {
  const [yi, setYi] = useState(0);
  const [playing, setPlaying] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const year = YEARS[yi] ?? YEARS[0]!;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'ArrowRight') setYi((i) => Math.min(i + 1, YEARS.length - 1));
      if (e.key === 'ArrowLeft') setYi((i) => Math.max(i - 1, 0));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    if (!playing) return;
    const id = window.setInterval(() => {
      flushSync(() =>
        setYi((i) => {
          if (i >= YEARS.length - 1) {
            setPlaying(false);
            return i;
          }
          return i + 1;
        }),
      );
    }, PLAY_INTERVAL_MS);
    return () => window.clearInterval(id);
  }, [playing]);

  const option = useMemo(() => {
    const k = year - 2010;
    const codes = WITH_DATA.get(year);
    const data = provinces.flatMap((p, i) => (!codes || codes.has(p.code) ? [{ name: SVG ? p.code : p.name, value: ((i * 37 + k * 53) % 97) * (10 + k) }] : []));
    return {
      // no animation, as the app's map (src/charts/mapOption.ts): a year is drawn at once, without
      // the update-animation state and frames the app does not have
      animation: false,
      title: { text: `Benchmark floor · ${year}`, subtext: 'synthetic values', left: 'center' },
      tooltip: { trigger: 'item' as const },
      visualMap: { type: 'continuous' as const, min: 0, max: 96 * 24, left: 16, bottom: 16, calculable: false },
      series: [{ type: 'map' as const, map: SVG ? 'china-svg' : 'china', roam: false, ...(SVG ? { aspectScale: 0.75 } : {}), data }],
    };
  }, [provinces, year]);

  const events = useMemo(
    () => ({
      finished: () => {
        const el = box.current;
        if (el) el.dataset.rendered = String(Number(el.dataset.rendered ?? '0') + 1);
      },
    }),
    [],
  );
  const onReady = useCallback(
    (inst: { getZr: () => { animation: { isFinished: () => boolean } } }) => {
      if (box.current) (box.current as HTMLDivElement & { __chart?: unknown }).__chart = inst;
      // as in src/components/EChart.tsx: the first (synchronous) drawing's `finished` came before
      // echarts-for-react bound the handlers
      if (inst.getZr().animation.isFinished()) events.finished();
    },
    [events],
  );

  return (
    <main>
      <p>
        <output data-testid="year-value">{year}</output>{' '}
        <button type="button" data-testid="play" aria-pressed={playing}
          onClick={() => { if (!playing && yi >= YEARS.length - 1) setYi(0); setPlaying(!playing); }}>
          {playing ? 'pause' : 'play'}
        </button>
      </p>
      <div ref={box} data-testid="map-chart">
        <ReactEChartsCore echarts={echarts} option={option} opts={OPTS} style={STYLE} onEvents={events} onChartReady={onReady} />
      </div>
    </main>
  );
}

async function start() {
  const params = new URLSearchParams(location.search);
  // default cache mode, as the app's fetch: the <link rel=preload> response is reused
  const res = await fetch(new URL('data/geo/china.json', document.baseURI).toString());
  const geo = (await res.json()) as Geo;
  echarts.registerMap('china', geo as unknown as Parameters<typeof echarts.registerMap>[1]);
  if (SVG) echarts.registerMap('china-svg', { svg: await (await fetch(new URL('data/geo/china.svg', document.baseURI).toString())).text() });
  const provinces = geo.features.map((f) => ({ name: f.properties?.name ?? '', code: String(f.properties?.id ?? f.id ?? '') })).filter((p) => p.name);
  const root = createRoot(document.getElementById('root')!);
  root.render(
    <StrictMode>
      <Floor provinces={provinces} key={params.get('k') ?? ''} />
    </StrictMode>,
  );
}

void start();
