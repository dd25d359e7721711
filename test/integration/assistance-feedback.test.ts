// Feedback on the assistance process against DynamoDB Local (ADR 0064, audit 36 bug 1): taken on a request from its
// circulation on or once withdrawn, dated from the request's receipt; the requesting State's note recorded first as
// its document and then on the request, by the document's symbol, counts once; every refusal in words, writing nothing.
import { Logger } from "@aws-lambda-powertools/logger";
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { linkFeedbackDocument } from "#shared/assistance/feedback-link.ts";
import { assistanceRepository } from "#shared/assistance/repository.ts";
import { type AssistanceDependencies, recordFeedback } from "#shared/assistance/requests.ts";
import type { AuditContext } from "#shared/audit/audit-entry.ts";
import { dynamoHolidayStore } from "#shared/calendar/store.ts";
import { fixedClock } from "#shared/clock.ts";
import { createRouter } from "#shared/http/router.ts";
import { organizationRepository } from "#shared/organizations/repository.ts";
import { seedOrganizations } from "#shared/organizations/seed.ts";
import { registryRepository } from "#shared/registry/repository.ts";
import { seedRegistry } from "#shared/registry/seed.ts";
import { voidSubmission } from "#shared/reporting/corrections.ts";
import { reportingRepository } from "#shared/reporting/repository.ts";
import { assistanceRoutes } from "../../functions/api/routes/assistance.ts";
import { submissionRoutes } from "../../functions/api/routes/submissions.ts";
import { type RouterCall, routerCaller } from "../support/api-event.ts";
import { freshTables } from "./fresh-tables.ts";

// Monday 7 December 2026, 10:00 in New York.
const clock = fixedClock("2026-12-07T15:00:00Z");
let setup: Awaited<ReturnType<typeof freshTables>>;
let deps: AssistanceDependencies;
let router: ReturnType<typeof createRouter>;
const call = (options: RouterCall) => routerCaller(router, "experts")(options);

beforeAll(async () => {
  setup = await freshTables();
  await seedRegistry(setup.doc, setup.tableNames, clock);
  await seedOrganizations(setup.doc, setup.tableNames, clock);
  deps = {
    assistance: assistanceRepository(setup.doc, setup.tableNames, clock),
    registry: registryRepository(setup.doc, setup.tableNames, clock),
    organizations: organizationRepository(setup.doc, setup.tableNames, clock),
    reporting: reportingRepository(setup.doc, setup.tableNames, clock),
    holidays: dynamoHolidayStore(setup.doc, setup.tableNames, clock),
    clock,
  };
  router = createRouter([...assistanceRoutes(deps), ...submissionRoutes(deps)], new Logger({ logLevel: "SILENT" }));
});

beforeEach(() => {
  clock.set("2026-12-07T15:00:00Z");
});

let symbols = 0;

/** A request of `iso3` received on 20 November 2025, with the State's consent, moved through `moves` (each dated). */
async function requestAt(iso3: string, moves: readonly [string, string][]) {
  symbols++;
  const created = await call({
    method: "POST",
    path: "/assistance/requests",
    body: {
      iso3,
      areas: ["legislation"],
      description: "Drafting of export control legislation",
      receivedOn: "2025-11-20",
      symbol: `S/AC.44/2025/F${symbols}`,
      consentedToCirculation: true,
    },
  });
  expect(created.status).toBe(201);
  const id = String(created.body.id);
  let etag = String(created.etag);
  for (const [to, on] of moves) {
    const moved = await call({
      method: "POST",
      path: `/assistance/requests/${id}/transitions`,
      group: "secretariat",
      ifMatch: etag,
      body: { to, on },
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    etag = String(moved.etag);
  }
  return { id, etag, symbol: `S/AC.44/2025/F${symbols}` };
}

const CIRCULATED: readonly [string, string][] = [
  ["acknowledged", "2025-11-21"],
  ["consent-window", "2025-11-21"],
  ["circulated", "2025-11-24"],
];

/** A circulated request of `iso3` matched to an offer of UNODA's, accepted: `matched`. */
async function matchedRequest(iso3: string) {
  const request = await requestAt(iso3, CIRCULATED);
  const offer = await call({
    method: "POST",
    path: "/assistance/offers",
    group: "secretariat",
    body: {
      provider: { kind: "organization", id: "unoda" },
      areas: ["legislation"],
      description: `Legislative drafting for ${iso3}`,
      validFrom: "2025-01-01",
    },
  });
  const match = await call({
    method: "POST",
    path: "/assistance/matches",
    body: { requestId: request.id, offerId: offer.body.id },
  });
  const accepted = await call({
    method: "POST",
    path: `/assistance/matches/${match.body.id}/transitions`,
    ifMatch: '"1"',
    body: { to: "accepted" },
  });
  expect(accepted.body.request.status).toBe("matched");
  return { ...request, etag: `"${Number(JSON.parse(request.etag)) + 1}"` };
}

const feedback = (id: string, body: Record<string, unknown>) =>
  call({ method: "POST", path: `/assistance/requests/${id}/feedback`, body });

const feedbackObligation = async (iso3: string) =>
  (await deps.reporting.obligations(iso3)).find((obligation) => obligation.kind === "assistance-feedback");

const listed = async (id: string) =>
  (await call({ path: `/assistance/requests/${id}/feedback`, group: "members" })).body.items as {
    from: string;
    receivedOn: string;
    document?: { symbol: string };
  }[];

async function feedbackTrail(id: string, action = "assistance.feedback.record") {
  const result = await setup.doc.send(
    new QueryCommand({
      TableName: setup.tableNames.audit,
      KeyConditionExpression: "pk = :pk",
      ExpressionAttributeValues: { ":pk": `assistance-request#${id}` },
    }),
  );
  return (result.Items ?? []).filter((entry) => entry.action === action);
}

const recordDocument = async (iso3: string, body: Record<string, unknown>) => {
  const recorded = await call({
    method: "POST",
    path: `/states/${iso3}/submissions`,
    group: "secretariat",
    body: { language: "en", ...body },
  });
  expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
  return { id: String(recorded.body.id), etag: String(recorded.etag) };
};

const audit: AuditContext = { actor: { kind: "user", id: "user-1", groups: ["experts"] } };

/** The store as a write sees it when a colleague voids `documentId` just after the write has read the obligation. */
function voidedOnFirstReading(iso3: string, documentId: string) {
  let voided = false;
  const racing: AssistanceDependencies = {
    ...deps,
    reporting: {
      ...deps.reporting,
      async obligations(read) {
        const obligations = await deps.reporting.obligations(read);
        if (!voided) {
          voided = true;
          await voidSubmission(deps)(iso3, documentId, 1, "recorded in error", audit);
        }
        return obligations;
      },
    },
  };
  return { deps: racing, voided: () => voided };
}

describe("feedback on the assistance process, counted once", () => {
  it("links the State's note recorded first as its document, on a matched request, and counts one note once", async () => {
    const request = await matchedRequest("GMB");
    // The audit's steps: the note recorded on Gambia's page while the request was matched.
    const document = await recordDocument("GMB", {
      kind: "assistance-feedback",
      receivedOn: "2026-12-02",
      symbol: "S/AC.44/2026/NOTE.55",
    });
    expect(await feedbackObligation("GMB")).toMatchObject({ status: "fulfilled", submissions: 1 });

    const linked = await feedback(request.id, {
      from: "requester",
      text: "The drafting workshop helped; the bill is before parliament",
      symbol: "s/ac.44/2026/note.55",
    });
    expect(linked).toMatchObject({
      status: 201,
      body: {
        from: "requester",
        iso3: "GMB",
        receivedOn: "2026-12-02",
        document: { submissionId: document.id, symbol: "S/AC.44/2026/NOTE.55" },
      },
    });
    expect(await feedbackObligation("GMB")).toMatchObject({
      status: "fulfilled",
      submissions: 1,
      firstReceivedOn: "2026-12-02",
      lastReceivedOn: "2026-12-02",
    });

    // The same document named again on the request, in other words: it is one note, recorded once.
    const again = await feedback(request.id, { from: "requester", text: "The bill", symbol: "S/AC.44/2026/NOTE.55" });
    expect(again).toMatchObject({
      status: 409,
      body: {
        detail:
          "S/AC.44/2026/NOTE.55 is linked already to the request's feedback received on 2026-12-02: it is not " +
          "recorded twice",
      },
    });

    // The request goes on and is fulfilled; a second note, on the request alone, counts as a second note.
    const started = await call({
      method: "POST",
      path: `/assistance/requests/${request.id}/transitions`,
      group: "secretariat",
      ifMatch: request.etag,
      body: { to: "in-progress" },
    });
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    const fulfilled = await call({
      method: "POST",
      path: `/assistance/requests/${request.id}/transitions`,
      group: "secretariat",
      ifMatch: String(started.etag),
      body: { to: "fulfilled" },
    });
    expect(fulfilled.body.status).toBe("fulfilled");
    const second = await feedback(request.id, { from: "requester", text: "The law was adopted" });
    expect(second).toMatchObject({ status: 201, body: { receivedOn: "2026-12-07" } });
    expect(second.body.document).toBeUndefined();

    const notes = await listed(request.id);
    expect(notes.map((note) => note.document?.symbol ?? null).sort()).toEqual(["S/AC.44/2026/NOTE.55", null]);
    // Two notes: the document (named by the request's first feedback) and the second feedback.
    expect(await feedbackObligation("GMB")).toMatchObject({
      submissions: 2,
      firstReceivedOn: "2026-12-02",
      lastReceivedOn: "2026-12-07",
    });
    const trail = await feedbackTrail(request.id);
    expect(trail).toHaveLength(2);
    expect(trail.filter((entry) => entry.after?.obligation !== undefined)).toHaveLength(1);
  });

  it("takes feedback from circulation on and once withdrawn, and refuses it before, naming the request", async () => {
    const acknowledged = await requestAt("SEN", [["acknowledged", "2025-11-21"]]);
    const early = await feedback(acknowledged.id, { from: "requester", text: "Thanks for the acknowledgement" });
    expect(early).toMatchObject({
      status: 409,
      body: {
        detail:
          `Assistance request ${acknowledged.symbol} of Senegal is acknowledged; feedback on the assistance process ` +
          "is recorded from its circulation on, or once it is withdrawn",
      },
    });
    expect(await listed(acknowledged.id)).toEqual([]);
    expect(await feedbackObligation("SEN")).toMatchObject({ status: "not-applicable", submissions: 0 });

    const withdrawn = await requestAt("SEN", [
      ["acknowledged", "2025-11-21"],
      ["withdrawn", "2025-11-25"],
    ]);
    const closed = await requestAt("SEN", [...CIRCULATED, ["closed-unmet", "2026-06-01"]]);
    const circulated = await requestAt("SEN", CIRCULATED);
    for (const [request, text] of [
      [withdrawn, "We withdrew it: the law passed without assistance"],
      [closed, "No provider came forward; we would ask again"],
      [circulated, "Waiting for offers"],
    ] as const) {
      const taken = await feedback(request.id, { from: "requester", text, receivedOn: "2026-11-30" });
      expect(taken.status, JSON.stringify(taken.body)).toBe(201);
    }
    expect(await feedbackObligation("SEN")).toMatchObject({ status: "fulfilled", submissions: 3 });
  });

  it("refuses a day before the request's receipt or in the future, and a document that is not the note, at their fields", async () => {
    const request = await requestAt("TGO", CIRCULATED);
    await recordDocument("TGO", { kind: "action-plan", receivedOn: "2026-10-01", symbol: "S/AC.44/2026/TGO/AP" });
    await recordDocument("TGO", {
      kind: "assistance-feedback",
      receivedOn: "2026-11-30",
      symbol: "S/AC.44/2026/TGO/FB",
    });
    const before = await feedbackObligation("TGO");
    const refusals: [Record<string, unknown>, string, string][] = [
      [{ receivedOn: "2025-11-19" }, "body.receivedOn", "is before the request was received on 2025-11-20"],
      [{ receivedOn: "2026-12-08" }, "body.receivedOn", "is in the future (today is 2026-12-07)"],
      [
        { symbol: "S/AC.44/2026/TGO/NONE" },
        "body.symbol",
        "is not among Togo's documents: leave it out, and the feedback counts on its own, or record the document on " +
          "the State's page first",
      ],
      [
        { symbol: "S/AC.44/2026/TGO/AP" },
        "body.symbol",
        "is Togo's national implementation action plan, received 2026-10-01, not feedback on assistance",
      ],
      [
        { symbol: "S/AC.44/2026/TGO/FB", receivedOn: "2026-12-01" },
        "body.receivedOn",
        "is not the day S/AC.44/2026/TGO/FB was received (2026-11-30)",
      ],
      [
        { from: "provider", symbol: "S/AC.44/2026/TGO/FB" },
        "body.symbol",
        "is for feedback from the requesting State: a provider's note is not its document",
      ],
    ];
    for (const [body, path, message] of refusals) {
      const refused = await feedback(request.id, { from: "requester", text: "The note", ...body });
      expect(refused, JSON.stringify(body)).toMatchObject({ status: 422, body: { errors: [{ path, message }] } });
    }
    expect(await listed(request.id)).toEqual([]);
    expect(await feedbackObligation("TGO")).toEqual(before);
    expect(await feedbackTrail(request.id)).toEqual([]);
  });

  it("reads the document again when it is voided between the reading and the write, and refuses to name it", async () => {
    const request = await requestAt("BEN", CIRCULATED);
    const document = await recordDocument("BEN", {
      kind: "assistance-feedback",
      receivedOn: "2026-12-01",
      symbol: "S/AC.44/2026/BEN/FB",
    });
    const racing = voidedOnFirstReading("BEN", document.id);
    await expect(
      recordFeedback(racing.deps)(
        request.id,
        { from: "requester", text: "Thanks", symbol: "S/AC.44/2026/BEN/FB" },
        audit,
      ),
    ).rejects.toMatchObject({ issues: [{ path: "body.symbol", message: expect.stringContaining("is not among") }] });
    expect(racing.voided()).toBe(true);
    expect(await listed(request.id)).toEqual([]);
    expect(await feedbackObligation("BEN")).toMatchObject({ status: "not-applicable", submissions: 0 });
  });
});

describe("a note recorded on its request first and then as the State's document (ADR 0070)", () => {
  const link = (requestId: string, feedbackId: string, symbol: string) =>
    call({
      method: "PUT",
      path: `/assistance/requests/${requestId}/feedback/${feedbackId}/document`,
      body: { symbol },
    });

  it("counts twice until the feedback is linked to the document, then once; the same link again changes nothing", async () => {
    const request = await requestAt("GHA", CIRCULATED);
    const recorded = await feedback(request.id, {
      from: "requester",
      text: "Waiting for offers; the workshop date suits us",
      receivedOn: "2026-12-02",
    });
    expect(recorded.status).toBe(201);
    await recordDocument("GHA", {
      kind: "assistance-feedback",
      receivedOn: "2026-12-02",
      symbol: "S/AC.44/2026/GHA/FB",
    });
    // The double count ADR 0064 left: one note, two.
    const twice = await feedbackObligation("GHA");
    expect(twice).toMatchObject({ status: "fulfilled", submissions: 2 });

    const linked = await link(request.id, String(recorded.body.id), "s/ac.44/2026/gha/fb");
    expect(linked).toMatchObject({
      status: 200,
      body: { id: recorded.body.id, receivedOn: "2026-12-02", document: { symbol: "S/AC.44/2026/GHA/FB" } },
    });
    const once = await feedbackObligation("GHA");
    expect(once).toEqual({
      ...twice,
      submissions: 1,
      revision: (twice?.revision ?? 0) + 1,
    });
    expect((await listed(request.id)).map((note) => note.document?.symbol)).toEqual(["S/AC.44/2026/GHA/FB"]);
    const [entry, ...more] = await feedbackTrail(request.id, "assistance.feedback.link");
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      before: { iso3: "GHA", obligation: { submissions: 2 }, feedback: { id: recorded.body.id } },
      after: { iso3: "GHA", obligation: { submissions: 1 }, feedback: { document: { symbol: "S/AC.44/2026/GHA/FB" } } },
    });

    // Sent again (a retry, a second tab): the feedback as it is, nothing written.
    const again = await link(request.id, String(recorded.body.id), "S/AC.44/2026/GHA/FB");
    expect(again).toMatchObject({ status: 200, body: { document: { symbol: "S/AC.44/2026/GHA/FB" } } });
    expect(await feedbackObligation("GHA")).toEqual(once);
    expect(await feedbackTrail(request.id, "assistance.feedback.link")).toHaveLength(1);

    // Another document of that day is not the same note any more: the link is not changed.
    await recordDocument("GHA", {
      kind: "assistance-feedback",
      receivedOn: "2026-12-02",
      symbol: "S/AC.44/2026/GHA/FB2",
    });
    const moved = await link(request.id, String(recorded.body.id), "S/AC.44/2026/GHA/FB2");
    expect(moved).toMatchObject({
      status: 409,
      body: {
        detail:
          "This feedback is linked already to S/AC.44/2026/GHA/FB: one note is one document (undo that link first if it " +
          "was made in error)",
      },
    });
  });

  it("undoes a link made in error, even one made when recording: the feedback counts on its own again", async () => {
    const request = await requestAt("CIV", CIRCULATED);
    await recordDocument("CIV", {
      kind: "assistance-feedback",
      receivedOn: "2026-11-27",
      symbol: "S/AC.44/2026/CIV/FB",
    });
    const recorded = await feedback(request.id, {
      from: "requester",
      text: "Thanks for the circulation",
      symbol: "S/AC.44/2026/CIV/FB",
    });
    expect(recorded.body.document).toMatchObject({ symbol: "S/AC.44/2026/CIV/FB" });
    const linked = await feedbackObligation("CIV");
    expect(linked).toMatchObject({ submissions: 1 });
    const path = `/assistance/requests/${request.id}/feedback/${recorded.body.id}/document`;

    // Naming another document than the one linked (as read before a colleague's change): refused, nothing written.
    const stale = await call({ method: "DELETE", path, query: "symbol=S%2FAC.44%2F2026%2FCIV%2FOTHER" });
    expect(stale).toMatchObject({
      status: 409,
      body: {
        detail:
          "This feedback is linked to S/AC.44/2026/CIV/FB now, no longer to S/AC.44/2026/CIV/OTHER: read it again",
      },
    });
    expect(await feedbackObligation("CIV")).toEqual(linked);
    const query = "symbol=s%2Fac.44%2F2026%2Fciv%2Ffb";
    const unlinked = await call({ method: "DELETE", path, query });
    expect(unlinked.status, JSON.stringify(unlinked.body)).toBe(200);
    expect(unlinked.body.document).toBeUndefined();
    expect((await listed(request.id))[0]?.document).toBeUndefined();
    // Two notes now: the document and the feedback on its own, of the same day.
    const apart = await feedbackObligation("CIV");
    expect(apart).toEqual({ ...linked, submissions: 2, revision: (linked?.revision ?? 0) + 1 });
    const [entry, ...more] = await feedbackTrail(request.id, "assistance.feedback.unlink");
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      before: { obligation: { submissions: 1 }, feedback: { document: { symbol: "S/AC.44/2026/CIV/FB" } } },
      after: { obligation: { submissions: 2 } },
    });
    expect(entry?.after.feedback.document).toBeUndefined();

    // Again: nothing to undo, nothing written.
    expect(await call({ method: "DELETE", path, query })).toMatchObject({ status: 200 });
    expect(await feedbackObligation("CIV")).toEqual(apart);
    expect(await feedbackTrail(request.id, "assistance.feedback.unlink")).toHaveLength(1);

    // Linked again, the note counts once again.
    const relinked = await call({ method: "PUT", path, body: { symbol: "S/AC.44/2026/CIV/FB" } });
    expect(relinked.status, JSON.stringify(relinked.body)).toBe(200);
    expect(await feedbackObligation("CIV")).toMatchObject({ submissions: 1 });
  });

  it("refuses what is not the same note in words, at the symbol, writing nothing", async () => {
    const request = await requestAt("NER", CIRCULATED);
    const mine = await feedback(request.id, { from: "requester", text: "The note", receivedOn: "2026-11-30" });
    const provider = await feedback(request.id, { from: "provider", text: "Delivered", receivedOn: "2026-11-30" });
    const other = await feedback(request.id, { from: "requester", text: "Another note", receivedOn: "2026-11-30" });
    await recordDocument("NER", { kind: "action-plan", receivedOn: "2026-11-30", symbol: "S/AC.44/2026/NER/AP" });
    await recordDocument("NER", {
      kind: "assistance-feedback",
      receivedOn: "2026-12-01",
      symbol: "S/AC.44/2026/NER/FB1",
    });
    await recordDocument("NER", {
      kind: "assistance-feedback",
      receivedOn: "2026-11-30",
      symbol: "S/AC.44/2026/NER/FB",
    });
    expect((await link(request.id, String(other.body.id), "S/AC.44/2026/NER/FB")).status).toBe(200);
    const before = await feedbackObligation("NER");
    const mineId = String(mine.body.id);

    const refusals: [string, string, number, Record<string, unknown>][] = [
      [
        mineId,
        "S/AC.44/2026/NER/NONE",
        422,
        {
          errors: [
            {
              path: "body.symbol",
              message:
                "is not among Niger's documents: record the note on the State's page first, received 2026-11-30, " +
                "then link the feedback to it",
            },
          ],
        },
      ],
      [
        mineId,
        "S/AC.44/2026/NER/AP",
        422,
        {
          errors: [
            {
              path: "body.symbol",
              message:
                "is Niger's national implementation action plan, received 2026-11-30, not feedback on assistance",
            },
          ],
        },
      ],
      [
        mineId,
        "S/AC.44/2026/NER/FB1",
        422,
        {
          errors: [
            {
              path: "body.symbol",
              message:
                "was received on 2026-12-01, and this feedback on 2026-11-30: one note is received on one day " +
                "(correct the day that is wrong first, the document's or the feedback's)",
            },
          ],
        },
      ],
      [
        String(provider.body.id),
        "S/AC.44/2026/NER/FB",
        422,
        {
          errors: [
            {
              path: "body.symbol",
              message: "is for feedback from the requesting State: a provider's note is not its document",
            },
          ],
        },
      ],
      [
        mineId,
        "S/AC.44/2026/NER/FB",
        409,
        {
          detail:
            "S/AC.44/2026/NER/FB is linked already to the request's feedback received on 2026-11-30: it is not " +
            "recorded twice",
        },
      ],
      [
        "01ARZ3NDEKTSV4RRFFQ69G5FAV",
        "S/AC.44/2026/NER/FB",
        404,
        { detail: "Feedback 01ARZ3NDEKTSV4RRFFQ69G5FAV was not found" },
      ],
    ];
    for (const [feedbackId, symbol, status, body] of refusals) {
      expect(await link(request.id, feedbackId, symbol), symbol).toMatchObject({ status, body });
    }
    expect(await feedbackObligation("NER")).toEqual(before);
    expect((await listed(request.id)).filter((note) => note.document).map((note) => note.document?.symbol)).toEqual([
      "S/AC.44/2026/NER/FB",
    ]);
    expect(await feedbackTrail(request.id, "assistance.feedback.link")).toHaveLength(1);
  });

  it("reads the document again when it is voided between the reading and the write, and refuses to link it", async () => {
    const request = await requestAt("MRT", CIRCULATED);
    const recorded = await feedback(request.id, { from: "requester", text: "Thanks", receivedOn: "2026-12-01" });
    const document = await recordDocument("MRT", {
      kind: "assistance-feedback",
      receivedOn: "2026-12-01",
      symbol: "S/AC.44/2026/MRT/FB",
    });
    const racing = voidedOnFirstReading("MRT", document.id);
    await expect(
      linkFeedbackDocument(racing.deps)(request.id, String(recorded.body.id), { symbol: "S/AC.44/2026/MRT/FB" }, audit),
    ).rejects.toMatchObject({ issues: [{ path: "body.symbol", message: expect.stringContaining("is not among") }] });
    expect(racing.voided()).toBe(true);
    expect((await listed(request.id))[0]?.document).toBeUndefined();
    // The feedback alone counts the note again, once.
    expect(await feedbackObligation("MRT")).toMatchObject({ status: "fulfilled", submissions: 1 });
  });
});

describe("feedback corrected (ADR 0071)", () => {
  /** A correction with If-Match the ETag the feedback's GET gives now, unless the caller names one. */
  const correct = async (requestId: string, feedbackId: string, body: Record<string, unknown>, ifMatch?: string) => {
    const path = `/assistance/requests/${requestId}/feedback/${feedbackId}`;
    return call({ method: "PATCH", path, body, ifMatch: ifMatch ?? (await call({ path })).etag });
  };

  it("moves a wrong day, dating the obligation again from every note it counts, and then the note can be linked", async () => {
    const first = await requestAt("CMR", CIRCULATED);
    const second = await requestAt("CMR", CIRCULATED);
    await recordDocument("CMR", {
      kind: "assistance-feedback",
      receivedOn: "2026-11-20",
      symbol: "S/AC.44/2026/CMR/FB",
    });
    // The note of 20 November, typed in with the day it was entered.
    const typed = await feedback(first.id, {
      from: "requester",
      text: "The workshop helped",
      receivedOn: "2026-12-03",
    });
    await feedback(second.id, { from: "requester", text: "Still waiting", receivedOn: "2026-11-25" });
    const before = await feedbackObligation("CMR");
    expect(before).toMatchObject({ submissions: 3, firstReceivedOn: "2026-11-20", lastReceivedOn: "2026-12-03" });
    // Another day than its document's: not the same note, as typed.
    const path = `/assistance/requests/${first.id}/feedback/${typed.body.id}/document`;
    expect((await call({ method: "PUT", path, body: { symbol: "S/AC.44/2026/CMR/FB" } })).status).toBe(422);

    const corrected = await correct(first.id, String(typed.body.id), { receivedOn: "2026-11-20" });
    expect(corrected).toMatchObject({ status: 200, body: { receivedOn: "2026-11-20", text: "The workshop helped" } });
    // The count as it was; the last note is now the other request's, of 25 November.
    const redated = await feedbackObligation("CMR");
    expect(redated).toEqual({
      ...before,
      lastReceivedOn: "2026-11-25",
      revision: (before?.revision ?? 0) + 1,
    });
    const [entry] = await feedbackTrail(first.id, "assistance.feedback.correct");
    expect(entry).toMatchObject({
      before: { feedback: { receivedOn: "2026-12-03" }, obligation: { lastReceivedOn: "2026-12-03" } },
      after: { feedback: { receivedOn: "2026-11-20" }, obligation: { lastReceivedOn: "2026-11-25" } },
    });

    // The same again writes nothing.
    expect(await correct(first.id, String(typed.body.id), { receivedOn: "2026-11-20" })).toMatchObject({ status: 200 });
    expect(await feedbackTrail(first.id, "assistance.feedback.correct")).toHaveLength(1);
    expect(await feedbackObligation("CMR")).toEqual(redated);

    // Now the same note as the document: linked, it counts once.
    expect((await call({ method: "PUT", path, body: { symbol: "S/AC.44/2026/CMR/FB" } })).status).toBe(200);
    expect(await feedbackObligation("CMR")).toMatchObject({ submissions: 2 });
    // A linked note's text may be corrected; its day stays its document's.
    const text = await correct(first.id, String(typed.body.id), { text: "The drafting workshop helped" });
    expect(text).toMatchObject({ status: 200, body: { text: "The drafting workshop helped", document: {} } });
    expect(await correct(first.id, String(typed.body.id), { receivedOn: "2026-11-21" })).toMatchObject({
      status: 422,
      body: {
        errors: [
          {
            path: "body.receivedOn",
            message:
              "is not the day S/AC.44/2026/CMR/FB was received (2026-11-20): feedback linked to its document is " +
              "received the day the document was (unlink it first if it is not that note)",
          },
        ],
      },
    });
  });

  it("refuses an impossible day, another feedback's words, an empty correction and unknown feedback, writing nothing", async () => {
    const request = await requestAt("GAB", CIRCULATED);
    const mine = await feedback(request.id, { from: "requester", text: "First note", receivedOn: "2026-12-01" });
    await feedback(request.id, { from: "provider", text: "Delivered", receivedOn: "2026-12-01" });
    await feedback(request.id, { from: "requester", text: "Second note", receivedOn: "2026-12-02" });
    const before = await feedbackObligation("GAB");
    const id = String(mine.body.id);
    const refusals: [string, Record<string, unknown>, number, Record<string, unknown>][] = [
      [
        id,
        { receivedOn: "2026-12-08" },
        422,
        { errors: [{ path: "body.receivedOn", message: "is in the future (today is 2026-12-07)" }] },
      ],
      [
        id,
        { receivedOn: "2025-11-19" },
        422,
        { errors: [{ path: "body.receivedOn", message: "is before the request was received on 2025-11-20" }] },
      ],
      [
        id,
        { text: " second  NOTE ", receivedOn: "2026-12-02" },
        409,
        {
          detail:
            "This feedback from the requesting State, received on 2026-12-02, is recorded already with the same " +
            "text: it is not recorded twice",
        },
      ],
      [id, {}, 422, {}],
      [id, { from: "provider" }, 422, {}],
      ["01ARZ3NDEKTSV4RRFFQ69G5FAV", { text: "Lost" }, 404, {}],
    ];
    for (const [feedbackId, body, status, problem] of refusals) {
      expect(await correct(request.id, feedbackId, body, '"1"'), JSON.stringify(body)).toMatchObject({
        status,
        body: problem,
      });
    }
    expect((await listed(request.id)).map((note) => [note.from, note.receivedOn])).toEqual([
      ["requester", "2026-12-01"],
      ["provider", "2026-12-01"],
      ["requester", "2026-12-02"],
    ]);
    expect(await feedbackObligation("GAB")).toEqual(before);
    expect(await feedbackTrail(request.id, "assistance.feedback.correct")).toEqual([]);
  });
});

describe("feedback versioned (ADR 0072)", () => {
  it("gives each feedback an ETag, asks a correction for it, and refuses one a colleague's change made stale", async () => {
    const request = await requestAt("TGO", CIRCULATED);
    const recorded = await feedback(request.id, { from: "requester", text: "Helpful", receivedOn: "2026-12-01" });
    const path = `/assistance/requests/${request.id}/feedback/${recorded.body.id}`;
    expect(recorded).toMatchObject({ status: 201, etag: '"1"', headers: { location: path } });
    expect(await call({ path, group: "members" })).toEqual({ ...recorded, status: 200, headers: expect.anything() });

    expect(await call({ method: "PATCH", path, body: { text: "Very helpful" } })).toMatchObject({ status: 428 });
    // Two officers open the note at version 1; the first corrects it.
    const first = await call({ method: "PATCH", path, body: { text: "Very helpful" }, ifMatch: '"1"' });
    expect(first).toMatchObject({ status: 200, etag: '"2"', body: { text: "Very helpful" } });
    const second = await call({ method: "PATCH", path, body: { receivedOn: "2026-11-30" }, ifMatch: '"1"' });
    expect(second).toMatchObject({
      status: 412,
      body: {
        detail:
          'The feedback received on 2026-12-01 has changed since it was read: it is at "2", If-Match named "1"; ' +
          "fetch it again and retry with its current ETag",
      },
    });
    expect(await call({ path })).toMatchObject({
      etag: '"2"',
      body: { text: "Very helpful", receivedOn: "2026-12-01" },
    });
    expect(await feedbackTrail(request.id, "assistance.feedback.correct")).toHaveLength(1);
    // The same words again, at the version read, write nothing and keep the version.
    expect(await call({ method: "PATCH", path, body: { text: "Very helpful" }, ifMatch: '"2"' })).toMatchObject({
      status: 200,
      etag: '"2"',
    });
    expect(
      await call({ path: `/assistance/requests/${request.id}/feedback/01ARZ3NDEKTSV4RRFFQ69G5FAV` }),
    ).toMatchObject({
      status: 404,
    });
  });

  it("moves the version when feedback is linked or unlinked, so a correction opened before is refused", async () => {
    const request = await requestAt("BEN", CIRCULATED);
    await recordDocument("BEN", {
      kind: "assistance-feedback",
      receivedOn: "2026-12-02",
      symbol: "S/AC.44/2026/BEN/FB",
    });
    const recorded = await feedback(request.id, { from: "requester", text: "Thanks", receivedOn: "2026-12-02" });
    const path = `/assistance/requests/${request.id}/feedback/${recorded.body.id}`;
    const linked = await call({ method: "PUT", path: `${path}/document`, body: { symbol: "S/AC.44/2026/BEN/FB" } });
    expect(linked).toMatchObject({ status: 200, etag: '"2"', body: { document: { symbol: "S/AC.44/2026/BEN/FB" } } });
    // The same link again writes nothing: the version stays.
    expect(
      await call({ method: "PUT", path: `${path}/document`, body: { symbol: "S/AC.44/2026/BEN/FB" } }),
    ).toMatchObject({ status: 200, etag: '"2"' });
    expect(await call({ method: "PATCH", path, body: { text: "Many thanks" }, ifMatch: '"1"' })).toMatchObject({
      status: 412,
    });
    const unlinked = await call({ method: "DELETE", path: `${path}/document`, query: "symbol=S/AC.44/2026/BEN/FB" });
    expect(unlinked).toMatchObject({ status: 200, etag: '"3"' });
    expect(unlinked.body).not.toHaveProperty("document");
    expect(await call({ path })).toMatchObject({ etag: '"3"', body: { text: "Thanks" } });
  });
});

describe("feedback voided (ADR 0073)", () => {
  const voidOf = (requestId: string, feedbackId: string, reason: string, ifMatch?: string) =>
    call({
      method: "POST",
      path: `/assistance/requests/${requestId}/feedback/${feedbackId}/void`,
      body: { reason },
      ...(ifMatch === undefined ? {} : { ifMatch }),
    });

  it("voids a note counted on its own: one less, dated by the notes still counted, its words free again", async () => {
    const request = await requestAt("LBR", CIRCULATED);
    await feedback(request.id, { from: "requester", text: "First", receivedOn: "2026-11-20" });
    const second = await feedback(request.id, { from: "requester", text: "Second", receivedOn: "2026-12-02" });
    const before = await feedbackObligation("LBR");
    expect(before).toMatchObject({ submissions: 2, firstReceivedOn: "2026-11-20", lastReceivedOn: "2026-12-02" });
    const id = String(second.body.id);

    const voided = await voidOf(request.id, id, "Recorded on the wrong request", '"1"');
    expect(voided).toMatchObject({
      status: 200,
      etag: '"2"',
      body: { text: "Second", voided: { at: "2026-12-07T15:00:00.000Z", reason: "Recorded on the wrong request" } },
    });
    expect(await feedbackObligation("LBR")).toEqual({
      ...before,
      submissions: 1,
      lastReceivedOn: "2026-11-20",
      revision: (before?.revision ?? 0) + 1,
    });
    const [entry] = await feedbackTrail(request.id, "assistance.feedback.void");
    expect(entry).toMatchObject({
      reason: "Recorded on the wrong request",
      before: { obligation: { submissions: 2 } },
      after: { feedback: { voided: {} }, obligation: { submissions: 1 } },
    });
    // Listed for the record; not changed again.
    expect((await listed(request.id)).map((note) => [note.receivedOn, "voided" in note])).toEqual([
      ["2026-11-20", false],
      ["2026-12-02", true],
    ]);
    const refusal =
      "The feedback received on 2026-12-02 was voided on 2026-12-07 (Recorded on the wrong request): it no longer " +
      "counts and is not changed";
    const path = `/assistance/requests/${request.id}/feedback/${id}`;
    for (const change of [
      voidOf(request.id, id, "Again", '"2"'),
      call({ method: "PATCH", path, body: { text: "Second note" }, ifMatch: '"2"' }),
      call({ method: "PUT", path: `${path}/document`, body: { symbol: "S/AC.44/2026/LBR/FB" } }),
    ]) {
      expect(await change).toMatchObject({ status: 409, body: { detail: refusal } });
    }
    // Its words are free again: the note recorded where it belongs counts.
    expect((await feedback(request.id, { from: "requester", text: "Second", receivedOn: "2026-12-02" })).status).toBe(
      201,
    );
    expect(await feedbackObligation("LBR")).toMatchObject({ submissions: 2, lastReceivedOn: "2026-12-02" });
  });

  it("voids the only note back to not applicable, and a linked note without touching the count", async () => {
    const lone = await requestAt("SLE", CIRCULATED);
    const note = await feedback(lone.id, { from: "requester", text: "Thanks", receivedOn: "2026-12-01" });
    await voidOf(lone.id, String(note.body.id), "Not from the State", '"1"');
    const none = await feedbackObligation("SLE");
    expect(none).toMatchObject({ status: "not-applicable", submissions: 0 });
    expect(none).not.toHaveProperty("lastReceivedOn");

    const request = await requestAt("GIN", CIRCULATED);
    await recordDocument("GIN", {
      kind: "assistance-feedback",
      receivedOn: "2026-12-03",
      symbol: "S/AC.44/2026/GIN/FB",
    });
    const linked = await feedback(request.id, {
      from: "requester",
      text: "Our note",
      symbol: "S/AC.44/2026/GIN/FB",
    });
    const counted = await feedbackObligation("GIN");
    expect(await voidOf(request.id, String(linked.body.id), "Entered twice", '"1"')).toMatchObject({ status: 200 });
    expect(await feedbackObligation("GIN")).toEqual(counted);
  });

  it("asks for If-Match and a reason, refuses a stale version, and writes nothing then", async () => {
    const request = await requestAt("BFA", CIRCULATED);
    const note = await feedback(request.id, { from: "requester", text: "Useful", receivedOn: "2026-12-01" });
    const id = String(note.body.id);
    const before = await feedbackObligation("BFA");
    await call({
      method: "PATCH",
      path: `/assistance/requests/${request.id}/feedback/${id}`,
      body: { text: "Very useful" },
      ifMatch: '"1"',
    });
    expect(await voidOf(request.id, id, "Wrong request")).toMatchObject({ status: 428 });
    expect(await voidOf(request.id, id, "Wrong request", '"1"')).toMatchObject({ status: 412 });
    expect(await voidOf(request.id, id, "no", '"2"')).toMatchObject({
      status: 422,
      body: { errors: [{ path: "body.reason", message: "say why, in at least 3 characters" }] },
    });
    expect(await listed(request.id)).toEqual([expect.not.objectContaining({ voided: expect.anything() })]);
    expect(await feedbackObligation("BFA")).toEqual(before);
    expect(await feedbackTrail(request.id, "assistance.feedback.void")).toEqual([]);
  });
});
