// A wave named in a sentence for staff: its description in quotes with its id, or its id alone. Import-free. The
// ledger's skip reasons carry this form, which the console reads back (skip-other-wave.ts): change both or neither.
export const waveInWords = (id: string, description?: string | undefined): string =>
  description ? `“${description}” (${id})` : id;
