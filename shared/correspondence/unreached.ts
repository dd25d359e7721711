// Owners a wave could not reach at all: no letter went to any of their points of contact nor, for a State, to its
// Permanent Mission. Dispatch keeps one record per such owner beside the wave's ledger, with the reason.
import * as z from "zod";

export const unreachedReasonSchema = z
  .enum(["no-contact", "no-usable-address"])
  .describe(
    "no-contact: no active point of contact and, for a State, no active Permanent Mission address; " +
      "no-usable-address: every active address is bounced, complained, suppressed or already written to by another " +
      "recipient of the wave",
  );
export type UnreachedReason = z.infer<typeof unreachedReasonSchema>;

export const unreachedSchema = z
  .object({
    waveId: z.string(),
    owner: z.string().describe("STATE:<iso3> or ORG:<id>"),
    name: z.string(),
    iso3: z.string().optional(),
    reason: unreachedReasonSchema,
    detail: z
      .string()
      .describe("What was found, e.g. `points of contact: bounced, suppressed; permanent mission: none`"),
    recordedAt: z.iso.datetime(),
  })
  .meta({ id: "UnreachedOwner" });
export type Unreached = z.infer<typeof unreachedSchema>;
