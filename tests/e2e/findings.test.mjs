// Key findings (issue 16): the panel's sentences for the bundled data on the
// map, ranking, trend and province profile; every number's source and quote
// on focus; Copy puts the sentences and the source line on the clipboard;
// the export menu's text file; an embed with findings=1; print keeps the
// panel; a slide with its findings. Expected sentences are written out.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { setup, openPage, waitChart } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const sentences = (page) => page.getByTestId('findings-list').locator('li').allTextContents();

const MAP_2023_ZH = [
  '2023 年，江苏国家级科技企业孵化器 244 家（截至 2023 年 2 月），在 6 个有数据的省份中居首位，约占全国 15.2%。',
  '居前三位的依次是江苏（244 家，截至 2023 年 2 月）、湖北（84 家，截至 2023 年 6 月）、河南（71 家，截至 2023 年 6 月）。',
  '2023 年全国国家级科技企业孵化器 1606 家，较 2022 年的 1425 家增加 181 家（+13%）。',
];

test('map: the sentences of the year, each number with its source and quote on focus; Copy gives them with the source line', async () => {
  const { page, context, log } = await openPage(env.browser, `${env.srv.base}?view=map&metric=incubators_national&year=2023`);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await waitChart(page);
  await page.getByTestId('findings-list').waitFor({ timeout: 20000 });
  assert.deepEqual(await sentences(page), MAP_2023_ZH);
  // the first number: 江苏 244 家, from its page, with the page's words
  const num = page.locator('.finding-num').first();
  assert.equal(await num.getAttribute('data-figures') !== '', true);
  await num.focus();
  const tip = page.getByTestId('finding-tip');
  await tip.waitFor();
  assert.equal(await tip.textContent(), '来源：js.people.com.cn原文：“在孵企业超过4万家,其中国家级244家”');
  assert.ok((await tip.boundingBox()).height > 10, 'the tip is drawn');
  await num.blur();
  assert.equal(await page.getByTestId('finding-tip').count(), 0);
  // the sources of the sentences are listed under them
  const listed = await page.getByTestId('findings-sources').locator('li').allTextContents();
  assert.equal(listed.length, 5);
  assert.match(listed[0], /js\.people\.com\.cn.*在孵企业超过4万家,其中国家级244家/);
  // Copy
  await page.getByTestId('findings-copy').click();
  await page.getByText('已复制').waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const lines = copied.split('\n');
  assert.deepEqual(lines.slice(0, 3), MAP_2023_ZH);
  assert.equal(lines[3], '来源：js.people.com.cn、mbji.cn、epaper.hubeidaily.net、新华网（河南）；孵化图谱，2023 年数据');
  // the export menu's text file holds the same text
  await page.getByTestId('export-menu').locator('summary').click();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-findings').click()]);
  assert.match(dl.suggestedFilename(), /\.txt$/);
  assert.equal(readFileSync(await dl.path(), 'utf8'), `${copied}\n`);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('latest available on a phone: the years vary, and say so', async () => {
  const { page, context } = await openPage(env.browser, `${env.srv.base}?view=map&metric=incubators_national&year=latest`, { viewport: { width: 390, height: 844 } });
  await waitChart(page);
  await page.getByTestId('findings-list').waitFor({ timeout: 20000 });
  const s = await sentences(page);
  assert.equal(s[0], '各省年份不一：9 个省份为 2021–2024 年数据、12 个省份为 2012–2020 年的旧数据（比最新数据早 3 年以上）。');
  assert.match(s[1], /^按各省最新可得数据（各省年份不一），江苏国家级科技企业孵化器 244 家（2023 年，截至 2023 年 2 月），在 21 个有数据的省份中居首位/);
  const box = await page.getByTestId('findings-panel').boundingBox();
  assert.ok(box.width <= 390 && box.width > 300, `the panel fits the phone (${box.width})`);
  await context.close();
});

test('ranking (English), trend and province profile', async () => {
  const { page, context, log } = await openPage(env.browser, `${env.srv.base}?view=ranking&metric=gdp&year=2023&lang=en`);
  await waitChart(page, 1, 'ranking-chart');
  await page.getByTestId('findings-list').waitFor({ timeout: 20000 });
  assert.deepEqual((await sentences(page)).slice(0, 3), [
    'Gross regional product (GDP), 2023: Guangdong is first of the 31 provinces with data, with 137,905.4 × 100 million yuan, 10.7% of the national figure.',
    'The top three: Guangdong (137,905.4 × 100 million yuan), Jiangsu (130,924.3 × 100 million yuan), Shandong (94,206.4 × 100 million yuan).',
    'Guangdong was also first in 2022 (of 31 provinces with data).',
  ]);
  assert.equal((await sentences(page))[4], 'Of the 31 provinces with exact figures for both 2022 and 2023, Jiangsu rose most, from 124,564.2 × 100 million yuan to 130,924.3 × 100 million yuan (+6,360.1 × 100 million yuan, +5.1%); none fell.');

  await page.goto(`${env.srv.base}?view=trend&metric=incubators_national`);
  await waitChart(page, 1, 'trend-chart');
  await page.getByTestId('findings-list').waitFor({ timeout: 20000 });
  assert.deepEqual((await sentences(page)).slice(0, 2), [
    '全国国家级科技企业孵化器由 2000 年的 48 家增至 2023 年的 1606 家，24 年间 9 年有数据，年均增长 16.5%。',
    '江苏国家级科技企业孵化器由 2016 年的 136 家（截至 2016 年 3 月）增至 2023 年的 244 家（截至 2023 年 2 月），8 年间 6 年有数据，年均增长 8.7%。',
  ]);

  await page.goto(`${env.srv.base}?view=province&region=江苏`);
  await page.getByTestId('findings-list').waitFor({ timeout: 20000 });
  const p = await sentences(page);
  assert.ok(p.includes('地区生产总值：13.7万亿元（2024 年），在 31 个有数据的省份中居第 2 位，占全国 10.1%。'), p.join('\n'));
  assert.ok(p.includes('国家备案众创空间：224 家（2020 年，截至 2020 年 4 月），数据较旧（该指标最新数据为 2024 年），在 2020 年 5 个有数据的省份中居第 2 位。'));
  assert.match(p.at(-1), /^另有 \d+ 个指标有江苏的数据，但有数据的省份不足 5 个，不作排名。$/);
  // no sentence states a rank or share over fewer than 5 provinces
  for (const s of p) for (const m of s.matchAll(/在 (\d+) 个有数据的省份中/g)) assert.ok(Number(m[1]) >= 5, s);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('embed with findings=1 shows them under the chart (without buttons); without it, none', async () => {
  const url = `${env.srv.base}?view=map&metric=incubators_national&year=2023&embed=1`;
  const { page, context, log } = await openPage(env.browser, `${url}&findings=1`, { viewport: { width: 800, height: 700 } });
  await waitChart(page);
  await page.getByTestId('findings-list').waitFor({ timeout: 20000 });
  assert.deepEqual(await sentences(page), MAP_2023_ZH);
  assert.equal(await page.getByTestId('findings-copy').count(), 0);
  const chart = await page.getByTestId('map-chart').boundingBox();
  const panel = await page.getByTestId('findings-panel').boundingBox();
  assert.ok(panel.y >= chart.y + chart.height - 1, 'under the chart');
  assert.ok(chart.height > 250, `the chart keeps its room (${chart.height})`);
  await page.goto(url);
  await waitChart(page);
  await page.waitForTimeout(800);
  assert.equal(await page.getByTestId('findings-panel').count(), 0);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('print keeps the panel, without its buttons; a slide carries the findings beside the chart', async () => {
  const { page, context } = await openPage(env.browser, `${env.srv.base}?view=ranking&metric=gdp&year=2023`);
  await waitChart(page, 1, 'ranking-chart');
  await page.getByTestId('findings-list').waitFor({ timeout: 20000 });
  await page.emulateMedia({ media: 'print' });
  const printed = await page.getByTestId('findings-panel').boundingBox();
  assert.ok(printed && printed.height > 100, 'the panel prints');
  assert.equal(await page.getByTestId('findings-copy').isVisible(), false);
  await page.emulateMedia({ media: 'screen' });
  // add to the slides: the slide's view asks for the findings
  await page.getByTestId('findings-slide').click();
  await page.waitForFunction(() => /deck=/.test(location.search));
  const deck = new URL(page.url()).searchParams.get('deck');
  const slides = JSON.parse(Buffer.from(deck.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8'));
  assert.equal(slides.length, 1);
  assert.match(slides[0].q, /findings=1/);
  assert.match(slides[0].q, /view=ranking/);
  // presented: the findings beside the chart on the stage
  await page.goto(`${env.srv.base}?present=1&deck=${deck}`);
  await waitChart(page, 1, 'ranking-chart');
  await page.getByTestId('findings-list').waitFor({ timeout: 20000 });
  const chart = await page.getByTestId('ranking-chart').boundingBox();
  const panel = await page.getByTestId('findings-panel').boundingBox();
  assert.ok(panel.x >= chart.x + chart.width - 1, 'beside the chart');
  assert.equal((await sentences(page)).length, 5);
  await context.close();
});
