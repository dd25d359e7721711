// The waves routes as data: method, path, who may call them (functions/api/access.ts); their schemas and handlers are
// in waves.ts, loaded on the first request for one of them.
import { type RouteSummaries, routeTable } from "#shared/http/route.ts";
import { everyone, secretariatOnly } from "../access.ts";

export const waveTable = routeTable({
  createWave: {
    method: "POST",
    path: "/waves",
    tag: "Correspondence",
    access: secretariatOnly,
  },
  listWaves: {
    method: "GET",
    path: "/waves",
    tag: "Correspondence",
    access: everyone,
  },
  getWave: {
    method: "GET",
    path: "/waves/{id}",
    tag: "Correspondence",
    access: everyone,
  },
  previewWaveAudience: {
    method: "GET",
    path: "/waves/{id}/audience",
    tag: "Correspondence",
    access: everyone,
  },
  scheduleWave: {
    method: "POST",
    path: "/waves/{id}/schedule",
    tag: "Correspondence",
    access: secretariatOnly,
    requiresIfMatch: true,
  },
  cancelWave: {
    method: "POST",
    path: "/waves/{id}/cancel",
    tag: "Correspondence",
    access: secretariatOnly,
    requiresIfMatch: true,
  },
  sendWaveTest: {
    method: "POST",
    path: "/waves/{id}/test",
    tag: "Correspondence",
    access: secretariatOnly,
  },
  listWaveUnreached: {
    method: "GET",
    path: "/waves/{id}/unreached",
    tag: "Correspondence",
    access: everyone,
  },
  listWaveMessages: {
    method: "GET",
    path: "/waves/{id}/messages",
    tag: "Correspondence",
    access: everyone,
  },
  resendWaveMessage: {
    method: "POST",
    path: "/waves/{id}/messages/{recipient}/resend",
    tag: "Correspondence",
    access: secretariatOnly,
  },
  // The sweep's work for one wave on demand (shared/waves/sweep.ts): the wave's schedule made again to fire now.
  redispatchWave: {
    method: "POST",
    path: "/waves/{id}/redispatch",
    tag: "Correspondence",
    access: secretariatOnly,
  },
});

/** Each route's summary in the OpenAPI document: read by the document's writer only (functions/api/summaries.ts), so
 * no Lambda bundle carries it (ADR 0038). */
export const waveSummaries = {
  createWave:
    "Create a draft wave: an existing template, a named audience, a local send time in an IANA zone; 422 at the " +
    "field when the template needs a value the wave lacks or its audience cannot fill, a deadline precedes the send, or the send time has passed",
  listWaves: "The waves, oldest first",
  getWave: "One wave with its ETag and its messages counted by status",
  previewWaveAudience:
    "Who the wave would write to, and who is left out and why, as of its send day (today once its send time has " +
    "passed), as dispatch will resolve it (nothing is written), and the other waves sending the same letter to the " +
    "same audience; recipients' names and addresses for the secretariat only (ADR 0048)",
  scheduleWave:
    "Schedule a draft wave (If-Match): its one-time schedule fires dispatch at sendAt in its time zone; refused " +
    "once its send time has passed, and 422 when its letters could not be written (checked as at creation)",
  cancelWave: "Cancel a draft or scheduled wave (If-Match) and delete its schedule",
  sendWaveTest:
    "Send one copy of the wave's letter to a staff address, rendered for a recipient as dispatch would on the " +
    "wave's send day (today once it has passed), " +
    "subject prefixed [TEST]; the ledger is untouched, the send is audited",
  listWaveUnreached:
    "The States (and organizations) the dispatched wave could not reach at all, neither at a point of contact " +
    "nor at a Permanent Mission, each with the reason",
  listWaveMessages:
    "The wave's messages from the send ledger, optionally in one status; each address and letter text for the " +
    "secretariat only (ADR 0048)",
  resendWaveMessage:
    "Send again a letter left unknown by a crash, once no SES event can settle it (its event window has closed) " +
    "and before the wave's not-after deadline, to its contact's current address; audited. 409 otherwise, or for a " +
    "contact deactivated since or an address that bounced",
  redispatchWave:
    "Dispatch a wave again within three minutes, as the sweep does: its missing letters written, its queued ones " +
    "enqueued, none sent twice, completed once all are final. Only a dispatching wave, or a scheduled one past its " +
    "send time, and only while a dispatch asked for now runs before its not-after deadline (409 otherwise: its " +
    "letters would all expire); audited",
} satisfies RouteSummaries<typeof waveTable>;
