// The one engine call behind the CLI, the watcher and the tests: a file in, findings and an
// outcome out. libxml2 validates in a child process while this process maps the same file, so
// the two passes run side by side on two cores instead of one after the other.
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { DECLARATION_NS } from './declaration/model.js';
import { readDeclarationFile, type ReadResult } from './declaration/read-file.js';
import { RULES } from './rules/registry.js';
import type { Rule } from './rules/rule.js';
import { RuleRunner, type Tally, type Totals } from './rules/runner.js';
import type { Db } from './ledger/database.js';
import { LedgerSession } from './ledger/session.js';
import type { Environment } from './ledger/store.js';
import { OutcomeCollector } from './ledger/outcomes.js';
import type { FormOutcome, FormSource } from './answers/index.js';
import type { Answers } from './ledger/answers.js';
import { FlaError } from './errors.js';
import type { Finding, Severity } from './findings.js';
import { DEFAULT_LIMITS, type ReceiptLimits } from './receipt/limits.js';
import { parserLimitOf } from './receipt/parser-limits.js';
import { checkProlog } from './receipt/prolog.js';
import { receiptFinding } from './receipt/receipt-finding.js';
import { LineIndex } from './receipt/line-index.js';
import { Utf8Source } from './receipt/utf8-source.js';
import { DOMAIN, type ValidationReply } from './receipt/xsd-protocol.js';
import { XsdValidator } from './receipt/xsd-validator.js';

export const DECLARATION_XSD = fileURLToPath(new URL('../xsd/fla-declaration-v1.xsd', import.meta.url));

export type LayerState = 'passed' | 'failed' | 'skipped';
export type { Tally, Totals };
export type FileStatus = 'ACCEPTED' | 'ACCEPTED_WITH_WARNINGS' | 'PARTIALLY_ACCEPTED' | 'REJECTED';

export interface FileReport {
  readonly file: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly status: FileStatus;
  readonly layers: { readonly receipt: LayerState; readonly rules: LayerState; readonly ledger: LayerState };
  /** At most `maxFindings`, receipt first, then in file order. */
  readonly findings: readonly Finding[];
  /** Findings left out beyond `maxFindings`, by code. */
  readonly omitted: Readonly<Record<string, number>>;
  readonly counts: Readonly<Record<Severity, number>>;
  readonly totals: Totals;
}

export interface EngineOptions {
  readonly limits?: ReceiptLimits;
  readonly maxFindings?: number;
  /** The rules to run; the whole `rules` layer of the catalogue by default. */
  readonly rules?: readonly Rule[];
  /**
   * Told now and then how far the mapping is, in bytes of the whole file (about: from the line it
   * reached), for a progress bar; costs a newline count of the file when given.
   */
  readonly onProgress?: (bytesDone: number, bytesTotal: number) => void;
}

/** Where and how `processFile` applies a file (CLI.md `fla process`, DROPFOLDER.md). */
export interface LedgerOptions {
  readonly db: Db;
  readonly sender: string;
  readonly environment: Environment;
  /** The name recorded and echoed in the answers (the drop folder's FI name; the CLI's file name). */
  readonly fileName: string;
  readonly ticket: string;
  readonly receivedAt: string;
  /** `fla validate --db`: run the ledger rules against the history, then roll everything back. */
  readonly dryRun?: boolean;
  /**
   * Renders the answers so that they are stored in the same transaction as what they answer; the
   * notification's persons come from `source`, form by form, while it is stored.
   */
  readonly renderAnswers?: (report: ProcessReport, source: FormSource) => Answers;
  /** The size of the notification's parts in the ledger (tests make it small). */
  readonly answerPartChars?: number;
  /**
   * Called as soon as the file's transaction is committed (never for a dry run or a failure): from
   * then on its answers must be written, even if the run is asked to stop.
   */
  readonly onCommitted?: () => void;
}

export type { Answers };

export interface ProcessReport extends FileReport {
  readonly ticket: string;
  /** Whether the ledger now holds the accepted part of this file. */
  readonly applied: boolean;
  /**
   * Per declaration, its outcome and counts, without its persons (the notification reads those from
   * a spool while it is stored; the answers themselves are in the ledger, see `storedAnswers`).
   */
  readonly forms: readonly FormOutcome[];
}

export class Engine {
  private readonly validator: XsdValidator;

  constructor(xsd: string = DECLARATION_XSD) {
    this.validator = new XsdValidator(xsd);
    // The child boots (Node, the addon) while the caller gets its files ready.
    this.validator.start();
  }

  /** All layers that need no database; changes nothing. */
  async validateFile(path: string, options: EngineOptions = {}): Promise<FileReport> {
    return this.run([path], options, null);
  }

  /**
   * Validates, runs the ledger rules and applies the accepted scopes in one transaction. Several
   * paths are the parts of one submission, read in order as one logical file (DROPFOLDER.md).
   */
  async processFile(path: string | readonly string[], options: EngineOptions, ledger: LedgerOptions): Promise<ProcessReport> {
    const session = new LedgerSession(ledger.db, { ticket: ledger.ticket, sender: ledger.sender, fileName: ledger.fileName, sha256: '', environment: ledger.environment, receivedAt: ledger.receivedAt }, ledger.answerPartChars);
    // Persons wait in a spool file until the notification is stored; it goes whatever happens.
    const outcomes = new OutcomeCollector();
    try {
      return await this.run(typeof path === 'string' ? [path] : path, options, { session, options: ledger, outcomes });
    } catch (error) {
      session.rollback();
      throw error;
    } finally {
      outcomes.close();
    }
  }

  /** A submission refused before it is read (a bad name, a withdrawal): a negative receipt only. */
  async rejectSubmission(paths: readonly string[], findings: readonly Finding[], ledger: LedgerOptions): Promise<ProcessReport> {
    const session = new LedgerSession(ledger.db, { ticket: ledger.ticket, sender: ledger.sender, fileName: ledger.fileName, sha256: '', environment: ledger.environment, receivedAt: ledger.receivedAt });
    const sizes = await Promise.all(paths.map(fileSize));
    const sha256 = await hashOnly(paths);
    const collector = new FindingCollector(10_000);
    findings.forEach((f) => collector.add(f));
    const base = finish(paths.join(' + '), sha256, sizes.reduce((a, b) => a + b, 0), collector, new RuleRunner([]).totals, 'failed', true);
    const report: ProcessReport = { ...base, ticket: ledger.ticket, applied: false, forms: [] };
    await session.recordRejected(collector.kept, new Date().toISOString(), sha256, ledger.renderAnswers?.(report, NO_FORMS));
    return report;
  }

  private async run(paths: readonly string[], options: EngineOptions, ledger: { session: LedgerSession; options: LedgerOptions; outcomes: OutcomeCollector } | null): Promise<ProcessReport> {
    const limits = options.limits ?? DEFAULT_LIMITS;
    const maxFindings = options.maxFindings ?? 10_000;
    const sizes = await Promise.all(paths.map(fileSize));
    const size = sizes.reduce((a, b) => a + b, 0);
    const name = paths.join(' + ');
    const collector = new FindingCollector(maxFindings);
    const session = ledger?.session;
    // Rules that compare with today (10002-111) judge a file by the day it was received.
    const runner = new RuleRunner(options.rules ?? RULES, session, dayOf(ledger?.options.receivedAt));
    const ticket = ledger?.options.ticket ?? '';
    const dryRun = ledger?.options.dryRun === true;
    // Test and simulation files are answered but never applied; neither is a dry run.
    const apply = ledger !== null && ledger.options.environment === 'R' && !dryRun;
    const now = (): string => new Date().toISOString();
    // A value the writers refuse (RangeError) surfaces as FLA_ERR_ANSWER, also while the
    // notification is rendered part by part inside the commit.
    const answer = (report: ProcessReport, source: FormSource): Answers | undefined => {
      const answers = guarded(() => ledger?.options.renderAnswers?.(report, source), name);
      return answers?.notification === undefined ? answers : { ...answers, notification: guardedChunks(answers.notification, name) };
    };

    const refuse = async (findings: readonly Finding[], sha256: string, totals: Totals): Promise<ProcessReport> => {
      findings.forEach((f) => collector.add(f));
      const report: ProcessReport = { ...finish(name, sha256, size, collector, totals, 'failed', ledger !== null), ticket, applied: false, forms: [] };
      if (session !== undefined && !dryRun) {
        await session.recordRejected(collector.kept, now(), sha256, answer(report, NO_FORMS));
        ledger?.options.onCommitted?.();
      } else session?.rollback();
      return report;
    };

    const early = await earlyReceipt(paths, sizes, limits);
    if (early.length > 0) return await refuse(early, await hashOnly(paths), runner.totals);
    const sameName = session?.duplicateOf();
    if (sameName !== undefined) return await refuse([receiptFinding('ACRF-133', 'duplicate', { ticket: sameName })], await hashOnly(paths), runner.totals);

    // libxml2 reads the parts in turn in its child process while this one maps and checks them.
    const validations = paths.map((path) => this.validator.validate(path, limits, maxFindings));
    // Keep the promises observed so that a failure while mapping does not become unhandled.
    validations.forEach((v) => v.reply.catch(() => undefined));
    const outcomes = ledger?.outcomes ?? null;
    const hash = createHash('sha256');
    let receipt: Finding[] = [];
    let schemaErrorsLeftOut = 0;
    let formOffset = 0;
    const progress = options.onProgress;
    let personsMapped = 0;
    try {
      session?.begin();
      for (const [i, path] of paths.entries()) {
        const lines = progress === undefined ? undefined : new LineIndex();
        const partStart = sizes.slice(0, i).reduce((a, b) => a + b, 0);
        const mapped = await readDeclarationFile(
          path,
          validations[i]!,
          (item) => {
            for (const finding of runner.inspect(item)) collector.add(finding);
            // Every 256 persons is often enough for a bar redrawn a few times a second.
            if (lines !== undefined && item.kind === 'person' && (++personsMapped & 255) === 0) progress!(partStart + lines.byteOfLine(item.person.at.line), size);
            if (session === undefined) return;
            if (item.kind === 'form') {
              session.startForm(item.form);
              outcomes?.form(item.form);
            } else if (item.kind === 'person') {
              session.applyPerson(item.form, item.person, runner.person);
              if (!runner.person.rejected) for (const finding of runner.applied(item.person, item.form)) collector.add(finding);
              outcomes?.person(item.person, runner.person);
            } else if (runner.lastForm !== null) {
              session.endForm(item.form, runner.lastForm);
              outcomes?.formEnd(runner.lastForm.rejected);
            }
          },
          { hash, formOffset, ...(lines !== undefined ? { lines } : {}) },
        );
        formOffset += mapped.forms;
        const reply = await validations[i]!.reply;
        if (receipt.length === 0) {
          receipt = receiptFindings(mapped, reply, limits).map((f) => (paths.length > 1 ? { ...f, data: { ...f.data, part: i + 1 } } : f));
          if (receipt[0]?.code === 'ACRF-255') schemaErrorsLeftOut = reply.total - reply.errors.length;
        }
      }
    } finally {
      // A file left unmapped by an error must not hold up the files after it in the child.
      validations.forEach((v) => v.discard());
    }
    const sha256 = hash.digest('hex');
    // A refusal after reading voids what the rules found (refuse rolls the transaction back).
    if (receipt.length > 0) {
      collector.reset();
      if (schemaErrorsLeftOut > 0) collector.omit('ACRF-255', schemaErrorsLeftOut);
      return await refuse(receipt, sha256, runner.totals);
    }
    const sameContent = session?.duplicateOf(sha256);
    if (sameContent !== undefined) {
      collector.reset();
      return await refuse([receiptFinding('ACRF-133', 'duplicate', { ticket: sameContent })], sha256, runner.totals);
    }
    const base = finish(name, sha256, size, collector, runner.totals, 'passed', ledger !== null);
    if (session === undefined || outcomes === null) return { ...base, ticket, applied: apply, forms: [] };
    // Counters before/after are read inside the transaction: a test file's changes are never committed.
    const source = outcomes.source((companyId, inss) => session.changesOf(companyId, inss));
    const report: ProcessReport = { ...base, ticket, applied: apply, forms: source.forms };
    if (dryRun) session.rollback();
    else {
      await session.commit(collector.kept, report.status, now(), apply, sha256, answer(report, source));
      ledger?.options.onCommitted?.();
    }
    return report;
  }

  close(): void {
    this.validator.close();
  }
}

/** The receipt verdict, in order of precedence: the first class that applies is the one reported. */
function receiptFindings(mapped: ReadResult, reply: ValidationReply, limits: ReceiptLimits): Finding[] {
  // libxml2 also answers -1 for a document it could not parse; that comes with its errors.
  if (reply.failure !== undefined || (reply.status < 0 && reply.total === 0)) {
    throw new FlaError('FLA_ERR_VALIDATOR', `the XSD validator failed: ${reply.failure ?? `status ${reply.status} without a diagnostic`}`);
  }
  if (mapped.invalidUtf8 !== undefined) return [receiptFinding('ACRF-138', 'invalidBytes', { offset: mapped.invalidUtf8 }, ...libxmlPosition(reply))];
  const { builder } = mapped;
  if (builder.externalReference !== undefined) {
    const ref = builder.externalReference;
    return [receiptFinding('ACRF-901', 'external', { what: ref.what }, ref.line, ref.column)];
  }
  const problem = builder.structureProblem;
  if (problem !== undefined) {
    const limit = problem.problem === 'depth' ? limits.maxDepth : limits.maxTextChars;
    return [receiptFinding('ACRF-902', problem.problem === 'depth' ? 'depth' : 'textSize', { limit }, problem.line, problem.column)];
  }
  const wellFormedness = reply.errors.find((e) => e.domain !== DOMAIN.SCHEMASV && e.level >= 2);
  const limit = wellFormedness === undefined ? undefined : parserLimitOf(wellFormedness);
  if (limit !== undefined) return [receiptFinding('ACRF-902', limit.messageId, { limit: limit.limit }, wellFormedness!.line, Math.max(1, wellFormedness!.column))];
  if (wellFormedness !== undefined) {
    return [receiptFinding('ACRF-102', 'notWellFormed', { detail: wellFormedness.message }, wellFormedness.line, Math.max(1, wellFormedness.column))];
  }
  const root = builder.root;
  if (root === undefined) return [receiptFinding('ACRF-102', 'notWellFormed', { detail: 'no root element' }, 1, 1)];
  if (root.name !== 'FLADeclarations') return [receiptFinding('ACRF-088', 'root', { found: root.name }, root.line, root.column, { value: root.name })];
  if (root.ns !== DECLARATION_NS) return [receiptFinding('ACRF-088', 'namespace', { found: root.ns ?? '' }, root.line, root.column, { value: root.ns ?? '' })];
  if (root.version !== '1') return [receiptFinding('ACRF-088', 'version', { found: root.version ?? '' }, root.line, root.column, { value: root.version ?? '' })];
  return reply.errors.filter((e) => e.domain === DOMAIN.SCHEMASV).map(schemaFinding);
}

function libxmlPosition(reply: ValidationReply): [number?, number?] {
  const first = reply.errors.find((e) => e.domain !== DOMAIN.SCHEMASV);
  return first === undefined ? [] : [first.line, Math.max(1, first.column)];
}

const ELEMENT = /^Element '(?:\{[^}]*\})?([^']+)'(?:, attribute '([^']+)')?: /;

// The patterns of DateType and YearType (xsd/fla-declaration-v1.xsd): a value they refuse is
// told in words, not with the regular expression.
const DATE_PATTERN = "by the pattern '[0-9]{4}-[0-9]{2}-[0-9]{2}(Z|";
const YEAR_PATTERN = "by the pattern '[0-9]{4}(Z|";

function schemaFinding(e: { line: number; column: number; message: string }): Finding {
  const element = ELEMENT.exec(e.message);
  const detail = e.message.replace(/\{urn:be:fla:declaration:v1\}/g, '');
  const value = /The value '([^']*)'/.exec(e.message)?.[1] ?? /'([^']*)' is not a valid value/.exec(e.message)?.[1];
  const form = e.message.includes(DATE_PATTERN) ? 'date' : e.message.includes(YEAR_PATTERN) ? 'year' : undefined;
  if (form !== undefined) return receiptFinding('ACRF-255', form, { element: element?.[1] ?? '', value: value ?? '' }, e.line, Math.max(1, e.column), value === undefined ? {} : { value });
  return receiptFinding('ACRF-255', 'schema', { detail: detail.replace(/\.$/, ''), element: element?.[1] ?? '' }, e.line, Math.max(1, e.column), value === undefined ? {} : { value });
}

class FindingCollector {
  readonly kept: Finding[] = [];
  readonly omitted: Record<string, number> = {};
  readonly counts: Record<Severity, number> = { B: 0, W: 0, I: 0 };

  constructor(private readonly max: number) {}

  add(finding: Finding): void {
    this.counts[finding.severity]++;
    if (this.kept.length < this.max) this.kept.push(finding);
    else this.omitted[finding.code] = (this.omitted[finding.code] ?? 0) + 1;
  }

  omit(code: string, n: number, severity: Severity = 'B'): void {
    this.counts[severity] += n;
    this.omitted[code] = (this.omitted[code] ?? 0) + n;
  }

  reset(): void {
    this.kept.length = 0;
    for (const key of Object.keys(this.omitted)) delete this.omitted[key];
    this.counts.B = this.counts.W = this.counts.I = 0;
  }
}

/** Forms for an answer that lists none (a refusal has no notification). */
const NO_FORMS: FormSource = { forms: [], persons: () => [] };

function guarded<T>(render: () => T, name: string): T {
  try {
    return render();
  } catch (error) {
    if (error instanceof RangeError) throw new FlaError('FLA_ERR_ANSWER', `the answers for ${name} cannot be written (${error.message}); nothing was applied`);
    throw error;
  }
}

function* guardedChunks(chunks: Iterable<string>, name: string): Generator<string> {
  const iterator = chunks[Symbol.iterator]();
  for (;;) {
    const next = guarded(() => iterator.next(), name);
    if (next.done === true) return;
    yield next.value;
  }
}

function finish(file: string, sha256: string, bytes: number, collector: FindingCollector, totals: Totals, receipt: LayerState, withLedger: boolean): FileReport {
  const receiptOk = receipt === 'passed';
  const failed = (layer: Finding['layer']): boolean => collector.kept.some((f) => f.layer === layer && f.severity === 'B');
  if (!receiptOk) {
    for (const tally of Object.values(totals) as Tally[]) {
      tally.rejected = tally.received;
      tally.accepted = 0;
    }
  }
  return {
    file,
    sha256,
    bytes,
    status: statusOf(receiptOk, collector.counts, totals),
    layers: {
      receipt,
      rules: receiptOk ? (failed('rules') ? 'failed' : 'passed') : 'skipped',
      ledger: receiptOk && withLedger ? (failed('ledger') ? 'failed' : 'passed') : 'skipped',
    },
    findings: collector.kept,
    omitted: collector.omitted,
    counts: collector.counts,
    totals,
  };
}

/** ACK.md "Status". */
function statusOf(receiptOk: boolean, counts: Record<Severity, number>, totals: Totals): FileStatus {
  if (!receiptOk || totals.persons.accepted === 0) return 'REJECTED';
  if (counts.B > 0) return 'PARTIALLY_ACCEPTED';
  if (counts.W > 0) return 'ACCEPTED_WITH_WARNINGS';
  return 'ACCEPTED';
}

/** Days since 1970-01-01 (UTC) of an ISO timestamp, or of now. */
function dayOf(timestamp: string | undefined): number {
  const ms = timestamp === undefined ? Number.NaN : Date.parse(timestamp);
  return Math.floor((Number.isNaN(ms) ? Date.now() : ms) / 86_400_000);
}

async function fileSize(path: string): Promise<number> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new FlaError('FLA_ERR_READ', `${path} is not a regular file`);
    return info.size;
  } catch (error) {
    if (error instanceof FlaError) throw error;
    throw new FlaError('FLA_ERR_READ', `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

async function hashOnly(paths: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const path of paths) await new Utf8Source(path, hash).read();
  return hash.digest('hex');
}

/** Size and prolog checks, part by part, before anything is parsed. */
async function earlyReceipt(paths: readonly string[], sizes: readonly number[], limits: ReceiptLimits): Promise<Finding[]> {
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total > limits.maxFileBytes) return [receiptFinding('ACRF-184', 'tooLarge', { size: total, limit: limits.maxFileBytes })];
  for (const [i, path] of paths.entries()) {
    const part = paths.length > 1 ? { part: i + 1 } : {};
    if (sizes[i] === 0) return [receiptFinding('ACRF-134', 'empty', part)];
    const prolog = await checkProlog(path);
    if (prolog.length > 0) return prolog.map((f) => ({ ...f, data: { ...f.data, ...part } }));
  }
  return [];
}
