// The file arguments of validate and process: globs in every spelling a shell or a CI job passes.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandInputs } from '../../src/cli/inputs.js';

const root = mkdtempSync(join(tmpdir(), 'fla-inputs-'));
const here = process.cwd();

beforeAll(() => {
  mkdirSync(join(root, 'work', 'sub'), { recursive: true });
  mkdirSync(join(root, 'work', 'deep', 'er'), { recursive: true });
  for (const file of ['sub/a.xml', 'sub/b.xml', 'sub/.hidden.xml', 'deep/er/c.xml', 'q[1].xml', 'q1.xml']) writeFileSync(join(root, 'work', file), '<x/>');
  symlinkSync(join(root, 'work', 'sub', 'a.xml'), join(root, 'work', 'sub', 'link.xml'));
  // Forks, not threads (vitest.config.ts): this process may change its directory.
  process.chdir(join(root, 'work'));
});

afterAll(() => {
  process.chdir(here);
  rmSync(root, { recursive: true, force: true });
});

const code = (args: readonly string[]) => expandInputs(args).then(
  () => 'expanded',
  (error: { code: string; message: string }) => `${error.code}: ${error.message}`,
);

describe('expandInputs', () => {
  it('expands a glob however its directory is spelt: ./, ../, //, absolute', async () => {
    const files = ['sub/a.xml', 'sub/b.xml', 'sub/link.xml'];
    expect(await expandInputs(['sub/*.xml'])).toEqual(files);
    expect(await expandInputs(['./sub/*.xml'])).toEqual(files);
    expect(await expandInputs(['sub//*.xml'])).toEqual(files);
    expect(await expandInputs(['sub/./*.xml'])).toEqual(files);
    expect(await expandInputs(['../work/sub/*.xml'])).toEqual(files.map((f) => `../work/${f}`));
    expect(await expandInputs(['deep/../sub/*.xml'])).toEqual(files);
    expect(await expandInputs([join(root, 'work', 'sub', '*.xml')])).toEqual(files.map((f) => join(root, 'work', f)));
    expect(await expandInputs(['**/c.xml'])).toEqual(['deep/er/c.xml']);
    expect(await expandInputs(['*/er/*.xml'])).toEqual(['deep/er/c.xml']);
  });

  it('matches symbolic links to files, and hidden files only when the pattern starts with a dot', async () => {
    expect((await expandInputs(['sub/*.xml'])).map((f) => basename(f))).toContain('link.xml');
    expect(await expandInputs(['sub/.*.xml'])).toEqual(['sub/.hidden.xml']);
  });

  it('takes an existing file literally, and reads [...] as a class otherwise', async () => {
    expect(await expandInputs(['q[1].xml'])).toEqual(['q[1].xml']);
    expect(await expandInputs(['q[0-9].xml'])).toEqual(['q1.xml']);
    expect(await expandInputs(['q[[]1].xml'])).toEqual(['q[1].xml']);
    expect(await expandInputs(['sub/[!a].xml'])).toEqual(['sub/b.xml']);
  });

  it('refuses a pattern that is not one with FLA_ERR_USAGE, and one that matches nothing with FLA_ERR_NO_INPUT', async () => {
    expect(await code(['q[.xml'])).toMatch(/^FLA_ERR_USAGE: no file q\[\.xml, and it is not a valid glob/);
    expect(await code(['q[z-a].xml'])).toMatch(/^FLA_ERR_USAGE: /);
    expect(await code(['nowhere/q[.xml'])).toMatch(/^FLA_ERR_USAGE: /);
    expect(await code(['sub/*.txt'])).toBe('FLA_ERR_NO_INPUT: no file matches sub/*.txt');
  });

  it('refuses a named file that is missing or not a regular file with FLA_ERR_READ, whatever comes after it', async () => {
    expect(await code(['sub/a.xml', 'nosuch.xml', 'sub/b.xml'])).toBe('FLA_ERR_READ: cannot read nosuch.xml: ENOENT; nothing was processed');
    expect(await code(['sub/a.xml', 'sub', 'sub/*.txt'])).toBe('FLA_ERR_READ: sub is not a regular file; nothing was processed');
  });

  it('lists each file once, where it first appears', async () => {
    expect(await expandInputs(['sub/b.xml', 'sub/*.xml', './sub/a.xml', 'sub/b.xml', join(root, 'work', 'sub', 'a.xml')])).toEqual(['sub/b.xml', 'sub/a.xml', 'sub/link.xml']);
  });
});
