// The progress bar of CLI.md: on standard error, only on a terminal, never in CI or with --quiet,
// only for files of a few megabytes and more; and the line index it estimates bytes from.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { PROGRESS_MIN_BYTES, ProgressBar, progressFor } from '../../dist/cli/progress.js';
import { LineIndex } from '../../dist/receipt/line-index.js';
import { BIN, ROOT, tempDir } from '../helpers.js';

function terminal(isTTY = true) {
  const written: string[] = [];
  return { stream: { isTTY, columns: 80, write: (text: string) => written.push(text) > 0 }, written };
}

describe('when a bar is shown', () => {
  const big = PROGRESS_MIN_BYTES;
  it('on a terminal, outside CI, for a file of a few MB', () => {
    expect(progressFor('a.xml', big, { stream: terminal().stream, env: {} })).toBeDefined();
    expect(progressFor('a.xml', big, { stream: terminal().stream, env: { CI: 'false' } })).toBeDefined();
  });

  it('never in pipes or files, in CI, with --quiet, or for a small file', () => {
    expect(progressFor('a.xml', big, { stream: terminal(false).stream, env: {} })).toBeUndefined();
    for (const CI of ['true', '1', 'yes']) expect(progressFor('a.xml', big, { stream: terminal().stream, env: { CI } })).toBeUndefined();
    expect(progressFor('a.xml', big, { stream: terminal().stream, env: {}, quiet: true })).toBeUndefined();
    expect(progressFor('a.xml', big - 1, { stream: terminal().stream, env: {} })).toBeUndefined();
  });
});

describe('the bar', () => {
  it('draws one line in place, at most every 100 ms, within the width, and clears it at the end', () => {
    const { stream, written } = terminal();
    let now = 0;
    const bar = new ProgressBar(stream, 'q\\x1b-declarations-of-a-very-long-name-indeed-2026Q1.xml', 200e6, () => now);
    bar.update(50e6);
    now = 50;
    bar.update(60e6);
    now = 150;
    bar.update(100e6);
    expect(written).toHaveLength(2);
    expect(written[0]).toMatch(/^\r.*\[#{1,}-+\]  25% 50\.0\/200 MB\x1b\[K$/);
    expect(written[1]).toMatch(/ 50% 100\/200 MB/);
    // Within 80 columns once the escape sequences are left out.
    for (const line of written) expect(line.replace(/\r|\x1b\[K/g, '').length).toBeLessThan(80);
    bar.finish();
    expect(written.at(-1)).toBe('\r\x1b[K');
  });

  it('as fla validate draws it on a pseudo-terminal (script), and not in a pipe or in CI', () => {
    const dir = tempDir();
    try {
      const file = join(dir.path, 'large.xml');
      expect(spawnSync(process.execPath, [BIN, 'generate', '--persons', '6000', '--out', file], { cwd: ROOT }).status).toBe(0);
      const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} validate ${JSON.stringify(file)}`;
      const onTerminal = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: '' } });
      expect(onTerminal.error, 'script (util-linux) is needed').toBeUndefined();
      expect(onTerminal.status, onTerminal.stdout).toBe(0);
      expect(onTerminal.stdout).toMatch(/\rlarge\.xml \[[#-]+\] +\d+% [\d.]+\/[\d.]+ MB\x1b\[K/);
      // Cleared before the report, which reads as without a bar.
      expect(onTerminal.stdout).toMatch(/\r\x1b\[K[^\r]*large\.xml: ACCEPTED/);
      const inCi = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
      expect(inCi.stdout).not.toMatch(/%/);
      const piped = spawnSync(process.execPath, [BIN, 'validate', file], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: '' } });
      expect(piped.stderr).toBe('');
    } finally {
      dir.remove();
    }
  });
});

describe('the line index', () => {
  it('gives where a line starts, exactly at chunk bounds and closely within', () => {
    const text = Array.from({ length: 5000 }, (_, i) => `<line n="${i + 1}">${'x'.repeat(i % 37)}</line>`).join('\n');
    const bytes = Buffer.from(text);
    const index = new LineIndex();
    for (let at = 0; at < bytes.length; at += 4096) index.add(bytes.subarray(at, at + 4096));
    const starts = [0];
    for (let at = bytes.indexOf(10); at >= 0; at = bytes.indexOf(10, at + 1)) starts.push(at + 1);
    for (const line of [1, 2, 100, 2500, 4999, 5000]) expect(Math.abs(index.byteOfLine(line) - starts[line - 1]!), String(line)).toBeLessThan(4096);
    expect(index.byteOfLine(1)).toBe(0);
    expect(index.byteOfLine(10_000)).toBe(bytes.length);
  });
});
