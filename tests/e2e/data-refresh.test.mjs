// Browser tests of the data refresh (issues 13 §5–6 and 19 §1): links with a
// former metric id, the context metrics, and a Chinese UI without the
// compiler's English notes (they stay available, collapsed and labelled).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { setup, openPage, waitChart, chartOption, DIST } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

/** Text the page shows (innerText: closed <details> content is not shown, so not included). */
const shownText = (page) => page.evaluate(() => document.querySelector('main').innerText);

/** Rows of a CSV file (RFC 4180: quoted fields may hold commas, quotes and line breaks) as objects. */
function readCsv(path) {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n') row.push(field), rows.push(row), (row = []), (field = '');
    else if (c !== '\r') field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  const [head, ...body] = rows;
  return body.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ''])));
}

/** The English compiler notes of the shipped package (notes with an English word, long enough to be unmistakable). */
const ENGLISH_NOTES = [...new Set(['figure_notes.csv', 'entities.csv'].flatMap((f) => readCsv(`${DIST}/data/${f}`).map((r) => r.note.trim())))]
  .filter((n) => n.length >= 12 && /[A-Za-z]{3,}/.test(n));

const FRAGMENTS = /quote normali[sz]ed|pinyin glosses|metric not in list|\bas of ~?\d{4}|rank in the \d{4}|\bvia [a-z0-9-]+\.[a-z.]+|mirror page|\brepost\b|, (?:national|provincial) level|English machine translation|names as printed/i;

async function assertNoEnglishNotes(page, where, notes = ENGLISH_NOTES) {
  const text = await shownText(page);
  const frag = text.match(FRAGMENTS);
  assert.equal(frag, null, `${where}: English compiler note shown: …${frag ? text.slice(Math.max(0, frag.index - 60), frag.index + 80) : ''}…`);
  const leaked = notes.filter((n) => text.includes(n));
  assert.deepEqual(leaked, [], `${where}: compiler notes shown as text`);
}

test('a link with a former (merged) metric id opens the new metric, says so, and rewrites the URL', async () => {
  const { page, context, log } = await openPage(env.browser, `${env.srv.base}?view=map&metric=incubators_national_added&year=2022`);
  await waitChart(page);
  await page.waitForURL(/metric=incubators_national_new&year=2022/);
  const notice = await page.getByTestId('view-notices').textContent();
  assert.match(notice, /incubators_national_added/);
  assert.match(notice, /指标“incubators_national_added”已并入“新增国家级科技企业孵化器”/);
  assert.equal(await page.getByTestId('metric-select').inputValue(), 'incubators_national_new');
  const opt = await chartOption(page);
  assert.match(opt.title[0].text, /新增国家级科技企业孵化器/);
  assert.match(opt.title[0].text, /2022/);
  // the table view resolves the same way, in English too
  const p2 = await context.newPage();
  await p2.goto(`${env.srv.base}?view=table&metric=cumulative_incubated_enterprises&lang=en`);
  await p2.waitForURL(/metric=incubated_enterprises_cumulative/);
  assert.match(await p2.getByTestId('view-notices').textContent(), /Metric “cumulative_incubated_enterprises” was merged into “Enterprises incubated \(cumulative\)”/);
  assert.ok((await p2.getByTestId('table-row').count()) > 0);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('first load still shows national incubators; the picker lists the context metrics last, no two alike', async () => {
  const { page, context, log } = await openPage(env.browser, `${env.srv.base}?view=map`);
  await waitChart(page);
  await page.waitForURL(/metric=incubators_national(&|$)/);
  const groups = await page.getByTestId('metric-select').evaluate((sel) =>
    [...sel.querySelectorAll('optgroup')].map((g) => ({ label: g.label, options: [...g.querySelectorAll('option')].map((o) => ({ value: o.value, text: o.textContent })) })),
  );
  const last = groups.at(-1);
  assert.equal(last.label, '背景指标');
  assert.deepEqual(last.options.map((o) => o.value), ['population_resident', 'gdp']);
  assert.match(last.options[0].text, /^年末常住人口 · 2015–2024 · 31 省/);
  assert.match(last.options[1].text, /^地区生产总值 · 2015–2024 · 31 省/);
  const labels = groups.flatMap((g) => g.options.map((o) => o.text.split(' · ')[0]));
  assert.equal(new Set(labels).size, labels.length, `duplicate labels: ${labels.filter((l, i) => labels.indexOf(l) !== i)}`);
  // the overview's map is still a carrier metric, not population
  await page.goto(env.srv.base);
  await waitChart(page, 1, 'overview-map');
  const ov = await chartOption(page, 'overview-map');
  assert.doesNotMatch(ov.title[0].text, /人口|生产总值/);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('context metrics map every province; population in 万人 reads as 亿 where it reaches it', async () => {
  const { page, context, log } = await openPage(env.browser, `${env.srv.base}?view=map&metric=population_resident&year=2024`);
  await waitChart(page);
  const opt = await chartOption(page);
  assert.match(opt.title[0].text, /年末常住人口/);
  const withData = opt.series[0].data.filter((d) => typeof d.value === 'number' && Number.isFinite(d.value));
  assert.equal(withData.length, 31);
  // the definition under the map (it follows the first chart, with the quotes: metric_definitions.csv) says the national figure includes the armed forces
  await page.locator('.metric-info', { hasText: '现役军人' }).waitFor();
  assert.match(await shownText(page), /现役军人/);
  await page.goto(`${env.srv.base}?view=table&metric=population_resident&year=2024`);
  const gd = page.locator('[data-testid="table-row"][data-region="440000"]');
  assert.equal(await gd.locator('.table-value').textContent(), '1.28万');
  assert.equal(await gd.locator('.table-value').getAttribute('data-value'), '12780');
  assert.match(await gd.locator('td.table-unit').textContent(), /^万人/);
  // where number and unit stand together, 1.28万 万人 reads 1.28亿人
  await page.goto(`${env.srv.base}?view=province&region=${encodeURIComponent('广东')}`);
  const card = page.locator('.metric-card', { hasText: '年末常住人口' });
  assert.match(await card.innerText(), /1\.28亿人/);
  assert.doesNotMatch(await card.innerText(), /万 万人/);
  assert.match(await page.locator('.metric-card', { hasText: '地区生产总值' }).innerText(), /\d万亿元/);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('zh UI: no English compiler note shown in the table, province and carriers views; notes kept, labelled', async () => {
  const { page, context, log } = await openPage(env.browser, `${env.srv.base}?view=table&metric=incubators_national&year=2023`);
  await page.getByTestId('table-row').first().waitFor();
  assert.ok(ENGLISH_NOTES.length > 150, `found ${ENGLISH_NOTES.length} English notes in the data`);

  for (const metric of ['incubators_national', 'incubators_total', 'maker_spaces_national', 'incubating_enterprises', 'incubators_national_new', 'gdp']) {
    await page.goto(`${env.srv.base}?view=table&metric=${metric}`);
    await page.getByTestId('all-years-toggle').check();
    await page.getByTestId('table-row').first().waitFor();
    // the column is the compiler's, not the source's 备注
    assert.match(await page.locator('thead').first().textContent(), /整理说明/);
    assert.doesNotMatch(await page.locator('thead').first().textContent(), /备注/);
    await assertNoEnglishNotes(page, `table ${metric}`);
  }
  // a note is there, collapsed under its label, and opens to the English text
  const first = page.locator('details.compiler-note').first();
  assert.equal(await first.locator('summary').textContent(), '整理说明（英文）');
  await first.locator('summary').click();
  assert.match(await first.locator('span[lang="en"]').innerText(), /[A-Za-z]{3,}/);

  for (const region of ['江苏', '河南', '海南', '浙江', '陕西']) {
    await page.goto(`${env.srv.base}?view=province&region=${encodeURIComponent(region)}`);
    await page.locator('.metric-card').first().waitFor();
    await assertNoEnglishNotes(page, `province ${region}`);
    // entity names without the compiler's remarks, and no English hover titles
    const titles = await page.locator('.entity-table td[title]').evaluateAll((tds) => tds.map((td) => td.title));
    assert.deepEqual(titles.filter((x) => /[A-Za-z]{3,}/.test(x)), [], `province ${region}: English titles`);
  }

  await page.goto(`${env.srv.base}?view=carriers`);
  await page.getByTestId('kind-filter').locator('button').first().click();
  await page.getByTestId('carriers-list').waitFor();
  assert.match(await page.getByTestId('carriers-count').textContent(), /199/);
  await assertNoEnglishNotes(page, 'carriers (all kinds)');
  const names = await page.locator('.carriers-name').allInnerTexts();
  assert.ok(names.length >= 150);
  assert.deepEqual(names.filter((n) => / [(（]/.test(n)), [], 'names carry no compiler remark');
  assert.ok(names.includes('滁州海智基地'));
  // 国家备案众创空间 is a kind of its own, with its entries
  const maker = page.getByTestId('kind-filter').locator('[data-kind="maker_space_national"]');
  assert.match(await maker.textContent(), /国家备案众创空间\s*18/);
  await maker.click();
  assert.match(await page.getByTestId('carriers-count').textContent(), /18 \/ 18/);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a mirrored page names its original publisher beside the site', async () => {
  const { page, context, log } = await openPage(env.browser, `${env.srv.base}?view=table&metric=incubators_national&year=2023`);
  await page.getByTestId('table-row').first().waitFor();
  const row = page.locator('[data-testid="table-row"]', { hasText: 'gossip.9774.com.cn' }).first();
  assert.match(await row.locator('.table-source').innerText(), /gossip\.9774\.com\.cn\s*（原载：郑州日报）/);
  // the sources panel of the map lists it the same way, and in English
  await page.goto(`${env.srv.base}?view=map&metric=incubation_carriers_provincial_and_above_evaluated&year=2022&lang=en`);
  await waitChart(page);
  const panel = page.getByTestId('sources-panel');
  await panel.waitFor();
  assert.match(await panel.innerText(), /www\.huai123\.net \(originally 科技日报\)/);
  assert.deepEqual(log.errors, []);
  await context.close();
});
