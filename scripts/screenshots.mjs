// `npm run screenshots`: the README's pictures of the dashboard, taken in Debian's chromium. From a
// report of the samples (`fla process samples/*.xml` into a fresh ledger, then `fla report` for the
// employer with the most workers) where this build has `fla report`, else from the synthetic model
// of the page's tests. Writes docs/screenshots/*.png.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchChromium, loadSyntheticModelModule, samplesReport, writeDashboard } from '../tests/browser/support.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'docs/screenshots');
const work = mkdtempSync(join(tmpdir(), 'fla-screenshots-'));

async function main() {
  let report = samplesReport(work);
  let inss = null;
  if (report === null) {
    const { syntheticModel, FRANCOIS } = await loadSyntheticModelModule();
    const file = join(work, 'synthetic.html');
    writeDashboard(syntheticModel({ workers: 400 }), file);
    report = { file, source: 'the synthetic model of tests/browser/model.ts (400 workers)' };
    inss = FRANCOIS.inss;
  }
  mkdirSync(out, { recursive: true });
  const browser = await launchChromium({ viewport: { width: 1280, height: 860 }, deviceScaleFactor: 1 });
  try {
    const page = await browser.context.newPage();
    const url = pathToFileURL(report.file).href;
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]');
    await page.screenshot({ path: join(out, 'landing.png'), fullPage: true });
    if (inss === null) {
      // The worker of the longest training: a worker with nothing declared shows empty charts.
      await page.goto(`${url}#/trainings?sort=hours&dir=desc`);
      await page.waitForSelector('table.data');
      inss = (await page.locator('table.data tbody a[href^="#/workers/"]').first().getAttribute('href')).split('/').pop();
    }
    await page.goto(`${url}#/workers/${inss}`);
    await page.waitForSelector('.worker h1');
    await page.evaluate(() => document.querySelector('details.training')?.setAttribute('open', ''));
    await page.screenshot({ path: join(out, 'worker.png'), fullPage: true });
    await page.goto(`${url}#/trainings?sort=hours&dir=desc`);
    await page.waitForSelector('table.data');
    await page.screenshot({ path: join(out, 'trainings.png') });
    await page.goto(`${url}#/`);
    await page.waitForSelector('.landing');
    await page.getByRole('searchbox', { name: /search/i }).pressSequentially(inss === null ? 'a' : 'fran');
    await page.waitForSelector('#search-results li');
    await page.screenshot({ path: join(out, 'search.png'), clip: { x: 0, y: 0, width: 1280, height: 520 } });
    console.log(`docs/screenshots/{landing,worker,trainings,search}.png from ${report.source}`);
  } finally {
    await browser.close();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
