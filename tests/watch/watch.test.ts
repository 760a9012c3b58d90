// fla watch with real processes and real folders (DROPFOLDER.md): names, GO/TD, parts, refusals,
// duplicates, environments, logs, the single-instance lock and SIGTERM.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { BIN, FIXTURES, ROOT, tempDir } from '../helpers.js';

const SENDER = '012345';
const MINIMAL = readFileSync(join(FIXTURES, 'receipt', 'valid', 'minimal.xml'), 'utf8');
const dirs: Array<{ remove(): void }> = [];
afterAll(() => dirs.forEach((d) => d.remove()));

let root = '';
let db = '';
beforeEach(() => {
  const dir = tempDir();
  dirs.push(dir);
  root = join(dir.path, 'drop');
  db = join(dir.path, 'fla.sqlite');
  for (const area of ['IN', 'INTEST', 'OUT', 'OUTTEST']) mkdirSync(join(root, SENDER, area), { recursive: true });
});

/** A declaration distinct per sequence: its own ReferenceNbr and training reference. */
function declaration(sequence: string): string {
  return MINIMAL.replace('ACME-2026Q1-001', `REF-${sequence}`).replace('TR-2026-0001', `TR-${sequence}`);
}

function put(area: string, name: string, content = ''): void {
  const path = join(root, SENDER, area, name);
  writeFileSync(path, content);
  // Older than the stability delays (--stable, and the default --go-first-stable of 10 s), so that
  // --once takes it at once.
  const past = new Date(Date.now() - 60_000);
  utimesSync(path, past, past);
}

function once(extra: readonly string[] = []) {
  const r = spawnSync(process.execPath, [BIN, 'watch', root, '--db', db, '--once', '--stable', '0.1', ...extra], { cwd: ROOT, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
}

const files = (area: string): string[] => readdirSync(join(root, SENDER, area)).sort();
const read = (area: string, name: string): string => readFileSync(join(root, SENDER, area, name), 'utf8');

describe('fla watch --once', () => {
  it('answers a complete submission with FO.ACRF, FO.NOTI and their GO markers, and moves it out of IN', () => {
    put('IN', 'FI.FLAD.012345.20260420.00001.R.1.1', declaration('00001'));
    put('IN', 'GO.FLAD.012345.20260420.00001.R.1');
    const log = once();
    expect(files('IN')).toEqual([]);
    expect(files('OUT')).toEqual(['FO.ACRF.012345.20260420.00001.R', 'FO.NOTI.012345.20260420.00001.R', 'GO.ACRF.012345.20260420.00001.R', 'GO.NOTI.012345.20260420.00001.R']);
    expect(read('OUT', 'FO.NOTI.012345.20260420.00001.R')).toContain('<Status>ACCEPTED</Status>');
    const check = spawnSync('xmllint', ['--noout', '--nonet', '--schema', join(ROOT, 'xsd', 'fla-ack-v1.xsd'), ...files('OUT').filter((f) => f.startsWith('FO.')).map((f) => join(root, SENDER, 'OUT', f))], { encoding: 'utf8' });
    expect(check.status, check.stderr).toBe(0);
    expect(log.map((l) => l.event)).toEqual(expect.arrayContaining(['claimed', 'processed', 'answered']));
    for (const line of log.filter((l) => l.ticket !== undefined)) expect(line).toMatchObject({ sender: SENDER });
    const done = join(root, '.fla-state', 'done');
    const [day] = readdirSync(done);
    const [ticket] = readdirSync(join(done, day!));
    expect(readdirSync(join(done, day!, ticket!)).sort()).toEqual(['FI.FLAD.012345.20260420.00001.R.1.1', 'GO.FLAD.012345.20260420.00001.R.1', 'manifest.json']);
    const health = JSON.parse(readFileSync(join(root, '.fla-state', 'health.json'), 'utf8'));
    expect(health).toMatchObject({ waiting: 0, inProgress: 0, lastError: null });
  });

  it('waits for the FI when its GO came first, and leaves other files alone', () => {
    put('IN', 'GO.FLAD.012345.20260420.00002.R.1');
    put('IN', '.FI.FLAD.012345.20260420.00002.R.1.1.swp', 'editor');
    once();
    expect(files('OUT')).toEqual([]);
    put('IN', 'FI.FLAD.012345.20260420.00002.R.1.1', declaration('00002'));
    once();
    expect(files('OUT')).toHaveLength(4);
    expect(files('IN')).toEqual(['.FI.FLAD.012345.20260420.00002.R.1.1.swp']);
  });

  it('TD withdraws the set: a negative receipt, no notification, the files in the failed area', () => {
    put('IN', 'FI.FLAD.012345.20260420.00003.R.1.1', declaration('00003'));
    put('IN', 'TD.FLAD.012345.20260420.00003.R.1');
    once();
    expect(files('OUT')).toEqual(['FO.ACRF.012345.20260420.00003.R', 'GO.ACRF.012345.20260420.00003.R']);
    expect(read('OUT', 'FO.ACRF.012345.20260420.00003.R')).toContain('<ResultCode>0</ResultCode>');
    expect(existsSync(join(root, '.fla-state', 'failed'))).toBe(true);
  });

  it('reads a 3-part set as one submission, answered once', () => {
    for (const part of [1, 2, 3]) put('IN', `FI.FLAD.012345.20260420.00004.R.3.${part}`, declaration(`0004${part}`));
    put('IN', 'GO.FLAD.012345.20260420.00004.R.3');
    once();
    expect(files('OUT')).toHaveLength(4);
    const noti = read('OUT', 'FO.NOTI.012345.20260420.00004.R');
    expect(noti.match(/<Form position="\d">/g)).toEqual(['<Form position="1">', '<Form position="2">', '<Form position="3">']);
    expect(noti).toContain('<Forms received="3" accepted="3" rejected="0"/>');
  });

  it('refuses a bad name (ACRF-131), a wrong environment letter (ACRF-117) and another sender’s number (ACRF-108)', () => {
    put('IN', 'FI.FLAD.012345.2026042.00005.R.1.1', declaration('00005'));
    put('IN', 'FI.FLAD.012345.20260420.00006.X.1.1', declaration('00006'));
    put('IN', 'FI.FLAD.099999.20260420.00007.R.1.1', declaration('00007'));
    once();
    const receipts = files('OUT').filter((f) => f.startsWith('FO.ACRF.'));
    expect(receipts).toHaveLength(3);
    const codes = receipts.map((f) => /code="(ACRF-\d+)"/.exec(read('OUT', f))?.[1]).sort();
    expect(codes).toEqual(['ACRF-108', 'ACRF-117', 'ACRF-131']);
    expect(files('OUT').filter((f) => f.startsWith('FO.NOTI.'))).toEqual([]);
  });

  it('refuses a duplicate upload with ACRF-133, answering under a name with the ticket as eighth part', () => {
    put('IN', 'FI.FLAD.012345.20260420.00008.R.1.1', declaration('00008'));
    put('IN', 'GO.FLAD.012345.20260420.00008.R.1');
    once();
    put('IN', 'FI.FLAD.012345.20260420.00008.R.1.1', declaration('00008'));
    put('IN', 'GO.FLAD.012345.20260420.00008.R.1');
    once();
    const receipts = files('OUT').filter((f) => f.startsWith('FO.ACRF.'));
    expect(receipts).toHaveLength(2);
    const second = receipts.find((f) => /\.FLA-[0-9A-Za-z-]+$/.test(f))!;
    expect(read('OUT', second)).toContain('code="ACRF-133"');
    expect(files('OUT')).toContain(`GO.ACRF.${second.slice('FO.ACRF.'.length)}`);
  });

  it('answers a test file in OUTTEST and leaves the production ledger untouched; R in INTEST is ACRF-118', () => {
    put('INTEST', 'FI.FLAD.012345.20260420.00009.T.1.1', declaration('00009'));
    put('INTEST', 'GO.FLAD.012345.20260420.00009.T.1');
    put('INTEST', 'FI.FLAD.012345.20260420.00010.R.1.1', declaration('00010'));
    once();
    expect(files('OUTTEST').filter((f) => f.startsWith('FO.'))).toHaveLength(3);
    expect(read('OUTTEST', 'FO.ACRF.012345.20260420.00010.R')).toContain('code="ACRF-118"');
    const counters = spawnSync(process.execPath, [BIN, 'counters', '--db', db, '--format', 'json'], { cwd: ROOT, encoding: 'utf8' });
    expect(JSON.parse(counters.stdout).counters).toEqual([]);
  });

  it('never writes a national register number into a log line', () => {
    put('IN', 'FI.FLAD.012345.20260420.00011.R.1.1', declaration('00011').replace('<INSS>85073003328</INSS>', '<INSS>85073003329</INSS>'));
    put('IN', 'GO.FLAD.012345.20260420.00011.R.1');
    const r = spawnSync(process.execPath, [BIN, '--verbose', 'watch', root, '--db', db, '--once', '--stable', '0.1'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(read('OUT', 'FO.NOTI.012345.20260420.00011.R')).toContain('code="10021-004"');
    for (const line of `${r.stdout}${r.stderr}`.split('\n')) expect(line).not.toMatch(/(?<!\d)\d{11}(?!\d)/);
  });
});

describe('the log', () => {
  it('masks every 11-digit number, in messages and in fields at any depth', async () => {
    const { createLogger } = await import('../../dist/watch/log.js');
    let out = '';
    const logger = createLogger({ write: (chunk: string) => (out += chunk) } as unknown as NodeJS.WritableStream);
    logger.info({ inss: '85073003328', nested: { list: ['x 90021512370 y'] } }, 'person 85073003328 refused');
    expect(out).toContain('85*******28');
    expect(out).toContain('x 90*******70 y');
    expect(out).not.toMatch(/(?<!\d)\d{11}(?!\d)/);
  });

  it('masks the printed forms of the number too, and leaves tickets, times and file names alone', async () => {
    const { maskInsz } = await import('../../dist/watch/log.js');
    expect(maskInsz('INSS 68.12.18-713.65, 681218-71365 or (681218 713 65)')).toBe('INSS 68.**.**-***.65, 68****-***65 or (68**** *** 65)');
    expect(maskInsz('FI.FLAD.68.12.18-713.65.txt')).toBe('FI.FLAD.68.**.**-***.65.txt');
    for (const kept of [
      'FLA-20261124T000930487Z-000001-12345abc',
      'FO.ACRF.012345.20260420.00008.R.FLA-20260420T101010101Z-000000-00000000',
      '2026-11-24T00:09:30.996Z',
      '.FO.ACRF.012345.20260420.00001.R.15049.80a8b5649e0d.tmp',
      'pid 123456 789 12 34',
      'took 123456 ms, 100 files',
    ]) expect(maskInsz(kept)).toBe(kept);
  });
});

describe('fla watch when a submission fails', () => {
  it('masks the national register number in health.json as in the log (no OUT folder to answer in)', () => {
    rmSync(join(root, SENDER, 'OUT'), { recursive: true });
    put('IN', 'FI.FLAD.012345.20260420.00013.R.1.1', declaration('00013'));
    put('IN', 'GO.FLAD.012345.20260420.00013.R.1');
    put('IN', 'FI.FLAD.68121871365.txt', 'not a declaration');
    const r = spawnSync(process.execPath, [BIN, 'watch', root, '--db', db, '--once', '--stable', '0.1'], { cwd: ROOT, encoding: 'utf8' });
    const errors = r.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>).filter((l) => l.event === 'error');
    expect(errors.map((l) => [l.stage, l.code])).toEqual([['answer', 'FLA_ERR_WRITE'], ['answer', 'FLA_ERR_WRITE']]);
    const health = readFileSync(join(root, '.fla-state', 'health.json'), 'utf8');
    expect(JSON.parse(health)).toMatchObject({ inProgress: 2, lastError: expect.stringContaining('FO.ACRF.68*******65.txt') });
    expect(health).not.toMatch(/(?<!\d)\d{11}(?!\d)/);
  });

  it('--once exits 2 with one coded line when a submission could not be answered, and 0 once the next run answers it', () => {
    rmSync(join(root, SENDER, 'OUT'), { recursive: true });
    put('IN', 'FI.FLAD.012345.20260420.00014.R.1.1', declaration('00014'));
    put('IN', 'GO.FLAD.012345.20260420.00014.R.1');
    const failed = spawnSync(process.execPath, [BIN, 'watch', root, '--db', db, '--once', '--stable', '0.1'], { cwd: ROOT, encoding: 'utf8' });
    expect(failed.status).toBe(2);
    expect(failed.stderr).toBe('fla: FLA_ERR_WATCH: 1 submission failed and waits to be taken again; see the log (event "error")\n');
    mkdirSync(join(root, SENDER, 'OUT'));
    expect(once().map((l) => l.event)).toEqual(expect.arrayContaining(['recovering', 'answered']));
    expect(files('OUT')).toHaveLength(4);
  });

  it('recovers the other claims when one cannot be finished, and leaves that one as it is', () => {
    const processing = join(root, '.fla-state', 'processing');
    const claim = (ticket: string, sequence: string, moved: readonly string[]): string => {
      const fi = `FI.FLAD.012345.20260420.${sequence}.R.1.1`;
      const go = `GO.FLAD.012345.20260420.${sequence}.R.1`;
      const manifest = { ticket, sender: SENDER, area: 'IN', base: `012345.20260420.${sequence}.R.1`, environment: 'R', files: [fi, go], parts: [fi], claimedAt: '2026-04-20T10:00:00.000Z' };
      mkdirSync(join(processing, ticket), { recursive: true });
      writeFileSync(join(processing, ticket, 'manifest.json'), JSON.stringify(manifest));
      for (const name of [fi, go]) {
        if (moved.includes(name)) writeFileSync(join(processing, ticket, name), name === fi ? declaration(sequence) : '');
        else put('IN', name, name === fi ? declaration(sequence) : '');
      }
      return fi;
    };
    // Crashed half-way through its claim: the GO moved in, the FI not, and now a folder of the
    // FI's name in the way of the rename.
    const bad = 'FLA-20260420T100000000Z-000000-0000000a';
    const blocked = claim(bad, '00016', ['GO.FLAD.012345.20260420.00016.R.1']);
    mkdirSync(join(processing, bad, blocked));
    claim('FLA-20260420T100000000Z-000001-0000000b', '00017', []);
    const r = spawnSync(process.execPath, [BIN, 'watch', root, '--db', db, '--once', '--stable', '0.1'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^fla: FLA_ERR_WATCH: 1 submission failed/);
    const log = r.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(log.filter((l) => l.event === 'error')).toEqual([expect.objectContaining({ stage: 'recover', code: 'FLA_ERR_WRITE', ticket: bad, sender: SENDER })]);
    expect(files('OUT')).toEqual(['FO.ACRF.012345.20260420.00017.R', 'FO.NOTI.012345.20260420.00017.R', 'GO.ACRF.012345.20260420.00017.R', 'GO.NOTI.012345.20260420.00017.R']);
    expect(readdirSync(processing)).toEqual([bad]);
    expect(readdirSync(join(processing, bad)).sort()).toEqual([blocked, 'GO.FLAD.012345.20260420.00016.R.1', 'manifest.json']);
    expect(files('IN')).toEqual([blocked]);
  });

  // A sender folder on another file system than the state folder (the drop folder itself is
  // refused at start-up, tests/watch/startup.test.ts): no file can be moved into a claim.
  it.skipIf(!existsSync('/dev/shm') || statSync('/dev/shm').dev === statSync(tmpdir()).dev)('undoes a claim that failed before holding a file, and leaves the set in IN', () => {
    const elsewhere = mkdtempSync(join('/dev/shm', 'fla-sender-'));
    dirs.push({ remove: () => rmSync(elsewhere, { recursive: true, force: true }) });
    const other = '012346';
    mkdirSync(join(elsewhere, 'IN'));
    symlinkSync(elsewhere, join(root, other));
    const fi = 'FI.FLAD.012346.20260420.00019.R.1.1';
    writeFileSync(join(elsewhere, 'IN', fi), declaration('00019'));
    writeFileSync(join(elsewhere, 'IN', 'GO.FLAD.012346.20260420.00019.R.1'), '');
    const past = new Date(Date.now() - 5_000);
    for (const name of [fi, 'GO.FLAD.012346.20260420.00019.R.1']) utimesSync(join(elsewhere, 'IN', name), past, past);
    const r = spawnSync(process.execPath, [BIN, 'watch', root, '--db', db, '--once', '--stable', '0.1'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(2);
    const errors = r.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>).filter((l) => l.event === 'error');
    expect(errors).toEqual([expect.objectContaining({ stage: 'claim', code: 'FLA_ERR_WRITE', error: expect.stringContaining('EXDEV') })]);
    expect(readdirSync(join(root, '.fla-state', 'processing'))).toEqual([]);
    expect(readdirSync(join(elsewhere, 'IN')).sort()).toEqual([fi, 'GO.FLAD.012346.20260420.00019.R.1']);
  });

  it('starts despite a stray file in processing/, and leaves it there', () => {
    mkdirSync(join(root, '.fla-state', 'processing'), { recursive: true });
    writeFileSync(join(root, '.fla-state', 'processing', 'notes.txt'), 'an operator was here');
    put('IN', 'FI.FLAD.012345.20260420.00018.R.1.1', declaration('00018'));
    put('IN', 'GO.FLAD.012345.20260420.00018.R.1');
    once();
    expect(files('OUT')).toHaveLength(4);
    expect(readdirSync(join(root, '.fla-state', 'processing'))).toEqual(['notes.txt']);
  });

  it('logs a locked ledger with FLA_ERR_DB, and --once exits 2', async () => {
    once();
    put('IN', 'FI.FLAD.012345.20260420.00015.R.1.1', declaration('00015'));
    put('IN', 'GO.FLAD.012345.20260420.00015.R.1');
    const { default: Database } = await import('better-sqlite3');
    const holder = new Database(db);
    holder.exec('BEGIN EXCLUSIVE');
    try {
      const r = spawnSync(process.execPath, [BIN, 'watch', root, '--db', db, '--once', '--stable', '0.1'], { cwd: ROOT, encoding: 'utf8' });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^fla: FLA_ERR_WATCH: 1 submission failed/);
      const errors = r.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>).filter((l) => l.event === 'error');
      expect(errors).toEqual([expect.objectContaining({ stage: 'process', code: 'FLA_ERR_DB', error: 'database is locked', sender: SENDER })]);
    } finally {
      holder.close();
    }
  }, 30_000);
});

describe('fla watch when a file of the same name comes again while its claim waits', () => {
  const fi = 'FI.FLAD.012345.20260420.00020.R.1.1';
  const go = 'GO.FLAD.012345.20260420.00020.R.1';
  const processing = (): string => join(root, '.fla-state', 'processing');

  /** Every finished claim: its ticket, where it went, and the content of its FI. */
  function archived(): Array<{ ticket: string; outcome: string; fi: string }> {
    const found: Array<{ ticket: string; outcome: string; fi: string }> = [];
    for (const outcome of ['done', 'failed']) {
      const area = join(root, '.fla-state', outcome);
      for (const day of existsSync(area) ? readdirSync(area) : []) {
        for (const ticket of readdirSync(join(area, day))) found.push({ ticket, outcome, fi: readFileSync(join(area, day, ticket, fi), 'utf8') });
      }
    }
    return found.sort((a, b) => (a.outcome < b.outcome ? -1 : 1));
  }

  /** The claimed copy answered once under the plain names, the re-upload refused (ACRF-133) under its ticket. */
  function expectBothAnswered(claimed: string, reupload: string): void {
    const kept = archived();
    expect(kept).toEqual([
      { ticket: claimed, outcome: 'done', fi: declaration('00020') },
      { ticket: expect.not.stringMatching(claimed), outcome: 'failed', fi: reupload },
    ]);
    const second = kept[1]!.ticket;
    expect(files('OUT')).toEqual([`FO.ACRF.012345.20260420.00020.R`, `FO.ACRF.012345.20260420.00020.R.${second}`, 'FO.NOTI.012345.20260420.00020.R', `GO.ACRF.012345.20260420.00020.R`, `GO.ACRF.012345.20260420.00020.R.${second}`, 'GO.NOTI.012345.20260420.00020.R']);
    expect(read('OUT', 'FO.NOTI.012345.20260420.00020.R')).toContain('<ReferenceNbr>REF-00020</ReferenceNbr>');
    expect(read('OUT', `FO.ACRF.012345.20260420.00020.R.${second}`)).toContain('code="ACRF-133"');
    expect(readdirSync(processing())).toEqual([]);
    expect(files('IN')).toEqual([]);
  }

  it('keeps both when the claim was not committed: the claimed copy is processed, the re-upload is its own submission', () => {
    const ticket = 'FLA-20260420T100000000Z-000000-0000000c';
    const manifest = { ticket, sender: SENDER, area: 'IN', base: '012345.20260420.00020.R.1', environment: 'R', files: [fi, go], parts: [fi], claimedAt: '2026-04-20T10:00:00.000Z' };
    mkdirSync(join(processing(), ticket), { recursive: true });
    writeFileSync(join(processing(), ticket, 'manifest.json'), JSON.stringify(manifest));
    writeFileSync(join(processing(), ticket, fi), declaration('00020'));
    writeFileSync(join(processing(), ticket, go), '');
    put('IN', fi, declaration('00021'));
    put('IN', go);
    const log = once();
    expectBothAnswered(ticket, declaration('00021'));
    expect(log.filter((l) => l.event === 'reupload')).toEqual([expect.objectContaining({ level: 40, ticket, file: fi }), expect.objectContaining({ level: 40, ticket, file: go })]);
    expect(log.filter((l) => l.event === 'processed').map((l) => l.ticket)).toEqual([ticket, expect.not.stringMatching(ticket)]);
  });

  it('keeps both when the claim was committed and not answered: the claimed copy is answered from the ledger, not processed again', () => {
    rmSync(join(root, SENDER, 'OUT'), { recursive: true });
    put('IN', fi, declaration('00020'));
    put('IN', go);
    expect(spawnSync(process.execPath, [BIN, 'watch', root, '--db', db, '--once', '--stable', '0.1'], { cwd: ROOT, encoding: 'utf8' }).status).toBe(2);
    const [ticket] = readdirSync(processing());
    const reupload = declaration('00020').replace('<MeanWorkingHours>38.00', '<MeanWorkingHours>39.00');
    put('IN', fi, reupload);
    put('IN', go);
    mkdirSync(join(root, SENDER, 'OUT'));
    const log = once();
    expectBothAnswered(ticket!, reupload);
    expect(log.filter((l) => l.event === 'reupload').map((l) => [l.ticket, l.file])).toEqual([[ticket, fi], [ticket, go]]);
    expect(log.filter((l) => l.event === 'processed').map((l) => l.ticket)).toEqual([expect.not.stringMatching(ticket!)]);
  });
});

describe('fla watch refusing to start', () => {
  it('says FLA_ERR_CONFIG for a --state that is a file, and leaves no lock and no ledger behind', () => {
    const state = join(root, '..', 'state-file');
    writeFileSync(state, 'not a folder');
    const r = spawnSync(process.execPath, [BIN, 'watch', root, '--db', db, '--once', '--state', state], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`fla: FLA_ERR_CONFIG: cannot use the state folder ${state} (--state): ENOTDIR: not a directory, mkdir '${join(state, 'processing')}'\n`);
    expect(existsSync(`${db}.watch.lock`)).toBe(false);
    expect(existsSync(db)).toBe(false);
  });

  it('says FLA_ERR_DB for a --db that is not SQLite, and leaves no lock behind', () => {
    writeFileSync(db, 'not a database, only long enough to look like one'.repeat(4));
    const r = spawnSync(process.execPath, [BIN, 'watch', root, '--db', db, '--once'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`fla: FLA_ERR_DB: ${db} is not an SQLite ledger: file is not a database\n`);
    expect(existsSync(`${db}.watch.lock`)).toBe(false);
  });
});

describe('fla watch as a daemon', () => {
  function start(extra: readonly string[] = []): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
    const child = spawn(process.execPath, [BIN, 'watch', root, '--db', db, '--stable', '0.3', '--rescan', '1', ...extra], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    return { child, output: () => output, exited };
  }

  async function until(condition: () => boolean, ms = 20_000): Promise<void> {
    const end = Date.now() + ms;
    while (!condition()) {
      if (Date.now() > end) throw new Error('timed out');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** The log lines written so far (a line being written is left for the next look). */
  function logOf(daemon: { output: () => string }): Array<Record<string, unknown>> {
    return daemon.output().split('\n').flatMap((line) => {
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
  }

  const eventsOf = (log: ReadonlyArray<Record<string, unknown>>, ticket: unknown): unknown[] => log.filter((l) => l.ticket === ticket).map((l) => l.event);

  it('answers on a later rescan, once, a submission it could not answer (OUT missing), backing off between attempts', async () => {
    rmSync(join(root, SENDER, 'OUT'), { recursive: true });
    const daemon = start();
    await until(() => daemon.output().includes('"event":"started"'));
    put('IN', 'FI.FLAD.012345.20260420.00030.R.1.1', declaration('00030'));
    put('IN', 'GO.FLAD.012345.20260420.00030.R.1');
    const errors = (): Array<Record<string, unknown>> => logOf(daemon).filter((l) => l.event === 'error');
    await until(() => errors().length > 0);
    // Rescans every second; attempts after 1, 2, 4 s of backoff: the fourth cannot come within 5.5 s.
    await new Promise((resolve) => setTimeout(resolve, 5_500));
    const failed = errors();
    expect(failed.length).toBeGreaterThanOrEqual(2);
    expect(failed.length).toBeLessThanOrEqual(3);
    const ticket = failed[0]!.ticket;
    failed.forEach((line, i) => expect(line).toMatchObject({ stage: 'answer', code: 'FLA_ERR_WRITE', ticket, sender: SENDER, attempt: i + 1, retryAt: expect.any(String) }));
    expect(readdirSync(join(root, '.fla-state', 'processing'))).toEqual([ticket]);

    mkdirSync(join(root, SENDER, 'OUT'));
    await until(() => eventsOf(logOf(daemon), ticket).includes('answered'));
    daemon.child.kill('SIGTERM');
    expect(await daemon.exited).toBe(0);
    expect(files('OUT')).toEqual(['FO.ACRF.012345.20260420.00030.R', 'FO.NOTI.012345.20260420.00030.R', 'GO.ACRF.012345.20260420.00030.R', 'GO.NOTI.012345.20260420.00030.R']);
    expect(read('OUT', 'FO.ACRF.012345.20260420.00030.R')).toContain(`<Ticket>${String(ticket)}</Ticket>`);
    const events = eventsOf(logOf(daemon), ticket);
    expect(events.filter((e) => e === 'claimed' || e === 'processed' || e === 'answered')).toEqual(['claimed', 'processed', 'answered']);
    expect(events.filter((e) => e === 'retrying')).toHaveLength(failed.length);
    expect(readdirSync(join(root, '.fla-state', 'processing'))).toEqual([]);
  }, 60_000);

  it('processes on a later rescan, with the same ticket, a submission the locked ledger refused', async () => {
    const daemon = start();
    await until(() => daemon.output().includes('"event":"started"'));
    const { default: Database } = await import('better-sqlite3');
    const holder = new Database(db);
    holder.exec('BEGIN EXCLUSIVE');
    try {
      put('IN', 'FI.FLAD.012345.20260420.00031.R.1.1', declaration('00031'));
      put('IN', 'GO.FLAD.012345.20260420.00031.R.1');
      await until(() => daemon.output().includes('"event":"error"'));
    } finally {
      holder.close();
    }
    await until(() => logOf(daemon).some((l) => l.event === 'answered'));
    daemon.child.kill('SIGTERM');
    expect(await daemon.exited).toBe(0);
    const log = logOf(daemon);
    const errors = log.filter((l) => l.event === 'error');
    expect(errors).toEqual([expect.objectContaining({ stage: 'process', code: 'FLA_ERR_DB', attempt: 1 })]);
    expect(eventsOf(log, errors[0]!.ticket)).toEqual(['claimed', 'error', 'retrying', 'processed', 'answered']);
    expect(files('OUT')).toHaveLength(4);
    expect(read('OUT', 'FO.NOTI.012345.20260420.00031.R')).toContain('<Status>ACCEPTED</Status>');
    expect(readdirSync(join(root, '.fla-state', 'processing'))).toEqual([]);
  }, 60_000);

  it('keeps serving when its processing/ folder is removed under it, and logs why', async () => {
    const daemon = start();
    await until(() => daemon.output().includes('"event":"started"'));
    rmSync(join(root, '.fla-state', 'processing'), { recursive: true });
    await until(() => logOf(daemon).some((l) => l.event === 'error' && l.stage === 'health'));
    const errors = logOf(daemon).filter((l) => l.event === 'error');
    expect(errors).toContainEqual(expect.objectContaining({ stage: 'scan', code: 'FLA_ERR_READ', error: expect.stringContaining('ENOENT') }));
    expect(errors).toContainEqual(expect.objectContaining({ stage: 'health', code: 'FLA_ERR_WRITE', error: expect.stringContaining('ENOENT') }));
    daemon.child.kill('SIGTERM');
    expect(await daemon.exited).toBe(0);
    mkdirSync(join(root, '.fla-state', 'processing'));
  }, 60_000);

  it('waits for an FI that grows for 5 s, refuses a second daemon, and stops cleanly on SIGTERM', async () => {
    const daemon = start();
    await until(() => daemon.output().includes('"event":"started"'));
    const second = spawnSync(process.execPath, [BIN, 'watch', root, '--db', db, '--once'], { cwd: ROOT, encoding: 'utf8' });
    expect(second.status).toBe(2);
    expect(second.stderr).toMatch(/^fla: FLA_ERR_LOCKED: another fla watch \(pid \d+\)/);

    const text = declaration('00012');
    const path = join(root, SENDER, 'IN', 'FI.FLAD.012345.20260420.00012.R.1.1');
    const chunks = 10;
    for (let i = 0; i < chunks; i++) {
      appendFileSync(path, text.slice((i * text.length) / chunks, ((i + 1) * text.length) / chunks));
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(files('OUT')).toEqual([]);
    writeFileSync(join(root, SENDER, 'IN', 'GO.FLAD.012345.20260420.00012.R.1'), '');
    await until(() => files('OUT').length === 4);
    expect(read('OUT', 'FO.NOTI.012345.20260420.00012.R')).toContain('<Status>ACCEPTED</Status>');

    daemon.child.kill('SIGTERM');
    expect(await daemon.exited).toBe(0);
    expect(daemon.output()).toContain('"event":"stopped"');
    expect(existsSync(`${db}.watch.lock`)).toBe(false);
  }, 60_000);
});
