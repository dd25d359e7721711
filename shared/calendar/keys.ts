// Item keys of UN Headquarters' holidays in the desk table: one item per year, listed through the overloaded gsi2 in
// year order, as programme years are (shared/programme/keys.ts).

export const holidayYearKey = (year: number) => ({ pk: `HOLIDAYS#${year}`, sk: "YEAR" });
export const HOLIDAY_YEARS_PARTITION = "HOLIDAY-YEARS";
// Four digits in every year the schema takes (2004 to 2100), so the index's string order is the years' order.
export const holidayYearIndexKeys = (year: number) => ({ gsi2pk: HOLIDAY_YEARS_PARTITION, gsi2sk: String(year) });

/** The audit trail's name for one year's list. */
export const holidaysEntity = (year: number) => ({ type: "holidays", id: String(year) });
