// The composer's "No letter after" limit: by default a week after the send time's day at 17:00, following the send
// time until the officer types a limit of their own, and refused before anything is sent when it is not after the
// send time, in the page's words (the API's refusal names its body field and a UTC instant). Pure, tested in Node.
import { addDays } from "../../../../shared/assistance/dates.ts";
import { instantOfLocal } from "../../../../shared/local-instant.ts";
import type { components } from "../../api/schema";
import { localToInstant } from "./time.ts";

type Problem = components["schemas"]["Problem"];

/** The default limit for a send time on `day` (YYYY-MM-DD): letters accepted for a week, to the end of its working day. */
export const limitForSendDay = (day: string): string => `${addDays(day, 7)}T17:00`;

/**
 * The send time and limit once the send time becomes `sendAt`: the limit follows it while the officer has typed none
 * of their own, and stays while the send time is not yet a date-time (half typed).
 */
export function followSendTime(
  form: { sendAt: string; notAfter: string },
  sendAt: string,
  limitTyped: boolean,
): { sendAt: string; notAfter: string } {
  // Any zone names the day; UTC skips no wall-clock time, so only the text's form and calendar day are judged.
  const isDateTime = "instant" in instantOfLocal(sendAt, "UTC");
  return { sendAt, notAfter: !limitTyped && isDateTime ? limitForSendDay(sendAt.slice(0, 10)) : form.notAfter };
}

/**
 * The limit's refusal when it names an instant not after the send time's (the API's own rule, POST /waves), both said
 * as typed in the wave's zone; nothing while either names no instant (said beside the field, or the API's to refuse).
 */
export function limitRefusal(sendAt: string, notAfter: string, timeZone: string): Problem | undefined {
  const [send, limit] = [localToInstant(sendAt, timeZone), localToInstant(notAfter, timeZone)];
  if (!send || !limit || limit.getTime() > send.getTime()) return undefined;
  const local = (text: string) => text.replace("T", " ");
  return {
    type: "about:blank",
    title: "The wave cannot be created",
    status: 422,
    errors: [
      {
        path: "body.notAfter",
        message:
          `No letter could go: ${local(notAfter)} is not after the send time, ${local(sendAt)} (both in ${timeZone}). ` +
          "Give a later limit.",
      },
    ],
  };
}
