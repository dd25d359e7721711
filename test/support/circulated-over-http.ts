// A request recorded and moved to circulated through the API, as an e2e file's set-up makes one (the State consented;
// every move on the day received): its feedback and matches are taken from then on.
import { expect } from "vitest";
import type { apiCaller } from "./api-call.ts";
import type { Json } from "./console-browser.ts";

type Api = ReturnType<typeof apiCaller<Json>>;

/** The request of `iso3` under `symbol`, received `on` and circulated that day: its id. */
export async function circulatedOverHttp(
  api: Api,
  request: { iso3: string; symbol: string; description: string; on: string },
): Promise<string> {
  const { on, ...fields } = request;
  const created = await api("POST", "/assistance/requests", {
    ...fields,
    areas: ["legislation"],
    receivedOn: on,
    consentedToCirculation: true,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = String(created.body.id);
  let etag = String(created.etag);
  for (const to of ["acknowledged", "consent-window", "circulated"]) {
    const moved = await api("POST", `/assistance/requests/${id}/transitions`, { to, on }, { "if-match": etag });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    etag = String(moved.etag);
  }
  return id;
}
