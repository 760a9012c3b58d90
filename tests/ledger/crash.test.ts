// Kills `fla process` with SIGKILL at random instants: the ledger must always equal the state
// before the file or the state after it, never something between (one transaction per file).
// FLA_CRASH_RUNS sets the number of kills (default 50).
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, dumpLedger as dump, tempDir } from '../helpers.js';

const RUNS = Number(process.env.FLA_CRASH_RUNS ?? 50);
function fla(args: readonly string[]): void {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0 && r.status !== 1) throw new Error(`fla ${args.join(' ')}: ${r.stderr}`);
}

describe('crash safety of fla process', () => {
  const dir = tempDir();
  const base = join(dir.path, 'base.sqlite');
  const file = join(dir.path, 'batch.xml');
  let before = '';
  let after = '';
  let duration = 0;

  beforeAll(async () => {
    fla(['generate', '--persons', '300', '--seed', '5', '--quarter', '20254', '--out', join(dir.path, 'first.xml')]);
    fla(['process', join(dir.path, 'first.xml'), '--db', base, '--out', join(dir.path, 'answers'), '--quiet']);
    fla(['generate', '--persons', '3000', '--seed', '6', '--anomalies', '0.05', '--out', file]);
    before = await dump(base);
    const full = join(dir.path, 'full.sqlite');
    copyFileSync(base, full);
    const started = Date.now();
    fla(['process', file, '--db', full, '--out', join(dir.path, 'answers'), '--quiet']);
    duration = Date.now() - started;
    after = await dump(full);
  });
  afterAll(() => dir.remove());

  it(`leaves the ledger before or after the file, over ${RUNS} kills at random instants`, async () => {
    expect(after).not.toBe(before);
    const seen = { before: 0, after: 0 };
    for (let run = 0; run < RUNS; run++) {
      const db = join(dir.path, `run-${run}.sqlite`);
      copyFileSync(base, db);
      const child = spawn(process.execPath, [BIN, 'process', file, '--db', db, '--out', join(dir.path, `answers-${run}`), '--quiet'], { cwd: ROOT, stdio: 'ignore' });
      // Listen before killing: a child that finished first must not leave the test waiting.
      const exited = new Promise((resolve) => child.once('exit', resolve));
      // Spread the kills over start-up, the transaction and the answers; some land after the end.
      const delay = Math.floor(((run + Math.random()) / RUNS) * duration * 1.1);
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill('SIGKILL');
      await exited;
      const state = await dump(db);
      expect(state === before || state === after, `run ${run}: killed after ${delay} ms the ledger is neither before nor after`).toBe(true);
      seen[state === before ? 'before' : 'after']++;
      expect(existsSync(`${db}-journal`)).toBe(false);
    }
    process.stdout.write(`crash test: ${RUNS} kills over ${duration} ms of processing: ${seen.before} × before, ${seen.after} × after\n`);
    expect(seen.before).toBeGreaterThan(0);
  }, 300_000);
});
