// RULES.md 10055-270: a training must be declared by the last day of the month that follows the
// calendar quarter it ended in. Shared by the rule and the ledger, which keeps the verdict per
// training version for `fla report`.

/** The last day (day number) of the month after the calendar quarter that holds `day`. */
export function declarationDeadline(day: number): number {
  const date = new Date(day * 86_400_000);
  const quarterStartMonth = Math.floor(date.getUTCMonth() / 3) * 3;
  // Month index quarterStart + 4 is the first day after the following month; Date.UTC rolls the year over.
  return Date.UTC(date.getUTCFullYear(), quarterStartMonth + 4, 1) / 86_400_000 - 1;
}

/** Whether a training that ended on `endDay` and was declared on `createdDay` came late. */
export function declaredLate(createdDay: number, endDay: number): boolean {
  return createdDay > declarationDeadline(endDay);
}
