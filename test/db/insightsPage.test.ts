// The HTML report opened in headless Chromium (Debian's, driven by playwright-core): it renders with no
// console error and no network request, draws both charts, links refused questions to the evaluation
// instructions, and a screenshot is kept in test-artifacts/ (git-ignored) for a person to look at.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insightsRows } from '../../src/db/insights.js';
import type { Sql } from '../../src/db/sql.js';
import { buildInsights } from '../../src/insights/report.js';
import { insightsHtml } from '../../scripts/lib/insightsHtml.js';
import { freshSql } from './databases.js';
import { NOW, seed } from './seed.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-artifacts');

describe('the insights page in Chromium', () => {
  let sql: Sql;
  let browser: Browser;
  beforeAll(async () => {
    // Never skipped: .ci/run installs chromium when it is missing.
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does it in CI)`);
    sql = await freshSql('pglite');
    await seed(sql);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 30_000);
  afterAll(async () => { await browser?.close(); await sql?.close(); });

  it('renders offline with both charts drawn and no console errors; screenshot kept', async () => {
    const since = new Date(NOW - 7 * 86_400_000);
    const html = insightsHtml(buildInsights(await insightsRows(sql, { since }), { since }));
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = join(ARTIFACTS, 'insights.html');
    writeFileSync(file, html);

    // A fresh profile (a new context), as with a fresh --user-data-dir.
    const context = await browser.newContext({ viewport: { width: 1100, height: 1400 } });
    const page = await context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => requests.push(r.url()));
    const url = pathToFileURL(file).href;
    await page.goto(url, { waitUntil: 'load' });
    // Browser-side code as strings: the project's TypeScript has no DOM types.
    await page.waitForFunction("document.body.dataset.charts === '2'", undefined, { timeout: 10_000 });

    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    // Drawn: each canvas has coloured pixels, not a blank surface.
    const painted = await page.evaluate<number[]>(`[...document.querySelectorAll('canvas')].map((c) => {
      const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
      let coloured = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && (data[i] !== data[i + 1] || data[i + 1] !== data[i + 2])) coloured += 1;
      return coloured;
    })`);
    expect(painted).toHaveLength(2);
    for (const n of painted) expect(n).toBeGreaterThan(500);
    expect(await page.textContent('body')).toContain('Pizza recipe?');
    const link = page.locator('a[href="#add-to-eval"]').first();
    await link.click();
    expect(await page.evaluate('location.hash')).toBe('#add-to-eval');
    await page.screenshot({ path: join(ARTIFACTS, 'insights.png'), fullPage: true });
    expect(existsSync(join(ARTIFACTS, 'insights.png'))).toBe(true);
    await context.close();
  }, 30_000);
});
