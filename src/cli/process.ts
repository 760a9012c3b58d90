import { basename } from 'node:path';
import { prepareAnswerFolders, renderAnswers, writeAnswers } from '../answers/files.js';
import { newTicket } from '../answers/ticket.js';
import { Engine, type ProcessReport } from '../engine.js';
import { FlaError } from '../errors.js';
import { storedAnswers } from '../ledger/answers.js';
import { ledgerError, openLedger } from '../ledger/database.js';
import { isEnvironment } from '../ledger/store.js';
import { RULE_SET, VERSION } from '../version.js';
import { engineOptions, resolveSettings } from './config.js';
import { expandInputs } from './inputs.js';
import { REPORTERS } from './validate.js';

export async function processCommand(args: readonly string[], flags: Record<string, unknown>): Promise<number> {
  const settings = resolveSettings({ lang: flags.lang, format: flags.format, maxFindings: flags.maxFindings, maxFileBytes: flags.maxFileBytes, db: flags.db });
  const environment = String(flags.env ?? 'R');
  if (!isEnvironment(environment)) throw new FlaError('FLA_ERR_USAGE', `--env must be R, T or S (got "${environment}")`);
  const sender = String(flags.sender ?? 'cli');
  const files = await expandInputs(args);
  const outDir = flags.out === undefined ? undefined : String(flags.out);
  await prepareAnswerFolders(files, outDir);
  const db = openLedger(settings.db);
  const engine = new Engine();
  const reports: ProcessReport[] = [];
  const print = (): void => {
    if (flags.quiet !== true) {
      process.stdout.write(REPORTERS[settings.format]({ tool: { name: 'fla-batch', version: VERSION, ruleSet: RULE_SET }, files: reports }, { lang: settings.lang, verbose: flags.verbose === true }));
    }
  };
  try {
    for (const file of files) {
      const receivedAt = new Date();
      const fileName = basename(file);
      const report = await engine.processFile(
        file,
        engineOptions(settings),
        { db, sender, environment, fileName, ticket: newTicket(), receivedAt: receivedAt.toISOString(), renderAnswers: (r, source) => renderAnswers(r, { environment, fileName, receivedAt }, source) },
      );
      reports.push(report);
      // Written from the ledger, part by part: the notification may be larger than a string can be.
      const answers = storedAnswers(db, report.ticket);
      if (answers !== null) {
        await writeAnswers(file, report.ticket, answers, outDir).catch((error: unknown) => {
          throw new FlaError('FLA_ERR_WRITE', `${(error as Error).message} (the file was processed with ticket ${report.ticket}; its answers are kept in the ledger)`);
        });
      }
    }
  } catch (error) {
    // The files before the failure are committed and answered: their report still goes out.
    if (reports.length > 0) print();
    const failure = ledgerError(error, settings.db);
    if (failure instanceof FlaError && reports.length > 0) throw new FlaError(failure.code, `${failure.message} (after ${reports.length} of ${files.length} files, which were processed: see the report)`);
    throw failure;
  } finally {
    engine.close();
    db.close();
  }
  print();
  return reports.some((r) => r.counts.B > 0) ? 1 : 0;
}
