// Screenshots for looking at the app: node scripts/shot.mjs "?query" out.png [width] [height]
import { startServer } from '../tests/e2e/server.mjs';
import { launch } from '../tests/e2e/browser.mjs';
const [query = '', out = '/tmp/shot.png', w = '1920', h = '1080', hover] = process.argv.slice(2);
const srv = await startServer({ dir: 'dist' });
const browser = await launch();
const page = await browser.newPage({ viewport: { width: Number(w), height: Number(h) } });
page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log('console:', m.type(), m.text()); });
page.on('pageerror', (e) => console.log('pageerror:', e.stack));
await page.goto(srv.base + query);
await page.waitForSelector(process.env.WAIT || '[data-rendered]', { timeout: 15000 }).catch(() => console.log('no chart rendered'));
await page.waitForTimeout(600);
if (hover) {
  const [x, y] = hover.split(',').map(Number);
  await page.mouse.move(x, y);
  await page.waitForTimeout(500);
}
await page.screenshot({ path: out, fullPage: process.env.FULL === '1' });
console.log('url:', page.url());
await browser.close();
await srv.close();
