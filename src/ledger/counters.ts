// Reading the counters (`fla counters`, the notification) and recomputing them from scratch,
// which the property test compares with the incremental figures.
import type { Db } from './database.js';
import { RIGHT_TYPES, type RightType } from './allocation.js';
import { COUNTER_COLUMNS, LedgerStore, storedCounters, storedCountersOf, type CounterRow, type StoredCounters, type WorkerWindow } from './store.js';
import { FLA_2024_WINDOWS, windowLabel, windowStart } from './windows.js';
import { FOLD_FUNCTION, foldName, registerNameFolding } from './name-search.js';

export interface CounterQuery {
  readonly companyId?: string;
  readonly inss?: string;
  /** Family name, a prefix in any case and with or without accents (name-search.ts), like the large-company screen of the FLA application. */
  readonly name?: string;
  readonly year?: number;
  /** A window by its first year, e.g. 2024 for 2024-2028. */
  readonly windowStart?: number;
}

export interface CounterEntry {
  readonly CompanyID: string;
  readonly INSS: string;
  readonly name: string;
  readonly firstName: string;
  readonly window: string;
  readonly types: Record<RightType, { granted: number; used: number; remaining: number }>;
  readonly years: Record<string, Partial<Record<RightType, { granted: number; used: number }>>>;
  readonly uncovered: number;
}

/**
 * The windows (`counters u`) that hold a right or a training in force, as CLI.md lists them and as
 * recomputeAll finds them. A window whose last record moved away keeps its row, all zeros: the
 * notification of the file that emptied it reads its figures before and after from there.
 */
const HOLDS_RECORDS = `(EXISTS (SELECT 1 FROM right_versions r WHERE r.company_id = u.company_id AND r.inss = u.inss AND r.current = 1 AND r.year >= u.window_start AND r.year < u.window_start + ${FLA_2024_WINDOWS.length})
  OR EXISTS (SELECT 1 FROM training_versions t WHERE t.company_id = u.company_id AND t.inss = u.inss AND t.current = 1 AND t.year >= u.window_start AND t.year < u.window_start + ${FLA_2024_WINDOWS.length}))`;

/**
 * Every worker window that matches, in the order of the large-company screen, one at a time: the
 * rows are read as they are written out, so a ledger of a million workers costs no more memory
 * than one of ten.
 */
export function* counterEntries(db: Db, query: CounterQuery): Generator<CounterEntry> {
  const where: string[] = [HOLDS_RECORDS];
  const params: Array<string | number> = [];
  if (query.companyId !== undefined) where.push('u.company_id = ?') && params.push(query.companyId);
  if (query.inss !== undefined) where.push('u.inss = ?') && params.push(query.inss);
  if (query.name !== undefined) {
    registerNameFolding(db);
    where.push(`instr(${FOLD_FUNCTION}(w.name), ?) = 1`) && params.push(foldName(query.name));
  }
  if (query.windowStart !== undefined) where.push('u.window_start = ?') && params.push(query.windowStart);
  if (query.year !== undefined) where.push('u.window_start <= ? AND ? < u.window_start + ?') && params.push(query.year, query.year, FLA_2024_WINDOWS.length);
  const rows = db
    .prepare(
      `SELECT u.company_id AS companyId, u.inss, u.window_start AS windowStart, coalesce(w.name, '') AS name, coalesce(w.first_name, '') AS firstName, ${COUNTER_COLUMNS}
       FROM counters u LEFT JOIN workers w ON w.company_id = u.company_id AND w.inss = u.inss
       WHERE ${where.join(' AND ')}
       ORDER BY u.company_id, w.name, u.inss, u.window_start`,
    )
    .iterate(...params) as IterableIterator<WorkerWindow & CounterRow & { name: string; firstName: string }>;
  for (const row of rows) yield toEntry(row, storedCounters(row), query.year);
}

function toEntry(row: WorkerWindow & { name: string; firstName: string }, counters: StoredCounters, year: number | undefined): CounterEntry {
  const types = {} as CounterEntry['types'];
  for (const type of RIGHT_TYPES) {
    const { granted, used } = counters.types[type];
    types[type] = { granted, used, remaining: granted - used };
  }
  const years = year === undefined ? counters.years : Object.fromEntries(Object.entries(counters.years).filter(([y]) => Number(y) === year));
  return { CompanyID: row.companyId, INSS: row.inss, name: row.name, firstName: row.firstName, window: windowLabel(row.windowStart), types, years, uncovered: counters.uncovered };
}

/** Every worker window recounted from the stored records, without touching the stored counters. */
export function recomputeAll(db: Db): Map<string, StoredCounters> {
  const out = new Map<string, StoredCounters>();
  const windows = db
    .prepare(
      `SELECT DISTINCT company_id AS companyId, inss, year FROM right_versions WHERE current = 1
       UNION SELECT DISTINCT company_id, inss, year FROM training_versions WHERE current = 1 AND year IS NOT NULL`,
    )
    .all() as Array<{ companyId: string; inss: string; year: number }>;
  const store = new LedgerStore(db);
  for (const w of windows) {
    const start = windowStart(w.year);
    const key = `${w.companyId}/${w.inss}/${start}`;
    if (!out.has(key)) out.set(key, storedCountersOf(store.allocateWindow({ companyId: w.companyId, inss: w.inss, windowStart: start })));
  }
  return out;
}

/** The stored (incremental) counters of every worker window, keyed like recomputeAll. */
export function storedAll(db: Db): Map<string, StoredCounters> {
  const out = new Map<string, StoredCounters>();
  for (const row of db.prepare(`SELECT company_id AS companyId, inss, window_start AS windowStart, ${COUNTER_COLUMNS} FROM counters u WHERE ${HOLDS_RECORDS}`).all() as Array<WorkerWindow & CounterRow>) {
    out.set(`${row.companyId}/${row.inss}/${row.windowStart}`, storedCounters(row));
  }
  return out;
}
