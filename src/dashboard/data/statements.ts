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

export class DashboardStatements {
  private readonly employmentsOf;
  private readonly rightsOf;
  private readonly trainingsOf;
  private readonly versionsOf;

  constructor(
    db: Db,
    private readonly companyId: string,
  ) {
    // Rows as arrays: two numbers per period, read for each of 50,000 workers.
    this.employmentsOf = db.prepare(`SELECT start_day, end_day FROM employments WHERE company_id = ? AND inss = ? ORDER BY start_day`).raw();
    this.rightsOf = db.prepare(`SELECT year, right_type AS type, hours, entitlement FROM right_versions WHERE company_id = ? AND inss = ? AND year >= ? AND year < ? AND current = 1`);
    this.trainingsOf = db.prepare(
      `SELECT user_reference AS reference, start_day AS startDay, end_day AS endDay, year, hours, right_type AS rightType, uses_credit AS usesCredit, cancelled
       FROM training_versions WHERE company_id = ? AND inss = ? AND year >= ? AND year < ? AND current = 1`,
    );
    // No index holds every version by reference (fla process keeps only the current ones indexed, to
    // stay fast); SQLite's sorter spills to disk, so this stays bounded too.
    this.versionsOf = db.prepare(
      `SELECT t.user_reference AS reference, t.inss, t.action, t.cancelled, t.start_day AS startDay, t.end_day AS endDay, t.year, t.hours, t.right_type AS rightType,
         t.title, t.certificate_valid_until AS validUntil, t.late, t.current, f.file_name AS fileName, f.ticket, f.processed_at AS processedAt
       FROM training_versions t JOIN forms fo ON fo.id = t.form_id JOIN received_files f ON f.id = fo.file_id
       WHERE t.company_id = ? ORDER BY t.user_reference, t.id`,
    );
  }

  employments(inss: string): Array<[number, number | null]> {
    return this.employmentsOf.all(this.companyId, inss) as Array<[number, number | null]>;
  }

  rights(inss: string, windowStart: number, windowEnd: number): StoredRight[] {
    return this.rightsOf.all(this.companyId, inss, windowStart, windowEnd) as StoredRight[];
  }

  trainings(inss: string, windowStart: number, windowEnd: number): StoredTraining[] {
    return this.trainingsOf.all(this.companyId, inss, windowStart, windowEnd) as StoredTraining[];
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
