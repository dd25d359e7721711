// A batch of contact changes (an import, the demonstration seed): each transaction within DynamoDB's 100 items, and
// one audit entry per owner, so that each State's and each organization's part lands on its own trail (ADR 0056).
import { describe, expect, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { chunkChanges, writeContactChanges } from "#shared/contacts/batch.ts";
import type { ContactDependencies } from "#shared/contacts/contacts.ts";
import { type ContactChange, writesPerChange } from "#shared/contacts/repository.ts";
import type { Contact } from "#shared/contacts/schemas.ts";
import { MAX_TRANSACTION_ITEMS } from "#shared/dynamo/transaction.ts";
import { aContact } from "../contracts/contacts.contract.ts";
import { inMemoryAudit } from "../support/in-memory/audit.ts";
import { inMemoryContacts } from "../support/in-memory/contacts.ts";
import { inMemoryOrganizations } from "../support/in-memory/organizations.ts";
import { inMemoryRegistry } from "../support/in-memory/registry.ts";

/**
 * The items a transaction writes: each change's, two per State (its obligation, its entry), one per organization (its
 * entry) and one more for an organization given a new contact (its item, touched: ADR 0061).
 */
function itemsOf(chunk: ContactChange[]): number {
  const owners = new Set(chunk.map((change) => change.after.owner));
  const perOwner = [...owners].reduce((sum, owner) => sum + (owner.startsWith("STATE:") ? 2 : 1), 0);
  const touched = new Set(chunk.filter((change) => !change.before && change.after.owner.startsWith("ORG:")));
  const organizations = new Set([...touched].map((change) => change.after.owner)).size;
  return chunk.reduce((sum, change) => sum + writesPerChange(change), 0) + perOwner + organizations;
}

describe("a batch's transactions", () => {
  it("stay within DynamoDB's 100 items, with one entry for each organization they touch", () => {
    const changes: ContactChange[] = [
      ...Array.from({ length: 90 }, (_, index) => ({ after: aContact(`o${index}`, `ORG:org-${index % 45}`) })),
      ...Array.from({ length: 60 }, (_, index) => ({
        after: aContact(`s${index}`, `STATE:X${String.fromCharCode(65 + (index % 20))}X`),
      })),
    ];
    const chunks = chunkChanges(changes);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.flat()).toHaveLength(changes.length);
    for (const chunk of chunks) expect(itemsOf(chunk)).toBeLessThanOrEqual(MAX_TRANSACTION_ITEMS);
    // Filled, not merely split: every transaction but the last would overflow with the next change added.
    for (const [index, chunk] of chunks.slice(0, -1).entries()) {
      const next = chunks[index + 1]?.[0];
      expect(next && itemsOf([...chunk, next])).toBeGreaterThan(MAX_TRANSACTION_ITEMS);
    }
  });
});

describe("a batch's audit entries", () => {
  it("are one per owner: a State's with its iso3 and obligation, each organization's naming it", async () => {
    const clock = fixedClock("2027-03-01T09:00:00Z");
    const trail = inMemoryAudit(clock);
    const contacts = inMemoryContacts(clock, trail);
    contacts.givenPocObligation("MLI");
    const deps: ContactDependencies = {
      contacts,
      registry: inMemoryRegistry(clock, trail),
      organizations: inMemoryOrganizations(clock, trail),
      clock,
    };
    const written = [
      aContact("c1", "ORG:iaea"),
      aContact("c2", "ORG:opcw"),
      aContact("c3", "ORG:iaea"),
      aContact("c4", "STATE:MLI"),
    ];
    await writeContactChanges(
      deps,
      written.map((after) => ({ after })),
      {
        context: { actor: systemActor("test") },
        action: "contacts.import",
        entity: { type: "contact-import", id: "I1" },
        onStop: "",
      },
      { newStates: new Set(["MLI"]) },
    );
    const entries = trail.entries.filter((entry) => entry.action === "contacts.import");
    const byOwner = Object.fromEntries(
      entries.map((entry) => {
        const after = entry.after as { iso3?: string; owner?: string; created: Contact[]; pointOfContact: unknown[] };
        return [after.iso3 ?? after.owner, { ids: after.created.map((c) => c.id), pocs: after.pointOfContact.length }];
      }),
    );
    expect(byOwner).toEqual({
      "ORG:iaea": { ids: ["c1", "c3"], pocs: 0 },
      "ORG:opcw": { ids: ["c2"], pocs: 0 },
      MLI: { ids: ["c4"], pocs: 1 },
    });
  });
});
