// Opens the running Hawtio example in headless Chromium, clicks through the Camel tree to the mapiq component and
// to the consumer of one route, and saves a PNG of each one's Attributes tab. Fails if a page shows the client secret.
//
//   node take-screenshot.mjs [hawtio-url] [route-id]
//
// Defaults: http://127.0.0.1:8080/hawtio/ and office-week. Chromium: CHROMIUM (default /usr/bin/chromium, Debian's
// package "chromium"). The secret looked for: MAPIQ_CLIENT_SECRET (default the simulator's demo-secret).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const hawtio = new URL(process.argv[2] ?? 'http://127.0.0.1:8080/hawtio/');
const routeId = process.argv[3] ?? 'office-week';
const secret = process.env.MAPIQ_CLIENT_SECRET || 'demo-secret';
const here = dirname(fileURLToPath(import.meta.url));

const profile = mkdtempSync(join(tmpdir(), 'hawtio-screenshot-'));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1400, height: 900 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = browser.pages()[0] ?? await browser.newPage();
  page.setDefaultTimeout(30_000);
  await page.goto(new URL('camel', hawtio).href, { waitUntil: 'networkidle' });
  const tree = page.getByRole('tree').first();

  // Components > mapiq: the token's expiry and the totals
  await expand(tree, 'components');
  await node(tree, 'mapiq').click();
  await expectAttribute(page, 'TokenExpiresAt');
  await save(page, 'mapiq-component.png', 'TokenExpiresAt');

  // MBeans > consumers > the consumer whose RouteId is routeId: its last poll
  await expand(tree, 'MBeans');
  await expand(tree, 'consumers');
  const consumers = tree.getByText(/^MapiqPollingConsumer\(/);
  const count = await consumers.count();
  let found = false;
  for (let i = 0; i < count && !found; i++) {
    await consumers.nth(i).click();
    await expectAttribute(page, 'RouteId');
    found = (await attribute(page, 'RouteId')) === routeId;
  }
  if (!found) {
    throw new Error(`no mapiq consumer of route ${routeId} among ${count} consumers`);
  }
  await page.waitForFunction(() => !document.body.innerText.includes('LastPollEnded\tnull'));
  await save(page, 'mapiq-consumer.png', 'LastPollStarted');
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}

// The tree item labelled name: of the items holding that label, the innermost (the last in document order).
function node(tree, name) {
  return tree.getByRole('treeitem').filter({ has: tree.page().getByText(name, { exact: true }) }).last();
}

async function expand(tree, name) {
  const item = node(tree, name);
  if ((await item.getAttribute('aria-expanded')) !== 'true') {
    await item.locator('button').first().click();
  }
}

async function expectAttribute(page, name) {
  await row(page, name).waitFor();
}

function row(page, name) {
  return page.locator('tr').filter({ has: page.locator('td').getByText(name, { exact: true }) }).first();
}

async function attribute(page, name) {
  return (await row(page, name).locator('td').nth(1).innerText()).trim();
}

// Makes the window tall enough for the whole attribute table, checks that the page does not show the secret and saves
// it.
async function save(page, file, mustShow) {
  await row(page, mustShow).waitFor();
  const bottom = await page.evaluate(() => {
    const table = document.querySelector('main table') ?? document.querySelector('table');
    return Math.ceil(table.getBoundingClientRect().bottom + window.scrollY);
  });
  await page.setViewportSize({ width: 1400, height: Math.min(Math.max(bottom + 40, 900), 4000) });
  await page.waitForTimeout(500);
  const text = await page.evaluate(() => document.body.innerText);
  if (text.includes(secret)) {
    throw new Error(`${file}: the page shows the client secret`);
  }
  await page.screenshot({ path: join(here, file), fullPage: true });
  await page.setViewportSize({ width: 1400, height: 900 });
  console.log(`saved ${join(here, file)}`);
}
