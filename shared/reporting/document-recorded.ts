// A document symbol names one document across all States: the 409 for a second one says where it is recorded, in
// words, at the symbol's field (`body.symbol`), so that a form shows it under the symbol and takes the focus there.
// An assistance request shares its symbol only with a document of its own State's, the one it arrived in (ADR 0068):
// the refusal of a request under another State's document, or of a document under another State's request, says so.
import { Conflict, type FieldIssue } from "../errors.ts";
import { possessive } from "../possessive.ts";
import { SUBMISSION_KIND_WORDS } from "./kind-words.ts";
import type { Submission } from "./schemas.ts";

/** What holds the symbol, as its guard item names it: a State's document, or another State's assistance request. */
export type SymbolHolder =
  | { iso3?: string | undefined; submissionId?: string | undefined }
  | { iso3?: string | undefined; requestId: string; receivedOn: string };

/** Which record was refused, when it is not the same kind as the holder: it says the rule of sharing. */
export type SymbolClaimant = "request" | "document";

const SHARING_RULE: Record<SymbolClaimant, string> = {
  request: "a request shares its symbol only with a document of its own State's, the one it was made in",
  document: "a document shares its symbol only with an assistance request its own State made in it",
};

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
    readonly claimant?: SymbolClaimant,
  ) {
    const words = `${where ? `already recorded as ${where}` : "already recorded"}${claimant ? `: ${SHARING_RULE[claimant]}` : ""}`;
    super(`The ${claimant ? "symbol" : "document"} ${symbol} is ${words}`, { ...holder });
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

/** The holder in words, read now; undefined when it cannot be read (voided and released meanwhile). */
async function holderInWords(holder: SymbolHolder, reads: HolderReads): Promise<string | undefined> {
  const { iso3 } = holder;
  if (!iso3) return undefined;
  if ("requestId" in holder) {
    const name = await reads.stateName(iso3);
    return name && `${possessive(name)} assistance request, received ${holder.receivedOn}`;
  }
  if (!holder.submissionId) return undefined;
  const [submission, name] = await Promise.all([reads.submission(iso3, holder.submissionId), reads.stateName(iso3)]);
  return submission && name ? recordedAsWords(name, submission) : undefined;
}

/** `error` as said to the caller: a symbol's refusal with where it is recorded; any other error as it came. */
export async function saidWhereRecorded(error: unknown, reads: HolderReads): Promise<unknown> {
  if (!(error instanceof DocumentRecorded)) return error;
  const where = await holderInWords(error.holder, reads);
  return where ? new DocumentRecorded(error.symbol, error.holder, where, error.claimant) : error;
}
