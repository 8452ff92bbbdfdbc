// Browser tests of "bring your own data" (issue 6): importing CSV files
// through the import dialog, against the production build.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile, writeFile, mkdtemp, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setup, openPage, waitChart, chartOption, hoverGeo, GEO, DIST } from './helpers.mjs';
import { startServer } from './server.mjs';

const FIX = fileURLToPath(new URL('../fixtures/import/', import.meta.url));
const OFFLINE = resolve(process.env.E2E_OFFLINE || 'dist-offline/hatch-atlas-offline.html');
const PROVINCES = ['北京', '天津', '河北', '山西', '内蒙古', '辽宁', '吉林', '黑龙江', '上海', '江苏', '浙江', '安徽', '福建', '江西', '山东', '河南', '湖北', '湖南', '广东', '广西', '海南', '重庆', '四川', '贵州', '云南', '西藏', '陕西', '甘肃', '青海', '宁夏', '新疆'];

let env;
let tmp;
before(async () => {
  env = await setup();
  tmp = await mkdtemp(join(tmpdir(), 'import-e2e-'));
});
after(async () => { await env?.close(); });

/** A long file of n rows (every region, year and metric once). */
function bigRows(n) {
  const rows = ['地区,年份,指标,数值'];
  for (let i = 0; i < n; i++) rows.push(`${PROVINCES[i % 31]},${1990 + (Math.floor(i / 31) % 35)},指标${Math.floor(i / 1085)},${i}`);
  return rows;
}

/**
 * Record the gaps between animation frames from the moment a file is chosen
 * (the test driver's own file hand-over is not measured) until the report
 * shows; returns a reader of the worst gap.
 */
async function watchFrames(page) {
  await page.evaluate(() => {
    window.__gaps = [];
    document.addEventListener('change', () => {
      let last = performance.now();
      const tick = (t) => {
        window.__gaps.push(t - last);
        last = t;
        if (!document.querySelector('[data-testid="import-report"]')) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    }, { capture: true, once: true });
  });
  return () => page.evaluate(() => Math.max(0, ...window.__gaps));
}

async function openImport(page) {
  await page.getByTestId('import-open').click();
  await page.getByTestId('import-dialog').waitFor();
}

async function importFile(page, file) {
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByTestId('import-report').waitFor({ timeout: 30000 });
}

async function download(page, testId) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { name: dl.suggestedFilename(), bytes: await readFile(await dl.path()) };
}

const problemLines = (page) => page.$$eval('[data-testid="import-problem"]', (rows) => rows.map((r) => Number(r.dataset.line)));

test('a GBK wide file: the report before anything changes, then the map shows the figures with the file as source', async () => {
  const { page, context, log } = await openPage(env.browser, `${env.srv.base}?view=map`);
  await waitChart(page);
  await openImport(page);
  await importFile(page, join(FIX, 'wide-gbk.csv'));
  const report = page.getByTestId('import-report');
  assert.equal(await report.getAttribute('data-via'), 'worker');
  // the new report takes the focus (its heading, once painted: screen readers start there)
  await page.waitForFunction(() => document.activeElement?.matches('[data-testid="import-report"] h3'));
  assert.match(await page.evaluate(() => document.activeElement.textContent), /wide-gbk\.csv/);
  assert.equal(await page.getByTestId('import-encoding').getAttribute('data-encoding'), 'gb18030');
  assert.equal(await page.getByTestId('import-delimiter').getAttribute('data-delimiter'), ',');
  assert.equal(await page.getByTestId('import-layout').getAttribute('data-layout'), 'wide-years');
  assert.equal(await page.getByTestId('import-usable').getAttribute('data-figures'), '12');
  assert.equal(await page.getByTestId('import-empty-cells').getAttribute('data-n'), '6');
  assert.deepEqual(await problemLines(page), [10, 11]);
  // the note under the table is left out, not a problem
  assert.deepEqual(await page.$$eval('[data-testid="import-left-out-row"]', (rows) => rows.map((r) => Number(r.dataset.line))), [12]);
  const text = await report.textContent();
  assert.match(text, /GBK/);
  assert.match(text, /宽表：每行一个地区，每年一列/);
  assert.match(text, /表1 各地区科技企业孵化器数量/); // the title line is listed, not lost
  assert.match(text, /无法识别的地区“火星”/);
  assert.match(text, /2019年：负数“-20”/);
  const roles = await page.$$eval('[data-testid="import-columns"] tbody tr', (rows) => rows.map((r) => r.dataset.role));
  assert.deepEqual(roles, ['region', 'yearColumn', 'yearColumn', 'yearColumn', 'note']);
  // the preview shows 万 and ≥
  const preview = await page.getByTestId('import-preview').textContent();
  assert.match(preview, /北京.*2019.*1234/);
  // a new metric needs a name and a unit
  assert.equal(await page.getByTestId('import-confirm').isDisabled(), true);
  await page.getByTestId('import-metric-0-labelZh').fill('孵化器数量（测试）');
  assert.equal(await page.getByTestId('import-confirm').isDisabled(), true);
  await page.getByTestId('import-metric-0-unitZh').fill('家');
  assert.equal(await page.getByTestId('import-confirm').isDisabled(), false);
  // nothing has changed yet
  assert.doesNotMatch(page.url(), /metric=user_/);
  await page.getByTestId('import-confirm').click();
  await page.getByTestId('import-done').waitFor();
  assert.match(await page.getByTestId('import-done').textContent(), /已导入 wide-gbk\.csv 中的 12 个数据/);
  await page.getByTestId('import-show-map').click();
  await page.waitForURL(/metric=user_/);
  await page.getByTestId('import-dialog').waitFor({ state: 'detached' });
  await page.waitForFunction(() => {
    const o = document.querySelector('[data-testid="map-chart"]')?.__chart?.getOption();
    return o && o.series[0].data.some((d) => d.name === '320000');
  }, null, { timeout: 10000 });
  const opt = await chartOption(page);
  const year = Number(/year=(\d{4})/.exec(page.url())?.[1] ?? /(\d{4})/.exec(opt.title[0].text)?.[1]);
  const expected = { 2019: [1234, 52000], 2020: [1300, 55000], 2021: [1350, 56000] }[year];
  assert.ok(expected, `year ${year}`);
  // `figure`: the figure itself (`value` is its log10 on a log scale, the default for a skewed metric)
  const byCode = Object.fromEntries(opt.series[0].data.map((d) => [d.name, d.figure]));
  assert.equal(byCode['110000'], expected[0]);
  assert.equal(byCode['320000'], expected[1]);
  assert.equal(byCode['310000'], undefined); // Shanghai's row was rejected: no data, not 0
  const tip = await hoverGeo(page, GEO.jiangsu);
  assert.match(tip.text, /江苏/);
  assert.match(tip.text, /wide-gbk\.csv/); // the file is the source
  assert.deepEqual(log.dialogs, []);
  await context.close();
});

test('a long file with bad rows: every problem row with its line and reason, and the rejected-rows download', async () => {
  const { page, context } = await openPage(env.browser, `${env.srv.base}?view=map&lang=en`);
  await waitChart(page);
  await openImport(page);
  await importFile(page, join(FIX, 'long-bad.csv'));
  assert.equal(await page.getByTestId('import-layout').getAttribute('data-layout'), 'long');
  assert.equal(await page.getByTestId('import-usable').getAttribute('data-figures'), '8');
  assert.deepEqual(await problemLines(page), [9, 10, 11, 12, 13, 14, 15, 18]);
  const rows = await page.$$eval('[data-testid="import-problem"]', (rs) => rs.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)));
  assert.deepEqual(rows[0], ['9', 'region "火星省" not recognised', '火星省,2020,众创空间,100,,']);
  assert.deepEqual(rows[2], ['11', '数值: negative number "-5"', '河北,2020,众创空间,-5,,']);
  assert.equal(rows[5][1], 'repeats line 8');
  assert.equal(rows[7][1], 'unbalanced quotes');
  const dl = await download(page, 'import-download-rejected');
  assert.equal(dl.name, 'long-bad-rejected-rows.csv');
  assert.deepEqual([...dl.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const lines = dl.bytes.toString('utf8').slice(1).split('\r\n');
  assert.equal(lines[0], 'line,reason,省份,年份,指标,数值,来源,备注');
  assert.equal(lines[1], '9,"region ""火星省"" not recognised",火星省,2020,众创空间,100,,');
  assert.equal(lines[3], `11,"数值: negative number ""-5""",河北,2020,众创空间,'-5,,`);
  assert.equal(lines.length, 8 + 2);
  // closing without confirming changes nothing
  await page.getByTestId('import-close').click();
  await page.getByTestId('import-dialog').waitFor({ state: 'detached' });
  await openImport(page);
  await page.getByTestId('manage-tab').click();
  await page.getByTestId('import-manage-none').waitFor();
  await context.close();
});

test('untrusted names from a file show as text and create no markup', async () => {
  const { page, context, log } = await openPage(env.browser, `${env.srv.base}?view=map`);
  await waitChart(page);
  await openImport(page);
  await importFile(page, join(FIX, 'xss.csv'));
  assert.deepEqual(await problemLines(page), [2, 5]);
  const dialogText = await page.getByTestId('import-dialog').textContent();
  assert.match(dialogText, /<img src=x onerror=alert\(1\)>/);
  assert.match(dialogText, /"><script>alert\(2\)<\/script>/);
  assert.equal(await page.locator('img').count(), 0);
  // the metric name becomes the new metric's English name; give it a unit
  assert.equal(await page.getByTestId('import-metric-0-labelEn').inputValue(), '<img src=x onerror=alert(1)>');
  await page.getByTestId('import-metric-0-unitZh').fill('家');
  await page.getByTestId('import-confirm').click();
  await page.getByTestId('import-show-map').click();
  await page.waitForURL(/metric=user_/);
  await page.waitForFunction(() => document.querySelector('[data-testid="map-chart"]')?.__chart?.getOption()?.series[0].data.some((d) => d.name === '320000'), null, { timeout: 10000 });
  const tip = await hoverGeo(page, GEO.jiangsu);
  assert.match(tip.text, /77/);
  assert.doesNotMatch(tip.html, /<img/);
  await page.getByTestId('lang-toggle').click();
  await page.waitForTimeout(400);
  const tipEn = await hoverGeo(page, GEO.jiangsu);
  assert.doesNotMatch(tipEn.html, /<img/);
  assert.equal(await page.locator('img').count(), 0);
  assert.equal(await page.locator('script:not([type="module"]):not([src])').evaluateAll((s) => s.filter((x) => x.textContent.includes('alert(2)')).length), 0);
  assert.deepEqual(log.dialogs, []);
  await context.close();
});

test('the imported data survives a reload, is exported in the package format, and can be removed', async () => {
  const { page, context } = await openPage(env.browser, `${env.srv.base}?view=map`);
  await waitChart(page);
  await openImport(page);
  await importFile(page, join(FIX, 'long-tab.tsv'));
  assert.equal(await page.getByTestId('import-delimiter').getAttribute('data-delimiter'), 'tab');
  // "incubators_national" is a bundled metric: matched, nothing to fill in
  assert.equal(await page.getByTestId('import-metric-select-0').inputValue(), 'm:incubators_national');
  await page.getByTestId('import-mode-user').check();
  await page.getByTestId('import-confirm').click();
  await page.getByTestId('import-done').waitFor();
  await page.getByTestId('import-show-map').click();
  await page.waitForURL(/metric=incubators_national/);
  await page.goto(`${env.srv.base}?view=map&metric=incubators_national&year=2022`);
  await waitChart(page);
  await page.waitForFunction(() => {
    const o = document.querySelector('[data-testid="map-chart"]')?.__chart?.getOption();
    const shown = o ? o.series[0].data.filter((d) => d.value != null) : [];
    return shown.length === 3 && shown.some((d) => d.name === '110000' && d.value === 70);
  }, null, { timeout: 10000 });
  const opt = await chartOption(page);
  // "instead of the bundled figures": only the file's three provinces
  assert.deepEqual(Object.fromEntries(opt.series[0].data.filter((d) => d.value != null).map((d) => [d.name, d.value])), { 110000: 70, 310000: 60, 440000: 200 });
  await openImport(page);
  await page.getByTestId('manage-tab').click();
  assert.equal(await page.getByTestId('import-set').count(), 1);
  const dl = await download(page, 'import-export');
  const csv = dl.bytes.toString('utf8');
  assert.ok(csv.startsWith('\uFEFFid,metric,region_code,region,year,value,qualifier,as_of,unit,note,source_id,'));
  assert.match(csv, /,incubators_national,110000,北京,2022,70,exact,,institutions,,u-/);
  await page.getByTestId('import-remove').click();
  await page.getByTestId('import-remove-confirm').click();
  await page.getByTestId('import-manage-none').waitFor();
  await page.getByTestId('import-close').click();
  // the bundled figures are back
  await page.waitForFunction(() => {
    const shown = document.querySelector('[data-testid="map-chart"]')?.__chart?.getOption()?.series[0].data.filter((d) => d.value != null) ?? [];
    return shown.some((d) => d.name === '320000') && !shown.some((d) => d.name === '110000' && d.value === 70);
  }, null, { timeout: 10000 });
  await context.close();
});

test('a large file parses in a worker without freezing the page; progress and cancel; over the limit is refused', async (t) => {
  const rows = bigRows(100_000);
  const big = join(tmp, 'big.csv');
  await writeFile(big, rows.join('\r\n'));
  const { page, context } = await openPage(env.browser, `${env.srv.base}?view=map`);
  await waitChart(page);
  await openImport(page);
  // the longest gap between animation frames while the file is parsed
  const worstGap = await watchFrames(page);
  const t0 = Date.now();
  await importFile(page, big);
  const ms = Date.now() - t0;
  assert.equal(await page.getByTestId('import-report').getAttribute('data-via'), 'worker');
  assert.equal(await page.getByTestId('import-records').textContent(), '100,000');
  assert.ok(ms < 15000, `took ${ms} ms`);
  const worst = await worstGap();
  t.diagnostic(`100,000 rows in a worker: ${ms} ms, longest frame gap ${Math.round(worst)} ms`);
  assert.ok(worst < 400, `the page froze for ${worst} ms`);
  // cancel a bigger one half way
  const huge = join(tmp, 'huge.csv');
  const more = [rows[0]];
  for (let k = 0; k < 8; k++) more.push(...rows.slice(1));
  await writeFile(huge, more.join('\r\n'));
  await page.getByTestId('import-another').click();
  await page.getByTestId('import-file').setInputFiles(huge);
  await page.getByTestId('import-progress').waitFor();
  await page.getByTestId('import-cancel').click();
  await page.getByTestId('import-message').waitFor();
  assert.match(await page.getByTestId('import-message').textContent(), /已取消/);
  // over 50 MB: refused before reading
  const tooBig = join(tmp, 'too-big.csv');
  await writeFile(tooBig, '');
  await truncate(tooBig, 50 * 1024 * 1024 + 1);
  await importFile(page, tooBig);
  assert.equal(await page.getByTestId('import-fatal').getAttribute('data-code'), 'too-large');
  assert.match(await page.getByTestId('import-fatal').textContent(), /文件有 50\.00 MB，超过 50 MB 的上限/);
  await context.close();
});

test('garbage gives a clear message, never a crash', async () => {
  const { page, context, log } = await openPage(env.browser, `${env.srv.base}?view=map`);
  await waitChart(page);
  await openImport(page);
  const cases = [
    ['book.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0]), 'workbook-unreadable', /无法读取这个 Excel 工作簿/],
    ['empty.csv', Buffer.alloc(0), 'empty', /文件是空的/],
    ['one.csv', Buffer.from('hello\nworld\n'), 'one-column', /只找到一列/],
    ['wide.csv', Buffer.from(`${Array.from({ length: 10000 }, (_, i) => `c${i}`).join(',')}\n1,2\n`), 'too-many-columns', /10000 列/],
    ['random.bin', Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256)), 'binary', /不是文本/],
  ];
  for (const [name, buffer, code, re] of cases) {
    await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'text/csv', buffer });
    await page.waitForFunction((c) => document.querySelector('[data-testid="import-fatal"]')?.dataset.code === c, code, { timeout: 10000 });
    assert.match(await page.getByTestId('import-fatal').textContent(), re, name);
  }
  // a 1 MB line is one rejected row
  await page.getByTestId('import-file').setInputFiles({ name: 'long-line.csv', mimeType: 'text/csv', buffer: Buffer.from(`地区,2019\n北京,1\n${'x'.repeat(1 << 20)}\n天津,2\n`) });
  await page.waitForFunction(() => document.querySelector('[data-testid="import-usable"]')?.dataset.figures === '2', null, { timeout: 10000 });
  assert.deepEqual(await problemLines(page), [3]);
  assert.deepEqual(log.errors.filter((e) => !/favicon/.test(e)), []);
  await context.close();
});

test('a file dropped on the dialog, or anywhere on the page, is read', async () => {
  const { page, context } = await openPage(env.browser, `${env.srv.base}?view=map&lang=en`);
  await waitChart(page);
  await openImport(page);
  const text = await readFile(join(FIX, 'wide-utf8-bom.csv'));
  await page.evaluate((bytes) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(bytes)], 'dropped.csv', { type: 'text/csv' }));
    const zone = document.querySelector('[data-testid="import-drop"]');
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [...text]);
  await page.getByTestId('import-report').waitFor();
  assert.match(await page.getByTestId('import-report').textContent(), /dropped\.csv/);
  assert.equal(await page.getByTestId('import-encoding').getAttribute('data-encoding'), 'utf-8');
  assert.match(await page.getByTestId('import-encoding').textContent(), /with BOM/);
  await page.getByTestId('import-close').click();
  await page.getByTestId('import-dialog').waitFor({ state: 'detached' });
  // dropped anywhere on the page: the dialog opens with the file
  const gbk = await readFile(join(FIX, 'wide-gbk.csv'));
  await page.evaluate((bytes) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(bytes)], 'on-page.csv', { type: 'text/csv' }));
    const target = document.querySelector('[data-testid="map-chart"]');
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [...gbk]);
  await page.getByTestId('import-report').waitFor();
  assert.match(await page.getByTestId('import-report').textContent(), /on-page\.csv/);
  assert.equal(await page.getByTestId('import-encoding').getAttribute('data-encoding'), 'gb18030');
  await context.close();
});

test('without a worker (Content-Security-Policy worker-src none) the file is parsed on the page, in slices', async (t) => {
  const srv = await startServer({ dir: DIST, headers: { 'content-security-policy': "worker-src 'none'" } });
  try {
    const { page, context } = await openPage(env.browser, `${srv.base}?view=map`);
    await waitChart(page);
    await openImport(page);
    await importFile(page, join(FIX, 'wide-gbk.csv'));
    assert.equal(await page.getByTestId('import-report').getAttribute('data-via'), 'main');
    assert.equal(await page.getByTestId('import-usable').getAttribute('data-figures'), '12');
    assert.match(await page.getByTestId('import-via').textContent(), /在页面中分段解析/);
    // 100,000 rows on the page: it keeps painting between slices
    const big = join(tmp, 'big-main.csv');
    await writeFile(big, bigRows(100_000).join('\n'));
    await page.getByTestId('import-another').click();
    const worstGap = await watchFrames(page);
    await importFile(page, big);
    assert.equal(await page.getByTestId('import-records').textContent(), '100,000');
    assert.equal(await page.getByTestId('import-report').getAttribute('data-via'), 'main');
    const worst = await worstGap();
    t.diagnostic(`100,000 rows on the page: longest frame gap ${Math.round(worst)} ms`);
    assert.ok(worst < 600, `the page froze for ${worst} ms`);
    await context.close();
  } finally {
    await srv.close();
  }
});

test('the single-file offline build (file://, no worker file) imports on the page', { skip: !existsSync(OFFLINE) && `${OFFLINE} missing` }, async () => {
  const ctx = await env.browser.newContext({ offline: true, viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${pathToFileURL(OFFLINE)}?view=map`);
  await waitChart(page);
  await openImport(page);
  await importFile(page, join(FIX, 'wide-gbk.csv'));
  assert.equal(await page.getByTestId('import-report').getAttribute('data-via'), 'main');
  assert.equal(await page.getByTestId('import-usable').getAttribute('data-figures'), '12');
  await page.getByTestId('import-metric-0-labelZh').fill('孵化器');
  await page.getByTestId('import-metric-0-unitZh').fill('家');
  await page.getByTestId('import-confirm').click();
  await page.getByTestId('import-done').waitFor();
  // a workbook too: the spreadsheet reader is part of the single file
  await page.getByTestId('import-tab').click();
  await page.getByRole('button', { name: '导入另一个文件' }).click();
  await importFile(page, join(FIX, 'yearbook.xls'));
  assert.equal(await page.getByTestId('import-format').getAttribute('data-format'), 'xls');
  assert.equal(await page.getByTestId('import-usable').getAttribute('data-figures'), '251');
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('a one-year table with a column per metric: the year from the title is shown and can be changed, columns can be re-assigned, the focus stays', async () => {
  const { page, context } = await openPage(env.browser, `${env.srv.base}?view=map`);
  await waitChart(page);
  await openImport(page);
  await importFile(page, join(FIX, 'metrics-semicolon-gbk.csv'));
  assert.equal(await page.getByTestId('import-delimiter').getAttribute('data-delimiter'), ';');
  assert.equal(await page.getByTestId('import-layout').getAttribute('data-layout'), 'wide-metrics');
  // the title says 2022: shown as such, never silently
  const year = page.getByTestId('import-table-year');
  assert.equal(await year.getAttribute('data-how'), 'title');
  assert.match(await year.textContent(), /2022（取自标题）/);
  assert.equal(await page.getByTestId('import-usable').getAttribute('data-figures'), '5');
  // another year, by hand
  await page.getByTestId('import-year-change').click();
  await page.getByTestId('import-year').fill('2021');
  await page.getByTestId('import-year').press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid="import-table-year"]')?.dataset.how === 'user');
  assert.match(await page.getByTestId('import-table-year').textContent(), /2021（你填写的）/);
  assert.match(await page.getByTestId('import-preview').textContent(), /2021/);
  await page.getByTestId('import-year').fill('2022');
  await page.getByTestId('import-year').press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid="import-table-year"]')?.dataset.year === '2022');
  assert.equal(await page.getByTestId('import-metrics').locator('li').count(), 2);
  // the metric names and units come from the headers ("孵化器数量(家)")
  assert.equal(await page.getByTestId('import-metric-0-labelZh').inputValue(), '孵化器数量');
  assert.equal(await page.getByTestId('import-metric-0-unitZh').inputValue(), '家');
  // map the first to a bundled metric, ignore the second column
  await page.getByTestId('import-metric-select-0').selectOption('m:incubators_total');
  const role = page.getByTestId('import-role-2');
  await role.focus();
  await role.selectOption('ignore');
  await page.waitForFunction(() => document.querySelector('[data-testid="import-usable"]')?.dataset.figures === '3');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'import-role-2');
  assert.equal(await page.getByTestId('import-metric-select-0').inputValue(), 'm:incubators_total');
  assert.equal(await page.getByTestId('import-confirm').isDisabled(), false);
  await page.getByTestId('import-confirm').click();
  await page.getByTestId('import-show-map').click();
  await page.waitForURL(/metric=incubators_total/);
  await context.close();
});

test('a file of many metrics: each new metric says what it will be called and opens its fields on request; few form controls, one form per metric', async () => {
  // 25 metrics without units: above FIELDS_OPEN_UP_TO (20) the fields wait behind a button, so the
  // report does not add five controls per metric for the browser's autofill to read (bench/DIAGNOSIS.md)
  const rows = ['地区,年份,指标,数值'];
  for (let m = 0; m < 25; m++) for (let p = 0; p < 3; p++) rows.push(`${PROVINCES[p]},2022,测试指标${m},${m * 10 + p}`);
  const file = join(tmp, 'many-metrics.csv');
  await writeFile(file, rows.join('\n'));
  const { page, context } = await openPage(env.browser, `${env.srv.base}?view=map`);
  await waitChart(page);
  await openImport(page);
  await importFile(page, file);
  await page.waitForFunction(() => document.querySelector('[data-testid="import-metrics"]')?.getAttribute('aria-busy') === 'false' && document.querySelectorAll('[data-testid="import-metrics"] > li').length === 25, null, { timeout: 20000 });
  const list = page.getByTestId('import-metrics');
  const counts = () => list.evaluate((ul) => ({ forms: ul.querySelectorAll(':scope > li > form').length, controls: ul.querySelectorAll('input, select, textarea').length }));
  assert.deepEqual(await counts(), { forms: 25, controls: 0 }, 'one form per metric, no control until one is reached: a button stands in place of each select');
  // the button reads as the select would: its label and the current choice
  const choose = page.getByTestId('import-metric-choose-5');
  assert.equal(await choose.evaluate((b) => b.getAttribute('aria-labelledby').split(' ').map((id) => document.getElementById(id).textContent).join(' ')), '对应 新指标…');
  const box = await choose.boundingBox();
  assert.ok(box.width >= 300 && box.height >= 30, JSON.stringify(box));
  // reached with the keyboard: the select takes its place and the focus, its list whole
  await choose.focus();
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'import-metric-select-5');
  const select5 = page.getByTestId('import-metric-select-5');
  assert.equal(await select5.inputValue(), 'new');
  assert.ok((await select5.locator('option').count()) > 20);
  const box5 = await select5.boundingBox();
  assert.deepEqual([box5.x, box5.width, box5.height], [box.x, box.width, box.height], 'the select takes the place and size of the button');
  await page.keyboard.press('ArrowDown');
  assert.notEqual(await select5.inputValue(), 'new');
  // reached with the pointer: the select has the focus and its list is open
  await page.getByTestId('import-metric-choose-6').click();
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'import-metric-select-6');
  assert.equal(await page.getByTestId('import-metric-select-6').evaluate((s) => s.matches(':open')), true);
  await page.keyboard.press('Escape');
  assert.equal(await page.getByTestId('import-dialog').isVisible(), true, 'Escape closed the list, not the dialog');
  // a click on the label ("对应") does the same
  await page.getByTestId('import-metric-7').locator('.field-label').click();
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'import-metric-select-7');
  if (await page.getByTestId('import-metric-select-7').evaluate((s) => s.matches(':open'))) await page.keyboard.press('Escape');
  assert.equal(await page.getByTestId('import-dialog').isVisible(), true);
  await page.getByTestId('import-metric-select-5').selectOption('new');
  assert.deepEqual(await counts(), { forms: 25, controls: 3 });
  // what the new metric will be called, what is missing, and the button
  const key = await page.getByTestId('import-metric-3').locator('.import-metric-key').textContent();
  assert.match(key, /^测试指标\d+$/);
  const summary = page.getByTestId('import-metric-3-summary');
  assert.ok((await summary.textContent()).startsWith(`${key} · （未填） · 存量（年末数）`), await summary.textContent());
  assert.match(await summary.textContent(), /需要单位/);
  assert.equal(await page.getByTestId('import-confirm').isDisabled(), true);
  await page.getByTestId('import-metric-3-edit').click();
  // its fields replace the summary, the focus is in the first one
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'import-metric-3-labelZh');
  assert.equal(await page.getByTestId('import-metric-3-labelZh').inputValue(), key);
  await page.getByTestId('import-metric-3-unitZh').fill('家');
  assert.equal(await page.getByTestId('import-metric-3-summary').count(), 0);
  assert.deepEqual(await counts(), { forms: 25, controls: 8 });
  // Enter in a field does not submit (and so reload) anything
  await page.getByTestId('import-metric-3-unitZh').press('Enter');
  assert.equal(await page.getByTestId('import-metric-3-unitZh').inputValue(), '家');
  await context.close();
});
