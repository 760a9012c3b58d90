// DROPFOLDER.md "Authorisation": a sender only declares for employers it holds a mandate for, where
// mandates are configured at all. The mandates table (migration 3) is managed with `fla mandates`.
import { companyIdFacts } from '../declaration/company-id.js';
import { FlaError } from '../errors.js';
import type { Db } from '../ledger/database.js';

export interface Mandate {
  readonly sender: string;
  readonly companyId: string;
  /** ISO date, inclusive. */
  readonly validFrom: string;
  /** ISO date, inclusive; null: open-ended. */
  readonly validUntil: string | null;
}

export interface MandateInput {
  readonly sender: string;
  readonly companyId: string;
  readonly validFrom: string;
  readonly validUntil?: string | null;
}

/**
 * Adds a mandate; the same (sender, CompanyID, from) again replaces its end date, which is how a
 * mandate is ended or reopened. Returns the mandate as stored.
 */
export function addMandate(db: Db, input: MandateInput): Mandate {
  const sender = checkSender(input.sender);
  const companyId = checkCompanyId(input.companyId);
  const validFrom = checkDate('valid-from date', input.validFrom);
  const validUntil = input.validUntil === undefined || input.validUntil === null ? null : checkDate('valid-until date', input.validUntil);
  if (validUntil !== null && validUntil < validFrom) throw new FlaError('FLA_ERR_USAGE', `the mandate would end (${validUntil}) before it starts (${validFrom})`);
  db.prepare('INSERT INTO mandates (sender, company_id, valid_from, valid_until) VALUES (?, ?, ?, ?) ON CONFLICT (sender, company_id, valid_from) DO UPDATE SET valid_until = excluded.valid_until').run(sender, companyId, validFrom, validUntil);
  return { sender, companyId, validFrom, validUntil };
}

/** Removes the mandates of a sender for an employer (only the one starting on validFrom, when given); returns how many. */
export function removeMandate(db: Db, input: { readonly sender: string; readonly companyId: string; readonly validFrom?: string }): number {
  const sender = checkSender(input.sender);
  const companyId = checkCompanyId(input.companyId);
  if (input.validFrom === undefined) return db.prepare('DELETE FROM mandates WHERE sender = ? AND company_id = ?').run(sender, companyId).changes;
  const validFrom = checkDate('valid-from date', input.validFrom);
  return db.prepare('DELETE FROM mandates WHERE sender = ? AND company_id = ? AND valid_from = ?').run(sender, companyId, validFrom).changes;
}

/** Every mandate, or those of one sender and/or employer, by sender, CompanyID and start. */
export function listMandates(db: Db, filter: { readonly sender?: string; readonly companyId?: string } = {}): Mandate[] {
  const where: string[] = [];
  const params: string[] = [];
  if (filter.sender !== undefined) {
    where.push('sender = ?');
    params.push(checkSender(filter.sender));
  }
  if (filter.companyId !== undefined) {
    where.push('company_id = ?');
    params.push(checkCompanyId(filter.companyId));
  }
  const sql = `SELECT sender, company_id AS companyId, valid_from AS validFrom, valid_until AS validUntil FROM mandates${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY sender, company_id, valid_from`;
  return db.prepare(sql).all(...params) as Mandate[];
}

/** Whether any mandate exists: without one, every sender may declare for any employer. */
export function mandatesConfigured(db: Db): boolean {
  return (db.prepare('SELECT EXISTS (SELECT 1 FROM mandates) AS found').get() as { found: number }).found === 1;
}

/** Whether the sender holds a mandate for the employer on that ISO date (both ends inclusive). */
export function holdsMandate(db: Db, sender: string, companyId: string, onDate: string): boolean {
  const row = db.prepare('SELECT 1 FROM mandates WHERE sender = ? AND company_id = ? AND valid_from <= ? AND (valid_until IS NULL OR valid_until >= ?) LIMIT 1').get(sender, companyId, onDate, onDate);
  return row !== undefined;
}

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m === null) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return mo >= 1 && date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function checkSender(value: string): string {
  if (!/^\d{6}$/.test(value)) throw new FlaError('FLA_ERR_USAGE', `the sender must be a six-digit sender number like 012345 (got "${value}")`);
  return value;
}

function checkCompanyId(value: string): string {
  const facts = companyIdFacts(value);
  if (facts === null) throw new FlaError('FLA_ERR_USAGE', `the CompanyID must be a ten-digit enterprise number like 0403170701 (got "${value}")`);
  if (!facts.firstDigitOk || !facts.checkDigitOk) throw new FlaError('FLA_ERR_USAGE', `the CompanyID ${value} is not a valid enterprise number (it must start with 0 or 1 and pass the mod-97 check)`);
  return value;
}

function checkDate(what: string, value: string): string {
  if (!isIsoDate(value)) throw new FlaError('FLA_ERR_USAGE', `the ${what} must be a real date written YYYY-MM-DD (got "${value}")`);
  return value;
}
