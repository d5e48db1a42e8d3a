/** The public page shows the calendar year to date by default: long enough for a trend, in Vietnam dates. */
export function yearToDate(now: Date): { from: string; to: string } {
  // Vietnam is UTC+7 all year (no summer time).
  const vn = new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
  return { from: `${vn.slice(0, 4)}-01-01`, to: vn };
}
