// What the assistance mechanism hands out: CSV with formula injection neutralized, an escaped HTML summary, the demo set.
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { daysBetween } from "#shared/assistance/dates.ts";
import { buildReport, periodOf } from "#shared/assistance/report.ts";
import { reportCsv, reportCsvColumns } from "#shared/assistance/report-csv.ts";
import { reportSummaryMail } from "#shared/assistance/report-mail.ts";
import type { AssistanceReport, AssistanceRequest } from "#shared/assistance/schemas.ts";
import {
  buildDemoRequest,
  demoId,
  demoOffers,
  demoProviderOrganizations,
  demoProviderStates,
  demoRequests,
} from "#shared/assistance/seed-demo.ts";
import { escapeHtml } from "#shared/mail/html.ts";
import { loadMemberStates } from "#shared/registry/member-states.ts";
import { deskDay } from "#shared/zoned-time.ts";

const at = "2026-04-20T10:00:00.000Z";
const by = { kind: "system" as const, id: "test" };

function hostileReport(): AssistanceReport {
  const request: AssistanceRequest = {
    id: "01J00000000000000000000001",
    iso3: "KEN",
    areas: ["legislation"],
    description: "x",
    receivedOn: "2026-01-05",
    symbol: "S/AC.44/2026/1",
    consentedToCirculation: false,
    status: "acknowledged",
    acknowledgedOn: "2026-01-06",
    consentWindowClosesOn: "2026-01-13",
    history: [{ from: "received", to: "acknowledged", on: "2026-01-06", at, by, note: '=HYPERLINK("http://x","y")' }],
    createdAt: at,
    createdBy: "test",
    updatedAt: at,
  };
  return buildReport({
    period: periodOf("2026-04-20"),
    asOf: "2026-04-20",
    generatedAt: at,
    generatedBy: "test",
    requests: [{ request, matches: [] }],
    stateNames: new Map([["KEN", `<script>alert("K&N")</script>`]]),
    organizationNames: new Map(),
    letters: new Map(),
  });
}

describe("CSV export", () => {
  it("starts with a UTF-8 BOM, as the other exports do, so a spreadsheet reads a name such as Türkiye", () => {
    const csv = reportCsv(hostileReport());
    expect(csv.startsWith(`\uFEFF${reportCsvColumns.join(",")}\r\n`)).toBe(true);
  });

  it("writes one row per pending request under a header, every cell neutralized", () => {
    const csv = reportCsv(hostileReport());
    const rows: string[][] = parse(csv, { bom: true });
    expect(rows[0]).toEqual([...reportCsvColumns]);
    expect(rows).toHaveLength(2);
    const row = Object.fromEntries(reportCsvColumns.map((column, index) => [column, rows[1]?.[index]]));
    expect(row).toMatchObject({
      iso3: "KEN",
      status: "acknowledged",
      ageDays: "105",
      lastAction: "acknowledged",
      lastActionNote: `'=HYPERLINK("http://x","y")`,
    });
    expect(csv).toContain("\r\n");
  });
});

describe("summary e-mail", () => {
  it("escapes &, <, >, quotes and apostrophes", () => {
    expect(escapeHtml(`<a href="x">O'K & co</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;O&#39;K &amp; co&lt;/a&gt;");
    expect(escapeHtml(undefined)).toBe("");
  });

  it("puts every value into the HTML escaped, and the same facts into the text", () => {
    const mail = reportSummaryMail(hostileReport());
    expect(mail.subject).toBe("Pending-assistance report 2026-1 (January to April 2026): 1 pending request");
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("&lt;script&gt;alert(&quot;K&amp;N&quot;)&lt;/script&gt; (KEN)");
    expect(mail.text).toContain(`<script>alert("K&N")</script> (KEN), S/AC.44/2026/1: acknowledged, 105 days old`);
    expect(mail.text).toContain("follow-up: not circulated yet");
    expect(mail.text).toContain("GET /assistance/reports/2026-1");
  });

  it("says so when nothing is pending", () => {
    const empty = buildReport({
      period: periodOf("2026-08-20"),
      asOf: "2026-08-20",
      generatedAt: at,
      generatedBy: "test",
      requests: [],
      stateNames: new Map(),
      organizationNames: new Map(),
      letters: new Map(),
    });
    const mail = reportSummaryMail(empty);
    expect(mail.subject).toContain("2026-2 (May to August 2026): 0 pending requests");
    expect(mail.html).toContain("No request is pending");
  });
});

describe("demo assistance set", () => {
  const today = deskDay(new Date("2026-04-20T10:00:00Z"));
  const members = new Set(loadMemberStates().map((state) => state.iso3));

  it("has offers from 46 States and 19 organizations, Member States and lower-case slugs only", () => {
    expect(new Set(demoProviderStates).size).toBe(46);
    expect(demoProviderStates.every((iso3) => members.has(iso3))).toBe(true);
    const organizations = Object.keys(demoProviderOrganizations);
    expect(organizations).toHaveLength(19);
    for (const id of organizations) expect(id).toMatch(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/);
    const offers = demoOffers(today);
    expect(new Set(offers.map((offer) => offer.key)).size).toBe(offers.length);
    expect(offers.some((offer) => offer.validUntil !== undefined && offer.validUntil < today)).toBe(true);
  });

  it.each(["2026-04-20", "2026-04-25", "2026-04-26", "2026-12-31", "2027-03-01"])(
    "builds every demo request within the lifecycle's rules when today is %s",
    (day) => {
      const offers = demoOffers(day);
      const offerOf = (provider: string) => {
        const offer = offers.find(
          (candidate) =>
            (candidate.provider.kind === "state"
              ? `state:${candidate.provider.iso3}`
              : `organization:${candidate.provider.id}`) === provider,
        );
        if (!offer) throw new Error(provider);
        return { id: demoId(offer.key), provider: offer.provider, areas: offer.areas };
      };
      const built = demoRequests.map((spec) => buildDemoRequest(spec, day, at, offerOf));
      const statuses = new Set(built.map(({ request }) => request.status));
      expect([...statuses].sort()).toEqual(
        [
          "received",
          "acknowledged",
          "consent-window",
          "circulated",
          "matched",
          "in-progress",
          "fulfilled",
          "withdrawn",
          "closed-unmet",
        ].sort(),
      );
      expect(built.every(({ request }) => members.has(request.iso3) && request.demo === true)).toBe(true);
      // Ages from weeks to years.
      const ages = built.map(({ request }) => daysBetween(request.receivedOn, day));
      expect(Math.min(...ages)).toBeLessThan(21);
      expect(Math.max(...ages)).toBeGreaterThan(3 * 365);
    },
  );

  it("has fixed ids shaped like the desk's", () => {
    expect(demoId("request:KEN:1")).toMatch(/^[0-9A-Z]{26}$/);
    expect(demoId("request:KEN:1")).toBe(demoId("request:KEN:1"));
    expect(demoId("request:KEN:1")).not.toBe(demoId("request:KEN:2"));
  });
});
