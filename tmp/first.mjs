import { startServer } from '../tests/e2e/server.mjs';
import { launch } from '../tests/e2e/browser.mjs';
import { newPage, waitFirst } from '../bench/probe.mjs';
import { mapUrl, mapYears } from '../bench/map.mjs';
import { gzipMirror, TARGETS } from '../bench/lib.mjs';
import { writeFileSync } from 'node:fs';
const years = mapYears(TARGETS.app.outDir);
const browser = await launch();
const sides = process.argv[2] ? process.argv[2].split(',') : ['app','floor'];
const srvs = {};
for (const side of sides) srvs[side] = await startServer({ dir: await gzipMirror(TARGETS[side].outDir), prefix: '/', headers: { 'content-encoding': 'gzip', vary: 'accept-encoding' } });
const R = Number(process.env.ROUNDS ?? 3);
const res = { app: [], floor: [] };
for (let r = 0; r < R; r++) for (const side of (r % 2 ? [...sides].reverse() : sides)) {
  const srv = srvs[side];
  {
    const p = await newPage(browser, { cpu: true, net: true });
    await p.page.addInitScript(() => { window.__lt = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lt.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true }); });
    if (r === 2 && process.env.PROF) { await p.cdp.send('Profiler.enable'); await p.cdp.send('Profiler.setSamplingInterval', { interval: 500 }); await p.cdp.send('Profiler.start'); }
    await p.page.goto(mapUrl(srv.base, side, years), { waitUntil: 'commit', timeout: 120000 });
    await waitFirst(p.page, 'map-chart');
    if (r === 2 && process.env.PROF) { const { profile } = await p.cdp.send('Profiler.stop'); writeFileSync(`/tmp/first-${side}.cpuprofile`, JSON.stringify(profile)); }
    const info = await p.page.evaluate(() => ({ first: window.__bench.first['map-chart'].t, res: performance.getEntriesByType('resource').map((e) => [e.name.split('/').slice(3).join('/'), Math.round(e.startTime), Math.round(e.responseEnd), e.encodedBodySize]), lt: window.__lt, nav: performance.getEntriesByType('navigation').map(e=>[Math.round(e.responseEnd), Math.round(e.domContentLoadedEventEnd)]) }));
    res[side].push(info.first);
    console.log(side, r, 'first', Math.round(info.first), 'nav', info.nav, 'longtasks', JSON.stringify(info.lt));
    if (r === 0 && process.env.RES) for (const x of info.res) if (x[1] < info.first) console.log('   ', x.join('  '));
    await p.context.close();
  }
}
const med = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
if (res.app.length && res.floor.length) console.log('median app', Math.round(med(res.app)), 'floor', Math.round(med(res.floor)), 'ratio', (med(res.app) / med(res.floor)).toFixed(3), 'per round', res.app.map((a, i) => (a / res.floor[i]).toFixed(2)).join(' '));
await browser.close();
