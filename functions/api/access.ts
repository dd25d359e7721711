// Who may call a route, declared once: every route names one of these sets (or "open") instead of its own list.
// The order of each list is the order the OpenAPI document shows under `x-groups` and the 403 problem names.
import type { Group } from "#shared/auth/actor.ts";

/** Every signed-in group: the secretariat, the Committee's experts and its members. */
export const everyone = ["secretariat", "experts", "members"] as const satisfies readonly Group[];

/** Those who keep the records: the secretariat and the experts (matrices, submissions, assistance). */
export const staff = ["secretariat", "experts"] as const satisfies readonly Group[];

/** Personal data, letters, schedules and the audit trail. */
export const secretariatOnly = ["secretariat"] as const satisfies readonly Group[];
