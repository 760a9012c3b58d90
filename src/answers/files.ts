// The CLI's answers: `<input>.ACRF.xml` always, `<input>.NOTI.xml` when the receipt is positive,
// each written atomically (ACK.md), next to the input or in --out.
import { mkdir } from 'node:fs/promises';
import type { ProcessReport } from '../engine.js';
import { FlaError } from '../errors.js';
import type { Lang } from '../findings.js';
import { RULE_SET, VERSION } from '../version.js';
import { writeNotification } from './notification.js';
import { answerPaths } from './paths.js';
import { writeReceipt } from './receipt.js';
import { writeAnswerFile } from './write-file.js';
import type { Environment } from './common.js';

export interface AnswerOptions {
  readonly outDir?: string | undefined;
  readonly environment: Environment;
  readonly fileName: string;
  readonly receivedAt: Date;
  readonly languages?: readonly Lang[];
}

export async function writeAnswers(input: string, report: ProcessReport, options: AnswerOptions): Promise<{ receipt: string; notification?: string }> {
  const paths = answerPaths(input, options.outDir);
  const header = {
    ticket: report.ticket,
    fileName: options.fileName,
    sha256: report.sha256,
    environment: options.environment,
    processor: { version: VERSION, ruleSet: RULE_SET },
    ...(options.languages !== undefined ? { languages: options.languages } : {}),
  };
  try {
    if (options.outDir !== undefined) await mkdir(options.outDir, { recursive: true });
    const positive = report.layers.receipt === 'passed';
    const receipt = await writeOnce(paths.receipt, report.ticket, writeReceipt({ ...header, receivedAt: options.receivedAt, report, resultCode: positive ? 1 : 0 }));
    if (!positive) return { receipt };
    const notification = await writeOnce(paths.notification, report.ticket, writeNotification({ ...header, processedAt: new Date(), report, forms: report.forms }));
    return { receipt, notification };
  } catch (error) {
    if (error instanceof FlaError) throw error;
    throw new FlaError('FLA_ERR_WRITE', `cannot write the answers for ${input}: ${(error as Error).message}`);
  }
}

/** An answer never replaces another: where the name is taken, the ticket goes into the name. */
async function writeOnce(path: string, ticket: string, xml: string): Promise<string> {
  try {
    await writeAnswerFile(path, xml, { exclusive: true });
    return path;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const ticketed = path.replace(/\.(ACRF|NOTI)\.xml$/, `.${ticket}.$1.xml`);
    await writeAnswerFile(ticketed, xml, { exclusive: true });
    return ticketed;
  }
}
