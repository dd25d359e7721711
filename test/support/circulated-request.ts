// Kenya's request for assistance, recorded and moved on to circulated through the use cases: a match may be proposed
// for it. Shared by the unit files that propose and move matches.
import { type AssistanceDependencies, createRequest, transitionRequest } from "#shared/assistance/requests.ts";
import type { AuditContext } from "#shared/audit/audit-entry.ts";

export async function circulatedRequest(
  deps: Pick<AssistanceDependencies, "assistance" | "registry" | "reporting" | "holidays" | "clock">,
  audit: AuditContext,
) {
  const request = await createRequest(deps)(
    {
      iso3: "KEN",
      areas: ["legislation"],
      description: "Export control law",
      receivedOn: "2027-02-01",
      symbol: "S/AC.44/2027/KEN/1",
      consentedToCirculation: true,
    },
    audit,
  );
  for (const [version, to] of [
    [1, "acknowledged"],
    [2, "consent-window"],
    [3, "circulated"],
  ] as const) {
    await transitionRequest(deps)(request.value.id, version, { to }, audit);
  }
  return request;
}
