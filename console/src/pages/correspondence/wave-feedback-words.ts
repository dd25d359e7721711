// A letter SES reported bounced or complained about, in plain words first: what happened, and what the desk does about
// the address (ses-events marks the contact unreachable by e-mail, and later audiences skip it); SES's own words follow
// as the detail. Pure, tested in Node (test/unit/console-wave-letters.test.ts).
import type { MessageStatus } from "./wave-facts.ts";

/** Why a letter is as it is: in plain words, and the words SES gave, when there are any, as the detail. */
export interface Why {
  said: string;
  ses?: string;
}

/** The hard-bounce subtypes SES gives for an address on its suppression list: the desk marks it suppressed. */
const SUPPRESSED = /^hard bounce \((Suppressed|OnAccountSuppressionList)\)/;

// Not marked when the contact's address was corrected since the letter went out: the news is about another address.
const MARKED =
  "The desk marks the contact unreachable by e-mail (if it still has this address), and later waves skip it until " +
  "the secretariat corrects the address or sets it back to ok";

/** A bounced or complained letter's why; undefined for any other status, whose reason is said as the ledger has it. */
export function feedbackWhy(message: { status: MessageStatus; reason?: string }): Why | undefined {
  const ses = message.reason ? { ses: message.reason } : {};
  if (message.status === "complained") {
    return { said: `The recipient reported the letter as spam. ${MARKED}.`, ...ses };
  }
  if (message.status !== "bounced") return undefined;
  const happened = SUPPRESSED.test(message.reason ?? "")
    ? "SES did not deliver the letter: the address is on its suppression list, after an earlier bounce or complaint."
    : "The address refused the letter for good (a hard bounce).";
  return { said: `${happened} ${MARKED}.`, ...ses };
}
