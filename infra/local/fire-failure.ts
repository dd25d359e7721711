// What `npm run fire` prints when a target fails: the failure (scheduler.ts's targetFailure), and for a target that
// writes in steps, what may be left written and how to complete it (audit 34, word 10: a killed stack left an SES event
// half applied, and the line said only ECONNREFUSED).
import { targetFailure } from "./scheduler.ts";

/** For the targets that write in steps, what a failure may have left, and what to do. */
const HALF_APPLIED: Partial<Record<string, string>> = {
  "ses-events":
    "The event may be half applied: the letter's status, its contact's e-mail status and the wave's halt are " +
    "written one after the other, and this run may have stopped between them (a letter bounced whose contact is " +
    "still ok). Running the same command again is safe, once the stack answers (npm start): an event applied again " +
    "writes nothing twice, and completes what this run left undone.",
};

/** The lines `npm run fire -- <name>` prints when `target` (the target it ran) failed with `error`. */
export function fireFailure(name: string, target: string, error: unknown): string {
  const note = HALF_APPLIED[target];
  return note ? `${targetFailure(name, error)}\n${note}` : targetFailure(name, error);
}
