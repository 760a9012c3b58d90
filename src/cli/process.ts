import { basename } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { prepareAnswerFolders, renderAnswers, writeAnswers, writeMissingAnswers } from '../answers/files.js';
import { shownPath, type FilePath } from '../answers/paths.js';
import { newTicket } from '../answers/ticket.js';
import { Engine, type ProcessReport } from '../engine.js';
import { FlaError } from '../errors.js';
import { receivedFileOf, storedAnswers } from '../ledger/answers.js';
import { checkLedgerFolder, ledgerError, openLedger, type Db } from '../ledger/database.js';
import { isEnvironment } from '../ledger/store.js';
import { RULE_SET, VERSION } from '../version.js';
import { engineOptions, resolveSettings } from './config.js';
import { expandInputFiles, type InputFile } from './inputs.js';
import { InterruptGuard } from './interrupts.js';
import { progressForFile } from './progress.js';
import { REPORTERS } from './validate.js';
import { say } from './say.js';

export async function processCommand(args: readonly string[], flags: Record<string, unknown>): Promise<number> {
  const settings = resolveSettings({ lang: flags.lang, format: flags.format, maxFindings: flags.maxFindings, maxFileBytes: flags.maxFileBytes, db: flags.db });
  const environment = String(flags.env ?? 'R');
  if (!isEnvironment(environment)) throw new FlaError('FLA_ERR_USAGE', `--env must be R, T or S (got "${environment}")`);
  const sender = String(flags.sender ?? 'cli');
  const files = await expandInputFiles(args);
  const outDir = flags.out === undefined ? undefined : String(flags.out);
  // A ledger folder that does not exist is reported before --out is created.
  checkLedgerFolder(settings.db);
  await prepareAnswerFolders(files.map((f) => f.name), outDir);
  const db = openLedger(settings.db);
  const engine = new Engine();
  const reports: ProcessReport[] = [];
  const print = (): void => {
    if (flags.quiet !== true) {
      process.stdout.write(REPORTERS[settings.format]({ tool: { name: 'fla-batch', version: VERSION, ruleSet: RULE_SET }, files: reports }, { lang: settings.lang, verbose: flags.verbose === true }));
    }
  };
  const interrupts = new InterruptGuard(say);
  try {
    for (const input of files) {
      const file = input.name;
      const receivedAt = new Date();
      const fileName = basename(file);
      const bar = await progressForFile(input.path, { quiet: flags.quiet === true, label: file });
      const options = engineOptions(settings);
      const processed = await engine.processFile(
        input.path,
        bar === undefined ? options : { ...options, onProgress: bar.update },
        {
          db,
          sender,
          environment,
          fileName,
          ticket: newTicket(),
          receivedAt: receivedAt.toISOString(),
          renderAnswers: (r, source) => renderAnswers(r, { environment, fileName, receivedAt }, source),
          onCommitted: () => interrupts.hold(`the answers of ${file}`),
        },
      ).finally(() => bar?.finish());
      // A name that is not UTF-8 is read through an alias; the report names the file itself.
      const report = { ...processed, file };
      reports.push(report);
      await pauseForTests();
      for (const path of await restoreAnswersOfDuplicate(db, input, fileName, report, outDir)) {
        if (flags.quiet !== true) say(`fla: ${file} was processed before; its missing answer ${shownPath(path)} was written again from the ledger\n`);
      }
      // Written from the ledger, part by part: the notification may be larger than a string can be.
      const answers = storedAnswers(db, report.ticket);
      if (answers !== null) {
        await writeAnswers(answerBase(input), report.ticket, answers, outDir).catch((error: unknown) => {
          throw new FlaError('FLA_ERR_WRITE', `${(error as Error).message} (the file was processed with ticket ${report.ticket}; its answers are kept in the ledger: fla answers --ticket ${report.ticket})`);
        });
      }
      interrupts.release();
      if (interrupts.stopRequested !== null) break;
    }
  } catch (error) {
    // The files before the failure are committed and answered: their report still goes out.
    if (reports.length > 0) print();
    const failure = ledgerError(error, settings.db);
    if (failure instanceof FlaError && reports.length > 0) throw new FlaError(failure.code, `${failure.message} (after ${reports.length} of ${files.length} files, which were processed: see the report)`);
    throw failure;
  } finally {
    interrupts.dispose();
    engine.close();
    db.close();
  }
  print();
  const signal = interrupts.stopRequested;
  // A signal during the last file's answers stops nothing: the run is complete.
  if (signal !== null && reports.length < files.length) {
    say(`fla: stopped by ${signal} after ${reports.length} of ${files.length} files, each processed and answered (see the report); the rest were not read\n`);
    return InterruptGuard.exitCode(signal);
  }
  return reports.some((r) => r.counts.B > 0) ? 1 : 0;
}

/**
 * The same file again, which the ledger already holds (ACRF-133): where the answers of the first
 * run are missing (it was stopped after its commit), they are written again before the refusal's.
 */
async function restoreAnswersOfDuplicate(db: Db, input: InputFile, fileName: string, report: ProcessReport, outDir: string | undefined): Promise<FilePath[]> {
  const earlier = report.findings.find((f) => f.code === 'ACRF-133')?.data.ticket;
  if (typeof earlier !== 'string') return [];
  const record = receivedFileOf(db, earlier);
  // Only for this very file: another one with the same name or content has answers of its own.
  if (record === null || record.fileName !== fileName || record.sha256 !== report.sha256) return [];
  const answers = storedAnswers(db, earlier);
  return answers === null ? [] : writeMissingAnswers(answerBase(input), earlier, answers, outDir);
}

/** What the answers are named after: the input's path, as bytes where its name is not UTF-8. */
function answerBase(input: InputFile): FilePath {
  return input.bytes ?? input.path;
}

/**
 * Tests stop a run between a file's commit and its answer files, where a run is interrupted at
 * most rarely: FLA_TEST_PAUSE_AFTER_COMMIT_MS holds it there.
 */
async function pauseForTests(): Promise<void> {
  const ms = Number(process.env.FLA_TEST_PAUSE_AFTER_COMMIT_MS ?? 0);
  if (ms > 0) await sleep(ms);
}
