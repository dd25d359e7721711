// A date the letters name that falls on a Saturday or a Sunday (audit 31): an answer asked by a Sunday, or a briefing
// on one, is more likely a slip than a choice. Said beside the field, never refused: the Committee may mean it.
// Imports nothing, so it is tested in Node.

const WEEKEND: Readonly<Record<number, string>> = { 0: "Sunday", 6: "Saturday" };

/** "31 January 2027 is a Sunday." for a calendar date (YYYY-MM-DD) on a weekend; undefined otherwise or unparsed. */
export function weekendRemark(date: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const day = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return undefined;
  const weekday = WEEKEND[day.getUTCDay()];
  if (!weekday) return undefined;
  const words = day.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  return `${words} is a ${weekday}.`;
}
