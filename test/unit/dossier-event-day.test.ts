// The day a timeline entry happened (shared/dossier/event-day.ts, ADR 0063): the record's day where it gives one, the
// desk's day it was recorded otherwise; the key that orders the timeline by it; and the timeline's queries by it.
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { AuditEntry } from "#shared/audit/audit-entry.ts";
import type { Actor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { dossierDependencies, stateTimeline } from "#shared/dossier/dossier.ts";
import {
  deskDayStart,
  letterTimelineKeyOf,
  recordedEventDay,
  timelineDayOf,
  timelineKeyOf,
} from "#shared/dossier/event-day.ts";
import { auditTimelineEntry, letterTimelineEntry } from "#shared/dossier/timeline.ts";

const entry = (action: string, after: unknown, at = "2026-12-07T14:10:00.000Z"): AuditEntry => ({
  id: "01E",
  at,
  actor: { kind: "system", id: "test" },
  action,
  entity: { type: "assistance-request", id: "R1" },
  after,
});

describe("the day an event happened", () => {
  it.each([
    ["submission.record", { kind: "first-report", receivedOn: "2026-11-30" }, "2026-11-30"],
    ["state.reporting-status", { reportingStatus: "reported", firstReportOn: "2026-11-30" }, "2026-11-30"],
    ["assistance.request.create", { status: "received", receivedOn: "2025-11-20" }, "2025-11-20"],
    ["assistance.request.seed", { status: "circulated", receivedOn: "2025-02-03" }, "2025-02-03"],
    ["assistance.request.transition", { status: "circulated", on: "2025-12-03" }, "2025-12-03"],
    ["assistance.request.consent", { consentedToCirculation: true, consentedOn: "2025-11-24" }, "2025-11-24"],
    ["assistance.feedback.record", { feedback: { receivedOn: "2026-12-02" } }, "2026-12-02"],
    ["assistance.match.propose", { status: "proposed", proposedOn: "2026-01-10" }, "2026-01-10"],
    ["assistance.match.transition", { status: "accepted", on: "2026-01-20" }, "2026-01-20"],
    ["assistance.offer.create", { lastUpdatedOn: "2026-03-01" }, "2026-03-01"],
    ["matrix.transition", { status: "approved", on: "2026-10-01" }, "2026-10-01"],
  ])("is the record's for %s", (action, after, day) => {
    expect(recordedEventDay(entry(action, after))).toBe(day);
    expect(timelineDayOf(entry(action, after))).toBe(day);
  });

  it("is the desk's day it was recorded for a correction, a contact's change, or a record without a day", () => {
    // 02:00 UTC on the 8th is 21:00 on the 7th in New York.
    const late = "2026-12-08T02:00:00.000Z";
    for (const [action, after] of [
      ["submission.correct", { receivedOn: "2026-11-01" }],
      ["submission.void", { receivedOn: "2026-11-01" }],
      ["contact.update", { owner: "STATE:GMB" }],
      ["assistance.request.transition", { status: "circulated" }],
      ["assistance.request.transition", { status: "circulated", on: "3 December" }],
    ] as const) {
      expect(recordedEventDay(entry(action, after, late))).toBeUndefined();
      expect(timelineDayOf(entry(action, after, late))).toBe("2026-12-07");
    }
  });

  it("orders by the day, then by when it was recorded: a move typed today about last year sorts with last year", () => {
    const typedToday = timelineKeyOf(entry("assistance.request.transition", { on: "2025-12-03" }));
    const earlierToday = timelineKeyOf({ ...entry("contact.update", {}), at: "2026-12-07T14:00:00.000Z", id: "01D" });
    expect(typedToday).toBe("2025-12-03#2026-12-07T14:10:00.000Z#01E");
    expect([typedToday, earlierToday].sort().reverse()).toEqual([earlierToday, typedToday]);
    const sameDayLater = timelineKeyOf({ ...entry("submission.record", { receivedOn: "2025-12-03" }), id: "01F" });
    expect(sameDayLater > typedToday).toBe(true);
  });

  it("gives a letter the desk's day it was queued, ordered among audit entries of that day by the instant", () => {
    expect(letterTimelineKeyOf("2026-12-08T03:30:00.000Z", "W1", "C1")).toBe(
      "2026-12-07#2026-12-08T03:30:00.000Z#W1#C1",
    );
    const letter = letterTimelineEntry(
      { waveId: "W1", recipient: "C1", status: "sent", createdAt: "2026-12-08T03:30:00.000Z" },
      ["experts"],
    );
    expect(letter).toMatchObject({ on: "2026-12-07", at: "2026-12-08T03:30:00.000Z" });
  });

  it("puts the day and the recording instant on an audit entry's timeline entry", () => {
    const moved = entry("assistance.request.transition", { iso3: "GMB", status: "circulated", on: "2025-12-03" });
    expect(auditTimelineEntry(moved, { kind: "state", iso3: "GMB" }, ["experts"])).toMatchObject({
      on: "2025-12-03",
      at: "2026-12-07T14:10:00.000Z",
    });
  });

  it.each([
    ["2026-12-07", "2026-12-07T05:00:00.000Z"],
    ["2026-07-01", "2026-07-01T04:00:00.000Z"],
    // The clocks go forward at 02:00 on 8 March: that day's midnight is still winter time's.
    ["2026-03-08", "2026-03-08T05:00:00.000Z"],
    // And back at 02:00 on 1 November: that day's midnight is still summer time's.
    ["2026-11-01", "2026-11-01T04:00:00.000Z"],
    ["2026-11-02", "2026-11-02T05:00:00.000Z"],
  ])("starts the desk's day %s at %s", (day, start) => {
    expect(deskDayStart(day)).toBe(start);
  });
});

describe("a State's timeline, read by the events' days", () => {
  const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: "us-east-1" }));
  const dynamo = mockClient(DynamoDBDocumentClient);
  afterAll(() => dynamo.restore());
  beforeEach(() => dynamo.reset());
  const timeline = stateTimeline(
    dossierDependencies(doc, { desk: "desk", audit: "audit" }, fixedClock("2026-12-07T14:10:00Z")),
  );
  const reader: Actor = { kind: "user", id: "u1", groups: ["experts"] };

  const auditItem = (id: string, on: string, at: string) => ({
    pk: "assistance-request#R1",
    sk: `${at}#${id}`,
    iso3: "GMB",
    timelineKey: `${on}#${at}#${id}`,
    id,
    at,
    actor: { kind: "system", id: "test" },
    action: "assistance.request.transition",
    entity: { type: "assistance-request", id: "R1" },
    after: { iso3: "GMB", status: "circulated", on },
  });

  it("reads the period's days of the events, and the letters queued between New York's midnights", async () => {
    dynamo.on(QueryCommand).resolves({ Items: [] });
    dynamo.on(QueryCommand, { IndexName: "stateTimeline" }).resolves({
      Items: [auditItem("01A", "2026-11-30", "2026-12-07T14:00:00.000Z")],
    });
    await timeline("GMB", { from: "2026-11-01", to: "2026-11-30" }, reader, { limit: 10 });
    const queries = dynamo.commandCalls(QueryCommand).map((call) => call.args[0].input);
    expect(queries.find((query) => query.IndexName === "stateTimeline")).toMatchObject({
      KeyConditionExpression: "iso3 = :owner AND timelineKey BETWEEN :from AND :to",
      ExpressionAttributeValues: { ":owner": "GMB", ":from": "2026-11-01", ":to": "2026-11-30~" },
    });
    expect(queries.find((query) => query.IndexName === "gsi2")).toMatchObject({
      KeyConditionExpression: "gsi2pk = :owner AND gsi2sk BETWEEN :from AND :to",
      ExpressionAttributeValues: { ":from": "2026-11-01T04:00:00.000Z", ":to": "2026-12-01T05:00:00.000Z" },
    });
  });

  it("merges a letter of today before a move typed in later but dated last year", async () => {
    dynamo.on(QueryCommand, { IndexName: "stateTimeline" }).resolves({
      Items: [auditItem("01B", "2025-12-03", "2026-12-07T14:10:00.000Z")],
    });
    dynamo.on(QueryCommand, { IndexName: "gsi2" }).resolves({
      Items: [
        {
          pk: "WAVE#W1",
          sk: "MESSAGE#C1",
          gsi2pk: "LETTERS#STATE:GMB",
          gsi2sk: "2026-12-07T13:00:00.000Z#W1#C1",
          waveId: "W1",
          recipient: "C1",
          status: "sent",
          createdAt: "2026-12-07T13:00:00.000Z",
        },
      ],
    });
    const page = await timeline("GMB", {}, reader, { limit: 1 });
    expect(page.items.map((item) => [item.on, item.action])).toEqual([["2026-12-07", "letter.sent"]]);
    expect(page.cursor).toBeDefined();
  });
});
