// `fla answers --ticket T`: a processed file's receipt and notification written again from the
// ledger, which keeps them as sent (a run stopped after its commit, answers deleted or lost).
import { basename } from 'node:path';
import { prepareAnswerFolders, writeAnswers } from '../answers/files.js';
import { FlaError } from '../errors.js';
import { receivedFileOf, storedAnswers } from '../ledger/answers.js';
import { ledgerError, openLedger } from '../ledger/database.js';
import { resolveSettings } from './config.js';

export async function answersCommand(flags: Record<string, unknown>): Promise<number> {
  const settings = resolveSettings({ db: flags.db });
  const ticket = String(flags.ticket);
  const outDir = flags.out === undefined ? '.' : String(flags.out);
  const db = openLedger(settings.db, { readonly: true });
  try {
    const record = receivedFileOf(db, ticket);
    if (record === null) throw new FlaError('FLA_ERR_USAGE', `the ledger ${settings.db} holds no file with ticket ${ticket} (the ticket is in each answer, and in fla process's error line)`);
    const answers = storedAnswers(db, ticket);
    if (answers === null) throw new FlaError('FLA_ERR_DB', `the ledger ${settings.db} holds no answers for ticket ${ticket}: the file was received before the ledger kept them`);
    await prepareAnswerFolders([], outDir);
    const written = await writeAnswers(answerBase(record.fileName, ticket), ticket, answers, outDir);
    if (flags.quiet !== true) process.stdout.write(`${[written.receipt, written.notification].filter((p) => p !== undefined).join('\n')}\n`);
  } catch (error) {
    throw ledgerError(error, settings.db);
  } finally {
    db.close();
  }
  return 0;
}

/** The name the answers are written after: the file's as received, never a path out of --out. */
function answerBase(fileName: string, ticket: string): string {
  const name = basename(fileName);
  return name === '' || name === '.' || name === '..' ? ticket : name;
}
