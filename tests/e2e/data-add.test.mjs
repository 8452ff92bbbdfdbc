// Issue 12 §2: `npm run data:add` publishes a yearbook workbook for every
// viewer. Run on a COPY of the built app in a temporary folder (never on
// public/data): the report and exit status, idempotence, data:check, then a
// fresh browser with empty storage shows the figures on the map, ranking,
// trend and table, each with its source.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from './browser.mjs';
import { startServer } from './server.mjs';
import { DIST, openPage, waitChart, chartOption, hoverGeo, GEO } from './helpers.mjs';
import { expectedFigures } from '../../scripts/fixtures/yearbook.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const YEARBOOK = join(ROOT, 'tests/fixtures/import/yearbook.xlsx');
const CITATION = '示例：虚构的年鉴表（Hatch Atlas 示例文件）';
const METRIC = 'user_zai_fu_qi_ye_shu';
const want = (year, key = '在孵企业数') => Object.fromEntries(expectedFigures().filter((f) => f[1] === year && f[2] === key && f[0] !== 'CN').map((f) => [f[0], f[3]]));

let dir;
let dist;
let srv;
let browser;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'data-add-e2e-'));
  dist = join(dir, 'dist');
  cpSync(resolve(DIST), dist, { recursive: true });
});
after(async () => {
  await browser?.close();
  await srv?.close();
  rmSync(dir, { recursive: true, force: true });
});

const run = (script, args) => {
  const r = spawnSync(TSX, [join(ROOT, 'scripts', script), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, out: r.stdout, err: r.stderr };
};
const files = () => ['manifest.json', 'figures.csv', 'sources.csv'].map((f) => readFileSync(join(dist, 'data', f), 'utf8'));
const ADD = [YEARBOOK, '--data', join(dist, 'data'), '--map', '合计=incubators_total', '--map', '其中：国家级=incubators_national', '--source', CITATION, '--url', 'https://example.org/yearbook/table-3-1'];

test('data:add on the built copy: refuses figures without a source, then adds the workbook once; data:check passes', () => {
  const before = files();
  const none = run('data-add.ts', [YEARBOOK, '--data', join(dist, 'data'), '--lang', 'en']);
  assert.equal(none.status, 1);
  assert.match(none.err, /251 figures have no source/);
  assert.deepEqual(files(), before);
  const r = run('data-add.ts', ADD);
  assert.equal(r.status, 0, r.err);
  assert.match(r.out, /工作表“2021年”：表头 第 3–4 行（2 行表头，合并单元格已展开）/);
  assert.match(r.out, /工作表“2022年”：年份 2022（取自标题）/);
  assert.match(r.out, /“2022年”第 40 行：不是省级地区（深圳），不导入/);
  assert.match(r.out, /在孵企业数 → user_zai_fu_qi_ye_shu（新指标：在孵企业数，单位：家）/);
  assert.match(r.out, /已加入 251 个数据、2 个来源、2 个新指标/);
  assert.equal(run('data-check.ts', [join(dist, 'data')]).status, 0);
  const once = files();
  const again = run('data-add.ts', ADD);
  assert.equal(again.status, 0);
  assert.match(again.out, /已加入 0 个数据/);
  assert.deepEqual(files(), once);
});

test('data:add exits 1 when a data row is rejected for a bad value or an unknown region', () => {
  const copy = join(dir, 'data-copy');
  cpSync(join(dist, 'data'), copy, { recursive: true });
  const file = join(dir, 'bad.csv');
  const good = ['河北', '山西', '辽宁', '吉林', '上海', '江苏', '浙江', '安徽'].map((p, i) => `${p},2019,${10 + i},某市统计年鉴2020`);
  writeFileSync(file, ['地区,年份,孵化器数量（家）,来源', '北京,2019,12,某市统计年鉴2020', '火星,2019,3,某市统计年鉴2020', '天津,2019,abc,某市统计年鉴2020', ...good].join('\n'));
  const r = run('data-add.ts', [file, '--data', copy, '--lang', 'en']);
  assert.equal(r.status, 1);
  assert.match(r.out, /line 3: region "火星" not recognised/);
  assert.match(r.out, /line 4: 孵化器数量（家）: "abc" is not a number/);
  assert.match(r.err, /2 rows have problems and were not imported/);
  assert.equal(run('data-check.ts', [copy]).status, 0);
});

test('after data:add, a fresh browser (empty storage, no rebuild) shows the figures on the map, ranking, trend and table, each with its source', async () => {
  srv = await startServer({ dir: dist });
  browser = await launch();
  const open = async (q) => (await openPage(browser, `${srv.base}${q}`)).page;

  // map: every province's figure, the source in the tooltip, the chart's source line and the sources panel; not marked "imported"
  const map = await open(`?view=map&metric=${METRIC}&year=2022`);
  await waitChart(map);
  const opt = await chartOption(map);
  assert.match(opt.title[0].text, /在孵企业数/);
  assert.deepEqual(Object.fromEntries(opt.series[0].data.filter((d) => d.value != null).map((d) => [d.name, d.value])), want(2022));
  const line = opt.graphic[0].elements.find((e) => e.id === 'source-line').style.text;
  assert.match(line, /来源：示例：虚构的年鉴表/);
  assert.doesNotMatch(line, /含导入数据/);
  const tip = await hoverGeo(map, GEO.jiangsu);
  assert.match(tip.text, /江苏/);
  assert.match(tip.text, /示例：虚构的年鉴表/);
  await map.getByTestId('sources-panel').waitFor();
  assert.match(await map.getByTestId('sources-panel').textContent(), /示例：虚构的年鉴表/);

  // ranking: the bars are the table's figures, largest first, with the source
  const ranking = await open(`?view=ranking&metric=${METRIC}&year=2022`);
  await waitChart(ranking, 1, 'ranking-chart');
  const r = await chartOption(ranking, 'ranking-chart');
  const w = want(2022);
  assert.deepEqual(r.series[0].data.map((d) => d.value).sort((a, b) => b - a), Object.values(w).sort((a, b) => b - a));
  assert.ok(r.graphic[0].elements.some((e) => /来源：示例：虚构的年鉴表/.test(e.style?.text ?? '')));
  await ranking.getByTestId('sources-panel').waitFor();
  assert.match(await ranking.getByTestId('sources-panel').textContent(), /示例：虚构的年鉴表/);

  // trend: 北京 in 2021 and 2022
  const trend = await open(`?view=trend&metric=${METRIC}&regions=北京`);
  await waitChart(trend, 1, 'trend-chart');
  const t = await chartOption(trend, 'trend-chart');
  const years = t.xAxis[0].data;
  const bj = t.series.find((s) => s.id === '110000');
  const val = (d) => (d && typeof d === 'object' ? d.value : d);
  assert.equal(val(bj.data[years.indexOf('2021')]), want(2021)['110000']);
  assert.equal(val(bj.data[years.indexOf('2022')]), want(2022)['110000']);
  assert.ok(t.graphic[0].elements.some((e) => /来源：示例：虚构的年鉴表/.test(e.style?.text ?? '')));

  // table: a row per province with the figure and its source
  const table = await open(`?view=table&metric=${METRIC}&year=2022`);
  await table.getByTestId('data-table').waitFor();
  const rows = await table.$$eval('.table-provinces [data-testid="table-row"]', (trs) => trs.map((tr) => [tr.dataset.region, Number(tr.querySelector('.table-value')?.getAttribute('data-value')), tr.textContent]));
  assert.deepEqual(Object.fromEntries(rows.map(([region, v]) => [region, v])), w);
  assert.ok(rows.every(([, , text]) => /example\.org|示例：虚构的年鉴表/.test(text)), 'every row names its source');
});
