// The notification is rendered form by form and stored in parts; put back together it must be,
// byte for byte, what the single-string writer produced before (the hashes below were taken from
// `fla process` at commit 87d581d, Ticket and ProcessedAt blanked), and valid against the ACK XSD.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderAnswers, writeAnswers } from '../../dist/answers/files.js';
import { writeAnswerFileSync } from '../../dist/answers/write-file.js';
import { Engine } from '../../dist/engine.js';
import { answerParts, storedAnswers } from '../../dist/ledger/answers.js';
import { openLedger } from '../../dist/ledger/database.js';
import { BIN, ROOT, tempDir } from '../helpers.js';

const dir = tempDir();
const engine = new Engine();
afterAll(() => {
  engine.close();
  dir.remove();
});

const GOLDEN: Record<string, string> = {
  'R 02-secretariat-2026Q1.xml': '1d48448f2dff696e572f959225fb0635b750ade787e15dbf7261730539463c63',
  'R 04-corrections-2026Q2.xml': '27329452a2ec12ee4c43033f5119d24f5308695792fdbf6d34ff00c9ea8cc085',
  'T 03-anomalies-2026Q1.xml': 'd62beb4573cb81bd9a5585428d37d761abaed9a64c7336258021d9f286cf8eaf',
};

const blanked = (xml: string): string => xml.replace(/<Ticket>[^<]*<\/Ticket>/, '<Ticket>T</Ticket>').replace(/<ProcessedAt>[^<]*<\/ProcessedAt>/, '<ProcessedAt>P</ProcessedAt>');
const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

describe('a notification stored in parts', () => {
  it('equals the single-string rendering for the samples (02, then 04 on top of it; 03 as a test file)', async () => {
    let n = 0;
    for (const [ledger, runs] of [
      ['r.sqlite', [['R', '02-secretariat-2026Q1.xml'], ['R', '04-corrections-2026Q2.xml']]],
      ['t.sqlite', [['T', '03-anomalies-2026Q1.xml']]],
    ] as const) {
      const db = openLedger(join(dir.path, ledger));
      try {
        for (const [environment, fileName] of runs) {
          const file = join(dir.path, fileName);
          copyFileSync(join(ROOT, 'samples', fileName), file);
          const receivedAt = new Date();
          const ticket = `FLA-PARTS-${++n}`;
          await engine.processFile(file, {}, { db, sender: 'cli', environment, fileName, ticket, receivedAt: receivedAt.toISOString(), answerPartChars: 4096, renderAnswers: (r, source) => renderAnswers(r, { environment, fileName, receivedAt }, source) });
          const id = (db.prepare('SELECT id FROM received_files WHERE ticket = ?').get(ticket) as { id: number }).id;
          const parts = [...answerParts(db, id, 'NOTI')];
          expect(parts.length).toBeGreaterThan(fileName.startsWith('04') ? 0 : 1);
          const whole = parts.join('');
          // Stored gzip-compressed (migration 6), the receipt as text.
          const stored = db.prepare(`SELECT kind, compression, typeof(xml) AS type, sum(length(xml)) AS bytes FROM answers WHERE file_id = ? GROUP BY kind, compression, type ORDER BY kind`).all(id);
          expect(stored).toMatchObject([{ kind: 'ACRF', compression: 'none', type: 'text' }, { kind: 'NOTI', compression: 'gzip', type: 'blob' }]);
          expect((stored[1] as { bytes: number }).bytes).toBeLessThan(Buffer.byteLength(whole) / 2);
          expect(sha256(blanked(whole)), `${environment} ${fileName}`).toBe(GOLDEN[`${environment} ${fileName}`]);
          const out = join(dir.path, `out-${n}`);
          const written = await writeAnswers(file, ticket, storedAnswers(db, ticket)!, out);
          expect(readFileSync(written.notification!, 'utf8')).toBe(whole);
          // The drop folder writes synchronously, from the same parts (also after a crash).
          const again = join(out, 'again.NOTI.xml');
          writeAnswerFileSync(again, storedAnswers(db, ticket)!.notification!, { exclusive: true });
          expect(readFileSync(again, 'utf8')).toBe(whole);
          const check = spawnSync('xmllint', ['--noout', '--nonet', '--schema', join(ROOT, 'xsd', 'fla-ack-v1.xsd'), written.receipt, written.notification!], { encoding: 'utf8' });
          expect(check.status, check.stderr).toBe(0);
        }
      } finally {
        db.close();
      }
    }
  });
});

describe('a notification that fails while its parts are being compressed', () => {
  it('leaves the ledger as it was (FLA_ERR_ANSWER), and the same file goes through afterwards', async () => {
    const db = openLedger(join(dir.path, 'failing.sqlite'));
    const fileName = '02-secretariat-2026Q1.xml';
    const file = join(dir.path, `failing-${fileName}`);
    copyFileSync(join(ROOT, 'samples', fileName), file);
    const count = () => db.prepare(`SELECT (SELECT count(*) FROM received_files) AS files, (SELECT count(*) FROM answers) AS answers, (SELECT count(*) FROM counters) AS counters`).get();
    const receivedAt = new Date();
    const options = (ticket: string, failAfter: number) => ({
      db,
      sender: 'cli',
      environment: 'R' as const,
      fileName,
      ticket,
      receivedAt: receivedAt.toISOString(),
      answerPartChars: 1024,
      renderAnswers: (r: Parameters<typeof renderAnswers>[0], source: Parameters<typeof renderAnswers>[2]) => {
        const answers = renderAnswers(r, { environment: 'R', fileName, receivedAt }, source);
        // Several parts are compressed and some inserted before the writer refuses a value.
        function* failing(): Generator<string> {
          let n = 0;
          for (const chunk of answers.notification!) {
            if (++n > failAfter) throw new RangeError('answer: a value the writer refuses');
            yield chunk;
          }
        }
        return { ...answers, notification: failing() };
      },
    });
    try {
      await expect(engine.processFile(file, {}, options('FLA-FAIL-1', 40))).rejects.toMatchObject({ code: 'FLA_ERR_ANSWER' });
      expect(count()).toEqual({ files: 0, answers: 0, counters: 0 });
      await engine.processFile(file, {}, options('FLA-FAIL-2', Infinity));
      expect(count()).toMatchObject({ files: 1 });
      expect((count() as { answers: number }).answers).toBeGreaterThan(3);
    } finally {
      db.close();
    }
  });
});

describe('the spool of persons', () => {
  it('is removed by the next process when the one that made it was killed', () => {
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
    const stale = join(tmpdir(), `fla-spool-${gone}-test`);
    mkdirSync(stale, { recursive: true });
    const r = spawnSync(process.execPath, [BIN, 'process', 'samples/01-minimal.xml', '--db', join(dir.path, 'spool.sqlite'), '--out', join(dir.path, 'spool-out'), '--quiet'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(stale)).toBe(false);
  });
});
