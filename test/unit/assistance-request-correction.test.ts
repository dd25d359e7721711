// Correcting an assistance request (ADR 0069), in memory: what was typed put right, the day kept before everything the
// request's file records, the symbol refused as recording it would be, nothing written for no change, and the old
// symbol let go (another State's document may then take it).
import { beforeEach, describe, expect, it } from "vitest";
import { correctRequest } from "#shared/assistance/request-correction.ts";
import { createRequest, recordConsent, transitionRequest } from "#shared/assistance/requests.ts";
import type { NewAssistanceRequest } from "#shared/assistance/schemas.ts";
import { systemActor } from "#shared/auth/actor.ts";
import { Conflict, Invalid, PreconditionFailed } from "#shared/errors.ts";
import { initialObligationItems } from "#shared/reporting/repository.ts";
import { recordSubmission } from "#shared/reporting/submissions.ts";
import { aMemberState, refusal } from "../support/fixtures.ts";
import { inMemoryAssistanceDesk } from "../support/in-memory/assistance-desk.ts";

const audit = { actor: systemActor("test") };
let deps: ReturnType<typeof inMemoryAssistanceDesk>;

beforeEach(async () => {
  // Monday 1 March 2027 in New York.
  deps = inMemoryAssistanceDesk("2027-03-01T15:00:00Z");
  await deps.registry.addMissingStates(
    [
      { ...aMemberState("KEN", "african", "en"), name: "Kenya" },
      { ...aMemberState("GHA", "african", "en"), name: "Ghana" },
    ],
    initialObligationItems,
    audit,
  );
});

const kenyas = (overrides: Partial<NewAssistanceRequest> = {}): NewAssistanceRequest => ({
  iso3: "KEN",
  areas: ["legislation"],
  description: "Export control law",
  receivedOn: "2027-02-15",
  symbol: "S/AC.44/2027/TYPO",
  consentedToCirculation: false,
  ...overrides,
});

const issuesOf = (error: unknown) => (error as Invalid).issues;

describe("correctRequest", () => {
  it("corrects the symbol, areas and description, audited before and after; the same again writes nothing", async () => {
    const { value } = await createRequest(deps)(kenyas(), audit);
    const changes = { symbol: "S/AC.44/2027/7", areas: ["legislation", "customs-and-border"] as const };
    const corrected = await correctRequest(deps)(value.id, 1, { ...changes, areas: [...changes.areas] }, audit);
    expect(corrected).toMatchObject({ version: 2, value: { ...changes, status: "received", iso3: "KEN" } });
    expect(deps.trail.actionsOf({ type: "assistance-request", id: value.id })).toEqual([
      "assistance.request.correct",
      "assistance.request.create",
    ]);
    const again = await correctRequest(deps)(value.id, 2, { symbol: "S/AC.44/2027/7" }, audit);
    expect(again).toEqual(corrected);
    expect(deps.trail.actionsOf({ type: "assistance-request", id: value.id })).toHaveLength(2);
    await expect(correctRequest(deps)(value.id, 1, { description: "Late" }, audit)).rejects.toThrow(PreconditionFailed);
  });

  it("keeps the day received before everything the file records, naming the earliest", async () => {
    const { value } = await createRequest(deps)(kenyas(), audit);
    await recordConsent(deps)(value.id, 1, { on: "2027-02-20", reason: "Note Verbale" }, audit);
    await transitionRequest(deps)(value.id, 2, { to: "acknowledged", on: "2027-02-22" }, audit);
    const afterConsent = await refusal(correctRequest(deps)(value.id, 3, { receivedOn: "2027-02-21" }, audit));
    expect(afterConsent).toBeInstanceOf(Invalid);
    expect(issuesOf(afterConsent)).toEqual([
      { path: "body.receivedOn", message: "is after 2027-02-20, when the State's consent to circulation came" },
    ]);
    const future = await refusal(correctRequest(deps)(value.id, 3, { receivedOn: "2027-03-02" }, audit));
    expect(issuesOf(future)).toEqual([{ path: "body.receivedOn", message: "is in the future (today is 2027-03-01)" }]);
    const earlier = await correctRequest(deps)(value.id, 3, { receivedOn: "2027-02-20" }, audit);
    expect(earlier.value.receivedOn).toBe("2027-02-20");
  });

  it("refuses another request's symbol and another State's document's, in words, and lets the old symbol go", async () => {
    const { value } = await createRequest(deps)(kenyas(), audit);
    await createRequest(deps)(kenyas({ symbol: "S/AC.44/2027/8", receivedOn: "2027-02-16" }), audit);
    const report = { kind: "first-report", receivedOn: "2027-01-20", language: "en" } as const;
    await recordSubmission(deps)("GHA", { ...report, symbol: "S/AC.44/2027/3" }, audit);

    const requests = await refusal(correctRequest(deps)(value.id, 1, { symbol: "s/ac.44/2027/8" }, audit));
    expect(requests).toBeInstanceOf(Conflict);
    expect(issuesOf(requests)).toEqual([
      {
        path: "body.symbol",
        message: "s/ac.44/2027/8 is already recorded as Kenya's assistance request, received 2027-02-16.",
      },
    ]);
    const ghanas = await refusal(correctRequest(deps)(value.id, 1, { symbol: "S/AC.44/2027/3" }, audit));
    expect(issuesOf(ghanas)).toEqual([
      {
        path: "body.symbol",
        message:
          "S/AC.44/2027/3 is already recorded as Ghana's first national report, received 2027-01-20: a request " +
          "shares its symbol only with a document of its own State's, the one it was made in.",
      },
    ]);

    await correctRequest(deps)(value.id, 1, { symbol: "S/AC.44/2027/9" }, audit);
    // Kenya's request is no longer under its old symbol: Ghana's document may take it, but not the new one.
    await recordSubmission(deps)("GHA", { ...report, kind: "action-plan", symbol: "S/AC.44/2027/TYPO" }, audit);
    const underNew = await refusal(
      recordSubmission(deps)("GHA", { ...report, kind: "action-plan", symbol: "S/AC.44/2027/9" }, audit),
    );
    expect(issuesOf(underNew)?.[0]?.message).toMatch(/^S\/AC.44\/2027\/9 is already recorded as Kenya's assistance/);
  });
});
