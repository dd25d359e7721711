// What the composer refuses itself, before anything is sent, each at its field as the API's own refusals are shown: a
// send time that has passed (the API refuses it too, and a draft cannot be edited), an audience the template's letters
// are not written to that the officer has not confirmed (the API has no such rule), and the refusals of other modules
// (a venue missing in a language, a limit not after the send time).
import type { components } from "../../api/schema";
import { audienceCaution } from "./audience-fit.ts";
import { sendTimePassed } from "./time.ts";
import type { Audience } from "./wave-facts.ts";

type Problem = components["schemas"]["Problem"];
type Template = components["schemas"]["Template"];

/** The box an officer ticks to send a template to an audience it is not written to. */
export const CONFIRM_AUDIENCE = "Send this letter to them all the same";

export interface ComposerChoice {
  template: Pick<Template, "id" | "kind"> | undefined;
  audience: Audience;
  audienceConfirmed: boolean;
  sendAt: string;
  timeZone: string;
}

/**
 * The composer's refusal of `choice` as of `now`, with the errors of the `others` made before sending (the venue's,
 * ui/venue.ts; the limit's, compose-limit.ts); else nothing.
 */
export function composerRefusal(
  choice: ComposerChoice,
  now: Date,
  ...others: (Problem | undefined)[]
): Problem | undefined {
  const caution = choice.template ? audienceCaution(choice.template, choice.audience) : undefined;
  const passed = sendTimePassed(choice.sendAt, choice.timeZone, now);
  const errors = [
    // The caution itself is said below the field, which it describes too: the refusal says what to do.
    ...(caution && !choice.audienceConfirmed
      ? [
          {
            path: "body.audience",
            message: `The template is not written to this audience (see below): choose another, or tick “${CONFIRM_AUDIENCE}”.`,
          },
        ]
      : []),
    ...(passed ? [{ path: "body.sendAt", message: passed }] : []),
    ...others.flatMap((other) => other?.errors ?? []),
  ];
  return errors.length > 0
    ? { type: "about:blank", title: "The wave cannot be created", status: 422, errors }
    : undefined;
}
