// The ledger's reason for a letter its wave's dispatch wrote after the wave's not-after deadline: recorded expired as
// it was written, never queued. Import-free: the console dates such a letter's row by it (letter-row-words.ts).
export const EXPIRED_AT_DISPATCH = "dispatched after the wave's not-after deadline";
