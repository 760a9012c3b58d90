// The dashboard page's shell, without a browser: the CSP allows exactly the inline blocks, the data
// cannot break out of its element, every tile id has its labels, the --sender index escapes.
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { indexPage, pageShell } from '../dist/dashboard/page/index.js';
import { CATALOGUES, TILE_IDS, label } from '../dist/dashboard/page/labels.js';
import { CLIENT_FILES, jsonForScript } from '../dist/dashboard/page/assets.js';
import { syntheticModel } from './browser/model.js';

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

function policyOf(html: string): Map<string, string[]> {
  const content = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
  return new Map(content.split(/;\s*/).map((directive) => {
    const [name, ...values] = directive.split(' ');
    return [name ?? '', values];
  }));
}

describe('pageShell', () => {
  const shell = pageShell({ lang: 'fr', title: 'Rapport <FLA> & "co"' });
  const page = `${shell.head}QUJD${shell.tail}`;

  it('allows only its own inline script and style, by hash, and no network at all', () => {
    const policy = policyOf(page);
    const scripts = [...page.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1] ?? '');
    const styles = [...page.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => match[1] ?? '');
    expect(scripts).toHaveLength(1);
    expect(styles).toHaveLength(1);
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual([sha256(scripts[0] ?? '')]);
    expect(policy.get('style-src')).toEqual([sha256(styles[0] ?? '')]);
    expect(policy.get('img-src')).toEqual(['data:']);
    expect(policy.has('connect-src')).toBe(false);
    expect(page).not.toMatch(/unsafe-inline|unsafe-eval/);
    // The only URL in the page is the SVG namespace, a name that is never fetched.
    expect(page.match(/https?:\/\/[^'"\s)]*/g)).toEqual(['http://www.w3.org/2000/svg']);
  });

  it('puts the data in a non-executable element before the client, which runs after it', () => {
    expect(shell.head.endsWith('<script id="fla-data" type="application/octet-stream">')).toBe(true);
    expect(shell.tail.startsWith('</script>')).toBe(true);
    expect(page.indexOf('fla-data')).toBeLessThan(page.indexOf('<script>'));
  });

  it('escapes the title and speaks the given language before the data is read', () => {
    expect(shell.head).toContain('<title>Rapport &#60;FLA&#62; &#38; &#34;co&#34;</title>');
    expect(shell.head).toContain('<html lang="fr">');
    expect(shell.head).toContain(label('fr', 'app.loading'));
  });

  it('inlines a client that cannot close its own script element', () => {
    const script = /<script>([\s\S]*?)<\/script>/.exec(page)?.[1] ?? '';
    expect(script.toLowerCase()).not.toContain('</script');
    expect(script).toContain('const FLA_LABELS = ');
    expect(jsonForScript({ text: '</script><!--' })).toBe('{"text":"\\u003c/script>\\u003c!--"}');
  });

  it('inlines every file of the client, app.js (which starts it) last', () => {
    const sources = readdirSync(new URL('../src/dashboard/page/client/', import.meta.url)).filter((name) => name.endsWith('.ts'));
    expect([...CLIENT_FILES].sort()).toEqual(sources.map((name) => name.replace(/\.ts$/, '.js')).sort());
    expect(CLIENT_FILES.at(-1)).toBe('app.js');
  });

  it('is the same shell for every call, so a writer can stream many files', () => {
    expect(pageShell({ lang: 'fr', title: 'Rapport <FLA> & "co"' })).toEqual(shell);
  });

  it('carries a model as base64 of gzip that round-trips', () => {
    const model = syntheticModel({ workers: 30 });
    const data = gzipSync(JSON.stringify(model)).toString('base64');
    const written = pageShell({ lang: model.lang, title: 'x' }).head + data + shell.tail;
    const embedded = /<script id="fla-data" type="application\/octet-stream">([^<]*)<\/script>/.exec(written)?.[1] ?? '';
    expect(JSON.parse(gunzipSync(Buffer.from(embedded, 'base64')).toString('utf8'))).toEqual(model);
  });
});

describe('labels', () => {
  it('have a label and a help text for every tile id of the data half, in nl, fr and en', () => {
    for (const lang of ['nl', 'fr', 'en'] as const) {
      const catalogue: Record<string, string> = CATALOGUES[lang];
      for (const id of TILE_IDS) {
        expect(catalogue[`tile.${id}`], `${lang} ${id}`).toBeTruthy();
        expect(catalogue[`tile.${id}.help`], `${lang} ${id} help`).toBeTruthy();
      }
    }
  });

  it('have the same keys and the same placeholders in every language', () => {
    const keys = Object.keys(CATALOGUES.en).sort();
    for (const lang of ['nl', 'fr'] as const) {
      expect(Object.keys(CATALOGUES[lang]).sort()).toEqual(keys);
      for (const key of keys) {
        const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();
        const catalogue: Record<string, string> = CATALOGUES[lang];
        const english: Record<string, string> = CATALOGUES.en;
        expect(placeholders(catalogue[key] ?? ''), `${lang} ${key}`).toEqual(placeholders(english[key] ?? ''));
      }
    }
  });

  it('cover every tile the synthetic model (like the data half) emits', () => {
    const ids = syntheticModel({ workers: 5 }).tiles.map((tile) => tile.id);
    expect([...ids].sort()).toEqual([...TILE_IDS].sort());
  });
});

describe('indexPage', () => {
  it('links every employer file with escaped names, a CSP and no script', () => {
    const html = indexPage(
      [
        { companyId: '0123456749', companyName: 'A & <B>', file: 'fla-0123456749.html', workers: 1200 },
        { companyId: '0987654321', companyName: null, file: 'fla "x".html', workers: 3 },
      ],
      'nl',
    );
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('<a href="fla-0123456749.html">A &#38; &#60;B&#62; (0123456749)</a> <span title="1.200 werknemers">(1.200)</span>');
    expect(html).toContain('href="fla%20%22x%22.html"');
    expect(html).toContain('Werkgever 0987654321');
    expect(html).not.toContain('<script');
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    expect(policyOf(html).get('style-src')).toEqual([sha256(style)]);
  });
});
