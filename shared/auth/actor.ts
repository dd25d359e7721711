// Who is acting: a signed-in staff member (from the token's claims) or the system itself (seeding, schedules).
// Schemas built at import are marked pure: a bundle leaves out, and never builds, those it does not use (ADR 0039).
import * as z from "zod";

export const groupSchema = /* @__PURE__ */ (() => z.enum(["secretariat", "experts", "members"]))();
export type Group = z.infer<typeof groupSchema>;

export const actorSchema = /* @__PURE__ */ (() =>
  z.discriminatedUnion("kind", [
    z.object({
      kind: z.literal("user"),
      id: z.string(),
      /** How the desk names the person: their e-mail, from the access token (token-claims.ts), else its username. */
      username: z.string().optional(),
      groups: z.array(groupSchema),
    }),
    z.object({ kind: z.literal("system"), id: z.string() }),
  ]))();
export type Actor = z.infer<typeof actorSchema>;

export const systemActor = (id: string): Actor => ({ kind: "system", id });

/** A person's name (their e-mail), where their token gave one: how the desk names who acted (none for the system). */
export const usernameOf = (actor: Actor): string | undefined => (actor.kind === "user" ? actor.username : undefined);
