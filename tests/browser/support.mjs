// What the page's tests, the screenshots script and the bench share: loading the synthetic model
// (TypeScript without runtime imports) from plain .mjs, writing a dashboard file the way `fla report`
// does (head + base64(gzip(JSON)) + tail), and launching Debian's chromium through playwright-core.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
