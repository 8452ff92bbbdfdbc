// Browser tests of issue 12 §1 and §3 and issue 18: a yearbook-shaped Excel
// workbook imported in the dialog cell by cell; its source and the
// "includes imported data" mark on the charts; a link to an imported metric
// reopened cold on every view in the same browser; the same link in a
// browser without the import says what is missing instead of another chart;
// dialogs that make links say the data is only in this browser.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setup, openPage, waitChart, chartOption } from './helpers.mjs';
import { expectedFigures } from '../../scripts/fixtures/yearbook.mjs';

const FIX = fileURLToPath(new URL('../fixtures/import/', import.meta.url));
let env;
before(async () => {
  env = await setup();
});
after(async () => { await env?.close(); });

async function openImport(page) {
  await page.getByTestId('import-open').click();
  await page.getByTestId('import-dialog').waitFor();
}

/** Import the yearbook workbook: the two year columns of incubators mapped to the bundled metrics, the others new. */
async function importYearbook(page, { citation = '示例：虚构的年鉴表' } = {}) {
  await openImport(page);
  await page.getByTestId('import-file').setInputFiles(join(FIX, 'yearbook.xlsx'));
  await page.getByTestId('import-report').waitFor({ timeout: 30000 });
  await page.waitForFunction(() => document.querySelector('[data-testid="import-report"]')?.dataset.complete === 'true');
  const keys = await page.$$eval('.import-metric-key', (els) => els.map((e) => e.textContent));
  for (const [i, key] of keys.entries()) {
    const select = page.getByTestId(`import-metric-select-${i}`);
    if (key === '孵化器数量 / 合计') await (await select.focus(), select.selectOption('m:incubators_total'));
    if (key === '孵化器数量 / 其中：国家级') await (await select.focus(), select.selectOption('m:incubators_national'));
  }
  if (citation) await page.getByTestId('import-source-citation').fill(citation);
  await page.getByTestId('import-confirm').click();
  await page.getByTestId('import-done').waitFor();
}

test('a yearbook workbook imports cell by cell: sheets, two-row header, year from the title, padded names, 全国, 兵团 and 计划单列市 left out, footnote, "-"', async () => {
  const { page, context, log } = await openPage(env.browser, `${env.srv.base}?view=map`);
  await waitChart(page);
  await openImport(page);
  await page.getByTestId('import-file').setInputFiles(join(FIX, 'yearbook.xlsx'));
  await page.getByTestId('import-report').waitFor({ timeout: 30000 });
  assert.equal(await page.getByTestId('import-format').getAttribute('data-format'), 'xlsx');
  assert.equal(await page.getByTestId('import-report').getAttribute('data-via'), 'worker');
  // the notes sheet is offered, not read; the two year sheets are
  assert.deepEqual(await page.$$eval('[data-testid="import-sheet"]', (els) => els.map((e) => [e.dataset.sheet, e.dataset.chosen])), [['2021年', 'true'], ['2022年', 'true'], ['说明', 'false']]);
  const tables = page.getByTestId('import-table');
  assert.equal(await tables.count(), 2);
  for (const [i, year] of [[0, '2021'], [1, '2022']]) {
    const t = tables.nth(i);
    assert.equal(await t.getByTestId('import-header').getAttribute('data-line'), '3');
    assert.equal(await t.getByTestId('import-header').getAttribute('data-rows'), '2');
    assert.equal(await t.getByTestId('import-table-year').getAttribute('data-year'), year);
    assert.match(await t.getByTestId('import-table-year').textContent(), new RegExp(`${year}（取自标题）`));
    assert.match(await t.getByTestId('import-unit').textContent(), /个/);
  }
  assert.equal(await page.getByTestId('import-usable').getAttribute('data-figures'), '251');
  assert.equal(await page.getByTestId('import-empty-cells').getAttribute('data-n'), '5');
  assert.equal(await page.getByTestId('import-problem-count').getAttribute('data-n'), '0');
  const leftOut = await page.$$eval('[data-testid="import-left-out-row"]', (rows) => rows.map((r) => r.textContent));
  assert.equal(leftOut.length, 7);
  assert.ok(leftOut.some((t) => /新疆生产建设兵团/.test(t)));
  assert.ok(leftOut.some((t) => /深\s+圳/.test(t)));
  assert.ok(leftOut.some((t) => /注：本表为示例/.test(t)));
  // the header paths name the metrics
  const keys = await page.$$eval('.import-metric-key', (els) => els.map((e) => e.textContent));
  assert.deepEqual(keys.slice().sort(), ['在孵企业数', '孵化器数量 / 其中：国家级', '孵化器数量 / 合计', '当年新增在孵企业'].sort());
  // one sheet only: the figures of 2022 only
  // (the boxes follow the report: a click re-reads the file)
  await page.locator('[data-testid="import-sheet"][data-sheet="2021年"] input').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="import-table"]').length === 1);
  assert.equal(await page.getByTestId('import-usable').getAttribute('data-figures'), String(expectedFigures().filter((f) => f[1] === 2022).length));
  await page.locator('[data-testid="import-sheet"][data-sheet="2021年"] input').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="import-usable"]')?.dataset.figures === '251');
  await page.getByTestId('import-close').click();
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('an Excel 5.0/95 workbook from a Chinese Windows (text in GBK, code page 936) reads as the same table, and says how its text was read; the code-page tables load only for such a file', async () => {
  const { page, context, log } = await openPage(env.browser, `${env.srv.base}?view=map`);
  await waitChart(page);
  await openImport(page);
  // an Excel 97–2003 file (UTF-16 text) needs no tables
  await page.getByTestId('import-file').setInputFiles(join(FIX, 'yearbook.xls'));
  await page.waitForFunction(() => document.querySelector('[data-testid="import-usable"]')?.dataset.figures === '251');
  assert.equal(await page.getByTestId('import-format').getAttribute('data-codepage'), null);
  assert.ok(!log.requests.some((u) => /cpexcel/.test(u)), 'code-page tables loaded for a UTF-16 .xls file');
  await page.getByTestId('import-close').click();
  await openImport(page);
  await page.getByTestId('import-file').setInputFiles(join(FIX, 'yearbook-gbk-biff5.xls'));
  await page.waitForFunction(() => document.querySelector('[data-testid="import-format"]')?.dataset.codepage === '936', null, { timeout: 30000 });
  assert.ok(log.requests.some((u) => /cpexcel/.test(u)), 'the code-page tables were not loaded');
  assert.match(await page.getByTestId('import-format').textContent(), /文字编码 GBK（代码页 936）/);
  // the same table as the .xls and .xlsx files: sheet names, years from the titles, padded names, every figure
  assert.deepEqual(await page.$$eval('[data-testid="import-sheet"]', (els) => els.map((e) => [e.dataset.sheet, e.dataset.chosen])), [['2021年', 'true'], ['2022年', 'true'], ['说明', 'false']]);
  for (const [i, year] of [[0, '2021'], [1, '2022']]) {
    const t = page.getByTestId('import-table').nth(i);
    assert.match(await t.getByTestId('import-table-year').textContent(), new RegExp(`${year}（取自标题）`));
    assert.match(await t.getByTestId('import-unit').textContent(), /个/);
  }
  assert.equal(await page.getByTestId('import-usable').getAttribute('data-figures'), '251');
  assert.equal(await page.getByTestId('import-problem-count').getAttribute('data-n'), '0');
  const leftOut = await page.$$eval('[data-testid="import-left-out-row"]', (rows) => rows.map((r) => r.textContent));
  assert.ok(leftOut.some((t) => /新疆生产建设兵团/.test(t)), leftOut.join(' | '));
  const keys = await page.$$eval('.import-metric-key', (els) => els.map((e) => e.textContent));
  assert.deepEqual(keys.slice().sort(), ['在孵企业数', '孵化器数量 / 其中：国家级', '孵化器数量 / 合计', '当年新增在孵企业'].sort());
  assert.match(await page.getByTestId('import-preview').textContent(), /北京/);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('imported, the workbook is every cell, with its source; the charts say they include imported data', async () => {
  const { page, context } = await openPage(env.browser, `${env.srv.base}?view=map`);
  await waitChart(page);
  await importYearbook(page);
  // the export of what was imported: every figure of the table, exactly
  await page.getByTestId('import-close').click();
  await openImport(page);
  await page.getByTestId('manage-tab').click();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-export').click()]);
  const csv = (await readFile(await dl.path(), 'utf8')).replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(','));
  const head = csv[0];
  const col = (n) => head.indexOf(n);
  const metricOf = { incubators_total: '孵化器数量/合计', incubators_national: '孵化器数量/其中:国家级' };
  const got = csv.slice(1).map((r) => {
    const m = r[col('metric')];
    return JSON.stringify([r[col('region_code')], Number(r[col('year')]), metricOf[m] ?? r[col('metric_label_zh')], Number(r[col('value')])]);
  });
  // (the new metrics' keys are their names: 在孵企业数, 当年新增在孵企业)
  assert.deepEqual(got.sort(), expectedFigures().map((f) => JSON.stringify(f)).sort());
  assert.ok(csv.slice(1).every((r) => r[col('source_citation')] === '示例：虚构的年鉴表'));
  await page.getByTestId('import-close').click();
  // a metric the import created: every province's figure is the table's, the source line names the citation and says "imported"
  await page.goto(`${env.srv.base}?view=map&metric=user_zai_fu_qi_ye_shu&year=2022`);
  await waitChart(page);
  await page.waitForFunction(() => document.querySelector('[data-testid="map-chart"]')?.__chart?.getOption()?.series[0].data.some((d) => d.value != null));
  const opt = await chartOption(page);
  const drawn = Object.fromEntries(opt.series[0].data.filter((d) => d.value != null).map((d) => [d.name, d.value]));
  const want = Object.fromEntries(expectedFigures().filter((f) => f[1] === 2022 && f[2] === '在孵企业数' && f[0] !== 'CN').map((f) => [f[0], f[3]]));
  assert.deepEqual(drawn, want);
  const line = opt.graphic[0].elements.find((e) => e.id === 'source-line').style.text;
  assert.match(line, /来源：示例：虚构的年鉴表（含导入数据）/);
  await page.getByTestId('sources-panel').waitFor();
  const sources = await page.getByTestId('sources-panel').textContent();
  assert.match(sources, /示例：虚构的年鉴表/);
  assert.match(sources, /表3-1\s+2022年各地区科技企业孵化器基本情况/);
  // a bundled metric with the imported figures beside the bundled ones: the source line says so too
  await page.goto(`${env.srv.base}?view=map&metric=incubators_total&year=2022`);
  await page.waitForFunction(() => {
    const o = document.querySelector('[data-testid="map-chart"]')?.__chart?.getOption();
    return o && o.graphic?.[0]?.elements?.some((e) => /含导入数据/.test(e.style?.text ?? ''));
  }, null, { timeout: 15000 });
  await context.close();
});

/** The title a view shows for its metric. */
async function viewTitle(page, view) {
  if (view === 'table') return page.locator('#table-title').textContent();
  const id = { map: 'map-chart', ranking: 'ranking-chart', trend: 'trend-chart' }[view];
  await waitChart(page, 1, id);
  return (await chartOption(page, id)).title[0].text;
}

test('issue 18: a link to an imported metric, reopened cold in the same browser, opens that metric on every view, with no notice', async () => {
  const { page, context } = await openPage(env.browser, `${env.srv.base}?view=map`);
  await waitChart(page);
  await importYearbook(page);
  await page.getByTestId('import-show-map').click();
  await page.waitForURL(/metric=user_/);
  const metric = /metric=(user_[a-z0-9_]+)/.exec(page.url())[1];
  assert.ok(['user_zai_fu_qi_ye_shu', 'user_dang_nian_xin_zeng_zai_fu_qi_ye'].includes(metric), metric);
  const label = metric === 'user_zai_fu_qi_ye_shu' ? '在孵企业数' : '当年新增在孵企业';
  for (const view of ['map', 'ranking', 'table', 'trend']) {
    const p = await context.newPage();
    await p.goto(`${env.srv.base}?view=${view}&metric=${metric}&year=2022`);
    const title = await viewTitle(p, view);
    assert.match(title, new RegExp(label), `${view}: ${title}`);
    await p.waitForTimeout(300);
    assert.equal(await p.getByTestId('view-notices').count(), 0, `${view}: no notice`);
    assert.match(p.url(), new RegExp(`metric=${metric}`));
    await p.close();
  }
  // the embed, cold
  const e = await context.newPage();
  await e.goto(`${env.srv.base}?view=map&metric=${metric}&year=2022&embed=1`);
  assert.match(await viewTitle(e, 'map'), new RegExp(label));
  assert.equal(await e.getByTestId('view-notices').count(), 0);
  await e.close();
  // the dialogs that make links and slides say the data is only here
  await page.goto(`${env.srv.base}?view=map&metric=${metric}&year=2022`);
  await waitChart(page);
  await page.getByTestId('deck-open').click();
  await page.getByTestId('deck-panel').waitFor();
  assert.match(await page.getByTestId('browser-only-note').textContent(), /只保存在此浏览器中.*yearbook\.xlsx/);
  await context.close();
});

test('the same link in a browser without the import says which data is missing, and draws no other chart', async () => {
  const { page, context } = await openPage(env.browser, `${env.srv.base}?view=map&metric=user_zai_fu_qi_ye_shu&year=2022`);
  await page.getByTestId('view-notices').waitFor({ timeout: 15000 });
  const text = await page.getByTestId('view-notices').textContent();
  assert.match(text, /另一台电脑的浏览器中导入的指标“user_zai_fu_qi_ye_shu”/);
  await page.waitForTimeout(1000);
  assert.equal(await page.getByTestId('map-chart').count(), 0);
  assert.match(page.url(), /metric=user_zai_fu_qi_ye_shu/);
  await context.close();
});

test('download as data package: the deployment\'s files with the import added, valid for data:check; templates import back', async () => {
  const { spawnSync } = await import('node:child_process');
  const { mkdtempSync, mkdirSync, writeFileSync: write, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const XLSX = await import('@e965/xlsx');
  const { page, context } = await openPage(env.browser, `${env.srv.base}?view=map&lang=en`);
  await waitChart(page);
  await importYearbook(page);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-download-package').click()]);
  assert.equal(dl.suggestedFilename(), 'hatch-atlas-data-package.zip');
  const zip = XLSX.CFB.read(await readFile(await dl.path()), { type: 'buffer' });
  const entry = (name) => Buffer.from(zip.FileIndex[zip.FullPaths.findIndex((p) => p === name || p.endsWith(`/${name}`))].content);
  const names = zip.FullPaths.filter((p) => !p.endsWith('/') && !p.includes('\x01')).map((p) => p.replace(/^[^/]*\//, '')).sort();
  const FILES = ['figure_notes.csv', 'figures.csv', 'manifest.json', 'metric_definitions.csv', 'source_quotes.csv', 'sources.csv'];
  assert.deepEqual(names, ['README.txt', ...FILES.map((f) => `data/${f}`)]);
  const dir = mkdtempSync(join(tmpdir(), 'package-'));
  try {
    mkdirSync(join(dir, 'data', 'geo'), { recursive: true });
    for (const f of FILES) write(join(dir, 'data', f), entry(`data/${f}`));
    // the rest of the deployment's data folder stays as it is
    write(join(dir, 'data', 'entities.csv'), await readFile(join('dist', 'data', 'entities.csv')));
    write(join(dir, 'data', 'geo', 'china.json'), await readFile(join('dist', 'data', 'geo', 'china.json')));
    const check = spawnSync(join('node_modules', '.bin', 'tsx'), ['scripts/data-check.ts', join(dir, 'data')], { encoding: 'utf8' });
    assert.equal(check.status, 0, check.stderr);
    const bundled = (await readFile(join('dist', 'data', 'figures.csv'), 'utf8')).trim().split('\n').length;
    const figures = entry('data/figures.csv').toString('utf8').trim().split('\n');
    assert.equal(figures.length, bundled + 251);
    // the deployment's quotes and notes travel with it, the import's sources' quotes added
    const quotes = (f) => f.toString('utf8').trim().split('\n').length;
    assert.ok(quotes(entry('data/source_quotes.csv')) > quotes(await readFile(join('dist', 'data', 'source_quotes.csv'))));
    assert.equal(entry('data/figure_notes.csv').toString('utf8'), await readFile(join('dist', 'data', 'figure_notes.csv'), 'utf8'));
    // every metric keeps its definition, in the file of definitions, and the manifest has none
    const defs = entry('data/metric_definitions.csv').toString('utf8');
    for (const line of (await readFile(join('dist', 'data', 'metric_definitions.csv'), 'utf8')).trim().split('\n')) assert.ok(defs.includes(line), line.slice(0, 40));
    assert.ok(!/"definition"/.test(entry('data/manifest.json').toString('utf8')));
    const readme = entry('README.txt').toString('utf8');
    assert.match(readme, /data\/ beside index\.html/);
    assert.match(readme, /yearbook\.xlsx \(251\)/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // a template: the 31 provinces and the years asked for, as CSV with a BOM; filled in, it imports back to the metric
  await page.getByTestId('import-close').click();
  await openImport(page);
  await page.getByTestId('manage-tab').click();
  await page.getByTestId('template-metric').selectOption('incubators_national');
  await page.getByTestId('template-from').fill('2020');
  await page.getByTestId('template-to').fill('2021');
  const [t] = await Promise.all([page.waitForEvent('download'), page.getByTestId('template-csv').click()]);
  const text = await readFile(await t.path(), 'utf8');
  assert.ok(text.startsWith('\uFEFF'));
  const lines = text.slice(1).split('\r\n');
  assert.equal(lines[1], 'Region,Metric,2020,2021,Source');
  const provinces = lines.slice(2, 33);
  assert.ok(provinces.every((l) => l.endsWith(',National-level incubators,,,')), provinces.join('\n'));
  assert.equal(new Set(provinces.map((l) => l.split(',')[0])).size, 31);
  assert.equal(lines[33], '');
  const filled = text.replace('Beijing,National-level incubators,,,', 'Beijing,National-level incubators,70,72,Beijing statistical yearbook 2022');
  const [x] = await Promise.all([page.waitForEvent('download'), page.getByTestId('template-xlsx').click()]);
  const wb = XLSX.read(await readFile(await x.path()), { type: 'buffer' });
  assert.equal(XLSX.utils.sheet_to_json(wb.Sheets[wb.SheetNames[0]], { header: 1 }).length, 35);
  await page.getByTestId('import-tab').click();
  await page.getByTestId('import-file').setInputFiles({ name: 'template.csv', mimeType: 'text/csv', buffer: Buffer.from(filled) });
  await page.waitForFunction(() => document.querySelector('[data-testid="import-usable"]')?.dataset.figures === '2', null, { timeout: 20000 });
  assert.equal(await page.getByTestId('import-metric-select-0').inputValue(), 'm:incubators_national');
  await context.close();
});

test('the year from a sheet\'s name or typed in for a sheet without one; a header row chosen by hand', async () => {
  const XLSX = await import('@e965/xlsx');
  const { page, context } = await openPage(env.browser, `${env.srv.base}?view=map`);
  await waitChart(page);
  await openImport(page);
  await page.getByTestId('import-file').setInputFiles(join(FIX, 'yearbook-sheet-year.xlsx'));
  await page.getByTestId('import-report').waitFor({ timeout: 30000 });
  const sheet = (name) => page.locator(`[data-testid="import-table"][data-sheet="${name}"]`);
  assert.match(await sheet('2020').getByTestId('import-table-year').textContent(), /2020（取自工作表名称）/);
  await sheet('汇总').getByTestId('import-blocking-needs-year').waitFor();
  assert.equal(await page.getByTestId('import-confirm').isDisabled(), true);
  await sheet('汇总').getByTestId('import-year').fill('2019');
  await sheet('汇总').getByTestId('import-year').press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid="import-table"][data-sheet="汇总"] [data-testid="import-table-year"]')?.dataset.how === 'user');
  assert.equal(await page.getByTestId('import-blocking-needs-year').count(), 0);
  // a header detected on the wrong row: choose the right one
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['各省孵化器'], ['地区', '数量'], ['省份', '孵化器', '众创空间'], ['北京', 5, 7], ['天津', 6, 8]]), '2023');
  const buffer = Buffer.from(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }));
  await page.getByTestId('import-another').click();
  await page.getByTestId('import-file').setInputFiles({ name: 'header.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
  await page.getByTestId('import-report').waitFor({ timeout: 30000 });
  assert.equal(await page.getByTestId('import-header').getAttribute('data-line'), '2');
  await page.getByTestId('import-header-line').selectOption('3');
  await page.waitForFunction(() => document.querySelector('[data-testid="import-header"]')?.dataset.line === '3');
  assert.equal(await page.getByTestId('import-layout').getAttribute('data-layout'), 'wide-metrics');
  assert.equal(await page.getByTestId('import-usable').getAttribute('data-figures'), '4');
  assert.match(await page.getByTestId('import-table-year').textContent(), /2023（取自工作表名称）/);
  await context.close();
});
