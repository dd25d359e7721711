// The programme year of a day, with no imports: the API's calendar and the console read the same rule.

/** The programme year a day falls in: its period runs from 1 February to 31 January. */
export function programmeYearOf(day: string): number {
  const year = Number(day.slice(0, 4));
  return day.slice(5, 7) === "01" ? year - 1 : year;
}
