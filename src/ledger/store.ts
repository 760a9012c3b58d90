// Applies what the rules accepted to the ledger and keeps the counters of the touched workers
// up to date (COUNTERS.md). Runs inside the caller's transaction; never commits by itself.
import type { FormHeader, NaturalPerson, Training, TrainingRight } from '../declaration/model.js';
import { declaredLate } from '../declaration/deadline.js';
import { periodsFrom, statutoryEntitlement, type EmploymentPeriod } from '../declaration/entitlement.js';
import { booleanValue, dayNumber, hundredths, yearOfDay, yearValue } from '../declaration/values.js';
import type { Finding } from '../findings.js';
import { allocate, type GrantedRight, type RightType, type UsingTraining, type WindowCounters } from './allocation.js';
import { durationHours, referenceHoursForYear, referenceHoursOnDay } from '../declaration/conversion.js';
import type { Db } from './database.js';
import { FLA_2024_WINDOWS, windowStart, type WindowScheme } from './windows.js';

/** Production (applied), test or simulation (answered, never applied). */
export const ENVIRONMENTS = ['R', 'T', 'S'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export function isEnvironment(value: string): value is Environment {
  return (ENVIRONMENTS as readonly string[]).includes(value);
}

export interface ReceivedFile {
  readonly ticket: string;
  readonly sender: string;
  readonly fileName: string;
  readonly sha256: string;
  readonly environment: Environment;
  readonly receivedAt: string;
}

export interface WorkerWindow {
  readonly companyId: string;
  readonly inss: string;
  readonly windowStart: number;
}

/** The counters of one worker window as stored: window totals, per year, uncovered. */
export interface StoredCounters {
  readonly types: Record<RightType, { granted: number; used: number }>;
  readonly years: Record<string, Partial<Record<RightType, { granted: number; used: number }>>>;
  readonly uncovered: number;
}

/** What a worker new to the ledger was given by the person being applied (its rights: HeldRights). */
interface OwnRecords {
  /** By reference: the version in force, when it uses credit in a window. */
  readonly trainings: Map<string, UsingTraining>;
}

/**
 * The rights in force in one window of the worker being applied, by "year type", with the ids of
 * their rows: read once per window (none for a new worker) and kept up to date as the person's
 * rights replace them, so that a replaced right needs no lookup and the recount no second read.
 */
type HeldRights = Map<string, { readonly ids: readonly number[]; readonly right: GrantedRight }>;

/** A row of the counters table (migration 5): one per worker window. */
export interface CounterRow {
  readonly lg: number;
  readonly lu: number;
  readonly sg: number;
  readonly su: number;
  readonly eg: number;
  readonly eu: number;
  readonly uncovered: number;
  readonly years: string;
}

/** The counters table's figures, as StoredCounters are made from them (`storedCounters`). */
export const COUNTER_COLUMNS = `legal_granted AS lg, legal_used AS lu, sector_granted AS sg, sector_used AS su, employer_granted AS eg, employer_used AS eu, uncovered, years`;

/** The version of a training in force, as applyTraining needs it. */
interface CurrentTraining {
  readonly id: number;
  readonly inss: string;
  readonly cancelled: number;
  readonly year: number | null;
  readonly start_day: number | null;
  readonly end_day: number | null;
  readonly hours: number | null;
  readonly uses_credit: number;
  readonly right_type: string | null;
  readonly title: string | null;
  readonly certificate_valid_until: number | null;
  readonly late: number | null;
}

export class LedgerStore {
  private readonly statements;
  /**
   * The trainings in force that the ledger rules looked up for the person in hand (null: none), by
   * CompanyID and reference: applying the person reads them from here instead of a second time.
   * Only valid until the ledger changes: each entry goes when its training is written, and all of
   * them with `forgetTrainings` once the person is applied.
   */
  private readonly lookedUp = new Map<string, CurrentTraining | null>();

  constructor(
    db: Db,
    private readonly scheme: WindowScheme = FLA_2024_WINDOWS,
  ) {
    const s = (sql: string) => db.prepare(sql);
    this.statements = {
      insertFile: s(`INSERT INTO received_files (ticket, sender, file_name, sha256, environment, received_at, receipt_code, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
      finishFile: s(`UPDATE received_files SET processed_at = ?, status = ?, sha256 = ? WHERE id = ?`),
      insertForm: s(`INSERT INTO forms (file_id, form_index, sender, reference_nbr, company_id, quarter, result_code) VALUES (?, ?, ?, ?, ?, ?, ?)`),
      setFormResult: s(`UPDATE forms SET result_code = ? WHERE id = ?`),
      insertWorker: s(`INSERT OR IGNORE INTO workers (company_id, inss, name, first_name) VALUES (?, ?, ?, ?)`),
      // Only a changed name is written: a worker declared again under the same name dirties no page.
      renameWorker: s(`UPDATE workers SET name = ?, first_name = ? WHERE company_id = ? AND inss = ? AND (name != ? OR first_name != ?)`),
      insertPerson: s(`INSERT INTO persons (form_id, sequence_nbr, company_id, inss, result_code) VALUES (?, ?, ?, ?, ?)`),
      // By id (HeldRights): an UPDATE that may change several rows opens a statement journal inside
      // the form's savepoint, which made each retirement cost twice as much.
      retireRight: s(`UPDATE right_versions SET current = 0 WHERE id = ?`),
      insertRight: s(`INSERT INTO right_versions (form_id, company_id, inss, year, right_type, hours, entitlement) VALUES (?, ?, ?, ?, ?, ?, ?)`),
      // Read, then a plain insert or an update by key, so that an unchanged period writes nothing
      // (an upsert or INSERT OR IGNORE measured the same: README, Performance).
      workerEmployments: s(`SELECT start_day AS start, end_day AS end, mean_hours AS meanHours FROM employments WHERE company_id = ? AND inss = ?`),
      insertEmployment: s(`INSERT INTO employments (company_id, inss, start_day, end_day, mean_hours) VALUES (?, ?, ?, ?, ?)`),
      updateEmployment: s(`UPDATE employments SET end_day = ?, mean_hours = ? WHERE company_id = ? AND inss = ? AND start_day = ?`),
      currentTraining: s(
        `SELECT id, inss, cancelled, year, start_day, end_day, hours, uses_credit, right_type, title, certificate_valid_until, late FROM training_versions WHERE company_id = ? AND user_reference = ? AND current = 1`,
      ),
      retireTraining: s(`UPDATE training_versions SET current = 0 WHERE id = ?`),
      insertTraining: s(
        `INSERT INTO training_versions (form_id, company_id, user_reference, inss, action, cancelled, start_day, end_day, year, hours, uses_credit, right_type, title, certificate_valid_until, late)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      windowRights: s(`SELECT id, year, right_type AS type, hours FROM right_versions WHERE company_id = ? AND inss = ? AND year >= ? AND year < ? AND current = 1`),
      windowTrainings: s(
        `SELECT user_reference AS reference, start_day AS startDay, end_day AS endDay, year, hours, right_type AS rightType FROM training_versions WHERE company_id = ? AND inss = ? AND year >= ? AND year < ? AND current = 1 AND cancelled = 0 AND uses_credit = 1`,
      ),
      insertCounters: s(
        `INSERT INTO counters (company_id, inss, window_start, legal_granted, legal_used, sector_granted, sector_used, employer_granted, employer_used, uncovered, years, changed_by, before_figures) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
      ),
      // A file's counters without reading the row first: the figures before the file are the row's
      // own (windowFigures' layout) the first time the file changes it, and stay while it changes it again.
      fileCounters: s(
        `INSERT INTO counters (company_id, inss, window_start, legal_granted, legal_used, sector_granted, sector_used, employer_granted, employer_used, uncovered, years, changed_by, before_figures)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)
         ON CONFLICT (company_id, inss, window_start) DO UPDATE SET
           before_figures = CASE WHEN changed_by IS excluded.changed_by THEN before_figures
             ELSE json_array(legal_granted, legal_used, sector_granted, sector_used, employer_granted, employer_used, uncovered) END,
           legal_granted = excluded.legal_granted, legal_used = excluded.legal_used, sector_granted = excluded.sector_granted, sector_used = excluded.sector_used,
           employer_granted = excluded.employer_granted, employer_used = excluded.employer_used, uncovered = excluded.uncovered, years = excluded.years, changed_by = excluded.changed_by`,
      ),
      // Rows as arrays (read once per person of the notification): windowStart, before, then windowFigures' seven.
      changedBy: s(
        `SELECT window_start, before_figures, legal_granted, legal_used, sector_granted, sector_used, employer_granted, employer_used, uncovered FROM counters WHERE company_id = ? AND inss = ? AND changed_by = ? ORDER BY window_start`,
      ).raw(),
      insertFinding: s(`INSERT INTO findings (file_id, code, severity, scope, line, column_nbr, xpath, keys_json, value, message_id, data_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      referenceAccepted: s(`SELECT 1 FROM forms WHERE sender = ? AND reference_nbr = ? AND result_code > 0 LIMIT 1`),
      // Two lookups, each on its own index: an OR here made SQLite walk all of the sender's files.
      receivedByName: s(`SELECT ticket FROM received_files WHERE sender = ? AND file_name = ? AND environment = ? AND receipt_code = 1 AND id != ? LIMIT 1`),
      receivedBySha: s(`SELECT ticket FROM received_files WHERE sender = ? AND sha256 = ? AND environment = ? AND receipt_code = 1 AND id != ? LIMIT 1`),
    };
  }

  /**
   * An earlier positive receipt of the same name or content in the same environment, other than
   * the file `exceptId`: a file tried out in T or S must still go through in production.
   */
  receivedBefore(sender: string, environment: Environment, fileName: string, sha256: string, exceptId = 0): string | undefined {
    const byName = this.statements.receivedByName.get(sender, fileName, environment, exceptId) as { ticket: string } | undefined;
    if (byName !== undefined || sha256 === '') return byName?.ticket;
    return (this.statements.receivedBySha.get(sender, sha256, environment, exceptId) as { ticket: string } | undefined)?.ticket;
  }

  referenceAccepted(sender: string, referenceNbr: string): boolean {
    return this.statements.referenceAccepted.get(sender, referenceNbr) !== undefined;
  }

  trainingState(companyId: string, reference: string): 'unknown' | 'active' | 'cancelled' {
    const row = this.currentTraining(companyId, reference);
    return row === null ? 'unknown' : row.cancelled === 1 ? 'cancelled' : 'active';
  }

  forgetTrainings(): void {
    this.lookedUp.clear();
  }

  private currentTraining(companyId: string, reference: string): CurrentTraining | null {
    const key = `${companyId}\u0000${reference}`;
    let row = this.lookedUp.get(key);
    if (row === undefined) this.lookedUp.set(key, (row = (this.statements.currentTraining.get(companyId, reference) as CurrentTraining | undefined) ?? null));
    return row;
  }

  insertFile(file: ReceivedFile, receiptCode: 0 | 1, status: string): number {
    const { ticket, sender, fileName, sha256, environment, receivedAt } = file;
    return Number(this.statements.insertFile.run(ticket, sender, fileName, sha256, environment, receivedAt, receiptCode, status).lastInsertRowid);
  }

  finishFile(fileId: number, processedAt: string, status: string, sha256: string): void {
    this.statements.finishFile.run(processedAt, status, sha256, fileId);
  }

  insertForm(fileId: number, sender: string, form: FormHeader, resultCode: number): number {
    return Number(
      this.statements.insertForm.run(fileId, form.index, sender, form.referenceNbr?.text ?? '', form.companyId?.text ?? '', form.quarter?.text ?? '', resultCode).lastInsertRowid,
    );
  }

  setFormResult(formId: number, resultCode: number): void {
    this.statements.setFormResult.run(resultCode, formId);
  }

  insertFindings(fileId: number, findings: readonly Finding[]): void {
    for (const f of findings) {
      this.statements.insertFinding.run(fileId, f.code, f.severity, f.scope, f.line ?? null, f.column ?? null, f.xpath ?? null, f.keys === undefined ? null : JSON.stringify(f.keys), f.value ?? null, f.messageId, JSON.stringify(f.data));
    }
  }

  /**
   * Stores an accepted person's accepted rights and trainings, then recounts every worker window
   * they touch. Returns the windows touched, with their counters after this person.
   */
  applyPerson(fileId: number, formId: number, form: FormHeader, person: NaturalPerson, rejected: ReadonlySet<TrainingRight | Training>): Map<string, WindowCounters> {
    const companyId = form.companyId?.text ?? '';
    const inss = person.inss?.text ?? '';
    const name = person.workerName?.text ?? '';
    const firstName = person.workerFirstName?.text ?? '';
    // A worker new to the ledger has no rights, trainings or counters yet (each applied record
    // adds its worker first; a rolled-back form takes both): its windows are counted from what this
    // person brings, without reading them back.
    const fresh = this.statements.insertWorker.run(companyId, inss, name, firstName).changes === 1;
    if (!fresh) this.statements.renameWorker.run(name, firstName, companyId, inss, name, firstName);
    const own: OwnRecords | null = fresh ? { trainings: new Map() } : null;
    this.statements.insertPerson.run(formId, Number(person.sequenceNbr?.text ?? 0), companyId, inss, 1);
    const periods = periodsFrom(person.employments, hundredths);
    this.storeEmployments(companyId, inss, periods, fresh);
    const workforce = hundredths(form.workforceSize?.text);
    const created = dayNumber(form.creationDate?.text);
    const touched = new Map<string, WorkerWindow>();
    const touch = (worker: string, year: number | null): void => {
      if (year === null) return;
      const start = windowStart(year, this.scheme);
      touched.set(`${worker}\u0000${start}`, { companyId, inss: worker, windowStart: start });
    };
    const held = new Map<number, HeldRights>();
    for (const right of person.rights) {
      if (rejected.has(right)) continue;
      const year = yearValue(right.year?.text);
      const type = right.rightType?.text;
      if (year === null || !isRightType(type)) continue;
      const hours = durationHours(right.duration, referenceHoursForYear(person.employments, year));
      if (hours === null) continue;
      const start = windowStart(year, this.scheme);
      let rights = held.get(start);
      if (rights === undefined) held.set(start, (rights = fresh ? new Map() : this.heldRights(companyId, inss, start)));
      const key = `${year} ${type}`;
      for (const id of rights.get(key)?.ids ?? []) this.statements.retireRight.run(id);
      const id = Number(this.statements.insertRight.run(formId, companyId, inss, year, type, hours, legalEntitlement(type, year, workforce, periods)).lastInsertRowid);
      rights.set(key, { ids: [id], right: { year, type, hours } });
      touch(inss, year);
    }
    for (const training of person.trainings) {
      if (!rejected.has(training)) this.applyTraining(formId, companyId, inss, person, training, created, touch, own);
    }
    const after = new Map<string, WindowCounters>();
    for (const [key, window] of touched) {
      const mine = window.inss === inss ? held.get(window.windowStart) : undefined;
      const rights = mine === undefined ? undefined : [...mine.values()].map((h) => h.right);
      after.set(key, own !== null && window.inss === inss ? this.countNew(fileId, window, own, rights ?? []) : this.recount(fileId, window, rights));
    }
    return after;
  }

  /**
   * The worker's employment periods (migration 9), one per start day: a period declared again
   * takes the newer end and hours, an unchanged one writes nothing. A worker new to the ledger has none yet.
   */
  private storeEmployments(companyId: string, inss: string, periods: readonly EmploymentPeriod[], fresh: boolean): void {
    if (periods.length === 0) return;
    const stored = fresh ? [] : (this.statements.workerEmployments.all(companyId, inss) as EmploymentPeriod[]);
    // Two periods of one person with the same start (rules check sequence numbers, not dates): the later one.
    const declared = new Map(periods.map((p) => [p.start, p]));
    for (const p of declared.values()) {
      const before = stored.find((s) => s.start === p.start);
      if (before === undefined) this.statements.insertEmployment.run(companyId, inss, p.start, p.end, p.meanHours);
      else if (before.end !== p.end || before.meanHours !== p.meanHours) this.statements.updateEmployment.run(p.end, p.meanHours, companyId, inss, p.start);
    }
  }

  private heldRights(companyId: string, inss: string, start: number): HeldRights {
    const rights: HeldRights = new Map();
    for (const right of this.statements.windowRights.all(companyId, inss, start, start + this.scheme.length) as Array<GrantedRight & { id: number }>) {
      const key = `${right.year} ${right.type}`;
      const before = rights.get(key);
      rights.set(key, { ids: before === undefined ? [right.id] : [...before.ids, right.id], right });
    }
    return rights;
  }

  private applyTraining(
    formId: number,
    companyId: string,
    inss: string,
    person: NaturalPerson,
    training: Training,
    created: number | null,
    touch: (worker: string, year: number | null) => void,
    own: OwnRecords | null,
  ): void {
    const reference = training.userReference?.text;
    const action = training.action?.text;
    if (reference === undefined || (action !== 'CREATE' && action !== 'REPLACE' && action !== 'CANCEL')) return;
    const previous = this.currentTraining(companyId, reference) ?? undefined;
    this.lookedUp.delete(`${companyId}\u0000${reference}`);
    if (previous !== undefined) {
      this.statements.retireTraining.run(previous.id);
      touch(previous.inss, previous.year);
    }
    own?.trainings.delete(reference);
    if (action === 'CANCEL') {
      // The cancelled version keeps the facts of the one it cancels, for the history.
      const p = previous;
      this.statements.insertTraining.run(
        formId, companyId, reference, p?.inss ?? inss, action, 1, p?.start_day ?? null, p?.end_day ?? null, p?.year ?? null, p?.hours ?? null, p?.uses_credit ?? 0, p?.right_type ?? null, p?.title ?? null,
        p?.certificate_valid_until ?? null, p?.late ?? null,
      );
      return;
    }
    const start = dayNumber(training.startingDate?.text);
    const end = dayNumber(training.endingDate?.text);
    const year = end === null ? null : yearOfDay(end);
    const hours = start === null ? null : durationHours(training.duration, referenceHoursOnDay(person.employments, start));
    const usesCredit = booleanValue(training.attended?.text) === true && booleanValue(training.countsForFla?.text) === true;
    const type = training.rightType?.text;
    const rightType = isRightType(type) ? type : null;
    const validUntil = dayNumber(training.certificate?.validUntil?.text);
    const late = created === null || end === null ? null : declaredLate(created, end) ? 1 : 0;
    this.statements.insertTraining.run(formId, companyId, reference, inss, action, 0, start, end, year, hours, usesCredit ? 1 : 0, rightType, training.title?.text ?? null, validUntil, late);
    // As windowTrainings would read it back: current, not cancelled, using credit, with a year.
    if (own !== null && usesCredit && year !== null) own.trainings.set(reference, { reference, startDay: start!, endDay: end!, year, hours: hours!, rightType });
    touch(inss, year);
  }

  /** A window of a worker new to the ledger: counted from the person's own records, nothing to read before it. */
  private countNew(fileId: number, window: WorkerWindow, own: OwnRecords, rights: readonly GrantedRight[]): WindowCounters {
    const start = window.windowStart;
    const end = start + this.scheme.length;
    const trainings = [...own.trainings.values()].filter((t) => t.year >= start && t.year < end);
    const counters = allocate(rights, trainings);
    this.statements.insertCounters.run(window.companyId, window.inss, start, ...counterColumns(counters), fileId);
    return counters;
  }

  /**
   * Re-allocates one worker window and stores its counters. The figures before a file are those of
   * the first time the file touches the window; they stay in the row while the file touches it again.
   */
  private recount(fileId: number, window: WorkerWindow, held?: readonly GrantedRight[]): WindowCounters {
    const counters = this.allocateWindow(window, held);
    this.statements.fileCounters.run(window.companyId, window.inss, window.windowStart, ...counterColumns(counters), fileId);
    return counters;
  }

  /** One worker window allocated from the stored records (its rights as given, where the person being applied holds them: HeldRights). */
  allocateWindow(window: WorkerWindow, held?: readonly GrantedRight[]): WindowCounters {
    const { companyId, inss, windowStart: start } = window;
    const end = start + this.scheme.length;
    const rights = held ?? (this.statements.windowRights.all(companyId, inss, start, end) as GrantedRight[]);
    const trainings = (this.statements.windowTrainings.all(companyId, inss, start, end) as Array<Omit<UsingTraining, 'rightType'> & { rightType: string | null }>).map((t) => ({
      ...t,
      rightType: isRightType(t.rightType) ? t.rightType : null,
    }));
    return allocate(rights, trainings);
  }

  /** The windows of a worker that the file changed, with their figures before and after it (windowFigures). */
  changesOf(fileId: number, companyId: string, inss: string): Array<{ windowStart: number; before: number[]; after: number[] }> {
    const rows = this.statements.changedBy.all(companyId, inss, fileId) as Array<[number, string | null, ...number[]]>;
    return rows.map((row) => ({ windowStart: row[0], before: row[1] === null ? windowFigures(NO_COUNTERS) : (JSON.parse(row[1]) as number[]), after: row.slice(2) as number[] }));
  }
}

const NO_COUNTERS: CounterRow = { lg: 0, lu: 0, sg: 0, su: 0, eg: 0, eu: 0, uncovered: 0, years: '[]' };

/**
 * What the notification shows of a window, the layout of `before_figures` and of a WindowChange:
 * granted and used per type in RIGHT_TYPES order, then the uncovered hours.
 */
function windowFigures(row: Omit<CounterRow, 'years'>): number[] {
  return [row.lg, row.lu, row.sg, row.su, row.eg, row.eu, row.uncovered];
}

/** A window's counters as the counters table's figure columns: windowFigures' seven, then `years`. */
function counterColumns(counters: WindowCounters): [number, number, number, number, number, number, number, string] {
  const { LEGAL, SECTOR, EMPLOYER } = counters.types;
  return [LEGAL.granted, LEGAL.used, SECTOR.granted, SECTOR.used, EMPLOYER.granted, EMPLOYER.used, counters.uncovered, yearsJson(counters)];
}

/** A window's counters as they would be stored and read back (`storedCounters`). */
export function storedCountersOf(counters: WindowCounters): StoredCounters {
  const [lg, lu, sg, su, eg, eu, uncovered, years] = counterColumns(counters);
  return storedCounters({ lg, lu, sg, su, eg, eu, uncovered, years });
}

/** The per-year figures of the counters table's `years` column, by year. */
function yearsJson(counters: WindowCounters): string {
  const years = [...counters.years.keys()].sort((a, b) => a - b);
  return `[${years
    .map((year) => {
      const { LEGAL, SECTOR, EMPLOYER } = counters.years.get(year)!;
      return `[${year},${LEGAL.granted},${LEGAL.used},${SECTOR.granted},${SECTOR.used},${EMPLOYER.granted},${EMPLOYER.used}]`;
    })
    .join(',')}]`;
}

/** A row as `fla counters` shows it; a year's types in the order the rows per type were read before migration 5. */
export function storedCounters(row: CounterRow): StoredCounters {
  const years: StoredCounters['years'] = {};
  for (const [year, lg, lu, sg, su, eg, eu] of JSON.parse(row.years) as number[][]) {
    years[String(year)] = { EMPLOYER: { granted: eg!, used: eu! }, LEGAL: { granted: lg!, used: lu! }, SECTOR: { granted: sg!, used: su! } };
  }
  return { types: { LEGAL: { granted: row.lg, used: row.lu }, SECTOR: { granted: row.sg, used: row.su }, EMPLOYER: { granted: row.eg, used: row.eu } }, years, uncovered: row.uncovered };
}

/**
 * The statutory entitlement (COUNTERS.md) a LEGAL right was declared against, as rule 10042-021
 * computes it; null for other types, years before the formula, or an unreadable WorkforceSize.
 */
function legalEntitlement(type: RightType, year: number, workforce: number | null, periods: readonly EmploymentPeriod[]): number | null {
  if (type !== 'LEGAL' || workforce === null || year < 2024) return null;
  return statutoryEntitlement(year, workforce, periods, 'full');
}

export function isRightType(value: string | null | undefined): value is RightType {
  return value === 'LEGAL' || value === 'SECTOR' || value === 'EMPLOYER';
}
