// The shapes of a personal calendar feed (ADR 0023): what its owner sees (never the secret), the answer to issuing one
// (the one time its address is shown), and the request to issue one.
// Schemas built at import are marked pure: a bundle leaves out, and never builds, those it does not use (ADR 0039).
import * as z from "zod";
import { groupSchema } from "../auth/actor.ts";
import { oneLine } from "../http/body-text.ts";

/** At most this many live feeds per person: a phone, a desktop, a shared calendar, and a spare or two. */
export const MAX_LIVE_FEEDS = 5;
/** A feed stops answering this many days after it was issued, so one a departed person forgot does not live on. */
export const FEED_LIFETIME_DAYS = 365;

export const newCalendarFeedSchema = /* @__PURE__ */ z
  .strictObject({
    label: oneLine(z.string().trim().min(1).max(60))
      .optional()
      .describe('A name for the owner to tell feeds apart, e.g. "phone"'),
  })
  .meta({ id: "NewCalendarFeed" });
export type NewCalendarFeed = z.infer<typeof newCalendarFeedSchema>;

export const calendarFeedSchema = /* @__PURE__ */ (() =>
  z
    .object({
      id: z.string().describe("The feed's id, for revoking it; it is not the secret in its address"),
      label: z.string().optional(),
      created: z.iso.datetime(),
      expires: z.iso.datetime().describe(`${FEED_LIFETIME_DAYS} days after it was issued`),
      groups: z.array(groupSchema).describe("The owner's groups when it was issued: it serves only what they may read"),
    })
    .meta({ id: "CalendarFeed" }))();
export type CalendarFeed = z.infer<typeof calendarFeedSchema>;

export const issuedCalendarFeedSchema = /* @__PURE__ */ calendarFeedSchema
  .extend({
    path: z
      .string()
      .describe(
        "The feed's address below the API's base URL, with its secret: shown this once, never stored. Subscribe to " +
          "<base URL><path> over https://; anyone holding it can read the programme until it is revoked",
      ),
  })
  .meta({ id: "IssuedCalendarFeed" });
export type IssuedCalendarFeed = z.infer<typeof issuedCalendarFeedSchema>;

export const calendarFeedListSchema = /* @__PURE__ */ z
  .object({
    feeds: z.array(calendarFeedSchema).describe("The caller's live feeds, oldest first"),
    limit: z.number().int().describe("How many live feeds one person may have"),
  })
  .meta({ id: "CalendarFeedList" });
export type CalendarFeedList = z.infer<typeof calendarFeedListSchema>;

/** A feed as stored with its owner: the SHA-256 of its secret (hex), never the secret. */
export const storedCalendarFeedSchema = /* @__PURE__ */ (() =>
  calendarFeedSchema.extend({
    owner: z.string(),
    tokenHash: z.string(),
  }))();
export type StoredCalendarFeed = z.infer<typeof storedCalendarFeedSchema>;
