// Two offers of one provider matched to one request read apart in the API's answers and the trail, against DynamoDB
// Local through the router: the request's list of matches names each offer (its validity too where the descriptions
// start alike), and so do the history's note of an accepted match and the audit entries of the proposals and moves.
import { Logger } from "@aws-lambda-powertools/logger";
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import * as z from "zod";
import { assistanceRepository } from "#shared/assistance/repository.ts";
import { listedMatchSchema } from "#shared/assistance/schemas.ts";
import { dynamoHolidayStore } from "#shared/calendar/store.ts";
import { fixedClock } from "#shared/clock.ts";
import { createRouter } from "#shared/http/router.ts";
import { organizationRepository } from "#shared/organizations/repository.ts";
import { registryRepository } from "#shared/registry/repository.ts";
import { seedRegistry } from "#shared/registry/seed.ts";
import { reportingRepository } from "#shared/reporting/repository.ts";
import { assistanceRoutes } from "../../functions/api/routes/assistance.ts";
import { routerCaller } from "../support/api-event.ts";
import { freshTables } from "./fresh-tables.ts";

const clock = fixedClock("2026-03-05T15:00:00Z");
let setup: Awaited<ReturnType<typeof freshTables>>;
let call: ReturnType<typeof routerCaller>;

beforeAll(async () => {
  setup = await freshTables();
  await seedRegistry(setup.doc, setup.tableNames, clock);
  const router = createRouter(
    assistanceRoutes({
      assistance: assistanceRepository(setup.doc, setup.tableNames, clock),
      registry: registryRepository(setup.doc, setup.tableNames, clock),
      organizations: organizationRepository(setup.doc, setup.tableNames, clock),
      reporting: reportingRepository(setup.doc, setup.tableNames, clock),
      holidays: dynamoHolidayStore(setup.doc, setup.tableNames, clock),
      clock,
    }),
    new Logger({ logLevel: "SILENT" }),
  );
  call = routerCaller(router, "secretariat");
});

/** Kenya's request, moved on to circulated; its id and ETag. */
async function circulatedRequest() {
  const created = await call({
    method: "POST",
    path: "/assistance/requests",
    body: {
      iso3: "KEN",
      areas: ["legislation"],
      description: "Export control law",
      receivedOn: "2026-03-02",
      symbol: "S/AC.44/2026/KEN/OFFERS",
      consentedToCirculation: true,
    },
  });
  expect(created.status).toBe(201);
  const id = String(created.body.id);
  let etag = String(created.etag);
  for (const to of ["acknowledged", "consent-window", "circulated"]) {
    const moved = await call({
      method: "POST",
      path: `/assistance/requests/${id}/transitions`,
      ifMatch: etag,
      body: { to },
    });
    expect(moved.status).toBe(200);
    etag = String(moved.etag);
  }
  return id;
}

/** Bulgaria's offer, proposed for the request: the match's id. */
async function proposedOffer(requestId: string, description: string, validFrom: string) {
  const offer = await call({
    method: "POST",
    path: "/assistance/offers",
    body: { provider: { kind: "state", iso3: "BGR" }, areas: ["legislation"], description, validFrom },
  });
  expect(offer.status).toBe(201);
  const match = await call({
    method: "POST",
    path: "/assistance/matches",
    body: { requestId, offerId: offer.body.id },
  });
  expect(match.status).toBe(201);
  return String(match.body.id);
}

async function trailOf(requestId: string) {
  const result = await setup.doc.send(
    new QueryCommand({
      TableName: setup.tableNames.audit,
      KeyConditionExpression: "pk = :pk",
      ExpressionAttributeValues: { ":pk": `assistance-request#${requestId}` },
    }),
  );
  return result.Items ?? [];
}

describe("a provider's two offers on one request, against DynamoDB Local", () => {
  it("names each offer in the list of matches, the history's note and the trail", async () => {
    const requestId = await circulatedRequest();
    const lastYear = await proposedOffer(requestId, "Legislative drafting workshop", "2025-01-01");
    const thisYear = await proposedOffer(requestId, "Legislative drafting workshop", "2026-01-01");
    const training = await proposedOffer(
      requestId,
      "Training of customs officers in the identification of strategic goods at the border",
      "2026-01-01",
    );

    const listed = await call({ path: `/assistance/requests/${requestId}/matches`, group: "members" });
    expect(listed.status).toBe(200);
    const items = z.array(listedMatchSchema).parse(listed.body.items);
    expect(Object.fromEntries(items.map((match) => [match.id, match.offer]))).toEqual({
      [lastYear]: "“Legislative drafting workshop” (valid from 1 January 2025, with no end date)",
      [thisYear]: "“Legislative drafting workshop” (valid from 1 January 2026, with no end date)",
      [training]: "“Training of customs officers in the identification of…”",
    });
    expect(Object.fromEntries(items.map((match) => [match.id, match.offerValidity]))).toEqual({
      [lastYear]: { validFrom: "2025-01-01" },
      [thisYear]: { validFrom: "2026-01-01" },
      [training]: { validFrom: "2026-01-01" },
    });

    const accepted = await call({
      method: "POST",
      path: `/assistance/matches/${thisYear}/transitions`,
      ifMatch: '"1"',
      body: { to: "accepted" },
    });
    expect(accepted.status).toBe(200);
    const note =
      "Bulgaria's offer “Legislative drafting workshop” (valid from 1 January 2026, with no end date) accepted";
    expect(accepted.body.request.history.at(-1)).toMatchObject({ to: "matched", note });

    const trail = await trailOf(requestId);
    // The entries share the clock's instant: by the match they name, not by their order.
    const offersOf = (action: string) =>
      Object.fromEntries(
        trail
          .filter((entry) => entry.action === action)
          .map((entry) => [entry.after?.id ?? entry.after?.match, [entry.before?.offer, entry.after?.offer]]),
      );
    expect(offersOf("assistance.match.propose")).toEqual({
      // Proposed when no other offer of Bulgaria's started alike: its description alone, as it was then.
      [lastYear]: [undefined, "“Legislative drafting workshop”"],
      [thisYear]: [undefined, "“Legislative drafting workshop” (valid from 1 January 2026, with no end date)"],
      [training]: [undefined, "“Training of customs officers in the identification of…”"],
    });
    expect(offersOf("assistance.match.transition")).toEqual({
      [thisYear]: [
        "“Legislative drafting workshop” (valid from 1 January 2026, with no end date)",
        "“Legislative drafting workshop” (valid from 1 January 2026, with no end date)",
      ],
    });
    expect(
      trail.find((entry) => entry.action === "assistance.request.transition" && entry.after?.status === "matched"),
    ).toMatchObject({ after: { note } });
  });
});
