// fla.config.json and FLA_* variables: a wrong key, type or value is an error that names where it is.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveSettings } from '../../src/cli/config.js';
import { tempDir } from '../helpers.js';

const dir = tempDir();
afterAll(() => dir.remove());

function withFile(content: unknown, flags = {}, env: NodeJS.ProcessEnv = {}) {
  const path = join(dir.path, 'fla.config.json');
  writeFileSync(path, JSON.stringify(content));
  return resolveSettings(flags, env, path);
}

function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return `${(error as { code: string }).code}: ${(error as Error).message}`;
  }
  return 'no error';
}

describe('resolveSettings', () => {
  it('takes a well-typed file', () => {
    expect(withFile({ lang: 'nl', format: 'json', maxFindings: 2, maxFileBytes: 1000, db: 'x.sqlite' })).toEqual({ lang: 'nl', format: 'json', maxFindings: 2, maxFileBytes: 1000, db: 'x.sqlite' });
  });

  it('refuses keys that every object has but no setting is', () => {
    for (const key of ['constructor', 'toString', 'hasOwnProperty', '__proto__']) {
      expect(errorOf(() => withFile(JSON.parse(`{"${key}": 1}`)))).toMatch(new RegExp(`^FLA_ERR_CONFIG: .*fla\\.config\\.json: unknown key "${key}"`));
    }
  });

  it('refuses a wrong value or type in the file with FLA_ERR_CONFIG, naming the file and key', () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ lang: 'de' }, '"lang" must be one of nl, fr, en (got "de")'],
      [{ format: 1 }, '"format" must be one of text, json, junit, sarif, github (got 1)'],
      [{ db: 5 }, '"db" must be a path, as a non-empty JSON string (got 5)'],
      [{ db: {} }, '"db" must be a path, as a non-empty JSON string (got {})'],
      [{ db: null }, '"db" must be a path, as a non-empty JSON string (got null)'],
      [{ maxFindings: true }, '"maxFindings" must be a positive whole number, as a JSON number (got true)'],
      [{ maxFindings: '2' }, '"maxFindings" must be a positive whole number, as a JSON number (got "2")'],
      [{ maxFileBytes: 1.5 }, '"maxFileBytes" must be a positive whole number, as a JSON number (got 1.5)'],
    ];
    for (const [content, message] of cases) expect(errorOf(() => withFile(content))).toBe(`FLA_ERR_CONFIG: ${join(dir.path, 'fla.config.json')}: ${message}`);
  });

  it('names the environment variable for a wrong FLA_* value, and the flag for a wrong flag', () => {
    expect(errorOf(() => withFile({}, {}, { FLA_LANG: 'de' }))).toBe('FLA_ERR_CONFIG: FLA_LANG must be one of nl, fr, en (got "de")');
    expect(errorOf(() => withFile({}, {}, { FLA_MAX_FINDINGS: 'abc' }))).toBe('FLA_ERR_CONFIG: FLA_MAX_FINDINGS must be a positive whole number (got "abc")');
    expect(errorOf(() => withFile({}, {}, { FLA_MAX_FILE_BYTES: '0x10' }))).toBe('FLA_ERR_CONFIG: FLA_MAX_FILE_BYTES must be a positive whole number (got "0x10")');
    expect(errorOf(() => withFile({}, {}, { FLA_DB: '' }))).toBe('FLA_ERR_CONFIG: FLA_DB must be a path, not empty (got "")');
    expect(errorOf(() => withFile({}, { maxFindings: 'many' }))).toBe('FLA_ERR_USAGE: --max-findings must be a positive whole number (got "many")');
  });

  it('takes flags, then variables, then the file, and still refuses a wrong value that is overridden', () => {
    expect(withFile({ lang: 'nl' }, {}, { FLA_LANG: 'fr' }).lang).toBe('fr');
    expect(withFile({ maxFindings: 5 }, { maxFindings: '7' }, { FLA_MAX_FINDINGS: '3' }).maxFindings).toBe(7);
    expect(withFile({ maxFindings: 5 }).maxFindings).toBe(5);
    expect(errorOf(() => withFile({ lang: 'de' }, {}, { FLA_LANG: 'fr' }))).toMatch(/^FLA_ERR_CONFIG: .*"lang" must be one of/);
    expect(errorOf(() => withFile({}, { lang: 'fr' }, { FLA_LANG: 'de' }))).toMatch(/^FLA_ERR_CONFIG: FLA_LANG must be one of/);
  });
});
