// The inline assets of the page: the compiled client (dist/dashboard/page/client, built by
// scripts/build-client.mjs) joined into one script, the stylesheet, and the CSP that allows exactly
// these two blocks by their SHA-256 and nothing else — no network, no other script or style.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { CATALOGUES } from './labels.js';
import { STYLESHEET } from './style.js';

/** The client's files in the order they are joined: declarations first, app.ts (which starts) last. */
export const CLIENT_FILES = ['base.js', 'data.js', 'search.js', 'charts.js', 'table.js', 'views.js', 'landing.js', 'trainings.js', 'workers.js', 'app.js'] as const;

export interface InlineAssets {
  readonly script: string;
  readonly style: string;
  readonly contentSecurityPolicy: string;
}

let cached: InlineAssets | null = null;

export function inlineAssets(): InlineAssets {
  cached ??= buildAssets();
  return cached;
}

function buildAssets(): InlineAssets {
  const parts = CLIENT_FILES.map((file) => readClientFile(file).replace(/^"use strict";\n/, ''));
  // One function scope for all files, so that the client adds no globals to the page.
  const script = `(() => {\n"use strict";\nconst FLA_LABELS = ${jsonForScript(CATALOGUES)};\n${parts.join('\n')}\n})();\n`;
  const style = STYLESHEET;
  const contentSecurityPolicy = [
    "default-src 'none'",
    `script-src '${sha256(script)}'`,
    `style-src '${sha256(style)}'`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return { script, style, contentSecurityPolicy };
}

function readClientFile(file: string): string {
  const url = new URL(`./client/${file}`, import.meta.url);
  try {
    return readFileSync(url, 'utf8');
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new Error(`the dashboard client ${url.pathname} is missing (${reason}): run npm run build`);
  }
}

/** The CSP source that allows exactly this inline block. */
export function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

/** JSON that cannot close the script element it sits in nor open a comment. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
