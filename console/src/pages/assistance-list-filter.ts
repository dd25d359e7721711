// Which requests the Assistance list shows, as its URL keeps it: every pending one by default (pending as the desk
// counts it: every status but the lifecycle's ends, shared/assistance/transitions.ts), or those in one status, of every
// State or of one. Pure (types and the lifecycle only), tested in Node.

import { pendingRequestStatuses } from "../../../shared/assistance/transitions.ts";
import { capitalized } from "../../../shared/listed.ts";
import type { components } from "../api/schema";
import { counted } from "../ui/counted.ts";
import { REQUEST_STATUS_WORDS } from "./assistance-words.ts";

type AssistanceRequest = components["schemas"]["AssistanceRequest"];
type RequestStatus = AssistanceRequest["status"];

/** Every status in the lifecycle's order, as the status choice lists them after "every pending request". */
const STATUSES = Object.keys(REQUEST_STATUS_WORDS) as RequestStatus[];

export interface ListFilter {
  /** One status, or every pending one (`pending`). */
  status: RequestStatus | "pending";
  /** One State's requests (its ISO code), or every State's. */
  iso3?: string | undefined;
}

const isStatus = (value: string | null): value is RequestStatus => STATUSES.some((status) => status === value);

/** The filter the URL's query names: `status` and `state` (an ISO code); anything else is every pending request. */
export function listFilterOf(query: URLSearchParams): ListFilter {
  const status = query.get("status");
  const state = query.get("state")?.trim().toUpperCase();
  return {
    status: isStatus(status) ? status : "pending",
    ...(state && /^[A-Z]{3}$/.test(state) ? { iso3: state } : {}),
  };
}

/** The URL's query for `filter`: empty for every pending request of every State, the page's own address. */
export function listQueryOf(filter: ListFilter): URLSearchParams {
  const query = new URLSearchParams();
  if (filter.status !== "pending") query.set("status", filter.status);
  if (filter.iso3) query.set("state", filter.iso3);
  return query;
}

/** The status choice: every pending request first, then each status in the lifecycle's order, in words. */
export const STATUS_CHOICES: Readonly<Record<string, string>> = {
  pending: "Every pending status",
  ...Object.fromEntries(STATUSES.map((status) => [status, capitalized(REQUEST_STATUS_WORDS[status])])),
};

export const isStatusChoice = (value: string): value is ListFilter["status"] => value === "pending" || isStatus(value);

/** The requests the filter shows among `requests` (read by status or by State), the longest waiting first. */
export function shownRequests(filter: ListFilter, requests: readonly AssistanceRequest[]): AssistanceRequest[] {
  return requests
    .filter((request) =>
      filter.status === "pending" ? pendingRequestStatuses.includes(request.status) : request.status === filter.status,
    )
    .filter((request) => !filter.iso3 || request.iso3 === filter.iso3)
    .sort((a, b) => a.receivedOn.localeCompare(b.receivedOn) || a.symbol.localeCompare(b.symbol));
}

/** "18 pending requests", "3 requests received", "2 pending requests from Gambia". */
export function shownWords(filter: ListFilter, count: number, stateName: string | undefined): string {
  const what =
    filter.status === "pending"
      ? counted(count, "pending request")
      : `${counted(count, "request")} ${REQUEST_STATUS_WORDS[filter.status]}`;
  return stateName ? `${what} from ${stateName}` : what;
}
