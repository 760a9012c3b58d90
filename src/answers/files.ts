// Renders a processed file's answers (stored by the engine in the same transaction) and writes
// them from the ledger: `<input>.ACRF.xml` always, `<input>.NOTI.xml` when the receipt is positive (ACK.md).
import { constants } from 'node:fs';
import { access, mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ProcessReport } from '../engine.js';
import type { Answers, StoredAnswers } from '../ledger/answers.js';
import { FlaError } from '../errors.js';
import type { Lang } from '../findings.js';
import { RULE_SET, VERSION } from '../version.js';
import type { Environment } from './common.js';
import { notificationChunks, type FormSource } from './notification.js';
import { answerPaths, shownPath, ticketedPath, type FilePath } from './paths.js';
import { writeReceipt } from './receipt.js';
import { writeAnswerFile, type AnswerText } from './write-file.js';

export interface AnswerContext {
  readonly environment: Environment;
  readonly fileName: string;
  readonly receivedAt: Date;
  readonly languages?: readonly Lang[];
}

/** The receipt now; the notification as chunks rendered while the ledger stores them. */
export function renderAnswers(report: ProcessReport, context: AnswerContext, source: FormSource): Answers {
  const header = {
    ticket: report.ticket,
    fileName: context.fileName,
    sha256: report.sha256,
    environment: context.environment,
    processor: { version: VERSION, ruleSet: RULE_SET },
    ...(context.languages !== undefined ? { languages: context.languages } : {}),
  };
  const positive = report.layers.receipt === 'passed';
  const receipt = writeReceipt({ ...header, receivedAt: context.receivedAt, report, resultCode: positive ? 1 : 0 });
  if (!positive) return { receipt };
  return { receipt, notification: notificationChunks({ ...header, processedAt: new Date(), report, source }) };
}

/**
 * Makes sure every folder the answers go to exists and can be written before any file is applied:
 * once a file is committed its answers must not be lost to a folder that was never writable.
 */
export async function prepareAnswerFolders(inputs: readonly string[], outDir?: string): Promise<void> {
  const folders = outDir !== undefined ? [outDir] : [...new Set(inputs.map((input) => dirname(input)))];
  for (const folder of folders) {
    try {
      if (outDir !== undefined) await mkdir(folder, { recursive: true });
      await access(folder, constants.W_OK);
    } catch (error) {
      throw new FlaError('FLA_ERR_WRITE', `cannot write answers into ${folder}: ${(error as Error).message}; no file was processed`);
    }
  }
}

/** Next to the input, or in `outDir`; an answer never replaces another (the ticket goes in the name). */
export async function writeAnswers(input: FilePath, ticket: string, answers: Pick<StoredAnswers, 'receipt' | 'notification'>, outDir?: string): Promise<{ receipt: FilePath; notification?: FilePath }> {
  const paths = answerPaths(input, outDir);
  try {
    if (outDir !== undefined) await mkdir(outDir, { recursive: true });
    const receipt = await writeOnce(paths.receipt, ticket, answers.receipt);
    if (answers.notification === null) return { receipt };
    return { receipt, notification: await writeOnce(paths.notification, ticket, answers.notification) };
  } catch (error) {
    if (error instanceof FlaError) throw error;
    throw new FlaError('FLA_ERR_WRITE', `cannot write the answers for ${shownPath(input)}: ${(error as Error).message}`);
  }
}

/**
 * Writes those answers of a committed file that are not on disk (a run stopped between the commit
 * and the answer files); returns the paths written. An answer counts as there under its ticketed
 * name, or under the plain one when that file names the same ticket.
 */
export async function writeMissingAnswers(input: FilePath, ticket: string, answers: Pick<StoredAnswers, 'receipt' | 'notification'>, outDir?: string): Promise<FilePath[]> {
  const paths = answerPaths(input, outDir);
  const wanted: Array<[FilePath, AnswerText]> = [[paths.receipt, answers.receipt]];
  if (answers.notification !== null) wanted.push([paths.notification, answers.notification]);
  const written: FilePath[] = [];
  try {
    for (const [path, xml] of wanted) {
      if (!(await holdsAnswer(path, ticket)) && !(await holdsAnswer(ticketedPath(path, ticket), ticket))) written.push(await writeOnce(path, ticket, xml));
    }
  } catch (error) {
    throw new FlaError('FLA_ERR_WRITE', `cannot write the answers for ${shownPath(input)} again: ${(error as Error).message}`);
  }
  return written;
}

/** Whether `path` is an answer for `ticket`: the ticket is the first element of every answer. */
async function holdsAnswer(path: FilePath, ticket: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch {
    return false;
  }
  try {
    const head = Buffer.alloc(512);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return head.subarray(0, bytesRead).toString('utf8').includes(`<Ticket>${ticket}</Ticket>`);
  } finally {
    await handle.close();
  }
}

async function writeOnce(path: FilePath, ticket: string, xml: AnswerText): Promise<FilePath> {
  try {
    await writeAnswerFile(path, xml, { exclusive: true });
    return path;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const ticketed = ticketedPath(path, ticket);
    await writeAnswerFile(ticketed, xml, { exclusive: true });
    return ticketed;
  }
}

