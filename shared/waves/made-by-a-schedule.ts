// Which waves a programme schedule made: their ids are `<key>-<year>` (programme-waves.ts), where staff waves have
// generated ids (shared/ids.ts), which hold no hyphen. On its own, with no imports, so that the console reads it too.

/** A wave a programme schedule made, in any year. */
export const madeByASchedule = (wave: { id: string }) => /-\d{4}$/.test(wave.id);
