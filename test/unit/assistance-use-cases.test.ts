// The assistance request use cases on the in-memory stores, no database: recording a request, moving it through
// its lifecycle with the consent window, a refused move, consent recorded before circulation.
import { beforeEach, describe, expect, it } from "vitest";
import { createRequest, recordConsent, transitionRequest } from "#shared/assistance/requests.ts";
import type { NewAssistanceRequest } from "#shared/assistance/schemas.ts";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { Conflict, IllegalTransition, Invalid, PreconditionFailed } from "#shared/errors.ts";
import { regionalGroups } from "#shared/registry/schemas.ts";
import { initialObligationItems } from "#shared/reporting/repository.ts";
import type { NewSubmission } from "#shared/reporting/schemas.ts";
import { recordSubmission } from "#shared/reporting/submissions.ts";
import { aMemberState, refusal } from "../support/fixtures.ts";
import { type InMemoryAssistance, inMemoryAssistance } from "../support/in-memory/assistance.ts";
import { inMemoryAudit } from "../support/in-memory/audit.ts";
import { inMemoryHolidayStore } from "../support/in-memory/holidays.ts";
import { type InMemoryRegistry, inMemoryRegistry } from "../support/in-memory/registry.ts";
import { type InMemoryReporting, inMemoryReporting } from "../support/in-memory/reporting.ts";
import { inMemorySymbolGuards } from "../support/in-memory/symbol-guards.ts";

const audit = { actor: systemActor("test") };
// Monday 1 March 2027: five working days later is Monday 8 March.
let clock: ReturnType<typeof fixedClock>;
let assistance: InMemoryAssistance;
let registry: InMemoryRegistry;
let holidays: ReturnType<typeof inMemoryHolidayStore>;
let reporting: InMemoryReporting;
const deps = () => ({ assistance, registry, reporting, holidays, clock });

beforeEach(async () => {
  clock = fixedClock("2027-03-01T09:00:00Z");
  const trail = inMemoryAudit(clock);
  const symbols = inMemorySymbolGuards();
  assistance = inMemoryAssistance(clock, trail, undefined, symbols);
  registry = inMemoryRegistry(clock, trail);
  reporting = inMemoryReporting(clock, registry, trail, symbols);
  holidays = inMemoryHolidayStore(clock);
  await registry.addMissingStates(
    [
      {
        iso3: "KEN",
        iso2: "KE",
        name: "Kenya",
        region: "african",
        regionName: regionalGroups.african,
        language: "en",
        languageBasis: "official language",
      },
      { ...aMemberState("GHA", "african", "en"), name: "Ghana" },
    ],
    initialObligationItems,
    audit,
  );
});

const aRequest = (overrides: Partial<NewAssistanceRequest> = {}): NewAssistanceRequest => ({
  iso3: "KEN",
  areas: ["legislation", "export-and-licensing"],
  description: "Drafting of export control legislation",
  receivedOn: "2027-02-15",
  symbol: "S/AC.44/2027/NOTE/7",
  consentedToCirculation: false,
  ...overrides,
});

/** Records a request and acknowledges it today, opening its consent window. */
async function acknowledged(overrides: Partial<NewAssistanceRequest> = {}) {
  const created = await createRequest(deps())(aRequest(overrides), audit);
  const id = created.value.id;
  await transitionRequest(deps())(id, 1, { to: "acknowledged" }, audit);
  return transitionRequest(deps())(id, 2, { to: "consent-window" }, audit);
}

describe("createRequest", () => {
  it("records a received request at version 1 with no history, audited", async () => {
    const created = await createRequest(deps())(aRequest(), audit);
    expect(created).toMatchObject({ version: 1, value: { status: "received", history: [], iso3: "KEN" } });
    expect(assistance.trail.actionsOf({ type: "assistance-request", id: created.value.id })).toEqual([
      "assistance.request.create",
    ]);
  });

  it("refuses a symbol recorded already (409), an unknown State and a future date (422), keeping nothing", async () => {
    await createRequest(deps())(aRequest(), audit);
    const twice = await refusal(createRequest(deps())(aRequest({ symbol: "s/ac.44/2027/note/7" }), audit));
    expect(twice).toBeInstanceOf(Conflict);
    expect((twice as Conflict & { issues: unknown }).issues).toEqual([
      {
        path: "body.symbol",
        message: "s/ac.44/2027/note/7 is already recorded as Kenya's assistance request, received 2027-02-15.",
      },
    ]);
    const unknown = await refusal(createRequest(deps())(aRequest({ iso3: "XYZ", symbol: "S/2" }), audit));
    expect(unknown).toBeInstanceOf(Invalid);
    expect((unknown as Invalid).issues).toEqual([{ path: "body.iso3", message: "no Member State XYZ" }]);
    const future = await refusal(createRequest(deps())(aRequest({ receivedOn: "2027-03-02", symbol: "S/3" }), audit));
    expect(future).toBeInstanceOf(Invalid);
    expect((future as Invalid).issues).toEqual([
      { path: "body.receivedOn", message: "is in the future (today is 2027-03-01)" },
    ]);
    expect((await assistance.listRequests({ limit: 10 })).items).toHaveLength(1);
  });

  it("refuses a request under another State's document, saying where; takes one made in Kenya's own (ADR 0068)", async () => {
    const report = (symbol: string, receivedOn: string): NewSubmission => ({
      kind: "first-report",
      symbol,
      receivedOn,
      language: "en",
    });
    await recordSubmission(deps())("GHA", report("S/AC.44/2027/3", "2027-01-20"), audit);
    const refused = await refusal(createRequest(deps())(aRequest({ symbol: "S/AC.44/2027/3" }), audit));
    expect(refused).toBeInstanceOf(Conflict);
    expect((refused as Conflict & { issues: unknown }).issues).toEqual([
      {
        path: "body.symbol",
        message:
          "S/AC.44/2027/3 is already recorded as Ghana's first national report, received 2027-01-20: a request " +
          "shares its symbol only with a document of its own State's, the one it was made in.",
      },
    ]);
    expect((await assistance.listRequests({ limit: 10 })).items).toEqual([]);

    await recordSubmission(deps())("KEN", report("S/AC.44/2027/4", "2027-02-15"), audit);
    const made = await createRequest(deps())(aRequest({ symbol: "S/AC.44/2027/4" }), audit);
    expect(made.value).toMatchObject({ iso3: "KEN", symbol: "S/AC.44/2027/4" });
    // And the other way round: Ghana's document under Kenya's request, said with the request.
    await createRequest(deps())(aRequest(), audit);
    const document = await refusal(
      recordSubmission(deps())("GHA", { ...report("s/ac.44/2027/note/7", "2027-02-20"), kind: "action-plan" }, audit),
    );
    expect((document as Conflict & { issues: unknown }).issues).toEqual([
      {
        path: "body.symbol",
        message:
          "s/ac.44/2027/note/7 is already recorded as Kenya's assistance request, received 2027-02-15: a document " +
          "shares its symbol only with an assistance request its own State made in it.",
      },
    ]);
    expect(await reporting.obligations("GHA")).toContainEqual(
      expect.objectContaining({ kind: "action-plan", submissions: 0 }),
    );
  });
});

describe("transitionRequest", () => {
  it("acknowledges a request, opening a consent window of five working days", async () => {
    const opened = await acknowledged();
    expect(opened).toMatchObject({
      version: 3,
      value: { status: "consent-window", acknowledgedOn: "2027-03-01", consentWindowClosesOn: "2027-03-08" },
    });
    expect(opened.value.history.map((move) => `${move.from}->${move.to}`)).toEqual([
      "received->acknowledged",
      "acknowledged->consent-window",
    ]);
  });

  it("refuses circulation inside the consent window, naming when it closes, and allows it the day after", async () => {
    const opened = await acknowledged();
    clock.set("2027-03-08T20:00:00Z");
    const early = await refusal(transitionRequest(deps())(opened.value.id, 3, { to: "circulated" }, audit));
    expect(early).toBeInstanceOf(Conflict);
    expect((early as Conflict).details).toEqual({ consentWindowClosesOn: "2027-03-08" });
    expect((await assistance.getRequest(opened.value.id))?.version).toBe(3);

    clock.set("2027-03-09T09:00:00Z");
    const circulated = await transitionRequest(deps())(opened.value.id, 3, { to: "circulated" }, audit);
    expect(circulated).toMatchObject({
      version: 4,
      value: { status: "circulated", circulatedOn: "2027-03-09", followUpDueOn: "2028-03-09" },
    });
  });

  it("refuses an illegal move with 409 naming the legal ones, and changes nothing", async () => {
    const created = await createRequest(deps())(aRequest(), audit);
    const illegal = await refusal(transitionRequest(deps())(created.value.id, 1, { to: "circulated" }, audit));
    expect(illegal).toBeInstanceOf(IllegalTransition);
    expect((illegal as IllegalTransition).allowed).toEqual(["acknowledged", "withdrawn"]);
    expect(await assistance.getRequest(created.value.id)).toEqual(created);
    expect(assistance.trail.actionsOf({ type: "assistance-request", id: created.value.id })).toEqual([
      "assistance.request.create",
    ]);
  });

  it("refuses a stale If-Match with 412 and a move dated before the previous one with 422 on body.on", async () => {
    const created = await createRequest(deps())(aRequest(), audit);
    await transitionRequest(deps())(created.value.id, 1, { to: "acknowledged" }, audit);
    const stale = await refusal(transitionRequest(deps())(created.value.id, 1, { to: "withdrawn" }, audit));
    expect(stale).toBeInstanceOf(PreconditionFailed);
    expect((stale as PreconditionFailed).currentEtag).toBe('"2"');
    const backdated = await refusal(
      transitionRequest(deps())(created.value.id, 2, { to: "withdrawn", on: "2027-02-20" }, audit),
    );
    expect(backdated).toBeInstanceOf(Invalid);
    expect((backdated as Invalid).issues.map((issue) => issue.path)).toEqual(["body.on"]);
  });

  it("closes a withdrawn request, after which no move is legal", async () => {
    const created = await createRequest(deps())(aRequest(), audit);
    const withdrawn = await transitionRequest(deps())(created.value.id, 1, { to: "withdrawn" }, audit);
    expect(withdrawn.value).toMatchObject({ status: "withdrawn", closedOn: "2027-03-01" });
    const after = await refusal(transitionRequest(deps())(created.value.id, 2, { to: "acknowledged" }, audit));
    expect((after as IllegalTransition).allowed).toEqual([]);
  });
});

describe("recordConsent", () => {
  it("lets a request be circulated inside its window once the State's consent is recorded", async () => {
    const opened = await acknowledged();
    const consented = await recordConsent(deps())(opened.value.id, 3, { reason: "Note Verbale of 2 March" }, audit);
    expect(consented).toMatchObject({
      version: 4,
      value: { status: "consent-window", consentedToCirculation: true, consentedOn: "2027-03-01" },
    });
    const circulated = await transitionRequest(deps())(opened.value.id, 4, { to: "circulated" }, audit);
    expect(circulated.value).toMatchObject({ status: "circulated", circulatedOn: "2027-03-01" });
    const entry = assistance.trail.entries.find((e) => e.action === "assistance.request.consent");
    expect(entry?.reason).toBe("Note Verbale of 2 March");
  });

  it("refuses a circulation dated inside the window before the day of the consent, and keeps the request", async () => {
    clock.set("2027-03-05T15:00:00Z");
    const created = await createRequest(deps())(aRequest(), audit);
    const id = created.value.id;
    await transitionRequest(deps())(id, 1, { to: "acknowledged", on: "2027-03-01" }, audit);
    await transitionRequest(deps())(id, 2, { to: "consent-window", on: "2027-03-01" }, audit);
    await recordConsent(deps())(id, 3, { on: "2027-03-04", reason: "Note Verbale of 4 March" }, audit);
    const early = await refusal(transitionRequest(deps())(id, 4, { to: "circulated", on: "2027-03-02" }, audit));
    expect(early).toBeInstanceOf(Conflict);
    expect((early as Conflict).message).toContain("consented to circulation only on 2027-03-04");
    expect(await assistance.getRequest(id)).toMatchObject({ version: 4, value: { status: "consent-window" } });
    const circulated = await transitionRequest(deps())(id, 4, { to: "circulated", on: "2027-03-04" }, audit);
    expect(circulated.value).toMatchObject({
      status: "circulated",
      circulatedOn: "2027-03-04",
      consentedOn: "2027-03-04",
    });
  });

  it("keeps the consent window open until its last day ends in New York, not in UTC", async () => {
    const opened = await acknowledged();
    // 21:00 on Monday 8 March in New York (the window's last day), already Tuesday in UTC.
    clock.set("2027-03-09T02:00:00Z");
    const evening = await refusal(transitionRequest(deps())(opened.value.id, 3, { to: "circulated" }, audit));
    expect(evening).toBeInstanceOf(Conflict);
    expect((evening as Conflict).message).toContain("cannot be circulated on 2027-03-08");
    clock.set("2027-03-09T05:00:00Z");
    const next = await transitionRequest(deps())(opened.value.id, 3, { to: "circulated" }, audit);
    expect(next.value.circulatedOn).toBe("2027-03-09");
  });

  it("refuses consent recorded twice, or after circulation, with 409", async () => {
    const given = await acknowledged({ consentedToCirculation: true });
    await expect(recordConsent(deps())(given.value.id, 3, { reason: "again" }, audit)).rejects.toThrow(Conflict);
    const late = await acknowledged({ symbol: "S/AC.44/2027/NOTE/8" });
    clock.set("2027-03-09T09:00:00Z");
    await transitionRequest(deps())(late.value.id, 3, { to: "circulated" }, audit);
    const moot = await refusal(recordConsent(deps())(late.value.id, 4, { reason: "too late" }, audit));
    expect(moot).toBeInstanceOf(Conflict);
    expect((moot as Conflict).details).toEqual({ status: "circulated" });
  });
});
