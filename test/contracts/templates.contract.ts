// The templates store's contract, written once and run against both adapters: DynamoDB Local
// (test/integration/templates-store.test.ts) and memory (test/unit/templates-store.test.ts).
import { beforeEach, describe, expect, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { Conflict, Malformed, NotFound, PreconditionFailed } from "#shared/errors.ts";
import type { TemplateRepository } from "#shared/templates/repository.ts";
import type { Template } from "#shared/templates/schemas.ts";
import { everyItem, type StoreUnderTest } from "./store-contract.ts";

const audit = { actor: systemActor("contract") };
const AT = "2027-03-01T09:00:00.000Z";

const aTemplate = (id: string, changes: Partial<Template> = {}): Template => ({
  id,
  kind: "first-report-request",
  fallbackLanguage: "en",
  variants: { en: { subject: "First report", text: "Dear {{contact.name}}", html: "<p>Dear {{contact.name}}</p>" } },
  createdAt: AT,
  updatedAt: AT,
  ...changes,
});

export function templateStoreContract(setup: () => Promise<StoreUnderTest<TemplateRepository>>): void {
  describe("the templates store contract", () => {
    let subject: StoreUnderTest<TemplateRepository>;
    let templates: TemplateRepository;
    beforeEach(async () => {
      subject = await setup();
      templates = subject.store;
    });

    it("answers a created template at version 1, and nothing for an unknown id", async () => {
      expect(await templates.create(aTemplate("t-1"), audit)).toEqual({ value: aTemplate("t-1"), version: 1 });
      expect(await templates.get("t-1")).toEqual({ value: aTemplate("t-1"), version: 1 });
      expect(await templates.get("t-unknown")).toBeUndefined();
      expect(await subject.auditActions({ type: "template", id: "t-1" })).toEqual(["template.create"]);
    });

    it("refuses a second template with the same id with a Conflict, and keeps the first", async () => {
      await templates.create(aTemplate("t-1"), audit);
      await expect(templates.create(aTemplate("t-1", { kind: "other" }), audit)).rejects.toThrow(Conflict);
      expect((await templates.get("t-1"))?.value.kind).toBe("first-report-request");
    });

    it("lists every template in id order across pages, and refuses a cursor of another listing", async () => {
      for (const id of ["t-c", "t-a", "t-e", "t-b", "t-d"]) await templates.create(aTemplate(id), audit);
      const listed = await everyItem((page) => templates.list(page));
      expect(listed.map(({ value }) => value.id)).toEqual(["t-a", "t-b", "t-c", "t-d", "t-e"]);
      const first = await templates.list({ limit: 2 });
      const cursor = first.cursor?.slice(0, -2).concat("xx");
      await expect(templates.list({ limit: 2, cursor })).rejects.toThrow(Malformed);
    });

    it("updates a template at the version read, one version up, audited with before and after", async () => {
      const created = await templates.create(aTemplate("t-1"), audit);
      const next = aTemplate("t-1", { description: "changed", updatedAt: "2027-03-02T09:00:00.000Z" });
      expect(await templates.update(created, 1, next, audit)).toEqual({ value: next, version: 2 });
      expect(await templates.get("t-1")).toEqual({ value: next, version: 2 });
      expect(await subject.auditActions({ type: "template", id: "t-1" })).toEqual([
        "template.create",
        "template.update",
      ]);
    });

    it("refuses an update at a stale version with PreconditionFailed naming the current ETag", async () => {
      const created = await templates.create(aTemplate("t-1"), audit);
      const second = await templates.update(created, 1, aTemplate("t-1", { description: "first" }), audit);
      const refused = await templates
        .update(created, 1, aTemplate("t-1", { description: "late" }), audit)
        .catch((error) => error);
      expect(refused).toBeInstanceOf(PreconditionFailed);
      expect((refused as PreconditionFailed).currentEtag).toBe('"2"');
      expect(await templates.get("t-1")).toEqual(second);
    });

    it("refuses to update a template that does not exist with NotFound, creating nothing", async () => {
      const ghost = { value: aTemplate("t-ghost"), version: 1 };
      await expect(templates.update(ghost, 1, ghost.value, audit)).rejects.toThrow(NotFound);
      expect(await templates.get("t-ghost")).toBeUndefined();
    });
  });
}
