import { describe, expect, it } from "vitest";
import type { AuditAction } from "#shared/audit/actions.ts";
import { type AuditEntry, auditKeys } from "#shared/audit/audit-entry.ts";
import { auditedOrganization, auditedState, trailKindOf } from "#shared/audit/subject.ts";

const user = { kind: "user" as const, id: "user-1", groups: ["secretariat" as const] };

describe("the State an audit entry is about", () => {
  it("is the entity for a State and its matrix", () => {
    expect(auditedState({ entity: { type: "state", id: "MLI" } })).toBe("MLI");
    expect(auditedState({ entity: { type: "matrix", id: "FRA" } })).toBe("FRA");
  });

  it("is read from the record written: a request's iso3, a contact's owner, an offer's provider", () => {
    expect(auditedState({ entity: { type: "assistance-request", id: "R1" }, after: { iso3: "KEN" } })).toBe("KEN");
    expect(auditedState({ entity: { type: "contact", id: "C1" }, before: { owner: "STATE:NOR" } })).toBe("NOR");
    expect(
      auditedState({
        entity: { type: "assistance-offer", id: "O1" },
        after: { provider: { kind: "state", iso3: "JPN" } },
      }),
    ).toBe("JPN");
  });

  it("is none for an organization's contact, a wave, or an image that names no State", () => {
    expect(auditedState({ entity: { type: "contact", id: "C2" }, after: { owner: "ORG:iaea" } })).toBeUndefined();
    expect(auditedState({ entity: { type: "wave", id: "W1" }, after: { status: "scheduled" } })).toBeUndefined();
    expect(auditedState({ entity: { type: "assistance-request", id: "R2" }, after: { iso3: "mli" } })).toBeUndefined();
  });
});

describe("the organization an audit entry is about", () => {
  it("is the entity for an organization's own record", () => {
    expect(auditedOrganization({ entity: { type: "organization", id: "iaea" } })).toBe("iaea");
  });

  it("is read from the record written: a contact's owner, an offer's or a match's provider, a batch's owner", () => {
    expect(auditedOrganization({ entity: { type: "contact", id: "C1" }, before: { owner: "ORG:opcw" } })).toBe("opcw");
    const offer = { entity: { type: "assistance-offer", id: "O1" } };
    expect(auditedOrganization({ ...offer, after: { provider: { kind: "organization", id: "wco" } } })).toBe("wco");
    const match = { entity: { type: "assistance-request", id: "R1" } };
    const matched = { iso3: "KEN", provider: { kind: "organization", id: "bwc-isu" } };
    // A match is on the requesting State's trail and the providing organization's alike.
    expect(auditedOrganization({ ...match, after: matched })).toBe("bwc-isu");
    expect(auditedState({ ...match, after: matched })).toBe("KEN");
    const batch = { entity: { type: "contact-import", id: "I1" }, after: { owner: "ORG:osce", created: [] } };
    expect(auditedOrganization(batch)).toBe("osce");
  });

  it("is none for a State's records, an older seed entry about many, or an id that is not an organization's", () => {
    expect(
      auditedOrganization({ entity: { type: "contact", id: "C2" }, after: { owner: "STATE:MLI" } }),
    ).toBeUndefined();
    expect(
      auditedOrganization({ entity: { type: "registry", id: "organizations" }, after: { created: ["iaea"] } }),
    ).toBeUndefined();
    expect(auditedState({ entity: { type: "registry", id: "states" }, after: { created: ["MLI"] } })).toBeUndefined();
    const offer = { entity: { type: "assistance-offer", id: "O2" } };
    expect(auditedOrganization({ ...offer, after: { provider: { kind: "state", iso3: "JPN" } } })).toBeUndefined();
    expect(
      auditedOrganization({ entity: { type: "contact", id: "C3" }, after: { owner: "ORG:IAEA!" } }),
    ).toBeUndefined();
  });
});

describe("the kind of a trail entry", () => {
  it("follows the action's words", () => {
    expect(trailKindOf("submission.void")).toBe("submission");
    expect(trailKindOf("state.reporting-status")).toBe("reporting-status");
    expect(trailKindOf("state.update")).toBe("state");
    expect(trailKindOf("contacts.import")).toBe("contact");
    expect(trailKindOf("assistance.request.consent")).toBe("assistance");
    expect(trailKindOf("matrix.transition")).toBe("matrix");
    expect(trailKindOf("organization.update")).toBe("organization");
    // A seed's entry is the record it added.
    expect(trailKindOf("organizations.seed")).toBe("organization");
    expect(trailKindOf("registry.seed")).toBe("state");
    expect(trailKindOf("wave.create")).toBeUndefined();
  });
});

describe("the audit item's keys", () => {
  it("index the entry by entity, day, State and actor, name its kind and its place on the timeline", () => {
    const keys = auditKeys({
      id: "01J",
      at: "2026-11-27T10:00:00.000Z",
      actor: user,
      action: "contact.deactivate",
      entity: { type: "contact", id: "C1" },
      after: { owner: "STATE:MLI" },
    });
    expect(keys).toEqual({
      pk: "contact#C1",
      sk: "2026-11-27T10:00:00.000Z#01J",
      day: "2026-11-27",
      actorKey: "user-1",
      iso3: "MLI",
      trailKind: "contact",
      // A contact's change happened when it was recorded: the desk's day of it, then the instant (ADR 0063).
      timelineKey: "2026-11-27#2026-11-27T10:00:00.000Z#01J",
    });
  });

  it("index an organization's entry by organization, and by State too where it names one", () => {
    const entry = (id: string, action: AuditAction, about: Pick<AuditEntry, "entity" | "after">): AuditEntry => ({
      id,
      at: "2026-11-27T11:00:00.000Z",
      actor: user,
      action,
      ...about,
    });
    const proposed = entry("01K", "assistance.match.propose", {
      entity: { type: "assistance-request", id: "R1" },
      after: { iso3: "KEN", provider: { kind: "organization", id: "iaea" } },
    });
    expect(auditKeys(proposed)).toMatchObject({ iso3: "KEN", orgId: "iaea", trailKind: "assistance" });
    const own = auditKeys(entry("01L", "organization.update", { entity: { type: "organization", id: "iaea" } }));
    expect(own).toMatchObject({ orgId: "iaea", trailKind: "organization" });
    expect(own).not.toHaveProperty("iso3");
  });
});
