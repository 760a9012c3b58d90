// The page on a real `fla report` of the samples (once the data half is in the build): in every
// language it opens without a console error or a request, and without a serious axe-core violation.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs module shared with the scripts
import { CHROMIUM, HAS_FLA_REPORT, launchChromium, samplesReport } from './support.mjs';

const skipBrowser = process.env['FLA_SKIP_BROWSER'] === '1';
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

describe.skipIf(skipBrowser || !HAS_FLA_REPORT)('the samples dashboard in chromium', () => {
  let browser: { context: BrowserContext; close(): Promise<void> };
  const work = mkdtempSync(join(tmpdir(), 'fla-samples-report-'));

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`chromium is missing at ${CHROMIUM}: apt-get install -y chromium, or set FLA_SKIP_BROWSER=1`);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it.each(['nl', 'fr', 'en'])('opens the %s report of the samples cleanly, every view', async (lang) => {
    const report = samplesReport(work, lang) as { file: string } | null;
    expect(report).not.toBeNull();
    const url = pathToFileURL(report?.file ?? '').href;
    const page = await browser.context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('request', (request) => {
      if (request.url().split('#')[0] !== url) problems.push(`request: ${request.url()}`);
    });
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.locator('html').getAttribute('lang')).toBe(lang);
    expect(await page.locator('.tile').count()).toBe(12);
    const worker = await page.evaluate(() => document.querySelector('.recent a[href^="#/workers/"]')?.getAttribute('href') ?? '#/workers');
    await page.evaluate(axeSource);
    for (const hash of ['#/', '#/trainings', '#/workers', worker, '#/tiles/training-in-window']) {
      await page.evaluate((target) => (location.hash = target), hash);
      await page.waitForFunction((target) => location.hash === target && document.querySelector('main h1') !== null, hash);
      const result = await page.evaluate(async () => {
        const axe = (globalThis as unknown as { axe: { run(context: Document): Promise<{ violations: { id: string; impact: string | null }[] }> } }).axe;
        return axe.run(document);
      });
      expect(result.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id), `${lang} ${hash}`).toEqual([]);
    }
    expect(problems).toEqual([]);
    await page.close();
  });
});
