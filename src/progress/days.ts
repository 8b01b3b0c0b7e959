// Calendar days in the learner's own time zone: a streak or a daily review cap follows the
// learner's day, not UTC's.

/** "YYYY-MM-DD" of the local calendar day containing `date`. */
export function localDay(date: Date): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, "0");
  const d = String(date.getDate()).padStart(2, "0");
  return `${y}-${m}-${d}`;
}

/** The local day `days` calendar days before the one containing `date` (DST-safe: steps by date, not by 24 h). */
export function localDayBefore(date: Date, days: number): string {
  const shifted = new Date(date.getFullYear(), date.getMonth(), date.getDate() - days, 12);
  return localDay(shifted);
}
