// A contact's correction as the console sends it (PATCH /contacts/{id}), in Node: only the fields the reader changed,
// emptied details cleared with null, and after a stale write, the fields left alone follow the contact read again.
import { describe, expect, it } from "vitest";
import type { components } from "../../console/src/api/schema";
import { changesFrom, correctionValuesOf } from "../../console/src/pages/state/contact-changes.ts";
import { formOver, typedWith } from "../../console/src/pages/typed-over.ts";

const contact: components["schemas"]["Contact"] = {
  id: "c1",
  owner: "STATE:KEN",
  role: "capital-poc",
  name: "Ada Testperson",
  title: "Director",
  email: "ada@example.org",
  phone: "+254 20 123 4567",
  language: "en",
  designatedOn: "2024-01-01",
  lastVerifiedOn: "2024-01-01",
  emailStatus: "ok",
  active: true,
  createdAt: "2024-01-01T00:00:00.000Z",
  updatedAt: "2024-01-01T00:00:00.000Z",
  stale: false,
};

describe("a contact's correction", () => {
  it("shows the contact's details, an inherited language as the State's", () => {
    expect(correctionValuesOf(contact)).toEqual({
      role: "capital-poc",
      name: "Ada Testperson",
      title: "Director",
      agency: "",
      email: "ada@example.org",
      phone: "+254 20 123 4567",
      language: "",
      designatedOn: "2024-01-01",
      emailStatus: "",
    });
    expect(correctionValuesOf({ ...contact, ownLanguage: true, language: "fr" }).language).toBe("fr");
  });

  it("sets a reported address back to ok only when the reader chooses it", () => {
    const bounced = { ...contact, emailStatus: "bounced" as const, emailStatusOn: "2026-12-06" };
    expect(changesFrom(bounced, { emailStatus: "ok" })).toEqual({ emailStatus: "ok" });
    expect(changesFrom(bounced, { emailStatus: "" })).toEqual({});
    // A new address alone: the API starts it ok.
    expect(changesFrom(bounced, { email: "t.example@mali-diplomatie.example" })).toEqual({
      email: "t.example@mali-diplomatie.example",
    });
  });

  it("sends only what the reader changed", () => {
    expect(changesFrom(contact, {})).toEqual({});
    expect(changesFrom(contact, { name: "Ada Testperson", title: "Director" })).toEqual({});
    expect(changesFrom(contact, { name: "Ada Example", phone: "+254 20 765 4321" })).toEqual({
      name: "Ada Example",
      phone: "+254 20 765 4321",
    });
  });

  it("clears an emptied detail with null and follows the State's language again when the language is emptied", () => {
    expect(changesFrom(contact, { title: " ", phone: "" })).toEqual({ title: null, phone: null });
    const own = { ...contact, ownLanguage: true, language: "fr" as const };
    expect(changesFrom(own, { language: "" })).toEqual({ language: null });
    expect(changesFrom(contact, { language: "es", role: "mission-poc" })).toEqual({
      language: "es",
      role: "mission-poc",
    });
  });

  it("sends an emptied name as typed, for the API to refuse at the field", () => {
    expect(changesFrom(contact, { name: "" })).toEqual({ name: "" });
  });

  it("takes a change of case alone in the address as no change: the API stores it in lower case", () => {
    expect(changesFrom(contact, { email: " Ada@Example.org" })).toEqual({});
    expect(changesFrom(contact, { email: "ada@example.net" })).toEqual({ email: "ada@example.net" });
  });

  it("after a stale write, sends what was typed against the contact read again, not the fields left alone", () => {
    const since = { ...contact, title: "Deputy Director", phone: "+254 20 000 0000" };
    // The reader typed a phone; the title changed meanwhile and was left alone: it is not sent back.
    expect(changesFrom(since, { phone: "+254 20 765 4321" })).toEqual({ phone: "+254 20 765 4321" });
    // What the other change already made is not sent again.
    expect(changesFrom(since, { phone: "+254 20 000 0000" })).toEqual({});
  });

  it("after a stale write, shows and keeps another's change to a field the reader typed back to what the list showed", () => {
    const shown = correctionValuesOf(contact);
    const typed = typedWith(typedWith({}, shown, "title", "Head"), shown, "title", "Director");
    const since = { ...contact, title: "Deputy Director" };
    expect(formOver(correctionValuesOf(since), typed).title).toBe("Deputy Director");
    expect(changesFrom(since, typed)).toEqual({});
  });
});
