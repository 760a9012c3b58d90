import { basename } from 'node:path';
import { Engine, type FileReport } from '../engine.js';
import { ledgerError, openLedger } from '../ledger/database.js';
import { githubReporter } from '../report/github.js';
import { jsonReporter } from '../report/json.js';
import { junitReporter } from '../report/junit.js';
import { sarifReporter } from '../report/sarif.js';
import type { Reporter } from '../report/reporter.js';
import { textReporter } from '../report/text.js';
import { RULE_SET, VERSION } from '../version.js';
import { engineOptions, resolveSettings, type Format } from './config.js';
import { expandInputFiles } from './inputs.js';
import { progressForFile } from './progress.js';

export const REPORTERS: Readonly<Record<Format, Reporter>> = { text: textReporter, json: jsonReporter, junit: junitReporter, sarif: sarifReporter, github: githubReporter };

export async function validateCommand(args: readonly string[], flags: Record<string, unknown>): Promise<number> {
  const settings = resolveSettings({ lang: flags.lang, format: flags.format, maxFindings: flags.maxFindings, maxFileBytes: flags.maxFileBytes });
  const reporter = REPORTERS[settings.format];
  const engine = new Engine();
  const files = await expandInputFiles(args).catch((error: unknown) => {
    engine.close();
    throw error;
  });
  // With --db the ledger rules run against the stored history inside a transaction that is
  // always rolled back: validate never changes anything, nor creates or migrates a ledger.
  const db = flags.db === undefined ? null : openLedger(String(flags.db), { asFound: true });
  const reports: FileReport[] = [];
  const options = engineOptions(settings);
  try {
    for (const { name, path } of files) {
      const bar = await progressForFile(path, { quiet: flags.quiet === true, label: name });
      const withBar = bar === undefined ? options : { ...options, onProgress: bar.update };
      try {
        const report =
          db === null
            ? await engine.validateFile(path, withBar)
            : await engine.processFile(path, withBar, { db, sender: String(flags.sender ?? 'cli'), environment: 'R', fileName: basename(name), ticket: 'validate', receivedAt: new Date().toISOString(), dryRun: true });
        // A name that is not UTF-8 is read through an alias; the report names the file itself.
        reports.push({ ...report, file: name });
      } finally {
        bar?.finish();
      }
    }
  } catch (error) {
    throw db === null ? error : ledgerError(error, String(flags.db));
  } finally {
    engine.close();
    db?.close();
  }
  if (flags.quiet !== true) {
    process.stdout.write(reporter({ tool: { name: 'fla-batch', version: VERSION, ruleSet: RULE_SET }, files: reports }, { lang: settings.lang, verbose: flags.verbose === true }));
  }
  return reports.some((r) => r.counts.B > 0) ? 1 : 0;
}
