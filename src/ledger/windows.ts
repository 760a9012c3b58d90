// COUNTERS.md "Five-year windows": fixed periods from an anchor; anchor and length belong to the
// rule set, so that a successor can change them without touching the ledger.
export interface WindowScheme {
  readonly anchor: number;
  readonly length: number;
}

export const FLA_2024_WINDOWS: WindowScheme = { anchor: 2024, length: 5 };

export function windowStart(year: number, scheme: WindowScheme = FLA_2024_WINDOWS): number {
  return scheme.anchor + Math.floor((year - scheme.anchor) / scheme.length) * scheme.length;
}

export function windowLabel(start: number, scheme: WindowScheme = FLA_2024_WINDOWS): string {
  return `${start}-${start + scheme.length - 1}`;
}
