// A match whose offer has ended is not accepted (audit 36, bug 6), and the match path's refusals after the reads were
// cut (session 38), against DynamoDB Local through the router: the acceptance refused with 409 in words and nothing
// written; a proposal repeated refused by the pair guard alone, in words; a stale move refused with 412 on the match.
import { Logger } from "@aws-lambda-powertools/logger";
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { assistanceRepository } from "#shared/assistance/repository.ts";
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

// 7 December 2026 in New York.
const clock = fixedClock("2026-12-07T15:00:00Z");
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

/** Gambia's request `symbol`, circulated on 3 November; Sweden's offer `description`, proposed for it on 1 December. */
async function proposedMatch(symbol: string, description: string) {
  const created = await call({
    method: "POST",
    path: "/assistance/requests",
    body: {
      iso3: "GMB",
      areas: ["legislation"],
      description: "Export control law",
      receivedOn: "2026-10-30",
      symbol,
      consentedToCirculation: true,
    },
  });
  expect(created.status).toBe(201);
  const requestId = String(created.body.id);
  let etag = String(created.etag);
  for (const [to, on] of [
    ["acknowledged", "2026-11-02"],
    ["consent-window", "2026-11-02"],
    ["circulated", "2026-11-03"],
  ]) {
    const moved = await call({
      method: "POST",
      path: `/assistance/requests/${requestId}/transitions`,
      ifMatch: etag,
      body: { to, on },
    });
    expect(moved.status).toBe(200);
    etag = String(moved.etag);
  }
  const offer = await call({
    method: "POST",
    path: "/assistance/offers",
    body: {
      provider: { kind: "state", iso3: "SWE" },
      areas: ["legislation"],
      description,
      validFrom: "2026-01-01",
      validUntil: "2026-12-31",
    },
  });
  expect(offer.status).toBe(201);
  const offerId = String(offer.body.id);
  const match = await call({
    method: "POST",
    path: "/assistance/matches",
    body: { requestId, offerId, on: "2026-12-01" },
  });
  expect(match.status).toBe(201);
  return { requestId, offerId, matchId: String(match.body.id) };
}

async function trailActions(requestId: string): Promise<string[]> {
  const result = await setup.doc.send(
    new QueryCommand({
      TableName: setup.tableNames.audit,
      KeyConditionExpression: "pk = :pk",
      ExpressionAttributeValues: { ":pk": `assistance-request#${requestId}` },
    }),
  );
  return (result.Items ?? []).map((item) => String(item.action));
}

describe("a match whose offer has ended, against DynamoDB Local", () => {
  it("is refused its acceptance with 409 in words and nothing written; declined, it moves", async () => {
    const { requestId, offerId, matchId } = await proposedMatch("S/AC.44/2025/31", "Legislative drafting workshop");
    const ended = await call({
      method: "PATCH",
      path: `/assistance/offers/${offerId}`,
      ifMatch: '"1"',
      body: { validUntil: "2026-12-06" },
    });
    expect(ended.status).toBe(200);
    // The request's list says so: the console withholds the acceptance from what it reads there.
    const listed = await call({ path: `/assistance/requests/${requestId}/matches` });
    expect(listed.body.items).toMatchObject([
      { id: matchId, status: "proposed", offerValidity: { validFrom: "2026-01-01", validUntil: "2026-12-06" } },
    ]);
    const trail = await trailActions(requestId);

    const accepted = await call({
      method: "POST",
      path: `/assistance/matches/${matchId}/transitions`,
      ifMatch: '"1"',
      body: { to: "accepted" },
    });
    expect(accepted).toMatchObject({ status: 409, body: { type: "/problems/conflict" } });
    expect(accepted.body.detail).toBe(
      "Sweden's offer “Legislative drafting workshop” (valid from 1 January 2026 to 6 December 2026) is not valid on " +
        "2026-12-07 (today): its match to assistance request S/AC.44/2025/31 of Gambia cannot be accepted",
    );
    const match = await call({ path: `/assistance/matches/${matchId}` });
    expect(match).toMatchObject({ etag: '"1"', body: { status: "proposed", history: [] } });
    const request = await call({ path: `/assistance/requests/${requestId}` });
    expect(request.body.status).toBe("circulated");
    expect(await trailActions(requestId)).toEqual(trail);

    const declined = await call({
      method: "POST",
      path: `/assistance/matches/${matchId}/transitions`,
      ifMatch: '"1"',
      body: { to: "declined" },
    });
    expect(declined).toMatchObject({ status: 200, etag: '"2"', body: { match: { status: "declined" } } });

    // The match moved since: a move against its first ETag is refused on the match alone.
    const stale = await call({
      method: "POST",
      path: `/assistance/matches/${matchId}/transitions`,
      ifMatch: '"1"',
      body: { to: "accepted" },
    });
    expect(stale).toMatchObject({ status: 412, etag: '"2"' });
    expect(stale.body.detail).toMatch(/^The match has changed since it was read: it is at "2", If-Match named "1"/);
  });

  it("refuses the same offer proposed again by the pair guard, in words, writing nothing", async () => {
    const { requestId, offerId } = await proposedMatch("S/AC.44/2025/32", "Legislative drafting course");
    const trail = await trailActions(requestId);
    const again = await call({ method: "POST", path: "/assistance/matches", body: { requestId, offerId } });
    expect(again.status).toBe(409);
    expect(again.body.detail).toBe(
      "Sweden's offer “Legislative drafting course” (valid from 1 January 2026 to 31 December 2026) is already " +
        "matched to assistance request S/AC.44/2025/32 of Gambia",
    );
    const matches = await call({ path: `/assistance/requests/${requestId}/matches` });
    expect(matches.body.items).toHaveLength(1);
    expect(await trailActions(requestId)).toEqual(trail);
  });
});
