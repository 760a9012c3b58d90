// DROPFOLDER.md "Exactly once": drops many submissions, kills the daemon with SIGKILL at random
// moments and restarts it; at the end every submission has exactly one receipt and one
// notification, nothing is left in processing, and the ledger equals `fla process` of the same
// files once. FLA_WATCH_CRASH_SUBMISSIONS and FLA_WATCH_CRASH_KILLS make it longer.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, FIXTURES, ROOT, dumpLedger, tempDir } from '../helpers.js';

const SUBMISSIONS = Number(process.env.FLA_WATCH_CRASH_SUBMISSIONS ?? 300);
const KILLS = Number(process.env.FLA_WATCH_CRASH_KILLS ?? 20);
const SENDER = '012345';
const MINIMAL = readFileSync(join(FIXTURES, 'receipt', 'valid', 'minimal.xml'), 'utf8');

const dir = tempDir();
afterAll(() => dir.remove());

function declaration(n: number): string {
  const sequence = String(n).padStart(5, '0');
  // Every tenth submission carries a blocking anomaly, so that partial acceptance is crashed too.
  const text = MINIMAL.replace('ACME-2026Q1-001', `REF-${sequence}`).replace('TR-2026-0001', `TR-${sequence}`);
  return n % 10 === 0 ? text.replace('<MeanWorkingHours>38.00', '<MeanWorkingHours>39.00') : text;
}

describe('fla watch under kill -9', () => {
  it(`answers ${SUBMISSIONS} submissions exactly once over ${KILLS} kills, and the ledger equals fla process`, async () => {
    const root = join(dir.path, 'drop');
    const db = join(dir.path, 'watch.sqlite');
    const copies = join(dir.path, 'copies');
    for (const area of ['IN', 'INTEST', 'OUT', 'OUTTEST']) mkdirSync(join(root, SENDER, area), { recursive: true });
    mkdirSync(copies);
    const fiNames: string[] = [];
    const base = Date.now() - 60_000;
    for (let n = 1; n <= SUBMISSIONS; n++) {
      const sequence = String(n).padStart(5, '0');
      const fi = `FI.FLAD.${SENDER}.20260420.${sequence}.R.1.1`;
      const go = `GO.FLAD.${SENDER}.20260420.${sequence}.R.1`;
      writeFileSync(join(root, SENDER, 'IN', fi), declaration(n));
      writeFileSync(join(copies, fi), declaration(n));
      writeFileSync(join(root, SENDER, 'IN', go), '');
      // GO markers in submission order: the daemon takes the oldest first, as fla process below.
      const when = new Date(base + n * 10);
      utimesSync(join(root, SENDER, 'IN', fi), when, when);
      utimesSync(join(root, SENDER, 'IN', go), when, when);
      fiNames.push(fi);
    }

    let kills = 0;
    for (; kills < KILLS; kills++) {
      const child = spawn(process.execPath, [BIN, 'watch', root, '--db', db, '--stable', '0.05', '--rescan', '1'], { cwd: ROOT, stdio: 'ignore' });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await new Promise((resolve) => setTimeout(resolve, 300 + Math.floor(Math.random() * 700)));
      child.kill('SIGKILL');
      await exited;
    }
    const last = spawnSync(process.execPath, [BIN, 'watch', root, '--db', db, '--once', '--stable', '0.05'], { cwd: ROOT, encoding: 'utf8' });
    expect(last.status, last.stderr).toBe(0);

    const out = readdirSync(join(root, SENDER, 'OUT'));
    const processing = readdirSync(join(root, '.fla-state', 'processing'));
    process.stdout.write(`watch crash test: ${SUBMISSIONS} submissions, ${kills} kills; ${out.length} answer files; ${processing.length} left in processing\n`);
    expect(processing).toEqual([]);
    expect(out.filter((f) => !f.startsWith('FO.') && !f.startsWith('GO.')), 'temporary files left in OUT').toEqual([]);
    expect(readdirSync(join(root, SENDER, 'IN'))).toEqual([]);
    for (let n = 1; n <= SUBMISSIONS; n++) {
      const suffix = `${SENDER}.20260420.${String(n).padStart(5, '0')}.R`;
      for (const kind of ['ACRF', 'NOTI']) {
        expect(out.filter((f) => f.startsWith(`FO.${kind}.${suffix}`)), `${kind} of ${suffix}`).toEqual([`FO.${kind}.${suffix}`]);
        expect(out.filter((f) => f.startsWith(`GO.${kind}.${suffix}`)), `GO.${kind} of ${suffix}`).toEqual([`GO.${kind}.${suffix}`]);
      }
    }

    const reference = join(dir.path, 'reference.sqlite');
    const once = spawnSync(process.execPath, [BIN, 'process', ...fiNames.map((f) => join(copies, f)), '--db', reference, '--sender', SENDER, '--out', join(dir.path, 'answers'), '--quiet'], { cwd: ROOT, encoding: 'utf8' });
    expect(once.status, once.stderr).toBe(1);
    expect(await dumpLedger(db)).toBe(await dumpLedger(reference));
  }, 600_000);
});
