// The dashboard page in a real browser: Debian's chromium driven by playwright-core, the file opened
// from file:// as a person would. Fails (does not skip) when chromium is missing, unless
// FLA_SKIP_BROWSER=1.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardModel, Lang } from '../../src/dashboard/model.js';
import { FRANCOIS, syntheticModel } from './model.js';
// @ts-expect-error: a plain .mjs module shared with the scripts
import { CHROMIUM, dashboardHtml, launchChromium } from './support.mjs';

const skipBrowser = process.env['FLA_SKIP_BROWSER'] === '1';
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** playwright-core has no web-first assertions: vitest's expect.poll retries these instead. */
function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element === document.activeElement);
}

interface Opened {
  readonly page: Page;
  readonly url: string;
  /** Console messages of type error or warning, uncaught errors, and every request not for the file. */
  readonly problems: string[];
}

describe.skipIf(skipBrowser)('dashboard page in chromium', () => {
  let browser: { context: BrowserContext; close(): Promise<void> };
  let folder: string;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`chromium is missing at ${CHROMIUM}: apt-get install -y chromium (as .ci/run does), or set FLA_SKIP_BROWSER=1`);
    }
    folder = mkdtempSync(join(tmpdir(), 'fla-dashboard-'));
    browser = await launchChromium({ viewport: { width: 1280, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
  });

  function writeModel(name: string, model: DashboardModel): string {
    const file = join(folder, name);
    writeFileSync(file, dashboardHtml(model));
    return pathToFileURL(file).href;
  }

  async function open(model: DashboardModel, hash = '', name = `${model.lang}.html`): Promise<Opened> {
    const url = writeModel(name, model);
    const page = await browser.context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('request', (request) => {
      if (request.url().split('#')[0] !== url) problems.push(`request: ${request.url()}`);
    });
    // Any request that is not the file itself fails, so that a forgotten one cannot go unseen.
    await page.route('**/*', (route) => (route.request().url().split('#')[0] === url ? route.continue() : route.abort()));
    await page.goto(url + hash);
    await page.waitForSelector('body[data-ready="true"]');
    return { page, url, problems };
  }

  async function axeViolations(page: Page): Promise<string[]> {
    // Through the DevTools protocol, which the page's CSP does not govern: the page itself is untouched.
    await page.evaluate(axeSource);
    const result = await page.evaluate(async () => {
      const axe = (globalThis as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown }[] }[] }> } }).axe;
      return axe.run(document, { resultTypes: ['violations'] });
    });
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id} (${violation.impact}): ${JSON.stringify(violation.nodes.map((node) => node.target).slice(0, 3))}`);
  }

  it('opens from file:// with every tile, no console error and no request', async () => {
    const model = syntheticModel({ workers: 200 });
    const { page, problems } = await open(model);
    await expect.poll(() => page.locator('.tile').count()).toBe(model.tiles.length);
    await expect.poll(() => page.locator('.tile-progress').first().textContent()).toContain('Legal right declared this year');
    const declared = model.tiles.find((tile) => tile.id === 'legal-right-declared');
    expect(declared?.total).toBe(200);
    await expect.poll(() => page.locator('a[href="#/tiles/legal-right-declared"] .tile-value').textContent()).toBe(`${Math.round(((declared?.value ?? 0) / 200) * 100)}%`);
    await expect.poll(() => page.locator('a[href="#/tiles/workers"] .tile-value').textContent()).toBe('200');
    await expect.poll(() => page.locator('figure.chart svg[role="img"]').count()).toBe(2);
    await expect.poll(() => page.locator('figure.chart details table').first().count()).toBeGreaterThan(0);
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toContain("default-src 'none'");
    expect(problems).toEqual([]);
    await page.close();
  });

  it('lists the workers of the window on the landing view, 50 a page, with their credit by type', async () => {
    const model = syntheticModel({ workers: 120 });
    const { page, problems } = await open(model);
    const rows = page.locator('.landing table.data tbody tr');
    await expect.poll(() => rows.count()).toBe(50);
    const headers = await page.locator('.landing table.data thead th').allTextContents();
    expect(headers.map((text) => text.replace(/[▲▼]/g, '').trim())).toEqual(['Name', 'INSZ', 'Remaining credit', 'Used: Legal', 'Used: Sector', 'Used: Employer', 'Uncovered hours']);
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect.poll(() => page.url()).toMatch(/#\/\?page=2$/);
    await expect.poll(() => page.locator('.landing .pager span').textContent()).toContain('Rows 51–100 of 120');
    await expect.poll(() => isFocused(page.getByRole('button', { name: 'Next page' }))).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('lists the workers still to act on when a progress tile is clicked', async () => {
    const model = syntheticModel({ workers: 120 });
    const { page, problems } = await open(model);
    await page.click('a[href="#/tiles/training-in-window"]');
    await expect.poll(() => page.url()).toMatch(/#\/tiles\/training-in-window$/);
    const open_ = model.tiles.find((tile) => tile.id === 'training-in-window')?.inss ?? [];
    expect(open_.length).toBeGreaterThan(0);
    await expect.poll(() => page.locator('table.data tbody tr').count()).toBe(Math.min(50, open_.length));
    await expect.poll(() => page.locator('h1').textContent()).toBe('A training in the window');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('finds FRANÇOIS by "francois", by name parts and by INSZ with or without separators', async () => {
    const { page, problems } = await open(syntheticModel({ workers: 500 }));
    const search = page.getByRole('searchbox', { name: 'Search a worker' });
    for (const query of ['francois', 'FRANÇ', 'lefevre franc', '85073003328', '85.07.30-033.28', '85 07 30 033 28', '850730']) {
      await search.fill(query);
      await expect.poll(() => page.locator('#search-results a').first().textContent(), query).toContain(`${FRANCOIS.name}, ${FRANCOIS.firstName}`);
    }
    await search.fill('zzzz');
    await expect.poll(() => page.locator('#search-results').textContent()).toContain('No worker found');
    await search.fill('francois');
    await search.press('ArrowDown');
    await expect.poll(() => isFocused(page.locator('#search-results a').first())).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toMatch(new RegExp(`#/workers/${FRANCOIS.inss}$`));
    await expect.poll(() => page.locator('h1').textContent()).toBe(`${FRANCOIS.firstName} ${FRANCOIS.name}`);
    await expect.poll(() => isFocused(page.locator('h1'))).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('opens a deep link to a worker, and back and forward move between views', async () => {
    const model = syntheticModel({ workers: 100 });
    const { page, problems } = await open(model, `#/workers/85.07.30-033.28`);
    await expect.poll(() => page.locator('h1').textContent()).toBe(`${FRANCOIS.firstName} ${FRANCOIS.name}`);
    await expect.poll(() => page.locator('svg.arc').getAttribute('aria-label')).toMatch(/remaining/);
    await expect.poll(() => page.locator('table.history').first().textContent()).toContain('Created');
    await page.getByRole('link', { name: 'Trainings', exact: true }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Trainings');
    await page.getByRole('button', { name: 'Hours' }).click();
    await expect.poll(() => page.url()).toMatch(/#\/trainings\?sort=hours$/);
    await expect.poll(() => page.locator('th[aria-sort="ascending"]').textContent()).toMatch(/Hours/);
    await page.goBack();
    await expect.poll(() => page.url()).toMatch(/#\/trainings$/);
    await expect.poll(() => page.locator('th[aria-sort="ascending"]').count()).toBe(0);
    await page.goBack();
    await expect.poll(() => page.locator('h1').textContent()).toBe(`${FRANCOIS.firstName} ${FRANCOIS.name}`);
    await page.goForward();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Trainings');
    await page.goto(`${page.url().split('#')[0]}#/workers/00000000000`);
    await expect.poll(() => page.locator('main').textContent()).toContain('No worker with INSZ');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('scales the chart of a worker without training to whole hours', async () => {
    const base = syntheticModel({ workers: 20 });
    const worker = base.workers[0]!;
    const idle = {
      ...worker,
      types: { LEGAL: { granted: 4000, used: 0, remaining: 4000 }, SECTOR: { granted: 0, used: 0, remaining: 0 }, EMPLOYER: { granted: 0, used: 0, remaining: 0 } },
      years: { '2026': { LEGAL: { granted: 4000, used: 0 } } },
    };
    const model = { ...base, workers: [idle, ...base.workers.slice(1)], trainings: base.trainings.filter((training) => training.inss !== idle.inss) };
    const { page, problems } = await open(model, `#/workers/${idle.inss}`, 'idle.html');
    await expect.poll(() => page.locator('h1').textContent()).toBe(`${idle.firstName} ${idle.name}`);
    const labels = await page.locator('figure.chart svg text.axis').allTextContents();
    expect(labels).toEqual(expect.arrayContaining(['0 h', '1 h', '2 h', '3 h', '4 h']));
    expect(labels.join(' ')).not.toContain('0.01');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('sorts and filters all trainings', async () => {
    const model = syntheticModel({ workers: 150 });
    const { page, problems } = await open(model, '#/trainings');
    await page.getByRole('button', { name: 'Hours' }).click();
    await page.getByRole('button', { name: 'Hours' }).click();
    await expect.poll(() => page.url()).toMatch(/sort=hours&dir=desc/);
    const hours = Math.max(...model.trainings.map((training) => training.hours)) / 100;
    await expect.poll(() => page.locator('table.data tbody tr').first().locator('td').nth(5).textContent()).toBe(`${hours} h`);
    await page.getByRole('searchbox', { name: 'Filter' }).fill('lefevre');
    const lefevres = model.trainings.filter((training) => model.workers.some((worker) => worker.inss === training.inss && /lef[eè]vre/i.test(worker.name)));
    await expect.poll(() => page.locator('.count').textContent()).toBe(`${lefevres.length} of ${model.trainings.length} trainings`);
    await expect.poll(() => page.url()).toMatch(/q=lefevre/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it.each<[Lang, string, string]>([
    ['nl', 'Overzicht', 'Wettelijk recht aangegeven dit jaar'],
    ['fr', "Vue d'ensemble", 'Droit légal déclaré cette année'],
    ['en', 'Overview', 'Legal right declared this year'],
  ])('speaks the file language %s', async (lang, overview, tile) => {
    const model = syntheticModel({ workers: 1200, lang });
    const { page, problems } = await open(model);
    expect(await page.locator('html').getAttribute('lang')).toBe(lang);
    await expect.poll(() => page.getByRole('navigation', { name: lang === 'en' ? 'Main' : undefined }).getByRole('link').first().textContent()).toBe(overview);
    await expect.poll(() => page.locator('.tile-progress .tile-label').first().textContent()).toBe(tile);
    // Intl number formats: 1,200 in English, 1.200 in Dutch, 1 200 (narrow no-break space) in French.
    const expected = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : `${lang}-BE`).format(1200);
    await expect.poll(() => page.locator('a[href="#/tiles/workers"] .tile-value').textContent()).toBe(expected);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('switches language in the page', async () => {
    const { page, problems } = await open(syntheticModel({ workers: 50, lang: 'nl' }), '#/trainings');
    await page.getByLabel('Taal').selectOption('fr');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Formations');
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await expect.poll(() => page.title()).toMatch(/Tableau de bord/);
    await page.getByLabel('Langue').selectOption('en');
    await expect.poll(() => page.locator('nav.site a').first().textContent()).toBe('Overview');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('has no serious or critical axe-core violation in any view', async () => {
    const { page, problems } = await open(syntheticModel({ workers: 300 }));
    for (const hash of ['#/', '#/trainings', '#/workers', `#/workers/${FRANCOIS.inss}`, '#/tiles/uncovered-hours', '#/tiles/trainings-late', '#/trainings/TR-000000-1']) {
      await page.evaluate((target) => (location.hash = target), hash);
      // The landing view draws its workers table just after the rest: check it too.
      await page.waitForFunction((target) => location.hash === target && document.querySelector('main h1') !== null && (document.querySelector('.landing') === null || document.querySelector('.landing table.data') !== null), hash);
      expect(await axeViolations(page), hash).toEqual([]);
    }
    await page.getByRole('searchbox').fill('a');
    expect(await axeViolations(page), 'search results open').toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('works by keyboard: the skip link focuses the content', async () => {
    const { page } = await open(syntheticModel({ workers: 20 }));
    await page.keyboard.press('Tab');
    await expect.poll(() => isFocused(page.locator('a.skip'))).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => isFocused(page.locator('main'))).toBe(true);
    expect(page.url()).not.toContain('#content');
    await page.close();
  });

  it('prints without the navigation and with the charts tables open', async () => {
    const { page } = await open(syntheticModel({ workers: 40 }));
    await page.emulateMedia({ media: 'print' });
    await expect.poll(() => page.locator('nav.site').isVisible()).toBe(false);
    await expect.poll(() => page.locator('form.search').isVisible()).toBe(false);
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await expect.poll(() => page.locator('figure.chart details table').first().isVisible()).toBe(true);
    await page.close();
  });

  it('shows names as text, never as markup', async () => {
    const model = syntheticModel({ workers: 5 });
    const hostile = { ...model, workers: model.workers.map((worker, index) => (index === 1 ? { ...worker, firstName: '<img src=x onerror="document.title=1">', name: '"><script>alert(1)</script>' } : worker)) };
    const { page, problems } = await open(hostile, '#/workers');
    await expect.poll(() => page.locator('table.data').textContent()).toContain('<img src=x');
    await expect.poll(() => page.locator('main img').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('says so, without an error, when the embedded data is damaged', async () => {
    const url = writeModel('broken.html', syntheticModel({ workers: 3 }));
    const file = new URL(url);
    const html = readFileSync(file, 'utf8').replace(/(<script id="fla-data" type="application\/octet-stream">)[^<]{20}/, '$1AAAA');
    writeFileSync(file, html);
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('cannot be read');
    expect(errors).toEqual([]);
    await page.close();
  });
});
