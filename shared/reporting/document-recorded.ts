// A document symbol is recorded once, across all States: the 409 for a second one says where it is recorded, in words,
// at the symbol's field (`body.symbol`), so that a form shows it under the symbol and takes the focus there.
import { Conflict, type FieldIssue } from "../errors.ts";
import { possessive } from "../possessive.ts";
import { SUBMISSION_KIND_WORDS } from "./kind-words.ts";
import type { Submission } from "./schemas.ts";

/** Which submission holds the symbol, as its guard item names it. */
export interface SymbolHolder {
  iso3?: string | undefined;
  submissionId?: string | undefined;
}

/**
 * 409, not 422: the body is well formed and would be taken were the symbol free; what refuses it is what is on record,
 * a conflict with the stored state (RFC 9110, 15.5.10), as for every other duplicate the API refuses. A client keeps
 * matching on the status it always had; the field issue only adds where the fault is.
 */
export class DocumentRecorded extends Conflict {
  readonly issues: FieldIssue[];
  constructor(
    readonly symbol: string,
    readonly holder: SymbolHolder,
    /** Where it is recorded, in words (`recordedAsWords`); without them the refusal says only that it is. */
    where?: string,
  ) {
    const words = where ? `already recorded as ${where}` : "already recorded";
    super(`The document ${symbol} is ${words}`, { ...holder });
    this.issues = [{ path: "body.symbol", message: `${symbol} is ${words}.` }];
  }
}

/** "Gambia's first national report, received 2026-11-30". */
export const recordedAsWords = (stateName: string, holder: Pick<Submission, "kind" | "receivedOn">): string =>
  `${possessive(stateName)} ${SUBMISSION_KIND_WORDS[holder.kind]}, received ${holder.receivedOn}`;

/** What the refusal reads to say where: the holding submission and its State's name, when they are still there. */
export interface HolderReads {
  submission: (iso3: string, id: string) => Promise<Pick<Submission, "kind" | "receivedOn"> | undefined>;
  stateName: (iso3: string) => Promise<string | undefined>;
}

/**
 * `error` as said to the caller: a symbol's refusal with where it is recorded; any other error, or one whose holder
 * cannot be read (voided and released meanwhile), as it came.
 */
export async function saidWhereRecorded(error: unknown, reads: HolderReads): Promise<unknown> {
  if (!(error instanceof DocumentRecorded)) return error;
  const { iso3, submissionId } = error.holder;
  if (!iso3 || !submissionId) return error;
  const [holder, name] = await Promise.all([reads.submission(iso3, submissionId), reads.stateName(iso3)]);
  if (!holder || !name) return error;
  return new DocumentRecorded(error.symbol, error.holder, recordedAsWords(name, holder));
}
