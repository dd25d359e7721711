// The console's audit-trail page in Node (console/src/pages/audit-trail-query.ts, audit-trail-words.ts): its filters as
// the URL keeps them and GET /audit reads them, what the list says it holds, and each entry in words.
import { describe, expect, it } from "vitest";
import type { components } from "../../console/src/api/schema";
import { imageRows } from "../../console/src/pages/audit-image-words.ts";
import {
  AUDIT_PAGE_SIZE,
  auditFiltersOf,
  auditRead,
  auditTrailHref,
  coverageWords,
  DEFAULT_SPAN_DAYS,
  entityKey,
  MAX_SPAN_DAYS,
} from "../../console/src/pages/audit-trail-query.ts";
import {
  actorWords,
  entityWords,
  entriesLinks,
  imageSummary,
  imageTableWords,
  ownerHref,
  ownRecordNote,
  recordsToName,
} from "../../console/src/pages/audit-trail-words.ts";
import type { RecordName } from "../../console/src/pages/record-names.ts";
import { actionWords } from "../../console/src/pages/state/actions.ts";
import { href, routeOf } from "../../console/src/routes.ts";
import * as trail from "../../shared/dossier/audit-trail.ts";

type AuditEntry = components["schemas"]["AuditEntry"];

const names = new Map([
  ["STATE:MLI", "Mali"],
  ["STATE:FRA", "France"],
  ["ORG:iaea", "International Atomic Energy Agency"],
]);

const entry = (fields: Partial<AuditEntry> & Pick<AuditEntry, "action" | "entity">): AuditEntry => ({
  id: "01AUDIT",
  at: "2026-12-06T10:03:27.000Z",
  actor: { kind: "user", id: "8c501a84", username: "local-secretariat", groups: ["secretariat"] },
  ...fields,
});

describe("the audit trail's filters", () => {
  it("live in the URL: a link to Mali's trail opens the page filtered on Mali", () => {
    const link = auditTrailHref({ entity: "state:MLI" });
    expect(link).toBe("#/audit?entity=state%3AMLI");
    const route = routeOf(link);
    expect(route.page).toBe("audit");
    expect(route.page === "audit" && auditFiltersOf(route.query)).toEqual({ entity: "state:MLI" });
    expect(routeOf(href.audit())).toMatchObject({ page: "audit" });
    expect(routeOf("#/audit/MLI")).toEqual({ page: "not-found", path: "/audit/MLI" });
  });

  it("keeps the four filters in the form's order, trimmed, blank ones left out", () => {
    const query = new URLSearchParams({ to: "2026-11-30", actor: " 8c501a84 ", entity: "", from: "2026-11-01" });
    const filters = auditFiltersOf(query);
    expect(filters).toEqual({ actor: "8c501a84", from: "2026-11-01", to: "2026-11-30" });
    expect(auditTrailHref(filters)).toBe("#/audit?actor=8c501a84&from=2026-11-01&to=2026-11-30");
    expect(auditTrailHref({})).toBe("#/audit");
  });

  it("names a State's or a matrix's record by its code in capitals, as the trail keys it; other ids as typed", () => {
    expect(entityKey(" state:mli ")).toBe("state:MLI");
    expect(entityKey("matrix:fra")).toBe("matrix:FRA");
    expect(entityKey("organization:iaea")).toBe("organization:iaea");
    expect(entityKey("contact:01kdvabc")).toBe("contact:01kdvabc");
    // What the API refuses is sent as typed, for its own words at the field.
    expect(entityKey("MLI")).toBe("MLI");
    expect(auditFiltersOf(new URLSearchParams({ entity: "state:mli" }))).toEqual({ entity: "state:MLI" });
  });

  it("asks GET /audit for a page of the filters, from where the last one ended", () => {
    expect(auditRead({ entity: "state:MLI" })).toEqual({
      route: "audit",
      query: { entity: "state:MLI", limit: AUDIT_PAGE_SIZE },
    });
    expect(auditRead({ actor: "seed", from: "2026-01-01" }, "CURSOR")).toEqual({
      route: "audit",
      query: { actor: "seed", from: "2026-01-01", limit: AUDIT_PAGE_SIZE, cursor: "CURSOR" },
    });
  });

  it("says the span the API reads: a record's and an actor's from the first entry, else 31 days", () => {
    expect(DEFAULT_SPAN_DAYS).toBe(trail.DEFAULT_SPAN_DAYS);
    expect(MAX_SPAN_DAYS).toBe(trail.MAX_SPAN_DAYS);
    expect(coverageWords({})).toBe("Every entry of the last 31 days, newest first (times in UTC).");
    expect(coverageWords({ to: "2026-11-30" })).toBe(
      "Every entry of the 31 days to 2026-11-30, newest first (times in UTC).",
    );
    expect(coverageWords({ from: "2026-11-01" })).toBe(
      "Every entry from 2026-11-01 to today, newest first (times in UTC).",
    );
    expect(coverageWords({ entity: "state:MLI" })).toBe("Entries about state:MLI, newest first (times in UTC).");
    expect(coverageWords({ entity: "state:MLI", actor: "8c501a84", to: "2026-11-30" }, "local-secretariat")).toBe(
      "Entries about state:MLI by local-secretariat up to 2026-11-30, newest first (times in UTC).",
    );
    expect(coverageWords({ actor: "8c501a84", from: "2026-11-01", to: "2026-11-30" })).toBe(
      "Entries by 8c501a84 from 2026-11-01 to 2026-11-30, newest first (times in UTC).",
    );
  });
});

describe("an audit entry in words", () => {
  it("names who did it: a person by username, else their id; the system by its job", () => {
    expect(actorWords({ kind: "user", id: "8c501a84", username: "a.officer", groups: ["secretariat"] })).toBe(
      "a.officer",
    );
    expect(actorWords({ kind: "user", id: "8c501a84", groups: ["experts"] })).toBe("8c501a84");
    expect(actorWords({ kind: "system", id: "wave-dispatch" })).toBe("the desk's dispatch");
    // SES's bounces and complaints (audit 30 read "by ses-events"); a job the console does not know, by its id.
    expect(actorWords({ kind: "system", id: "ses-events" })).toBe("SES's report on a letter");
    expect(actorWords({ kind: "system", id: "backfill" })).toBe("the system (backfill)");
  });

  it("says the action in the timeline's words, the waves' and the other records' too", () => {
    expect(actionWords("state.update")).toBe("State's details corrected");
    expect(actionWords("organization.update")).toBe("Organization's details corrected");
    expect(actionWords("wave.schedule")).toBe("Wave scheduled");
    expect(actionWords("template.update")).toBe("Template changed");
  });

  it("links each record to its page where the console has one, by name", () => {
    const words = (fields: Parameters<typeof entry>[0]) => entityWords(entry(fields), names);
    expect(words({ action: "state.update", entity: { type: "state", id: "MLI" } })).toEqual({
      text: "Mali",
      href: "#/states/MLI",
    });
    expect(
      words({
        action: "submission.record",
        entity: { type: "state", id: "MLI" },
        after: { id: "01S", iso3: "MLI", symbol: "S/AC.44/2026/3" },
      }),
    ).toEqual({ text: "Mali, submission S/AC.44/2026/3", href: "#/states/MLI" });
    expect(words({ action: "matrix.transition", entity: { type: "matrix", id: "FRA" } })).toEqual({
      text: "France's matrix",
      href: "#/states/FRA",
    });
    expect(words({ action: "organization.update", entity: { type: "organization", id: "iaea" } })).toEqual({
      text: "International Atomic Energy Agency",
      href: "#/organizations/iaea",
    });
    // A contact has no page: it is on its owner's, and a deactivation keeps its name before.
    expect(
      words({
        action: "contact.deactivate",
        entity: { type: "contact", id: "01C" },
        before: { id: "01C", name: "Awa Traoré", owner: "STATE:MLI", role: "capital-poc" },
        after: { id: "01C", owner: "STATE:MLI", role: "capital-poc", active: false },
      }),
    ).toEqual({ text: "contact Awa Traoré (Mali)", href: "#/states/MLI" });
    expect(
      words({
        action: "contact.create",
        entity: { type: "contact", id: "01D" },
        after: { id: "01D", owner: "ORG:iaea", role: "organization-poc" },
      }),
    ).toEqual({
      text: "contact Organization's point of contact (International Atomic Energy Agency)",
      href: "#/organizations/iaea",
    });
    expect(
      words({
        action: "assistance.request.transition",
        entity: { type: "assistance-request", id: "7P1Q" },
        after: { id: "7P1Q", iso3: "MLI", symbol: "MLI/2026/1", status: "acknowledged" },
      }),
    ).toEqual({ text: "assistance request MLI/2026/1", href: "#/assistance/7P1Q" });
    // A match's entry holds the match: it names the requesting State, not the request's symbol.
    expect(
      words({
        action: "assistance.match.propose",
        entity: { type: "assistance-request", id: "7P1Q" },
        after: { id: "01M", requestId: "7P1Q", iso3: "MLI" },
      }).text,
    ).toBe("assistance request of Mali");
    expect(
      words({
        action: "assistance.offer.create",
        entity: { type: "assistance-offer", id: "01O" },
        after: { id: "01O", provider: { kind: "state", iso3: "FRA" }, description: "Training in export control" },
      }),
    ).toEqual({
      text: 'assistance offer "Training in export control" of France',
      href: "#/assistance/offers?provider=state%3AFRA",
    });
    expect(
      words({
        action: "wave.create",
        entity: { type: "wave", id: "01W" },
        after: { description: "First reports 2027" },
      }),
    ).toEqual({ text: "wave First reports 2027", href: "#/waves/01W" });
    expect(words({ action: "wave.dispatch", entity: { type: "wave", id: "01W" } })).toEqual({
      text: "wave 01W",
      href: "#/waves/01W",
    });
    expect(
      words({ action: "template.update", entity: { type: "template", id: "programme-first-report-request" } }),
    ).toEqual({ text: "template programme-first-report-request", href: "#/templates/programme-first-report-request" });
    expect(words({ action: "snapshot.create", entity: { type: "snapshot", id: "2026-Q3" } })).toEqual({
      text: "snapshot 2026-Q3",
      href: "#/snapshots",
    });
    expect(words({ action: "programme.adopt", entity: { type: "programme", id: "2027" } })).toEqual({
      text: "programme of work 2027",
      href: "#/programme/2027",
    });
    expect(words({ action: "holidays.put", entity: { type: "holidays", id: "2027" } })).toEqual({
      text: "UN Headquarters holidays of 2027",
      href: "#/holidays/2027",
    });
    expect(words({ action: "assistance.report.create", entity: { type: "assistance-report", id: "2026-2" } })).toEqual({
      text: "pending-assistance report 2026-2",
      href: "#/assistance/reports/2026-2",
    });
    expect(
      words({
        action: "calendar-feed.issue",
        entity: { type: "calendar-feed", id: "01F" },
        after: { id: "01F", label: "phone", owner: "8c501a84" },
      }),
    ).toEqual({ text: 'calendar feed "phone"' });
    expect(words({ action: "calendar-feed.revoke", entity: { type: "calendar-feed", id: "01F" } })).toEqual({
      text: "a calendar feed (no label)",
    });
    expect(
      words({
        action: "programme.reminder.sent",
        entity: { type: "programme-reminder", id: "2027/a12/2027-03-15/14" },
      }),
    ).toEqual({
      text: "programme reminder 14 days before 2027-03-15 (programme of work 2027)",
      href: "#/programme/2027",
    });
    expect(words({ action: "x.y", entity: { type: "gadget", id: "7" } })).toEqual({ text: "gadget 7" });
  });

  it("says what a contacts import did for each owner, not the import's own id", () => {
    const imported = (after: Record<string, unknown>) =>
      entityWords(
        entry({ action: "contacts.import", entity: { type: "contact-import", id: "01M96IMPORT" }, after }),
        names,
      );
    expect(imported({ transaction: "1 of 1", iso3: "MLI", created: [{ name: "A" }], updated: [{}, {}] })).toEqual({
      text: "3 contacts of Mali (1 created and 2 updated)",
      href: "#/states/MLI",
    });
    expect(imported({ owner: "ORG:iaea", created: [{ name: "A" }], updated: [] })).toEqual({
      text: "1 contact of International Atomic Energy Agency (1 created)",
      href: "#/organizations/iaea",
    });
    const seeded = entry({ action: "contacts.seed-demo", entity: { type: "contact-seed", id: "demo" } });
    expect(entityWords({ ...seeded, after: { iso3: "FRA", created: [{}, {}] } }, names).text).toBe(
      "2 contacts of France (2 created)",
    );
  });

  it("names a wave or a request the entry gives by id alone by the name read for it", () => {
    const read: RecordName = (kind, id) => (kind === "wave" ? `wave named ${id}` : `S/AC.44/DEMO/${id}/1`);
    const test = entry({ action: "wave.test-send", entity: { type: "wave", id: "01W" }, after: { waveId: "01W" } });
    expect(recordsToName(test)).toEqual([{ kind: "wave", id: "01W" }]);
    expect(entityWords(test, names, read).text).toBe("wave wave named 01W");
    const consent = entry({
      action: "assistance.request.consent",
      entity: { type: "assistance-request", id: "KHM" },
      after: { iso3: "KHM", consentedToCirculation: true },
    });
    expect(recordsToName(consent)).toEqual([{ kind: "assistance-request", id: "KHM" }]);
    expect(entityWords(consent, names, read).text).toBe("assistance request S/AC.44/DEMO/KHM/1");
    // What the entry names itself needs no reading.
    const created = entry({
      action: "wave.create",
      entity: { type: "wave", id: "01W" },
      after: { description: "First reports 2027" },
    });
    expect(recordsToName(created)).toEqual([]);
    expect(entityWords(created, names, read).text).toBe("wave First reports 2027");
    expect(recordsToName(entry({ action: "state.update", entity: { type: "state", id: "MLI" } }))).toEqual([]);
  });

  it("words the links to more entries so each reads whole, without nested brackets or a doubled 'by'", () => {
    const record = { text: 'assistance offer "Training" of Brazil', href: "#/assistance/offers" };
    const person = { kind: "user" as const, id: "8c501a84", username: "local-secretariat", groups: [] };
    const links = entriesLinks(record, person);
    expect(`(${links.record.shown}${links.record.heard}), by ${links.actor.shown}${links.actor.heard}`).toBe(
      '(its entries about assistance offer "Training" of Brazil), by local-secretariat (all their entries)',
    );
    expect(links.record.shown).toBe("its entries");
    expect(links.actor.shown).toBe("local-secretariat");
    const job = entriesLinks(record, { kind: "system", id: "wave-dispatch" }).actor;
    expect(`${job.shown}${job.heard}`).toBe("the desk's dispatch (all its entries)");
  });

  it("says what a State's or an organization's own record leaves out, with the ways to the rest", () => {
    expect(ownRecordNote("state:MLI", names)).toEqual({
      text:
        "Only Mali's own record: its details, reporting status and submissions. Its contacts, matrix and assistance " +
        "requests are records of their own; its whole trail has them all.",
      links: [
        { text: "Mali's whole trail", href: "#/audit?state=MLI" },
        { text: "Mali's matrix entries", href: "#/audit?entity=matrix%3AMLI" },
        { text: "Mali's page and timeline", href: "#/states/MLI" },
      ],
    });
    expect(ownRecordNote("organization:iaea", names)?.links).toEqual([
      { text: "International Atomic Energy Agency's whole trail", href: "#/audit?organization=iaea" },
      { text: "International Atomic Energy Agency's page and timeline", href: "#/organizations/iaea" },
    ]);
    expect(ownRecordNote("contact:01C", names)).toBeUndefined();
    expect(ownRecordNote(undefined, names)).toBeUndefined();
  });

  it("finds an owner's page from its key", () => {
    expect(ownerHref("STATE:MLI")).toBe("#/states/MLI");
    expect(ownerHref("ORG:iaea")).toBe("#/organizations/iaea");
    expect(ownerHref("")).toBeUndefined();
    expect(ownerHref("SOMEONE:x")).toBeUndefined();
  });
});

describe("an entry's before and after", () => {
  it("says what the write did in its summary, which the table's name and caption do not say again", () => {
    const before = { iso3: "MLI", language: "en", version: 3, updatedAt: "2026-12-01T09:00:00.000Z" };
    const after = { iso3: "MLI", language: "fr", version: 4, updatedAt: "2026-12-06T10:03:00.000Z" };
    const rows = imageRows(before, after, { action: "state.update", names });
    const summary = imageSummary({ before, after }, rows);
    // The version and updatedAt change with every write: bookkeeping, not counted as changes.
    expect(summary).toBe("Before and after: 1 field changed");
    const { label, caption } = imageTableWords(entry({ action: "state.update", entity: { type: "state", id: "MLI" } }));
    expect(label).toBe("The record's fields: State's details corrected, 2026-12-06 10:03 UTC");
    expect(caption).toBe(
      "The record's fields: the changed ones first, then those left as they were, then the technical ones",
    );
    for (const words of [label, caption]) expect(words).not.toContain(summary);
  });

  it("says what a creation wrote and what a removal left", () => {
    const context = { action: "contact.create", names };
    const created = { after: { id: "01C", name: "Awa Traoré" } };
    expect(imageSummary(created, imageRows(undefined, created.after, context))).toBe("Written: 2 fields");
    expect(imageSummary({ before: { id: "01C" } }, imageRows({ id: "01C" }, undefined, context))).toBe(
      "Before: 1 field",
    );
  });
});
