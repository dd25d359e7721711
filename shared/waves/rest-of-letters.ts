// Which of a halted wave's letters count as written for its rest (rest-of.ts): one rule for dispatch, the audience
// preview and the console's composer, which counts the States and organizations the rest leaves out. It imports
// nothing, so the console compiles it without the server's schemas; a unit test holds it to hasLeft
// (shared/assistance/follow-ups.ts), the follow-ups' rule of a letter that left.

/**
 * A letter that reached its owner, or may have: one that left (hasLeft: sent, delivered, reported as spam), one still
 * being sent, and one whose fate is unknown (the sender stopped between SES and the ledger: it most likely went, and
 * the desk never sends such a letter again blindly). A bounced letter never arrived: its address is skipped as bounced
 * anyway, so the rest writes to the owner's other addresses (its Permanent Mission), as the halted wave would have.
 */
const MAY_HAVE_ARRIVED: ReadonlySet<string> = new Set(["sent", "delivered", "complained", "sending", "unknown"]);

/** Whether a letter in `status` reached its owner, or may have (see MAY_HAVE_ARRIVED). */
export const mayHaveArrived = (status: string): boolean => MAY_HAVE_ARRIVED.has(status);

/** How many owners (States and organizations) the letters reached, or may have. */
export const ownersWrittenTo = (letters: readonly { owner: string; status: string }[]): number =>
  new Set(letters.filter((letter) => mayHaveArrived(letter.status)).map((letter) => letter.owner)).size;
