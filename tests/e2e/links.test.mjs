// Browser tests of the links between views (components/ViewLink.tsx): a
// plain click navigates in the app; ctrl-click, shift-click and a middle click
// are left to the browser, which opens the link's href in a new tab or
// window, and that tab shows the same view the plain click shows.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openPage, waitChart } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

/** Click with a modifier or button; return the page the browser opened, once its view has settled. */
async function openedBy(page, link, click) {
  const [popup] = await Promise.all([page.context().waitForEvent('page'), link.click(click)]);
  await popup.waitForLoadState();
  return popup;
}

/** Mark the document: a marked page after a click was not reloaded. */
const mark = (page) => page.evaluate(() => { window.__sameDocument = true; });
const marked = (page) => page.evaluate(() => window.__sameDocument === true);

test('province profile: ctrl-, shift- and middle-click on a card link open the trend in a new tab; a plain click navigates in place', async () => {
  const { page, context, log } = await openPage(env.browser, `${env.srv.base}?view=province&region=江苏&mode=yoy`);
  const card = page.getByTestId('profile-metrics').locator('[data-metric="incubators_total"]');
  const link = card.getByRole('link', { name: /趋势/ });
  await link.waitFor();
  const href = await link.getAttribute('href');
  assert.match(decodeURIComponent(href), /view=trend&metric=incubators_total.*regions=江苏.*mode=yoy/);
  await mark(page);

  for (const click of [{ modifiers: ['ControlOrMeta'] }, { modifiers: ['Shift'] }, { button: 'middle' }]) {
    const popup = await openedBy(page, link, click);
    assert.equal(popup.url(), new URL(href, page.url()).href, `${JSON.stringify(click)} opens the link's href`);
    await waitChart(popup, 1, 'trend-chart');
    await popup.close();
    // the profile stays where it was, not navigated, not reloaded
    assert.match(decodeURIComponent(page.url()), /view=province/, JSON.stringify(click));
    assert.equal(await marked(page), true);
  }

  await link.click();
  await page.waitForURL(/view=trend/);
  await waitChart(page, 1, 'trend-chart');
  assert.equal(await marked(page), true, 'a plain click navigates in the app (no page load)');
  assert.equal(decodeURIComponent(page.url()), decodeURIComponent(new URL(href, page.url()).href), 'the plain click shows the view the href names');
  assert.equal(context.pages().length, 1);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the same on the navigation tabs, the ranking list and the chart toolbar’s data-table link', async () => {
  const { page, context, log } = await openPage(env.browser, `${env.srv.base}?view=ranking&metric=incubators_national&year=2023`);
  await waitChart(page, 1, 'ranking-chart');
  const links = [
    page.getByTestId('nav-map'),
    page.getByTestId('ranking-list').getByRole('link').first(),
    page.getByTestId('table-link'),
  ];
  await page.locator('.ranking-list summary').click();
  await mark(page);
  for (const link of links) {
    await link.waitFor();
    const href = new URL(await link.getAttribute('href'), page.url()).href;
    const popup = await openedBy(page, link, { modifiers: ['ControlOrMeta'] });
    assert.equal(popup.url(), href);
    await popup.close();
    assert.match(page.url(), /view=ranking/);
  }
  // a plain click on a province in the list opens its profile in place
  const first = links[1];
  const href = new URL(await first.getAttribute('href'), page.url()).href;
  await first.click();
  await page.waitForURL(/view=province/);
  assert.equal(page.url(), href);
  assert.equal(await marked(page), true);
  assert.deepEqual(log.errors, []);
  await context.close();
});
