// File names whose bytes are not UTF-8 (issue #12, item 12). Node.js decodes its arguments as
// UTF-8 and puts U+FFFD in place of such bytes, so an argument cannot carry the name itself:
// fla finds the file by a pattern over its folder, or the one file whose name decodes to the
// argument, reads it through an alias, shows the name escaped and answers beside it.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { displayName } from '../dist/answers/paths.js';
import { BIN, FIXTURES, ROOT, tempDir } from './helpers.js';

const VALID = readFileSync(join(FIXTURES, 'receipt', 'valid', 'minimal.xml'));
const dir = tempDir();
afterAll(() => dir.remove());

/** `café.xml` in Latin-1: the byte E9 alone is not UTF-8. */
const LATIN1 = Buffer.from('caf\xe9.xml', 'latin1');
const bytesOf = (name: Buffer) => Buffer.concat([Buffer.from(`${dir.path}/`), name]);

/** fla through a shell, which passes the argument's bytes as they are (printf's \ooo escapes). */
function flaBytes(args: string) {
  const run = spawnSync('sh', ['-c', `exec "$0" "$1" ${args}`, process.execPath, BIN], { cwd: dir.path, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const listing = () => readdirSync(dir.path, { encoding: 'buffer' }).map((name) => displayName(name)).sort();

describe('a name that is not UTF-8', () => {
  it('is shown with its bytes escaped, valid characters as they are', () => {
    expect(displayName(LATIN1)).toBe('caf\\xE9.xml');
    expect(displayName(Buffer.concat([Buffer.from('é'), Buffer.from([0xff]), Buffer.from('€')]))).toBe('é\\xFF€');
    // A character cut short, and an overlong form, are bytes too.
    expect(displayName(Buffer.from([0x61, 0xe2, 0x82, 0x2e, 0xc0, 0xaf]))).toBe('a\\xE2\\x82.\\xC0\\xAF');
    expect(displayName(Buffer.from('é€.xml'))).toBe('é€.xml');
  });

  it('is processed through a pattern over its folder, and answered beside it under its own bytes', () => {
    writeFileSync(bytesOf(LATIN1), VALID);
    const run = flaBytes(`process "*.xml" --db fla.sqlite --format json`);
    expect(run.code, run.stderr).toBe(0);
    const [file] = JSON.parse(run.stdout).files;
    expect(file).toMatchObject({ file: 'caf\\xE9.xml', status: 'ACCEPTED' });
    expect(listing()).toEqual(['caf\\xE9.xml', 'caf\\xE9.xml.ACRF.xml', 'caf\\xE9.xml.NOTI.xml', 'fla.sqlite'].sort());
    expect(readFileSync(bytesOf(Buffer.concat([LATIN1, Buffer.from('.ACRF.xml')])), 'utf8')).toContain('<FileName>caf\\xE9.xml</FileName>');
  });

  it('named as an argument (which arrives with U+FFFD), is the one file whose name decodes to it', () => {
    const run = flaBytes(`validate "$(printf 'caf\\351.xml')"`);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^caf\\xE9\.xml: ACCEPTED/m);
    // Processed again: refused as already received, under the same name.
    const again = flaBytes(`process "$(printf 'caf\\351.xml')" --db fla.sqlite --format json`);
    expect(JSON.parse(again.stdout).files[0].findings.map((f: { code: string }) => f.code)).toEqual(['ACRF-133']);
  });

  it('a clear coded line where no file, or more than one, decodes to the argument', () => {
    const none = flaBytes(`validate "$(printf 'tea\\351.xml')"`);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^fla: FLA_ERR_READ: cannot read tea\uFFFD\.xml: the name holds bytes that are not UTF-8, which Node\.js replaces \(with U\+FFFD\) before fla sees them, .*name it with a pattern over its folder instead/);
    writeFileSync(bytesOf(Buffer.from('caf\xe8.xml', 'latin1')), VALID);
    const two = flaBytes(`validate "$(printf 'caf\\351.xml')"`);
    expect(two.code).toBe(2);
    expect(two.stderr).toMatch(/^fla: FLA_ERR_READ: cannot tell which file caf\uFFFD\.xml names: .*2 files read so \(caf\\xE8\.xml, caf\\xE9\.xml\)/);
    // A pattern takes them both, and leaves out the answers.
    const both = flaBytes(`validate "caf*" --format json`);
    expect(JSON.parse(both.stdout).files.map((f: { file: string }) => f.file)).toEqual(['caf\\xE8.xml', 'caf\\xE9.xml']);
  });
});
