// Issue #12, the drop-folder items: symbolic links and special files (1), the TD withdrawal's
// reason (10), a slow upload with its GO first (11), names that are not UTF-8 (12), health.json
// while a big file is processed (13), and one receipt for a refused set of files.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, lutimesSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers.js';
import { declaration, DropFolder, sleep, until, type LogLine } from './support.js';

let drop: DropFolder;
const cleanup: Array<() => void> = [];
afterEach(() => cleanup.splice(0).forEach((f) => f()));
function fresh(): DropFolder {
  drop = new DropFolder();
  cleanup.push(() => drop.remove());
  return drop;
}

/** Every finished claim's files, by outcome: done or failed. */
function archived(outcome: 'done' | 'failed'): string[][] {
  const area = join(drop.root, '.fla-state', outcome);
  if (!existsSync(area)) return [];
  return readdirSync(area).flatMap((day) => readdirSync(join(area, day)).map((ticket) => readdirSync(join(area, day, ticket)).sort()));
}

const receipts = (area = 'OUT'): string[] => drop.files(area).filter((f) => f.startsWith('FO.ACRF.'));
const codesIn = (xml: string): string[] => [...xml.matchAll(/code="([^"]+)"/g)].map((m) => m[1]!);
const sha256 = (text: string | Buffer): string => createHash('sha256').update(text).digest('hex');
const EMPTY_SHA256 = sha256('');

function counters(): unknown[] {
  const r = spawnSync(process.execPath, [BIN, 'counters', '--db', drop.db, '--format', 'json'], { cwd: ROOT, encoding: 'utf8' });
  return (JSON.parse(r.stdout) as { counters: unknown[] }).counters;
}

/** As put() does: older than any stability delay. The link itself, not what it points to. */
function backdate(path: string): void {
  const past = new Date(Date.now() - 60_000);
  lutimesSync(path, past, past);
}

function expectOnce(): LogLine[] {
  const r = drop.once();
  expect(r.status, r.stderr).toBe(0);
  return r.log;
}

describe('item 1: only regular files are read', () => {
  it('refuses an FI that is a symbolic link to a file outside the folder (ACRF-120), reading nothing through it', () => {
    fresh();
    const secret = join(drop.base, 'another-senders-file.xml');
    writeFileSync(secret, declaration('00040'));
    symlinkSync(secret, drop.path('IN', 'FI.FLAD.012345.20260420.00040.R.1.1'));
    backdate(drop.path('IN', 'FI.FLAD.012345.20260420.00040.R.1.1'));
    drop.put('IN', 'GO.FLAD.012345.20260420.00040.R.1');
    expectOnce();
    expect(drop.files('OUT')).toEqual(['FO.ACRF.012345.20260420.00040.R', 'GO.ACRF.012345.20260420.00040.R']);
    const receipt = drop.read('OUT', 'FO.ACRF.012345.20260420.00040.R');
    expect(receipt).toContain('<ResultCode>0</ResultCode>');
    expect(codesIn(receipt)).toEqual(['ACRF-120']);
    expect(receipt).toContain('FI.FLAD.012345.20260420.00040.R.1.1 is a symbolic link');
    // Not even hashed: the receipt's hash is that of the (empty) GO alone.
    expect(receipt).toContain(`<Sha256>${EMPTY_SHA256}</Sha256>`);
    expect(counters()).toEqual([]);
    expect(readFileSync(secret, 'utf8')).toBe(declaration('00040'));
    expect(archived('failed')).toEqual([['FI.FLAD.012345.20260420.00040.R.1.1', 'GO.FLAD.012345.20260420.00040.R.1', 'manifest.json']]);
    expect(drop.files('IN')).toEqual([]);
  });

  it('refuses a symbolic link to /etc/passwd under a bad name, and a named pipe, without opening either', () => {
    fresh();
    symlinkSync('/etc/passwd', drop.path('IN', 'FI.FLAD.012345.passwd'));
    expect(spawnSync('mkfifo', [drop.path('IN', 'FI.FLAD.012345.20260420.00041.R.1.1')]).status).toBe(0);
    drop.put('IN', 'GO.FLAD.012345.20260420.00041.R.1');
    backdate(drop.path('IN', 'FI.FLAD.012345.20260420.00041.R.1.1'));
    backdate(drop.path('IN', 'FI.FLAD.012345.passwd'));
    expectOnce();
    const pipe = drop.read('OUT', 'FO.ACRF.012345.20260420.00041.R');
    expect(codesIn(pipe)).toEqual(['ACRF-120']);
    expect(pipe).toContain('is not a regular file');
    const [link] = receipts().filter((f) => f !== 'FO.ACRF.012345.20260420.00041.R');
    const linkReceipt = drop.read('OUT', link!);
    expect(codesIn(linkReceipt)).toEqual(['ACRF-131']);
    expect(linkReceipt).toContain(`<Sha256>${EMPTY_SHA256}</Sha256>`);
    expect(linkReceipt).not.toContain('root:');
    expect(drop.files('IN')).toEqual([]);
  });

  it('refuses a link to nothing like any link, and leaves nothing behind in IN', () => {
    fresh();
    symlinkSync('/nonexistent/fla-secret.xml', drop.path('IN', 'FI.FLAD.012345.20260420.00051.R.1.1'));
    backdate(drop.path('IN', 'FI.FLAD.012345.20260420.00051.R.1.1'));
    drop.put('IN', 'GO.FLAD.012345.20260420.00051.R.1');
    expectOnce();
    expect(codesIn(drop.read('OUT', 'FO.ACRF.012345.20260420.00051.R'))).toEqual(['ACRF-120']);
    expect(drop.files('IN')).toEqual([]);
  });

  it('does not scan an INTEST that a sender replaced by a link to another sender’s IN', () => {
    fresh();
    const other = join(drop.root, '012346', 'IN');
    mkdirSync(other, { recursive: true });
    mkdirSync(join(drop.root, '012346', 'OUT'));
    for (const name of ['FI.FLAD.012346.20260420.00050.R.1.1', 'GO.FLAD.012346.20260420.00050.R.1']) {
      writeFileSync(join(other, name), name.startsWith('FI.') ? declaration('00050') : '');
      backdate(join(other, name));
    }
    rmSync(drop.path('INTEST'), { recursive: true });
    symlinkSync(other, drop.path('INTEST'));
    const log = expectOnce();
    // Taken once, by its own sender, and answered in that sender's OUT.
    expect(log.filter((l) => l.event === 'claimed').map((l) => l.sender)).toEqual(['012346']);
    expect(drop.files('OUTTEST')).toEqual([]);
    expect(readdirSync(join(drop.root, '012346', 'OUT')).filter((f) => f.startsWith('FO.'))).toEqual(['FO.ACRF.012346.20260420.00050.R', 'FO.NOTI.012346.20260420.00050.R']);
  });
});

describe('item 10: a withdrawal says why', () => {
  it('gives the TD withdrawal ACRF-119 with a label in nl, fr and en naming the TD file', () => {
    fresh();
    drop.put('IN', 'FI.FLAD.012345.20260420.00042.R.1.1', declaration('00042'));
    drop.put('IN', 'TD.FLAD.012345.20260420.00042.R.1');
    expectOnce();
    expect(drop.files('OUT')).toEqual(['FO.ACRF.012345.20260420.00042.R', 'GO.ACRF.012345.20260420.00042.R']);
    const receipt = drop.read('OUT', 'FO.ACRF.012345.20260420.00042.R');
    expect(codesIn(receipt)).toEqual(['ACRF-119']);
    const labels = [...receipt.matchAll(/<Label xml:lang="(\w+)">([^<]*)<\/Label>/g)].map((m) => [m[1], m[2]]);
    expect(labels.map(([lang]) => lang).sort()).toEqual(['en', 'fr', 'nl']);
    for (const [, text] of labels) expect(text).toContain('TD.FLAD.012345.20260420.00042.R.1');
    const check = spawnSync('xmllint', ['--noout', '--nonet', '--schema', join(ROOT, 'xsd', 'fla-ack-v1.xsd'), drop.path('OUT', 'FO.ACRF.012345.20260420.00042.R')], { encoding: 'utf8' });
    expect(check.status, check.stderr).toBe(0);
  });
});

describe('one receipt per refused submission', () => {
  it('answers a bad-name FI and its GO with exactly one receipt, both files in the failed area', () => {
    fresh();
    drop.put('IN', 'FI.FLAD.012345.2026042.00005.R.1.1', declaration('00005'));
    drop.put('IN', 'GO.FLAD.012345.2026042.00005.R.1');
    expectOnce();
    expect(drop.files('OUT')).toEqual(['FO.ACRF.012345.2026042.00005.R', 'GO.ACRF.012345.2026042.00005.R']);
    expect(codesIn(drop.read('OUT', 'FO.ACRF.012345.2026042.00005.R'))).toEqual(['ACRF-131']);
    expect(drop.read('OUT', 'FO.ACRF.012345.2026042.00005.R')).toContain('<FileName>FI.FLAD.012345.2026042.00005.R.1.1</FileName>');
    expect(archived('failed')).toEqual([['FI.FLAD.012345.2026042.00005.R.1.1', 'GO.FLAD.012345.2026042.00005.R.1', 'manifest.json']]);
  });

  it('a running daemon waits for the GO of a bad-name FI uploaded a moment before it', async () => {
    fresh();
    const daemon = drop.start();
    cleanup.push(() => daemon.child.kill('SIGKILL'));
    await until(() => daemon.output().includes('"event":"started"'));
    writeFileSync(drop.path('IN', 'FI.FLAD.012345.2026042.00006.R.1.1'), declaration('00006'));
    // Longer than --stable (0.3 s): the FI alone looks finished.
    await sleep(1_500);
    writeFileSync(drop.path('IN', 'GO.FLAD.012345.2026042.00006.R.1'), '');
    await until(() => drop.files('OUT').length >= 2);
    await sleep(1_500);
    daemon.child.kill('SIGTERM');
    expect(await daemon.exited).toBe(0);
    expect(drop.files('OUT')).toEqual(['FO.ACRF.012345.2026042.00006.R', 'GO.ACRF.012345.2026042.00006.R']);
    expect(drop.files('IN')).toEqual([]);
  });
});

describe('item 11: a slow upload with its GO first', () => {
  it('is taken only once the FI stopped changing for --go-first-stable (default 10 s), despite 0.6 s pauses', async () => {
    fresh();
    const daemon = drop.start();
    cleanup.push(() => daemon.child.kill('SIGKILL'));
    await until(() => daemon.output().includes('"event":"started"'));
    writeFileSync(drop.path('IN', 'GO.FLAD.012345.20260420.00043.R.1'), '');
    const text = declaration('00043');
    const chunks = 8;
    let lastChunk = 0;
    for (let i = 0; i < chunks; i++) {
      appendFileSync(drop.path('IN', 'FI.FLAD.012345.20260420.00043.R.1.1'), text.slice((i * text.length) / chunks, ((i + 1) * text.length) / chunks));
      lastChunk = Date.now();
      await sleep(600);
    }
    expect(drop.files('OUT'), daemon.output()).toEqual([]);
    await until(() => drop.files('OUT').length === 4, 60_000);
    const claimed = Date.parse(String(daemon.log().find((l) => l.event === 'claimed')!.time));
    console.log(`slow upload: claimed ${((claimed - lastChunk) / 1000).toFixed(2)} s after the last chunk`);
    expect(claimed - lastChunk).toBeGreaterThanOrEqual(9_900);
    expect(drop.read('OUT', 'FO.NOTI.012345.20260420.00043.R')).toContain('<Status>ACCEPTED</Status>');
    daemon.child.kill('SIGTERM');
    expect(await daemon.exited).toBe(0);
  }, 90_000);

  it('--once leaves a GO-first set whose FI changed 3 s ago, and takes it with --go-first-stable 2', () => {
    fresh();
    const fi = drop.path('IN', 'FI.FLAD.012345.20260420.00044.R.1.1');
    const go = drop.path('IN', 'GO.FLAD.012345.20260420.00044.R.1');
    writeFileSync(go, '');
    writeFileSync(fi, declaration('00044'));
    const at = (ms: number): Date => new Date(Date.now() - ms);
    utimesSync(go, at(10_000), at(10_000));
    utimesSync(fi, at(3_000), at(3_000));
    expectOnce();
    expect(drop.files('OUT')).toEqual([]);
    expect(drop.once(['--go-first-stable', '2']).status).toBe(0);
    expect(drop.files('OUT')).toHaveLength(4);
  });

  it('--once tells a GO and a half-written FI of the same mtime (one clock tick) from a complete pair', () => {
    fresh();
    const at = new Date(Date.now() - 3_000);
    for (const [sequence, text] of [['00047', declaration('00047').slice(0, 900)], ['00048', declaration('00048')]] as const) {
      const fi = drop.path('IN', `FI.FLAD.012345.20260420.${sequence}.R.1.1`);
      const go = drop.path('IN', `GO.FLAD.012345.20260420.${sequence}.R.1`);
      writeFileSync(go, '');
      writeFileSync(fi, text);
      for (const path of [go, fi]) utimesSync(path, at, at);
    }
    expectOnce();
    expect(drop.files('OUT')).toEqual(['FO.ACRF.012345.20260420.00048.R', 'FO.NOTI.012345.20260420.00048.R', 'GO.ACRF.012345.20260420.00048.R', 'GO.NOTI.012345.20260420.00048.R']);
    expect(drop.files('IN')).toEqual(['FI.FLAD.012345.20260420.00047.R.1.1', 'GO.FLAD.012345.20260420.00047.R.1']);
  });
});

describe('item 12: names that are not UTF-8', () => {
  it('answers an FI and its GO whose names hold a Latin-1 byte with one negative receipt', () => {
    fresh();
    const folder = drop.path('IN');
    const name = (prefix: string, rest: string): Buffer => Buffer.concat([Buffer.from(`${folder}/${prefix}.FLAD.012345.20260420.0004`), Buffer.from([0xe9]), Buffer.from(rest)]);
    writeFileSync(name('FI', '.R.1.1'), declaration('00045'));
    writeFileSync(name('GO', '.R.1'), '');
    const past = new Date(Date.now() - 60_000);
    for (const path of [name('FI', '.R.1.1'), name('GO', '.R.1')]) utimesSync(path, past, past);
    const log = expectOnce();
    expect(drop.files('OUT')).toEqual(['FO.ACRF.012345.20260420.0004_E9.R', 'GO.ACRF.012345.20260420.0004_E9.R']);
    const receipt = drop.read('OUT', 'FO.ACRF.012345.20260420.0004_E9.R');
    expect(codesIn(receipt)).toEqual(['ACRF-131']);
    expect(receipt).toContain('<FileName>FI.FLAD.012345.20260420.0004%E9.R.1.1</FileName>');
    expect(readdirSync(folder)).toEqual([]);
    expect(archived('failed')).toEqual([['FI.FLAD.012345.20260420.0004%E9.R.1.1', 'GO.FLAD.012345.20260420.0004%E9.R.1', 'manifest.json']]);
    expect(log.find((l) => l.event === 'claimed')).toMatchObject({ files: ['FI.FLAD.012345.20260420.0004%E9.R.1.1', 'GO.FLAD.012345.20260420.0004%E9.R.1'] });
  });
});

describe('item 13: health.json while a big file is processed', () => {
  it('shows the submission in progress and a last scan that keeps moving', async () => {
    fresh();
    const big = drop.path('IN', 'FI.FLAD.012345.20260420.00046.R.1.1');
    const generated = spawnSync(process.execPath, [BIN, 'generate', '--persons', '30000', '--seed', '46', '--out', big], { cwd: ROOT, encoding: 'utf8' });
    expect(generated.status, generated.stderr).toBe(0);
    const daemon = drop.start(['--rescan', '0.5']);
    cleanup.push(() => daemon.child.kill('SIGKILL'));
    await until(() => daemon.output().includes('"event":"started"'));
    writeFileSync(drop.path('IN', 'GO.FLAD.012345.20260420.00046.R.1'), '');
    await until(() => daemon.log().some((l) => l.event === 'claimed'));
    const claimedAt = Date.parse(String(daemon.log().find((l) => l.event === 'claimed')!.time));
    const seen: Array<{ inProgress: number; lastScan: number; age: number }> = [];
    while (!daemon.log().some((l) => l.event === 'processed')) {
      const health = JSON.parse(readFileSync(join(drop.root, '.fla-state', 'health.json'), 'utf8')) as { inProgress: number; lastScan: string };
      seen.push({ inProgress: health.inProgress, lastScan: Date.parse(health.lastScan), age: Date.now() - Date.parse(health.lastScan) });
      await sleep(100);
    }
    const processedAt = Date.parse(String(daemon.log().find((l) => l.event === 'processed')!.time));
    console.log(`health.json while a 30,000-person file was processed (${((processedAt - claimedAt) / 1000).toFixed(1)} s, --rescan 0.5): ${seen.length} reads, lastScan at most ${(Math.max(...seen.map((h) => h.age)) / 1000).toFixed(2)} s old`);
    daemon.child.kill('SIGTERM');
    expect(await daemon.exited).toBe(0);
    expect(seen.length).toBeGreaterThan(5);
    expect(seen.every((h) => h.inProgress === 1)).toBe(true);
    // A scan ran while the file was processed, after the one that claimed it.
    expect(seen.some((h) => h.lastScan > claimedAt)).toBe(true);
    const after = JSON.parse(readFileSync(join(drop.root, '.fla-state', 'health.json'), 'utf8')) as Record<string, unknown>;
    expect(after).toMatchObject({ inProgress: 0, processed: 1, waiting: 0 });
  }, 120_000);
});

describe('the scan, unit by unit', () => {
  it('groups a refused FI with its GO by the name less the part', async () => {
    const { refusedSetKey } = await import('../../dist/watch/names.js');
    expect(refusedSetKey('FI.FLAD.012345.2026042.00005.R.1.1')).toBe(refusedSetKey('GO.FLAD.012345.2026042.00005.R.1'));
    expect(refusedSetKey('FI.FLAD.012345.2026042.00005.R.3.2')).toBe(refusedSetKey('TD.FLAD.012345.2026042.00005.R.3'));
    expect(refusedSetKey('FI.garbage')).toBe(refusedSetKey('GO.garbage'));
    expect(refusedSetKey('FI.FLAD.012345.2026042.00005.R.1.1')).not.toBe(refusedSetKey('GO.FLAD.012345.2026042.00006.R.1'));
  });

  it('shows a name that is not UTF-8 with %XX for each byte outside ASCII, and finds it again by its bytes', async () => {
    const { folderName, nameOnDisk } = await import('../../dist/watch/raw-names.js');
    expect(folderName(Buffer.from('FI.FLAD.café'))).toEqual({ text: 'FI.FLAD.café' });
    const latin1 = Buffer.from('FI.FLAD.caf\xe9', 'latin1');
    expect(folderName(latin1)).toEqual({ text: 'FI.FLAD.caf%E9', raw: latin1 });
    expect(nameOnDisk('/in', folderName(latin1))).toEqual(Buffer.concat([Buffer.from('/in/'), latin1]));
  });

  it('restarts a file’s quiet time on a change seen between scans, even with an mtime in the past', async () => {
    const { scanDropFolder, StabilityTracker } = await import('../../dist/watch/scan.js');
    fresh();
    const rule = { stableMs: 200, goFirstStableMs: 10_000 };
    const tracker = new StabilityTracker();
    const fi = drop.path('IN', 'FI.FLAD.012345.20260420.00049.R.1.1');
    const text = declaration('00049');
    const old = new Date(Date.now() - 60_000);
    writeFileSync(fi, text.slice(0, 500));
    utimesSync(fi, old, old);
    const t = Date.now();
    expect(scanDropFolder(drop.root, rule, tracker, t).ready).toEqual([]);
    // The rest arrives through a server whose clock is behind: the mtime stays a minute old.
    appendFileSync(fi, text.slice(500));
    utimesSync(fi, old, old);
    drop.put('IN', 'GO.FLAD.012345.20260420.00049.R.1');
    utimesSync(drop.path('IN', 'GO.FLAD.012345.20260420.00049.R.1'), old, old);
    expect(scanDropFolder(drop.root, rule, tracker, t + 1_000).ready).toEqual([]);
    expect(scanDropFolder(drop.root, rule, tracker, t + 1_100).ready).toEqual([]);
    expect(scanDropFolder(drop.root, rule, tracker, t + 1_250).ready).toEqual([expect.objectContaining({ base: '012345.20260420.00049.R.1', parts: ['FI.FLAD.012345.20260420.00049.R.1.1'] })]);
  });
});
