import { basename } from 'node:path';
import { renderAnswers, writeAnswers } from '../answers/files.js';
import { newTicket } from '../answers/ticket.js';
import { Engine, type ProcessReport } from '../engine.js';
import { FlaError } from '../errors.js';
import { storedAnswers } from '../ledger/answers.js';
import { openLedger } from '../ledger/database.js';
import { RULE_SET, VERSION } from '../version.js';
import { engineOptions, resolveSettings } from './config.js';
import { expandInputs } from './inputs.js';
import { REPORTERS } from './validate.js';

const ENVIRONMENTS = ['R', 'T', 'S'] as const;

export async function processCommand(args: readonly string[], flags: Record<string, unknown>): Promise<number> {
  const settings = resolveSettings({ lang: flags.lang, format: flags.format, maxFindings: flags.maxFindings, maxFileBytes: flags.maxFileBytes, db: flags.db });
  const environment = String(flags.env ?? 'R');
  if (!(ENVIRONMENTS as readonly string[]).includes(environment)) throw new FlaError('FLA_ERR_USAGE', `--env must be R, T or S (got "${environment}")`);
  const sender = String(flags.sender ?? 'cli');
  const files = await expandInputs(args);
  const db = openLedger(settings.db);
  const engine = new Engine();
  const reports: ProcessReport[] = [];
  try {
    for (const file of files) {
      const receivedAt = new Date();
      const env = environment as 'R' | 'T' | 'S';
      const fileName = basename(file);
      const report = await engine.processFile(
        file,
        engineOptions(settings),
        { db, sender, environment: env, fileName, ticket: newTicket(), receivedAt: receivedAt.toISOString(), renderAnswers: (r, source) => renderAnswers(r, { environment: env, fileName, receivedAt }, source) },
      );
      reports.push(report);
      // Written from the ledger, part by part: the notification may be larger than a string can be.
      const answers = storedAnswers(db, report.ticket);
      if (answers !== null) await writeAnswers(file, report.ticket, answers, flags.out === undefined ? undefined : String(flags.out));
    }
  } finally {
    engine.close();
    db.close();
  }
  if (flags.quiet !== true) {
    process.stdout.write(REPORTERS[settings.format]({ tool: { name: 'fla-batch', version: VERSION, ruleSet: RULE_SET }, files: reports }, { lang: settings.lang, verbose: flags.verbose === true }));
  }
  return reports.some((r) => r.counts.B > 0) ? 1 : 0;
}
