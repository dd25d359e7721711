// A voided submission no longer counts and is never changed again: the refusal every correction and void gives.
import { Conflict } from "../errors.ts";
import type { Submission } from "./schemas.ts";

/** A write to a voided submission. The detail names it by symbol with the void's reason; `reason` names the conflict. */
export class SubmissionVoided extends Conflict {
  override readonly reason = "submission-voided";
  constructor(symbol: string, voided: Submission["voided"]) {
    const why = voided?.reason ? ` (${voided.reason})` : "";
    super(`Submission ${symbol} is voided${why}; a voided submission cannot be changed`, voided ? { voided } : {});
  }
}
