// The ledger reads of `fla report`: point lookups per worker on the indexes fla process keeps, and
// one pass over an employer's training versions. Every statement iterates or reads one worker, so
// memory does not grow with the employer.
import type { Db } from '../../ledger/database.js';
import type { RightType } from '../../ledger/allocation.js';

export interface StoredRight {
  readonly year: number;
  readonly type: RightType;
  readonly hours: number;
  /** Migration 9: the statutory entitlement the LEGAL right was declared against; null = unknown. */
  readonly entitlement: number | null;
}

export interface StoredTraining {
  readonly reference: string;
  readonly startDay: number | null;
  readonly endDay: number | null;
  readonly year: number;
  readonly hours: number | null;
  readonly rightType: string | null;
  readonly usesCredit: number;
  readonly cancelled: number;
}

/** One row per training version, grouped by reference (`versions`), the current one last. */
export interface TrainingVersionRow {
  readonly reference: string;
  readonly inss: string;
  readonly action: 'CREATE' | 'REPLACE' | 'CANCEL';
  readonly cancelled: number;
  readonly startDay: number | null;
  readonly endDay: number | null;
  readonly year: number | null;
  readonly hours: number | null;
  readonly rightType: string | null;
  readonly title: string | null;
  readonly validUntil: number | null;
  readonly late: number | null;
  readonly current: number;
  readonly fileName: string;
  readonly ticket: string;
  readonly processedAt: string | null;
}

/** One worker's employment periods, rights and trainings of the window, as the report reads them. */
export interface WorkerRecords {
  readonly inss: string;
  /** Day numbers, by start; end null: ongoing. */
  readonly employment: Array<[number, number | null]>;
  readonly rights: StoredRight[];
  readonly trainings: StoredTraining[];
}

export class DashboardStatements {
  private readonly employmentsOf;
  private readonly rightsOf;
  private readonly trainingsOf;
  private readonly versionsOf;

  constructor(
    db: Db,
    private readonly companyId: string,
  ) {
    // Each in INSS order along an index fla process keeps (no sort), merged by workerRecords: a
    // lookup per worker instead cost three statement calls each, 1 s of CPU for 57,000 workers.
    this.employmentsOf = db.prepare(`SELECT inss, start_day, end_day FROM employments WHERE company_id = ? ORDER BY inss, start_day`).raw();
    this.rightsOf = db.prepare(`SELECT inss, year, right_type, hours, entitlement FROM right_versions WHERE company_id = ? AND year >= ? AND year < ? AND current = 1 ORDER BY inss`).raw();
    this.trainingsOf = db
      .prepare(
        `SELECT inss, user_reference, start_day, end_day, year, hours, right_type, uses_credit, cancelled
         FROM training_versions WHERE company_id = ? AND year >= ? AND year < ? AND current = 1 ORDER BY inss`,
      )
      .raw();
    // No index holds every version by reference (fla process keeps only the current ones indexed, to
    // stay fast); SQLite's sorter spills to disk, so this stays bounded too.
    this.versionsOf = db.prepare(
      `SELECT t.user_reference AS reference, t.inss, t.action, t.cancelled, t.start_day AS startDay, t.end_day AS endDay, t.year, t.hours, t.right_type AS rightType,
         t.title, t.certificate_valid_until AS validUntil, t.late, t.current, f.file_name AS fileName, f.ticket, f.processed_at AS processedAt
       FROM training_versions t JOIN forms fo ON fo.id = t.form_id JOIN received_files f ON f.id = fo.file_id
       WHERE t.company_id = ? ORDER BY t.user_reference, t.id`,
    );
  }

  /**
   * Every worker of the employer with a record, in INSS order: its employment periods (all), and
   * its rights and trainings in force in the window [from, until).
   */
  *workerRecords(from: number, until: number): Generator<WorkerRecords> {
    const employments = new Cursor(this.employmentsOf.iterate(this.companyId) as IterableIterator<unknown[]>);
    const rights = new Cursor(this.rightsOf.iterate(this.companyId, from, until) as IterableIterator<unknown[]>);
    const trainings = new Cursor(this.trainingsOf.iterate(this.companyId, from, until) as IterableIterator<unknown[]>);
    try {
      for (;;) {
        // INSS are eleven ASCII digits: JavaScript's order is SQLite's.
        const inss = [employments.inss, rights.inss, trainings.inss].reduce<string | null>((low, x) => (x !== null && (low === null || x < low) ? x : low), null);
        if (inss === null) return;
        const records: WorkerRecords = { inss, employment: [], rights: [], trainings: [] };
        for (const row of employments.take(inss)) records.employment.push([row[1] as number, row[2] as number | null]);
        for (const row of rights.take(inss)) records.rights.push({ year: row[1] as number, type: row[2] as RightType, hours: row[3] as number, entitlement: row[4] as number | null });
        for (const row of trainings.take(inss)) {
          const [, reference, startDay, endDay, year, hours, rightType, usesCredit, cancelled] = row as [string, string, number | null, number | null, number, number | null, string | null, number, number];
          records.trainings.push({ reference, startDay, endDay, year, hours, rightType, usesCredit, cancelled });
        }
        yield records;
      }
    } finally {
      employments.close();
      rights.close();
      trainings.close();
    }
  }

  /** Every version of every training of the employer, by reference, oldest first. */
  *versions(): Generator<TrainingVersionRow[]> {
    let group: TrainingVersionRow[] = [];
    for (const row of this.versionsOf.iterate(this.companyId) as IterableIterator<TrainingVersionRow>) {
      if (group.length > 0 && group[0]!.reference !== row.reference) {
        yield group;
        group = [];
      }
      group.push(row);
    }
    if (group.length > 0) yield group;
  }
}

/** Whether the ledger knows the employer at all: a declaration of it, accepted or not. */
export function companyKnown(db: Db, companyId: string): boolean {
  return db.prepare(`SELECT 1 FROM forms WHERE company_id = ? LIMIT 1`).get(companyId) !== undefined;
}

/** The employers a sender holds a mandate for on a day (DROPFOLDER.md "Authorisation"), in order. */
export function mandatedCompanies(db: Db, sender: string, onDay: string): string[] {
  const rows = db
    .prepare(`SELECT DISTINCT company_id FROM mandates WHERE sender = ? AND valid_from <= ? AND (valid_until IS NULL OR valid_until >= ?) ORDER BY company_id`)
    .pluck()
    .all(sender, onDay, onDay) as string[];
  return rows;
}

/** Rows whose first column is the INSS, read one ahead so that a worker's run can be taken. */
class Cursor {
  private next: unknown[] | null;

  constructor(private readonly rows: IterableIterator<unknown[]>) {
    this.next = this.read();
  }

  get inss(): string | null {
    return this.next === null ? null : (this.next[0] as string);
  }

  *take(inss: string): Generator<unknown[]> {
    while (this.next !== null && this.next[0] === inss) {
      yield this.next;
      this.next = this.read();
    }
  }

  close(): void {
    this.rows.return?.();
  }

  private read(): unknown[] | null {
    const step = this.rows.next();
    return step.done === true ? null : step.value;
  }
}
