// What the page's tests, the screenshots script and the bench share: loading the synthetic model
// (TypeScript without runtime imports) from plain .mjs, writing a dashboard file the way `fla report`
// does (head + base64(gzip(JSON)) + tail), and launching Debian's chromium through playwright-core.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import ts from 'typescript';
import { chromium } from 'playwright-core';
import { pageShell } from '../../dist/dashboard/page/index.js';

export const CHROMIUM = process.env.FLA_CHROMIUM ?? '/usr/bin/chromium';

/** tests/browser/model.ts as a module, for scripts that run without vitest. */
export async function loadSyntheticModelModule() {
  const source = readFileSync(new URL('./model.ts', import.meta.url), 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
  return import(`data:text/javascript;base64,${Buffer.from(outputText).toString('base64')}`);
}

/** The page bytes of a model, as src/dashboard/write.ts writes them (zlib's default level). */
export function dashboardHtml(model, title = `FLA ${model.companyId}`) {
  const shell = pageShell({ lang: model.lang, title });
  const data = gzipSync(Buffer.from(JSON.stringify(model))).toString('base64');
  return shell.head + data + shell.tail;
}

export function writeDashboard(model, file) {
  const html = dashboardHtml(model);
  writeFileSync(file, html);
  return Buffer.byteLength(html);
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A fresh profile each time, removed on close. */
export async function launchChromium(contextOptions = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'fla-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    ...contextOptions,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Whether this build has `fla report` (the data half of the dashboard). */
export const HAS_FLA_REPORT = existsSync(join(root, 'dist/cli/report.js'));

/**
 * The samples' dashboard as `fla report` writes it: every sample processed into a fresh ledger in
 * `work`, then the report of the employer with the most workers, as of 2026-06-30. Null where this
 * build has no `fla report`.
 */
export function samplesReport(work, lang = 'en') {
  if (!HAS_FLA_REPORT) return null;
  const fla = (...args) => execFileSync(process.execPath, [join(root, 'bin/fla'), ...args], { cwd: work, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const db = join(work, 'samples.sqlite');
  if (!existsSync(db)) {
    const samples = readdirSync(join(root, 'samples')).filter((name) => name.endsWith('.xml')).map((name) => join(root, 'samples', name));
    try {
      fla('process', ...samples, '--db', db, '--out', join(work, 'answers'));
    } catch (error) {
      // Exit 1 is a sample with anomalies, as some are meant to have: the accepted parts are applied.
      if (error.status !== 1) throw error;
    }
  }
  const workersPerCompany = new Map();
  for (const entry of JSON.parse(fla('counters', '--db', db, '--format', 'json')).counters) {
    workersPerCompany.set(entry.CompanyID, (workersPerCompany.get(entry.CompanyID) ?? 0) + 1);
  }
  const company = [...workersPerCompany.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (company === undefined) return null;
  const file = join(work, `samples-${lang}.html`);
  fla('report', '--db', db, '--company', company, '--lang', lang, '--as-of', '2026-06-30', '--out', file);
  return { file, company, source: `the samples, employer ${company}` };
}
