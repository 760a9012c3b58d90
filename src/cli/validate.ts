import { Engine, type FileReport } from '../engine.js';
import { FlaError } from '../errors.js';
import { DEFAULT_LIMITS } from '../receipt/limits.js';
import { jsonReporter } from '../report/json.js';
import type { Reporter } from '../report/reporter.js';
import { textReporter } from '../report/text.js';
import { RULE_SET, VERSION } from '../version.js';
import { resolveSettings, type Format } from './config.js';
import { expandInputs } from './inputs.js';

const REPORTERS: Partial<Record<Format, Reporter>> = { text: textReporter, json: jsonReporter };

export async function validateCommand(args: readonly string[], flags: Record<string, unknown>): Promise<number> {
  const settings = resolveSettings({ lang: flags.lang, format: flags.format, maxFindings: flags.maxFindings, maxFileBytes: flags.maxFileBytes });
  const reporter = REPORTERS[settings.format];
  if (reporter === undefined) throw new FlaError('FLA_ERR_USAGE', `--format ${settings.format} is not available yet`);
  const files = await expandInputs(args);
  const engine = new Engine();
  const reports: FileReport[] = [];
  try {
    for (const file of files) {
      reports.push(await engine.validateFile(file, { maxFindings: settings.maxFindings, limits: { ...DEFAULT_LIMITS, maxFileBytes: settings.maxFileBytes } }));
    }
  } finally {
    engine.close();
  }
  if (flags.quiet !== true) {
    process.stdout.write(reporter({ tool: { name: 'fla-batch', version: VERSION, ruleSet: RULE_SET }, files: reports }, { lang: settings.lang, verbose: flags.verbose === true }));
  }
  return reports.some((r) => r.counts.B > 0) ? 1 : 0;
}
