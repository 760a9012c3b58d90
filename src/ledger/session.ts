// One file's pass through the ledger: one transaction for the file, a savepoint per declaration
// (a FORM-scope rejection found late rolls back just that declaration), and the ledger view the
// ledger rules read — which includes the earlier parts of the same file.
import type { FormHeader, NaturalPerson } from '../declaration/model.js';
import type { Finding } from '../findings.js';
import type { LedgerView } from '../rules/rule.js';
import type { FormOutcome, PersonOutcome } from '../rules/runner.js';
import type { WindowCounters } from './allocation.js';
import { insertAnswer, spoolChunks, PART_CHARS, type Answers } from './answers.js';
import type { Db } from './database.js';
import { holdsMandate, mandatesConfigured } from '../watch/mandates.js';
import { LedgerStore, type ReceivedFile } from './store.js';

/** One window this file changed: its figures before and after, as `windowFigures` (store.ts) lays them out. */
export interface WindowChange {
  readonly windowStart: number;
  readonly before: readonly number[];
  readonly after: readonly number[];
}

export class LedgerSession implements LedgerView {
  readonly sender: string;
  private readonly store: LedgerStore;
  private fileId = 0;
  private formId = 0;
  private lastCounters = new Map<string, WindowCounters>();
  private open = false;
  /** Whether mandates are checked, looked up once per session. */
  private mandates: boolean | undefined;

  constructor(
    private readonly db: Db,
    private readonly file: ReceivedFile,
    private readonly partChars = PART_CHARS,
  ) {
    this.sender = file.sender;
    this.store = new LedgerStore(db);
  }

  /** The ticket of an earlier positive receipt for the same name or content in the same environment (ACRF-133). */
  duplicateOf(sha256?: string): string | undefined {
    return this.store.receivedBefore(this.sender, this.file.environment, this.file.fileName, sha256 ?? '', this.fileId);
  }

  begin(): void {
    this.db.exec('BEGIN IMMEDIATE');
    this.open = true;
    this.fileId = this.store.insertFile(this.file, 1, 'PROCESSING');
    // Everything the file applies stays inside this savepoint, so that a test file can drop it.
    this.db.exec('SAVEPOINT ledger');
  }

  startForm(form: FormHeader): void {
    this.db.exec('SAVEPOINT form');
    this.formId = this.store.insertForm(this.fileId, this.sender, form, 1);
  }

  applyPerson(form: FormHeader, person: NaturalPerson, outcome: PersonOutcome): void {
    this.lastCounters = outcome.rejected ? new Map() : this.store.applyPerson(this.fileId, this.formId, form, person, outcome.rejectedRecords);
    // What the rules looked up for this person is stale for the next one.
    this.store.forgetTrainings();
  }

  endForm(form: FormHeader, outcome: FormOutcome): void {
    this.store.forgetTrainings();
    if (outcome.rejected) {
      this.db.exec('ROLLBACK TO form');
      this.db.exec('RELEASE form');
      this.store.insertForm(this.fileId, this.sender, form, 0);
    } else {
      this.store.setFormResult(this.formId, outcome.resultCode);
      this.db.exec('RELEASE form');
    }
  }

  /**
   * Stores the findings, the outcome and the answers, and commits. A test or simulation file keeps
   * only its receipt record and answers: what it applied is rolled back first, so its notification
   * (written from the counters it changed) is rendered into a spool file before that.
   */
  async commit(findings: readonly Finding[], status: string, processedAt: string, apply: boolean, sha256: string, answers?: Answers): Promise<void> {
    const spooled = answers?.notification !== undefined && !apply ? spoolChunks(answers.notification, this.partChars) : undefined;
    try {
      if (!apply) this.db.exec('ROLLBACK TO ledger');
      this.db.exec('RELEASE ledger');
      this.store.insertFindings(this.fileId, findings);
      this.store.finishFile(this.fileId, processedAt, status, sha256);
      if (answers !== undefined) await this.storeAnswers(this.fileId, { ...answers, ...(spooled !== undefined ? { notification: spooled.chunks } : {}) });
      this.db.exec('COMMIT');
      this.open = false;
    } finally {
      spooled?.close();
    }
  }

  rollback(): void {
    // SQLite rolls the whole transaction back by itself on some errors (SQLITE_FULL, SQLITE_IOERR,
    // SQLITE_NOMEM): a ROLLBACK then fails with "no transaction is active" and would hide the cause.
    if (this.open && this.db.inTransaction) this.db.exec('ROLLBACK');
    this.open = false;
  }

  /** A file refused at receipt: recorded with its findings, nothing else. */
  async recordRejected(findings: readonly Finding[], processedAt: string, sha256: string, answers?: Answers): Promise<void> {
    this.rollback();
    this.db.exec('BEGIN IMMEDIATE');
    this.open = true;
    try {
      const id = this.store.insertFile(this.file, 0, 'REJECTED');
      this.store.insertFindings(id, findings);
      this.store.finishFile(id, processedAt, 'REJECTED', sha256);
      if (answers !== undefined) await this.storeAnswers(id, answers);
      this.db.exec('COMMIT');
      this.open = false;
    } finally {
      this.rollback();
    }
  }

  private async storeAnswers(fileId: number, answers: Answers): Promise<void> {
    await insertAnswer(this.db, fileId, 'ACRF', [answers.receipt], Infinity);
    if (answers.notification !== undefined) await insertAnswer(this.db, fileId, 'NOTI', answers.notification, this.partChars);
  }

  /** The counters this file changed for one worker, before and after, by window (inside the transaction). */
  changesOf(companyId: string, inss: string): WindowChange[] {
    return this.store.changesOf(this.fileId, companyId, inss);
  }

  referenceAccepted(referenceNbr: string): boolean {
    return this.store.referenceAccepted(this.sender, referenceNbr);
  }

  trainingState(companyId: string, reference: string): 'unknown' | 'active' | 'cancelled' {
    return this.store.trainingState(companyId, reference);
  }

  /** DROPFOLDER.md "Authorisation": undefined (no check) where no mandates are configured, or the sender is no drop-folder sender number. */
  holdsMandate(companyId: string, onDate: string): boolean | undefined {
    this.mandates ??= /^\d{6}$/.test(this.sender) && mandatesConfigured(this.db);
    return this.mandates ? holdsMandate(this.db, this.sender, companyId, onDate) : undefined;
  }

  uncoveredHours(_companyId: string, reference: string): number {
    for (const counters of this.lastCounters.values()) {
      const hours = counters.uncoveredByTraining.get(reference);
      if (hours !== undefined) return hours;
    }
    return 0;
  }
}
