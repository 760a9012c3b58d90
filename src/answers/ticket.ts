// The ticket fla-batch gives a received file (ACK.md): unique, and sortable by time as plain text.
// Shape: FLA-<UTC yyyyMMddTHHmmssSSS>Z-<6-digit sequence within the millisecond>-<8 random hex>.
// Only letters, digits and '-', so that it can also serve as a part of a drop-folder file name.
import { randomBytes } from 'node:crypto';

/** A ticket's shape, for patterns that hold one (answer file names). */
export const TICKET_PATTERN = 'FLA-\\d{8}T\\d{9}Z-\\d{6}-[0-9a-f]{8}';
const TICKET = new RegExp(`^${TICKET_PATTERN}$`);
const MAX_SEQUENCE = 999_999;

let lastMs = 0;
let sequence = -1;

export function newTicket(now: number = Date.now()): string {
  // Never go back in time (clock adjustments), so that tickets sort in creation order.
  if (now > lastMs) {
    lastMs = now;
    sequence = 0;
  } else if (sequence < MAX_SEQUENCE) {
    sequence++;
  } else {
    lastMs++;
    sequence = 0;
  }
  const iso = new Date(lastMs).toISOString(); // 2025-01-02T03:04:05.678Z
  const stamp = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}${iso.slice(20, 23)}Z`;
  return `FLA-${stamp}-${String(sequence).padStart(6, '0')}-${randomBytes(4).toString('hex')}`;
}

export function isTicket(value: string): boolean {
  return TICKET.test(value);
}
