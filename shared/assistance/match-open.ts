// Which requests take matches: a module of its own, with no storage code, so the console offers "Propose" exactly
// where the API accepts it.
import type { RequestStatus } from "./schemas.ts";

/** Providers see a request once it is circulated; matchmaking goes on while assistance is under way. */
export const OPEN_TO_MATCHES: readonly RequestStatus[] = ["circulated", "matched", "in-progress"];

export const isOpenToMatches = (status: RequestStatus): boolean => OPEN_TO_MATCHES.includes(status);
