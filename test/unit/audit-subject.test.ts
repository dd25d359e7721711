import { describe, expect, it } from "vitest";
import { auditKeys } from "#shared/audit/audit-entry.ts";
import { auditedState, trailKindOf } from "#shared/audit/subject.ts";

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

describe("the kind of a trail entry", () => {
  it("follows the action's words", () => {
    expect(trailKindOf("submission.void")).toBe("submission");
    expect(trailKindOf("state.reporting-status")).toBe("reporting-status");
    expect(trailKindOf("state.update")).toBe("state");
    expect(trailKindOf("contacts.import")).toBe("contact");
    expect(trailKindOf("assistance.request.consent")).toBe("assistance");
    expect(trailKindOf("matrix.transition")).toBe("matrix");
    expect(trailKindOf("wave.create")).toBeUndefined();
  });
});

describe("the audit item's keys", () => {
  it("index the entry by entity, day, State and actor, and name its kind", () => {
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
    });
  });
});
