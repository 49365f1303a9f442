/** Calendar days in the county's time zone, and the reply deadline in working days. */

/** YYYY-MM-DD of `date` in `timeZone`. */
export function dayIn(timeZone: string, date: Date): string {
  let format = formats.get(timeZone);
  if (!format) {
    // en-CA formats as YYYY-MM-DD. Making a formatter is slow; formatting is not.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formats.set(timeZone, format);
  }
  return format.format(date);
}

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * The day `workingDays` working days after `day` (Monday to Friday; public
 * holidays and their make-up working days are not known here, so the date is
 * the statutory minimum a county may extend by its own calendar).
 */
export function addWorkingDays(day: string, workingDays: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  let left = workingDays;
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    const weekday = date.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return date.toISOString().slice(0, 10);
}
