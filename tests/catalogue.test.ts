// Keeps the catalogue, its fixtures, its translations and its docs in step.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../dist/rules/registry.js';
import { renderRulesMarkdown } from '../dist/rules/docs.js';
import { CATALOGUES, placeholders } from '../dist/messages/catalogue.js';
import { FIXTURES, ROOT } from './helpers.js';

const LANGS = ['en', 'nl', 'fr'] as const;
const SECTIONS = ['declaration', 'person', 'right', 'training', 'ledger'];

describe('the rule catalogue', () => {
  it('has no duplicated code', () => {
    const codes = RULES.map((r) => r.meta.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('registers every rule module of src/rules/, each opening with the RULES.md clause it implements', () => {
    const modules = SECTIONS.flatMap((s) => readdirSync(join(ROOT, 'src', 'rules', s)).filter((f) => f.endsWith('.ts') && f !== 'index.ts' && f !== 'support.ts').map((f) => join(s, f)));
    expect(modules.length).toBe(RULES.length);
    for (const module of modules) {
      const source = readFileSync(join(ROOT, 'src', 'rules', module), 'utf8');
      expect(source.split('\n')[0], module).toMatch(/^\/\/ RULES\.md "[^"]+" \d{5}-\d{3}: /);
      const code = /(\d{5}-\d{3})/.exec(source.split('\n')[0]!)![1];
      expect(source, module).toContain(`code: '${code}'`);
    }
  });

  for (const rule of RULES) {
    const { code, messages } = rule.meta;
    it(`${code}: a description and every message in nl, fr and en, with the same placeholders`, () => {
      for (const id of ['description', ...messages]) {
        const en = CATALOGUES.en[code]?.[id];
        expect(en, `${code}.${id} (en)`).toBeTypeOf('string');
        for (const lang of LANGS) {
          const text = CATALOGUES[lang][code]?.[id];
          expect(text, `${code}.${id} (${lang})`).toBeTypeOf('string');
          expect(placeholders(text!), `${code}.${id} (${lang}) placeholders`).toEqual(placeholders(en!));
        }
      }
      for (const lang of LANGS) expect(Object.keys(CATALOGUES[lang][code] ?? {}).sort()).toEqual(['description', ...messages].sort());
    });

    if (rule.meta.layer === 'rules') {
      it(`${code}: has a fixture that raises it and a near-miss that does not`, () => {
        const folder = join(FIXTURES, 'rules', code);
        expect(existsSync(folder), folder).toBe(true);
        const xml = readdirSync(folder).filter((f) => f.endsWith('.xml'));
        const raising = xml.filter((f) => existsSync(join(folder, f.replace(/\.xml$/, '.expected.json'))));
        expect(raising.length, 'fixtures with an .expected.json').toBeGreaterThan(0);
        expect(xml.length - raising.length, 'near-miss fixtures').toBeGreaterThan(0);
        for (const f of raising) expect(JSON.parse(readFileSync(join(folder, f.replace(/\.xml$/, '.expected.json')), 'utf8')).length).toBeGreaterThan(0);
      });
    }
  }

  it('has no message catalogue entry without a rule or receipt code behind it', () => {
    const known = new Set([...RULES.map((r) => r.meta.code)]);
    for (const lang of LANGS) {
      for (const code of Object.keys(CATALOGUES[lang])) if (!code.startsWith('ACRF-')) expect(known.has(code), `${lang}: ${code}`).toBe(true);
    }
  });

  it('docs/rules.md is up to date (regenerate with `fla rules --format md`)', () => {
    expect(readFileSync(join(ROOT, 'docs', 'rules.md'), 'utf8')).toBe(renderRulesMarkdown(RULES));
  });
});
