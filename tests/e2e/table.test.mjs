// Browser tests of the table view and its CSV downloads, against the
// production build served under a sub-path, in Debian's Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { setup, openPage } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const URL_2019 = '?view=table&metric=incubators_total&year=2019';

async function openTable(query, opts) {
  const r = await openPage(env.browser, `${env.srv.base}${query}`, opts);
  await r.page.getByTestId('data-table').waitFor({ timeout: 20000 });
  return r;
}

/** Region names of the province rows, in order. */
async function provinceValues(page) {
  return page.$$eval('.table-provinces [data-testid="table-row"] .table-value', (tds) => tds.map((td) => Number(td.getAttribute('data-value'))));
}

async function downloadText(page, testId) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(path, 'utf8'), bytes: await readFile(path) };
}

test('2019 incubators: Jiangsu listed with both 848 and 832, marked as disagreeing; no-data provinces never 0', async () => {
  const { page, context, log } = await openTable(URL_2019);
  const js = page.locator('[data-testid="table-row"][data-region="320000"]');
  assert.ok((await js.count()) >= 2, 'Jiangsu has a row per figure');
  const values = await js.locator('.table-value').evaluateAll((tds) => tds.map((td) => td.textContent.trim()));
  assert.ok(values.includes('848') && values.includes('832'), `Jiangsu values: ${values}`);
  assert.equal(await js.locator('[data-testid="conflict-badge"]').count(), await js.count(), 'every Jiangsu row is marked');
  assert.match(await js.first().textContent(), /来源不一致/);
  // the Jiangsu rows are adjacent
  const regions = await page.$$eval('[data-testid="table-row"]', (trs) => trs.map((tr) => tr.getAttribute('data-region')));
  const first = regions.indexOf('320000');
  const last = regions.lastIndexOf('320000');
  assert.ok(regions.slice(first, last + 1).every((r) => r === '320000'), 'conflicting rows are grouped');
  // raw value in the title, national row present
  assert.equal(await js.first().locator('.table-value').getAttribute('title'), '848');
  assert.equal(await page.locator('[data-testid="table-row"][data-region="CN"]').count(), 1);
  // provinces without a figure: listed, greyed, "无数据", never 0
  const nodata = page.getByTestId('table-row-nodata');
  assert.ok((await nodata.count()) >= 20);
  const bj = page.locator('[data-testid="table-row-nodata"][data-region="110000"]');
  assert.match(await bj.textContent(), /无数据/);
  assert.doesNotMatch(await bj.textContent(), /(^|\D)0(\D|$)/);
  // sources link out safely
  const link = page.locator('.table-source a').first();
  assert.equal(await link.getAttribute('target'), '_blank');
  assert.match(await link.getAttribute('rel'), /noopener/);
  assert.match(await link.getAttribute('rel'), /noreferrer/);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('clicking a header sorts; aria-sort follows; value sort is numeric', async () => {
  const { page, context } = await openTable(URL_2019);
  const th = page.locator('th:has([data-testid="sort-value"])');
  assert.equal(await th.getAttribute('aria-sort'), 'descending');
  const desc = await provinceValues(page);
  assert.deepEqual(desc.slice(0, 2), [1013, 1013]);
  await page.getByTestId('sort-value').click();
  assert.equal(await th.getAttribute('aria-sort'), 'ascending');
  const asc = await provinceValues(page);
  assert.notDeepEqual(asc, desc, 'order changed');
  assert.equal(asc[0], 848, 'Jiangsu group (primary 848) first when ascending');
  assert.deepEqual(asc.slice(-2), [1013, 1013]);
  // sort by region (keyboard works: the header is a real button)
  await page.getByTestId('sort-region').focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('th:has([data-testid="sort-region"])').getAttribute('aria-sort'), 'ascending');
  assert.equal(await th.getAttribute('aria-sort'), 'none');
  await context.close();
});

test('CSV download: BOM, CRLF, Chinese names and both Jiangsu figures; package rows have the package header', async () => {
  const { page, context } = await openTable(URL_2019);
  const csv = await downloadText(page, 'download-csv');
  assert.equal(csv.name, '孵化图谱-科技企业孵化器总数-2019.csv');
  assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  assert.equal(csv.text.charCodeAt(0), 0xfeff);
  assert.ok(csv.text.slice(1).startsWith('地区,'), 'localized header');
  assert.ok(csv.text.includes('\r\n'), 'CRLF');
  assert.ok(csv.text.includes('江苏'));
  assert.ok(csv.text.includes('848') && csv.text.includes('832'));
  assert.ok(csv.text.includes('来源不一致'));
  assert.ok(csv.text.includes('无数据'));
  // the current sort is kept: ascending by value puts Jiangsu before Guangdong
  const jsDesc = csv.text.indexOf('江苏');
  const gdDesc = csv.text.indexOf('广东');
  assert.ok(gdDesc < jsDesc);
  await page.getByTestId('sort-value').click();
  const asc = await downloadText(page, 'download-csv');
  assert.ok(asc.text.indexOf('江苏') < asc.text.indexOf('广东'), 'CSV follows the current sort');

  const pkg = await downloadText(page, 'download-package');
  assert.equal(pkg.name, '孵化图谱-科技企业孵化器总数-2019-数据包原始行.csv');
  assert.equal(pkg.text.charCodeAt(0), 0xfeff);
  const lines = pkg.text.slice(1).split('\r\n');
  assert.ok(lines[0].startsWith('id,metric,region_code,region,year,value,qualifier,as_of,unit,note,source_id'), lines[0]);
  assert.ok(lines[0].includes('source_url') && lines[0].includes('source_quote'));
  // the exact package rows
  const raw = await (await fetch(`${env.srv.base}data/figures.csv`)).text();
  const rawLine = raw.split('\n').find((l) => l.startsWith('f0f981b9537,'));
  assert.ok(rawLine, 'fixture row present in the package');
  // the note is in figure_notes.csv (as written there), in its column before source_id
  const notes = await (await fetch(`${env.srv.base}data/figure_notes.csv`)).text();
  const noteCell = notes.split('\n').find((l) => l.startsWith('f0f981b9537,'))?.slice('f0f981b9537,'.length) ?? '';
  const wholeLine = rawLine.replace(/,([^,]*)$/, `,${noteCell},$1`);
  assert.ok(lines.some((l) => l.startsWith(wholeLine + ',')), `package row copied verbatim: ${wholeLine}`);
  const figures2019 = raw.split('\n').filter((l) => /^[0-9a-f]{11},incubators_total,[^,]*,[^,]*,2019,/.test(l)).length;
  assert.equal(figures2019, 8, 'incubators_total 2019 in the package: 1 national, 7 provincial figures');
  assert.equal(lines.filter((l) => /^[0-9a-f]{11},incubators_total,/.test(l)).length, figures2019, 'one row per shown figure');
  await context.close();
});

test('English file names and headers; all-years toggle shows the long table', async () => {
  const { page, context } = await openTable(`${URL_2019}&lang=en`);
  const csv = await downloadText(page, 'download-csv');
  // named by the metric's label in the UI language, not its id (issue 14)
  assert.equal(csv.name, 'hatch-atlas-Technology_business_incubators-2019.csv');
  assert.ok(csv.text.slice(1).startsWith('Region,'));
  assert.ok(csv.text.includes('Jiangsu'));
  const before = await page.locator('[data-testid="table-row"]').count();
  await page.getByTestId('all-years-toggle').check();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="table-row"]').length > n, before);
  const years = await page.$$eval('[data-testid="table-row"] td:nth-of-type(1)', (tds) => new Set(tds.map((t) => t.textContent)).size);
  assert.ok(years > 3, `several years listed (${years})`);
  assert.equal(await page.getByTestId('year-slider').count(), 0, 'no year control in the long table');
  const all = await downloadText(page, 'download-csv');
  assert.equal(all.name, 'hatch-atlas-Technology_business_incubators-all-years.csv');
  await context.close();
});

test('latest available: each province at its own year', async () => {
  const { page, context } = await openTable('?view=table&metric=incubators_national&year=latest');
  const years = await page.$$eval('.table-provinces [data-testid="table-row"] td:nth-of-type(1)', (tds) => tds.map((t) => Number(t.textContent)));
  assert.ok(years.length >= 20);
  assert.ok(new Set(years).size > 1, 'years vary');
  await context.close();
});

test('untrusted text from data files is shown as text, never HTML', async () => {
  const evil = '<img src=x onerror=alert(1)>';
  const { page, context, log } = await openTable(URL_2019, {
    route: async (p) => {
      await p.route('**/data/sources.csv', async (r) => {
        const res = await r.fetch();
        const lines = (await res.text()).split('\n');
        const out = lines.map((l, i) => (i === 0 || !l ? l : l.replace(/^(s[0-9a-f]+),([^,]*),([^,]*),([^,]*),/, `$1,$2,$3,"${evil}",`)));
        await r.fulfill({ response: res, body: out.join('\n') });
      });
    },
  });
  assert.ok((await page.locator('.table-source').first().textContent()).includes(evil));
  assert.equal(await page.locator('img[src="x"]').count(), 0);
  await page.waitForTimeout(200);
  assert.deepEqual(log.dialogs, []);
  await context.close();
});

for (const [w, h] of [[1920, 1080], [1280, 800], [390, 844]]) {
  for (const lang of ['zh', 'en']) {
    test(`table at ${w}×${h} in ${lang}: no horizontal page overflow`, async () => {
      const { page, context, log } = await openTable(`${URL_2019}&lang=${lang}`, { viewport: { width: w, height: h } });
      const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      assert.ok(scroll <= client, `page scrolls sideways: ${scroll} > ${client}`);
      const box = await page.getByTestId('table-scroll').boundingBox();
      assert.ok(box.x >= 0 && box.x + box.width <= w, 'table box inside the screen');
      if (w === 390) {
        // the table scrolls inside its own box, with a visible hint
        const inner = await page.getByTestId('table-scroll').evaluate((el) => el.scrollWidth > el.clientWidth);
        assert.ok(inner);
        assert.ok(await page.getByTestId('scroll-hint').isVisible());
        // arrow keys in the focused table scroll it instead of changing the year
        const url = page.url();
        await page.getByTestId('table-scroll').focus();
        await page.keyboard.press('ArrowRight');
        await page.keyboard.press('ArrowRight');
        await page.waitForFunction(() => document.querySelector('[data-testid="table-scroll"]').scrollLeft > 0);
        assert.equal(page.url(), url, 'year unchanged');
      }
      assert.deepEqual(log.errors, []);
      await context.close();
    });
  }
}
