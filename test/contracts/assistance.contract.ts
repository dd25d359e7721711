// The assistance store's contract, written once and run against both adapters: DynamoDB Local
// (test/integration/assistance-store.test.ts) and memory (test/unit/assistance-store.test.ts).
import { beforeEach, describe, expect, it } from "vitest";
import { type AssistanceRepository, MailTaken, ReportExists } from "#shared/assistance/repository.ts";
import type {
  AssistanceFeedback,
  AssistanceMatch,
  AssistanceOffer,
  AssistanceReport,
  AssistanceRequest,
  Provider,
  RequestStatus,
} from "#shared/assistance/schemas.ts";
import type { AuditAction } from "#shared/audit/actions.ts";
import { systemActor } from "#shared/auth/actor.ts";
import { Conflict, Malformed, NotFound, PreconditionFailed } from "#shared/errors.ts";
import { OrganizationActedMeanwhile, type OrganizationRepository } from "#shared/organizations/repository.ts";
import { OrganizationRetired } from "#shared/organizations/retired.ts";
import { nextRevision, ObligationChanged } from "#shared/reporting/obligation-writes.ts";
import type { Obligation } from "#shared/reporting/schemas.ts";
import { anOrganization, retireAsItStands } from "./organizations.contract.ts";
import { everyItem, type StoreUnderTest } from "./store-contract.ts";

const audit = { actor: systemActor("contract") };
const STAMP = "2027-03-01T09:00:00.000Z";

/**
 * The assistance store with the States whose obligations feedback may fulfil (the registry's seed), and the
 * organizations store whose items an organization's offer touches (acting-writes.ts).
 */
export interface AssistanceUnderTest extends StoreUnderTest<AssistanceRepository> {
  givenStates(iso3s: string[]): Promise<void>;
  organizations: OrganizationRepository;
  /** An offer as a store written before the guards of offers' contents holds it (ADR 0006). */
  givenOfferRecordedBeforeGuards(offer: AssistanceOffer): Promise<void>;
  /** Feedback as a store written before feedback had versions holds it (ADR 0072): memory has no such store. */
  givenFeedbackRecordedBeforeVersions(feedback: AssistanceFeedback): Promise<void>;
  obligationOf(iso3: string, kind: Obligation["kind"]): Promise<Obligation | undefined>;
  /** A State's document recorded under `symbol`, as the reporting store's write leaves its guard (ADR 0068). */
  givenDocumentUnderSymbol(symbol: string, document: { iso3: string; submissionId: string }): Promise<void>;
}

export const aRequest = (
  id: string,
  iso3: string,
  receivedOn: string,
  overrides: Partial<AssistanceRequest> = {},
): AssistanceRequest => ({
  id,
  iso3,
  areas: ["legislation"],
  description: `Request ${id}`,
  receivedOn,
  symbol: `S/AC.44/2027/${id}`,
  consentedToCirculation: false,
  status: "received",
  history: [],
  createdAt: STAMP,
  createdBy: "contract",
  updatedAt: STAMP,
  ...overrides,
});

export const anOffer = (id: string, provider: Provider, overrides: Partial<AssistanceOffer> = {}): AssistanceOffer => ({
  id,
  provider,
  areas: ["legislation"],
  description: `Offer ${id}`,
  validFrom: "2026-01-01",
  lastUpdatedOn: "2026-01-01",
  createdAt: STAMP,
  updatedAt: STAMP,
  ...overrides,
});

const aMatch = (id: string, requestId: string, offerId: string): AssistanceMatch => ({
  id,
  requestId,
  offerId,
  iso3: "MLI",
  provider: { kind: "organization", id: "iaea" },
  areas: ["legislation"],
  status: "proposed",
  proposedOn: "2027-02-01",
  history: [],
  createdAt: STAMP,
  createdBy: "contract",
  updatedAt: STAMP,
});

const aReport = (id: string): AssistanceReport => ({
  id,
  year: 2027,
  n: 1,
  periodFrom: "2027-01-01",
  periodTo: "2027-04-30",
  asOf: "2027-03-01",
  generatedAt: STAMP,
  generatedBy: "contract",
  totals: { pending: 0, byStatus: {}, byAge: {}, followUpsOverdue: 0, followUpsDue: 0, withoutMatch: 0 },
  mail: { status: "pending" },
  requests: [],
});

export function assistanceStoreContract(setup: () => Promise<AssistanceUnderTest>): void {
  describe("the assistance store contract", () => {
    let subject: AssistanceUnderTest;
    let store: AssistanceRepository;
    const entry = (action: AuditAction, id = "r1") => ({
      ...audit,
      action,
      entity: { type: "assistance-request", id },
    });
    const record = (request: AssistanceRequest) =>
      store.write([...store.newRequest(request), store.audit(entry("assistance.request.create", request.id))]);

    beforeEach(async () => {
      subject = await setup();
      store = subject.store;
      await subject.organizations.createOrganization(anOrganization("iaea"), audit);
    });

    describe("requests", () => {
      it("records a request at version 1 with its audit entry; its file has no matches or feedback yet", async () => {
        await record(aRequest("r1", "MLI", "2027-01-10"));
        expect(await store.getRequest("r1")).toEqual({ value: aRequest("r1", "MLI", "2027-01-10"), version: 1 });
        expect(await store.requestFile("r1")).toEqual({
          request: { value: aRequest("r1", "MLI", "2027-01-10"), version: 1 },
          matches: [],
          feedback: [],
        });
        expect(await store.getRequest("r9")).toBeUndefined();
        expect(await store.requestFile("r9")).toBeUndefined();
        expect(await subject.auditActions({ type: "assistance-request", id: "r1" })).toEqual([
          "assistance.request.create",
        ]);
      });

      it("refuses a symbol already recorded, whatever its case, with 409 naming the request; nothing is kept", async () => {
        await record(aRequest("r1", "MLI", "2027-01-10", { symbol: "S/AC.44/2027/NV/1" }));
        const refused = await record(aRequest("r2", "TCD", "2027-01-11", { symbol: "s/ac.44/2027/nv/1" })).catch(
          (error: unknown) => error,
        );
        expect(refused).toBeInstanceOf(Conflict);
        expect((refused as Conflict).details).toEqual({ requestId: "r1" });
        expect(await store.getRequest("r2")).toBeUndefined();
        expect(await subject.auditActions({ type: "assistance-request", id: "r2" })).toEqual([]);
      });

      it("refuses a request under another State's document (409 at its symbol); takes one under its own State's", async () => {
        await subject.givenDocumentUnderSymbol("S/AC.44/2027/7", {
          iso3: "TCD",
          submissionId: "01J000000000000000000000DOC",
        });
        const refused = await record(aRequest("r1", "MLI", "2027-01-10", { symbol: "s/ac.44/2027/7" })).catch(
          (error: unknown) => error,
        );
        expect(refused).toMatchObject({
          kind: "conflict",
          details: { iso3: "TCD", submissionId: "01J000000000000000000000DOC" },
          issues: [
            {
              path: "body.symbol",
              message:
                "s/ac.44/2027/7 is already recorded: a request shares its symbol only with a document of its own " +
                "State's, the one it was made in.",
            },
          ],
        });
        expect(await store.getRequest("r1")).toBeUndefined();
        expect(await subject.auditActions({ type: "assistance-request", id: "r1" })).toEqual([]);
        await record(aRequest("r2", "TCD", "2027-01-11", { symbol: "S/AC.44/2027/7" }));
        expect((await store.getRequest("r2"))?.value.symbol).toBe("S/AC.44/2027/7");
      });

      it("corrects a request's symbol: its guards move with it, refused under another's; case alone moves none", async () => {
        const before = aRequest("r1", "MLI", "2027-01-10", { symbol: "S/AC.44/2027/A" });
        await record(before);
        await subject.givenDocumentUnderSymbol("S/AC.44/2027/C", {
          iso3: "TCD",
          submissionId: "01J000000000000000000000DOC",
        });
        await expect(
          store.write([store.correctRequest({ ...before, symbol: "S/AC.44/2027/C" }, 1, before)]),
        ).rejects.toMatchObject({
          kind: "conflict",
          details: { iso3: "TCD", submissionId: "01J000000000000000000000DOC" },
        });
        const moved = { ...before, symbol: "s/ac.44/2027/b", receivedOn: "2027-01-09" };
        await store.write([store.correctRequest(moved, 1, before)]);
        expect(await store.getRequest("r1")).toEqual({ value: moved, version: 2 });
        // The old symbol is free for another request, the new one held.
        await record(aRequest("r2", "TCD", "2027-01-11", { symbol: "S/AC.44/2027/A" }));
        const refused = await record(aRequest("r3", "TCD", "2027-01-11", { symbol: "S/AC.44/2027/B" })).catch(
          (error: unknown) => error,
        );
        expect(refused).toMatchObject({ kind: "conflict", details: { requestId: "r1" } });
        const cased = { ...moved, symbol: "S/AC.44/2027/B" };
        await store.write([store.correctRequest(cased, 2, moved)]);
        expect(await store.getRequest("r1")).toEqual({ value: cased, version: 3 });
        await expect(store.write([store.correctRequest(before, 1, cased)])).rejects.toThrow(PreconditionFailed);
      });

      it("replaces a request at the version read; a stale one is 412 naming the current ETag, an unknown one 404", async () => {
        await record(aRequest("r1", "MLI", "2027-01-10"));
        const acknowledged = aRequest("r1", "MLI", "2027-01-10", {
          status: "acknowledged",
          acknowledgedOn: "2027-01-12",
        });
        await store.write([store.replaceRequest(acknowledged, 1)]);
        expect(await store.getRequest("r1")).toEqual({ value: acknowledged, version: 2 });
        const late = await store
          .write([store.replaceRequest(aRequest("r1", "MLI", "2027-01-10"), 1)])
          .catch((error: unknown) => error);
        expect(late).toBeInstanceOf(PreconditionFailed);
        expect((late as PreconditionFailed).currentEtag).toBe('"2"');
        await expect(store.write([store.replaceRequest(aRequest("r9", "MLI", "2027-01-10"), 1)])).rejects.toThrow(
          NotFound,
        );
        expect(await store.getRequest("r1")).toEqual({ value: acknowledged, version: 2 });
      });

      it("holds a whole write when the request is no longer in a status or at a version", async () => {
        await record(aRequest("r1", "MLI", "2027-01-10"));
        const notIn = await store
          .write([store.audit(entry("assistance.request.transition")), store.requestIsIn("r1", "fulfilled")])
          .catch((error: unknown) => error);
        expect(notIn).toBeInstanceOf(Conflict);
        await expect(
          store.write([store.requestIsAt("r1", 2), store.audit(entry("assistance.request.transition"))]),
        ).rejects.toThrow(Conflict);
        await store.write([store.requestIsIn("r1", "received"), store.audit(entry("assistance.request.consent"))]);
        await store.write([store.requestIsAt("r1", 1), store.audit(entry("assistance.request.consent"))]);
        expect(await subject.auditActions({ type: "assistance-request", id: "r1" })).toEqual([
          "assistance.request.consent",
          "assistance.request.consent",
          "assistance.request.create",
        ]);
      });

      it("refuses a write that touches one request twice, keeping nothing of it", async () => {
        await record(aRequest("r1", "MLI", "2027-01-10"));
        const moved = aRequest("r1", "MLI", "2027-01-10", { status: "acknowledged" });
        await expect(store.write([store.replaceRequest(moved, 1), store.requestIsAt("r1", 1)])).rejects.toThrow();
        expect(await store.getRequest("r1")).toMatchObject({ version: 1, value: { status: "received" } });
      });

      describe("listing", () => {
        const statuses: [string, string, string, RequestStatus][] = [
          ["r1", "MLI", "2027-01-20", "received"],
          ["r2", "TCD", "2027-01-05", "acknowledged"],
          ["r3", "MLI", "2027-01-05", "fulfilled"],
          ["r4", "MLI", "2027-02-01", "acknowledged"],
          ["r5", "SOM", "2026-12-30", "withdrawn"],
        ];
        beforeEach(async () => {
          for (const [id, iso3, on, status] of statuses) await record(aRequest(id, iso3, on, { status }));
        });
        const ids = async (query: { status?: RequestStatus; iso3?: string }) =>
          (await everyItem((page) => store.listRequests({ ...page, ...query }))).map(({ value }) => value.id);

        it("lists all, by status, by State and by both, in the order received", async () => {
          expect(await ids({})).toEqual(["r5", "r2", "r3", "r1", "r4"]);
          expect(await ids({ status: "acknowledged" })).toEqual(["r2", "r4"]);
          expect(await ids({ iso3: "MLI" })).toEqual(["r3", "r1", "r4"]);
          expect(await ids({ iso3: "MLI", status: "acknowledged" })).toEqual(["r4"]);
          expect(await ids({ iso3: "AUT" })).toEqual([]);
        });

        it("answers the pending requests, none in a final status", async () => {
          const pending = (await store.pendingRequests()).map((request) => request.id).sort();
          expect(pending).toEqual(["r1", "r2", "r4"]);
        });

        it("refuses a cursor of one listing on another", async () => {
          const first = await store.listRequests({ limit: 2 });
          expect(first.cursor).toBeDefined();
          await expect(store.listRequests({ limit: 2, iso3: "MLI", cursor: first.cursor })).rejects.toThrow(Malformed);
        });
      });
    });

    describe("offers and matches", () => {
      const iaea: Provider = { kind: "organization", id: "iaea" };
      const france: Provider = { kind: "state", iso3: "FRA" };

      it("adds offers once, replaces them at their version, lists all or one provider's in id order", async () => {
        await store.write([store.newOffer(anOffer("o2", iaea)), store.newOffer(anOffer("o1", france))]);
        await store.write([store.newOffer(anOffer("o3", iaea))]);
        await expect(store.write([store.newOffer(anOffer("o1", iaea))])).rejects.toThrow(Conflict);
        const changed = anOffer("o2", iaea, { description: "Changed" });
        await store.write([store.replaceOffer(changed, 1, anOffer("o2", iaea))]);
        expect(await store.getOffer("o2")).toEqual({ value: changed, version: 2 });
        await expect(store.write([store.replaceOffer(changed, 1, anOffer("o2", iaea))])).rejects.toThrow(
          PreconditionFailed,
        );
        const ids = async (provider?: Provider) =>
          (await everyItem((page) => store.listOffers({ ...page, provider }))).map(({ value }) => value.id);
        expect(await ids()).toEqual(["o1", "o2", "o3"]);
        expect(await ids(iaea)).toEqual(["o2", "o3"]);
        expect((await store.allOffers()).map((offer) => offer.id)).toEqual(["o1", "o2", "o3"]);
        expect(await store.getOffer("o9")).toBeUndefined();
      });

      it("refuses an offer of a retired organization, new or changed, in the retirement's words, writing nothing", async () => {
        await store.write([store.newOffer(anOffer("o1", iaea, { validUntil: "2027-01-31" }))]);
        await retireAsItStands(subject.organizations, "iaea");
        const words =
          "The Organization IAEA (IAEA) was retired on 2027-03-01 by officer: recorded twice; nothing new is " +
          "recorded for it";
        const added = await store.write([store.newOffer(anOffer("o2", iaea))]).catch((error: unknown) => error);
        expect(added).toBeInstanceOf(OrganizationRetired);
        expect(added).toMatchObject({ message: words });
        const reopened = { ...anOffer("o1", iaea), updatedAt: "2027-03-01T10:00:00.000Z" };
        const replaced = await store
          .write([store.replaceOffer(reopened, 1, anOffer("o1", iaea, { validUntil: "2027-01-31" }))])
          .catch((error: unknown) => error);
        expect(replaced).toMatchObject({ message: words });
        expect(await store.getOffer("o2")).toBeUndefined();
        expect(await store.getOffer("o1")).toMatchObject({ value: { validUntil: "2027-01-31" }, version: 1 });
        // A State's offer touches no organization.
        await store.write([store.newOffer(anOffer("o3", france))]);
      });

      it("counts an offer's write against a retirement read before it; several of one provider in one write", async () => {
        const { organizations } = subject;
        const before = await organizations.readForRetirement("iaea");
        await store.write([store.newOffer(anOffer("o1", iaea)), store.newOffer(anOffer("o2", iaea))]);
        if (!before) throw new Error("the organization is not stored");
        const retired = { ...before.organization.value, retiredOn: "2027-03-01" };
        await expect(organizations.retireOrganization(before, retired, audit)).rejects.toThrow(
          OrganizationActedMeanwhile,
        );

        const seen = await organizations.readForRetirement("iaea");
        const ended = anOffer("o1", iaea, { validUntil: "2027-02-28" });
        await store.write([store.replaceOffer(ended, 1, anOffer("o1", iaea))]);
        if (!seen) throw new Error("the organization is not stored");
        await expect(organizations.retireOrganization(seen, retired, audit)).rejects.toThrow(
          OrganizationActedMeanwhile,
        );
        expect((await organizations.getOrganization("iaea"))?.version).toBe(1);
      });

      it("refuses a match proposed for a retired organization, and counts one against a retirement read before it", async () => {
        const { organizations } = subject;
        await record(aRequest("r1", "MLI", "2027-01-10"));
        await store.write([store.newOffer(anOffer("o1", iaea, { validUntil: "2027-01-31" }))]);
        const before = await organizations.readForRetirement("iaea");
        await store.write(store.newMatch(aMatch("m1", "r1", "o1")));
        if (!before) throw new Error("the organization is not stored");
        const retired = { ...before.organization.value, retiredOn: "2027-03-01" };
        await expect(organizations.retireOrganization(before, retired, audit)).rejects.toThrow(
          OrganizationActedMeanwhile,
        );

        await retireAsItStands(organizations, "iaea");
        await record(aRequest("r2", "MLI", "2027-01-11"));
        const proposed = await store.write(store.newMatch(aMatch("m2", "r2", "o1"))).catch((error: unknown) => error);
        expect(proposed).toBeInstanceOf(OrganizationRetired);
        expect(await store.getMatch("m2")).toBeUndefined();
      });

      it("guards what an offer says: said again, it is refused naming the offer that says it, and nothing is written", async () => {
        const said = {
          areas: ["legislation", "enforcement"] as AssistanceOffer["areas"],
          description: "Drafting  workshop",
        };
        await store.write([store.newOffer(anOffer("o1", iaea, said))]);
        const alike = {
          areas: ["enforcement", "legislation"] as AssistanceOffer["areas"],
          description: " drafting WORKSHOP",
        };
        const again = await store.write([store.newOffer(anOffer("o2", iaea, alike))]).catch((error: unknown) => error);
        expect(again).toBeInstanceOf(Conflict);
        expect((again as Conflict).details).toEqual({ offerId: "o1" });
        // Named by what the offer held says: the refused one says the same, case and spacing aside.
        expect((again as Conflict).message).toContain(
          "This provider's offer “drafting WORKSHOP” (valid from 1 January 2026, with no end date) says the same",
        );
        expect(await store.getOffer("o2")).toBeUndefined();
        // Another provider, or another period, says something else.
        await store.write([store.newOffer(anOffer("o3", france, said))]);
        await store.write([store.newOffer(anOffer("o4", iaea, { ...said, validFrom: "2027-01-01" }))]);
        expect((await store.allOffers()).map((offer) => offer.id)).toEqual(["o1", "o3", "o4"]);
      });

      it("moves the guard with a correction of what the offer says, and keeps it through one that leaves it", async () => {
        const first = anOffer("o1", iaea);
        const second = anOffer("o2", iaea);
        await store.write([store.newOffer(first), store.newOffer(second)]);
        const moved = { ...first, description: "Moved" };
        await store.write([store.replaceOffer(moved, 1, first)]);
        // Its old words are free again; its new ones are held.
        await store.write([store.newOffer(anOffer("o3", iaea, { description: first.description }))]);
        const taken = await store
          .write([store.replaceOffer({ ...second, description: "moved" }, 1, second)])
          .catch((error: unknown) => error);
        expect(taken).toBeInstanceOf(Conflict);
        expect((taken as Conflict).details).toEqual({ offerId: "o1" });
        expect((taken as Conflict).message).toContain("leave this offer as it was");
        expect(await store.getOffer("o2")).toEqual({ value: second, version: 1 });
        const renewed = { ...moved, lastUpdatedOn: "2026-06-01" };
        await store.write([store.replaceOffer(renewed, 2, moved)]);
        await expect(
          store.write([store.newOffer(anOffer("o4", iaea, { description: "Moved" }))]),
        ).rejects.toMatchObject({
          details: { offerId: "o1" },
        });
      });

      it("lets an offer recorded before the guards be corrected, and guards what it says then", async () => {
        const old = anOffer("o1", iaea);
        await subject.givenOfferRecordedBeforeGuards(old);
        await store.write([store.replaceOffer({ ...old, lastUpdatedOn: "2026-06-01" }, 1, old)]);
        const corrected = { ...old, lastUpdatedOn: "2026-06-01", description: "Corrected" };
        await store.write([store.replaceOffer(corrected, 2, { ...old, lastUpdatedOn: "2026-06-01" })]);
        expect(await store.getOffer("o1")).toEqual({ value: corrected, version: 3 });
        await expect(
          store.write([store.newOffer(anOffer("o2", iaea, { description: "Corrected" }))]),
        ).rejects.toMatchObject({ details: { offerId: "o1" } });
      });

      it("names the offers that exist among many ids, each once", async () => {
        const many = Array.from({ length: 120 }, (_, index) => `o${String(index).padStart(3, "0")}`);
        await store.write(many.filter((_, index) => index % 3 === 0).map((id) => store.newOffer(anOffer(id, iaea))));
        const existing = await store.existingOfferIds([...many, "o000", "r1"]);
        expect([...existing].sort()).toEqual(many.filter((_, index) => index % 3 === 0));
        expect(await store.existingOfferIds([])).toEqual(new Set());
      });

      it("reads offers by id together, past one batch, each once, leaving out the ids of none", async () => {
        const many = Array.from({ length: 120 }, (_, index) => `o${String(index).padStart(3, "0")}`);
        const recorded = many.filter((_, index) => index % 2 === 0).map((id) => anOffer(id, iaea));
        // 30 offers a transaction: each is 2 items, with the organization's.
        await store.write(recorded.slice(0, 30).map((offer) => store.newOffer(offer)));
        await store.write(recorded.slice(30).map((offer) => store.newOffer(offer)));
        const read = await store.offersById([...many, "o000", "r1"]);
        expect([...read.keys()].sort()).toEqual(recorded.map((offer) => offer.id));
        expect(read.get("o118")).toEqual(recorded.at(-1));
        expect(await store.offersById([])).toEqual(new Map());
      });

      it("keeps one match per request and offer (409 naming it), found by id and in the request's file", async () => {
        await record(aRequest("r1", "MLI", "2027-01-10"));
        await store.write([store.newOffer(anOffer("o1", iaea))]);
        await store.write([...store.newMatch(aMatch("m1", "r1", "o1")), store.requestIsAt("r1", 1)]);
        const again = await store.write(store.newMatch(aMatch("m2", "r1", "o1"))).catch((error: unknown) => error);
        expect(again).toBeInstanceOf(Conflict);
        expect((again as Conflict).details).toEqual({ matchId: "m1" });
        expect(await store.getMatch("m2")).toBeUndefined();
        expect(await store.getMatch("m1")).toEqual({ value: aMatch("m1", "r1", "o1"), version: 1 });
        const accepted = { ...aMatch("m1", "r1", "o1"), status: "accepted" as const };
        await store.write([store.replaceMatch(accepted, 1)]);
        await expect(store.write([store.replaceMatch(accepted, 1)])).rejects.toThrow(PreconditionFailed);
        expect((await store.requestFile("r1"))?.matches).toEqual([{ value: accepted, version: 2 }]);
      });
    });

    describe("feedback", () => {
      beforeEach(async () => {
        await subject.givenStates(["MLI"]);
        await record(aRequest("r1", "MLI", "2026-01-10", { status: "fulfilled", closedOn: "2026-12-01" }));
      });
      const feedback: AssistanceFeedback = {
        id: "f1",
        requestId: "r1",
        iso3: "MLI",
        from: "requester",
        text: "Useful",
        receivedOn: "2027-02-01",
        recordedAt: STAMP,
        recordedBy: "contract",
      };

      it("records feedback with its obligation at the revision read; a moved obligation refuses both", async () => {
        const before = await subject.obligationOf("MLI", "assistance-feedback");
        if (!before) throw new Error("the assistance-feedback obligation was not seeded");
        const after: Obligation = {
          ...before,
          status: "fulfilled",
          submissions: 1,
          firstReceivedOn: "2027-02-01",
          lastReceivedOn: "2027-02-01",
        };
        // As a writer that read the obligation five writes ago would send it.
        const stale = { ...before, submissions: before.submissions + 5, revision: (before.revision ?? 0) + 5 };
        const refused = await store
          .write([store.newFeedback(feedback), store.updateFeedbackObligation(stale, after)])
          .catch((error: unknown) => error);
        expect(refused).toBeInstanceOf(ObligationChanged);
        expect((await store.requestFile("r1"))?.feedback).toEqual([]);

        await store.write([
          store.newFeedback(feedback),
          store.requestIsIn("r1", "fulfilled"),
          store.updateFeedbackObligation(before, after),
        ]);
        expect((await store.requestFile("r1"))?.feedback).toEqual([{ value: feedback, version: 1 }]);
        expect(await subject.obligationOf("MLI", "assistance-feedback")).toEqual({
          ...after,
          revision: nextRevision(before),
        });
        await expect(store.write([store.newFeedback(feedback)])).rejects.toThrow(Conflict);
      });

      it("refuses the same feedback under another id (spacing and case aside), naming the first; other text is new", async () => {
        await store.write([store.newFeedback(feedback)]);
        const repeated = await store
          .write([store.newFeedback({ ...feedback, id: "f2", text: "  useful " })])
          .catch((error: unknown) => error);
        expect(repeated).toBeInstanceOf(Conflict);
        expect((repeated as Conflict).details).toEqual({ feedbackId: "f1" });
        await store.write([store.newFeedback({ ...feedback, id: "f3", text: "Useful, and timely" })]);
        await store.write([store.newFeedback({ ...feedback, id: "f4", from: "provider" })]);
        expect((await store.requestFile("r1"))?.feedback.map(({ value }) => value.id).sort()).toEqual([
          "f1",
          "f3",
          "f4",
        ]);
      });

      const feedbackAt = (version: number, value: AssistanceFeedback = feedback) => [{ value, version }];

      it("links feedback to its document once at the version read, the next version; a second link, a correction meanwhile or feedback not the request's is refused unchanged", async () => {
        await store.write([store.newFeedback(feedback)]);
        const document = { submissionId: "s1", symbol: "S/AC.44/2027/FB" };
        await store.write([
          store.linkFeedback({ value: feedback, version: 1 }, document),
          store.audit(entry("assistance.feedback.link")),
        ]);
        expect((await store.requestFile("r1"))?.feedback).toEqual(feedbackAt(2, { ...feedback, document }));

        const again = await store
          .write([
            store.linkFeedback({ value: feedback, version: 2 }, { submissionId: "s2", symbol: "S/AC.44/2027/FB2" }),
          ])
          .catch((error: unknown) => error);
        expect(again).toBeInstanceOf(Conflict);
        expect((again as Conflict).message).toBe(
          "This feedback is linked already to S/AC.44/2027/FB: one note is one document (undo that link first if it was " +
            "made in error)",
        );
        for (const elsewhere of [
          { ...feedback, id: "f9" },
          { ...feedback, requestId: "r2" },
        ]) {
          await expect(store.write([store.linkFeedback({ value: elsewhere, version: 1 }, document)])).rejects.toThrow(
            NotFound,
          );
        }
        expect((await store.requestFile("r1"))?.feedback).toEqual(feedbackAt(2, { ...feedback, document }));
      });

      it("refuses to link feedback corrected since it was read (its day may no longer be the document's)", async () => {
        await store.write([store.newFeedback(feedback)]);
        const corrected = { ...feedback, receivedOn: "2027-02-02" };
        await store.write([store.replaceFeedback(corrected, 1, feedback)]);
        const document = { submissionId: "s1", symbol: "S/AC.44/2027/FB" };
        const meanwhile = await store
          .write([store.linkFeedback({ value: feedback, version: 1 }, document)])
          .catch((error: unknown) => error);
        expect(meanwhile).toBeInstanceOf(Conflict);
        expect((meanwhile as Conflict).message).toBe(
          "The feedback received on 2027-02-01 was changed by someone else since it was read: read it again",
        );
        expect((await store.requestFile("r1"))?.feedback).toEqual(feedbackAt(2, corrected));
      });

      it("corrects feedback at the version read, moving its content's guard; a stale version or another's words are refused", async () => {
        await store.write([store.newFeedback(feedback), store.newFeedback({ ...feedback, id: "f2", text: "Timely" })]);
        const corrected = { ...feedback, text: "Useful and timely", receivedOn: "2027-02-02" };
        await store.write([
          store.replaceFeedback(corrected, 1, feedback),
          store.audit(entry("assistance.feedback.correct")),
        ]);
        expect((await store.requestFile("r1"))?.feedback.find(({ value }) => value.id === "f1")).toEqual({
          value: corrected,
          version: 2,
        });

        // As read before the correction: a colleague's meanwhile.
        const stale = await store
          .write([store.replaceFeedback({ ...feedback, text: "Lost" }, 1, feedback)])
          .catch((error: unknown) => error);
        expect(stale).toBeInstanceOf(PreconditionFailed);
        expect((stale as PreconditionFailed).message).toBe(
          'The feedback received on 2027-02-01 has changed since it was read: it is at "2", If-Match named "1"; ' +
            "fetch it again and retry with its current ETag",
        );
        // Saying what f2 says, case aside.
        const repeated = await store
          .write([store.replaceFeedback({ ...corrected, text: "timely", receivedOn: "2027-02-01" }, 2, corrected)])
          .catch((error: unknown) => error);
        expect((repeated as Conflict).details).toEqual({ feedbackId: "f2" });
        // What f1 said before is free again: another feedback may say it.
        await store.write([store.newFeedback({ ...feedback, id: "f3" })]);
        await expect(
          store.write([store.replaceFeedback({ ...feedback, id: "f9" }, 1, { ...feedback, id: "f9" })]),
        ).rejects.toThrow(NotFound);
        expect(
          (await store.requestFile("r1"))?.feedback.map(({ value, version }) => [value.id, value.text, version]),
        ).toEqual([
          ["f1", "Useful and timely", 2],
          ["f2", "Timely", 1],
          ["f3", "Useful", 1],
        ]);
      });

      it("voids feedback at the version read: kept, its words free again for another feedback of the request", async () => {
        await store.write([store.newFeedback(feedback)]);
        const voided = { ...feedback, voided: { at: STAMP, by: "contract", reason: "Recorded on the wrong request" } };
        await store.write([store.replaceFeedback(voided, 1, feedback), store.audit(entry("assistance.feedback.void"))]);
        // The same words may be recorded again: the voided one holds none.
        await store.write([store.newFeedback({ ...feedback, id: "f2" })]);
        expect((await store.requestFile("r1"))?.feedback).toEqual([
          { value: voided, version: 2 },
          { value: { ...feedback, id: "f2" }, version: 1 },
        ]);
        // And still do when the voided one is written again (a correction of a voided note is refused before this).
        await store.write([store.replaceFeedback({ ...voided, text: "Useful" }, 2, voided)]);
        await expect(store.write([store.newFeedback({ ...feedback, id: "f3" })])).rejects.toMatchObject({
          details: { feedbackId: "f2" },
        });
      });

      it("reads feedback recorded before versions at its first, and corrects or links it from there", async () => {
        await subject.givenFeedbackRecordedBeforeVersions(feedback);
        await subject.givenFeedbackRecordedBeforeVersions({ ...feedback, id: "f2", text: "Timely" });
        expect((await store.requestFile("r1"))?.feedback.map(({ version }) => version)).toEqual([1, 1]);
        const named2 = await store
          .write([store.replaceFeedback({ ...feedback, text: "Lost" }, 2, feedback)])
          .catch((error: unknown) => error);
        expect(named2).toBeInstanceOf(PreconditionFailed);
        const corrected = { ...feedback, text: "Useful indeed" };
        await store.write([store.replaceFeedback(corrected, 1, feedback)]);
        const document = { submissionId: "s1", symbol: "S/AC.44/2027/FB" };
        const f2 = { ...feedback, id: "f2", text: "Timely" };
        await store.write([store.linkFeedback({ value: f2, version: 1 }, document)]);
        expect((await store.requestFile("r1"))?.feedback).toEqual([
          { value: corrected, version: 2 },
          { value: { ...f2, document }, version: 2 },
        ]);
      });

      it("unlinks feedback from the document read, at the next version; another link by then, or none, is refused unchanged", async () => {
        const document = { submissionId: "s1", symbol: "S/AC.44/2027/FB" };
        const linked = { ...feedback, document };
        await store.write([store.newFeedback(linked)]);
        const other = { submissionId: "s2", symbol: "S/AC.44/2027/FB2" };
        const stale = await store
          .write([store.unlinkFeedback({ value: linked, version: 1 }, other)])
          .catch((error: unknown) => error);
        expect(stale).toBeInstanceOf(Conflict);
        expect((stale as Conflict).message).toBe(
          "This feedback is linked to S/AC.44/2027/FB now, no longer to S/AC.44/2027/FB2: read it again",
        );

        await store.write([
          store.unlinkFeedback({ value: linked, version: 1 }, document),
          store.audit(entry("assistance.feedback.unlink")),
        ]);
        expect((await store.requestFile("r1"))?.feedback).toEqual(feedbackAt(2));
        const again = await store
          .write([store.unlinkFeedback({ value: linked, version: 2 }, document)])
          .catch((error: unknown) => error);
        expect((again as Conflict).message).toBe(
          "This feedback names no document now, no longer to S/AC.44/2027/FB: read it again",
        );
        await expect(
          store.write([store.unlinkFeedback({ value: { ...linked, id: "f9" }, version: 1 }, document)]),
        ).rejects.toThrow(NotFound);
        // Unlinked, it may be linked again.
        await store.write([store.linkFeedback({ value: feedback, version: 2 }, other)]);
        expect((await store.requestFile("r1"))?.feedback).toEqual(feedbackAt(3, { ...feedback, document: other }));
      });
    });

    describe("reports", () => {
      it("writes a report once (ReportExists) and lists them by id without their rows", async () => {
        await store.write([store.newReport(aReport("2027-1")), store.audit(entry("assistance.report.create"))]);
        await store.write([store.newReport(aReport("2026-3"))]);
        await expect(store.write([store.newReport(aReport("2027-1"))])).rejects.toThrow(ReportExists);
        expect(await store.getReport("2027-1")).toEqual(aReport("2027-1"));
        expect(await store.getReport("2027-2")).toBeUndefined();
        const listed = await everyItem((page) => store.listReports(page), 1);
        expect(listed.map((report) => report.id)).toEqual(["2026-3", "2027-1"]);
        expect(listed[0]).not.toHaveProperty("requests");
      });

      it("lets one run hold the report's mail: claimed, taken by another, sent by its holder only", async () => {
        await store.write([store.newReport(aReport("2027-1"))]);
        const at = "2027-03-01T09:00:00.000Z";
        expect(
          await store.claimReportMail("2027-1", at, "2027-03-01T08:45:00.000Z", entry("assistance.report.mail.claim")),
        ).toBe("claimed");
        expect(
          await store.claimReportMail("2027-1", at, "2027-03-01T08:45:00.000Z", entry("assistance.report.mail.claim")),
        ).toBe("taken");
        await expect(
          store.markReportMailSent(
            "2027-1",
            "2027-03-01T08:00:00.000Z",
            "m-1",
            at,
            entry("assistance.report.mail.sent"),
          ),
        ).rejects.toThrow(MailTaken);
        await store.markReportMailSent("2027-1", at, "ses-1", at, entry("assistance.report.mail.sent"));
        expect((await store.getReport("2027-1"))?.mail).toEqual({
          status: "sent",
          claimedAt: at,
          messageId: "ses-1",
          sentAt: at,
        });
        expect(
          await store.claimReportMail("2027-1", at, "2027-03-02T00:00:00.000Z", entry("assistance.report.mail.claim")),
        ).toBe("taken");
        expect(await store.claimReportMail("2099-1", at, at, entry("assistance.report.mail.claim"))).toBe("taken");
      });

      it("gives a claim back after a failed send, and takes over a claim older than the cut-off", async () => {
        await store.write([store.newReport(aReport("2027-1"))]);
        const first = "2027-03-01T09:00:00.000Z";
        await store.claimReportMail("2027-1", first, "2027-03-01T08:45:00.000Z", entry("assistance.report.mail.claim"));
        await store.releaseReportMail("2027-1", "2027-03-01T07:00:00.000Z", entry("assistance.report.mail.release"));
        expect((await store.getReport("2027-1"))?.mail).toEqual({ status: "sending", claimedAt: first });
        await store.releaseReportMail("2027-1", first, entry("assistance.report.mail.release"));
        expect((await store.getReport("2027-1"))?.mail).toEqual({ status: "pending" });
        await store.claimReportMail("2027-1", first, "2027-03-01T08:45:00.000Z", entry("assistance.report.mail.claim"));
        const later = "2027-03-01T10:00:00.000Z";
        expect(
          await store.claimReportMail(
            "2027-1",
            later,
            "2027-03-01T09:30:00.000Z",
            entry("assistance.report.mail.claim"),
          ),
        ).toBe("claimed");
        expect((await store.getReport("2027-1"))?.mail).toEqual({ status: "sending", claimedAt: later });
      });
    });
  });
}
