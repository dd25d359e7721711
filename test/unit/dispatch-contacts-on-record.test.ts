// The points-of-contact letter lists what it asks the owner to confirm (audit 35's suggestion): each active point of
// contact's name, title, agency, address and telephone, an address letters do not reach said to be so (a bounce or
// SES's suppression, never a complaint), in the letter's language. Dispatch on the in-memory stores, no database.
import { beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { createContact } from "#shared/contacts/contacts.ts";
import { dispatch } from "#shared/correspondence/dispatch.ts";
import { regionalGroups } from "#shared/registry/schemas.ts";
import type { Template } from "#shared/templates/schemas.ts";
import { inMemoryDispatchDesk } from "../support/in-memory/dispatch.ts";

const audit = { actor: systemActor("test") };
const AT = "2027-03-01T09:00:00.000Z";
const deps = inMemoryDispatchDesk(AT);
const { clock } = deps;

const listing = {
  subject: "Points of contact",
  text: "{{contacts.onRecord|list}}",
  html: "{{contacts.onRecord|list}}",
};
const template: Template = {
  id: "poc-listing-2027",
  kind: "point-of-contact-update",
  fallbackLanguage: "en",
  variants: { en: listing, fr: listing, zh: listing },
  createdAt: AT,
  updatedAt: AT,
};

beforeAll(async () => {
  await deps.registry.addMissingStates(
    [
      ["BDI", "Burundi", "fr"],
      ["CHN", "China", "zh"],
    ].map(([iso3 = "", name = "", language = "en"]) => ({
      iso3,
      iso2: iso3.slice(0, 2),
      name,
      region: "african",
      regionName: regionalGroups.african,
      language: language as "fr" | "zh",
      languageBasis: "official language",
    })),
    () => [],
    audit,
  );
  for (const iso3 of ["BDI", "CHN"]) deps.contacts.givenPocObligation(iso3);
  const add = async (owner: string, fields: Record<string, string>) => {
    await createContact(deps)({ owner, role: "capital-poc", name: "?", email: "?", ...fields }, audit);
    clock.advance(1000);
  };
  await add("STATE:BDI", {
    name: "A. Ndayishimiye",
    title: "Directeur",
    agency: "Ministère des affaires étrangères",
    email: "a@bdi.example",
    phone: "+257 22 22 22 22",
  });
  await add("STATE:BDI", { role: "mission-poc", name: "B. Niyonzima", email: "b@bdi.example", emailStatus: "bounced" });
  await add("STATE:BDI", {
    role: "mission-poc",
    name: "C. Hakizimana",
    email: "c@bdi.example",
    emailStatus: "complained",
  });
  await add("STATE:CHN", { name: "Wang Li", email: "w@chn.example" });
  await add("STATE:CHN", { role: "mission-poc", name: "Zhao Min", email: "z@chn.example", emailStatus: "suppressed" });
  await deps.templates.create(template, audit);
  await dispatch(deps)({
    id: "poc-listing-2027",
    templateId: template.id,
    audience: "all-states",
    notAfter: "2027-03-20T00:00:00.000Z",
  });
});

const letterTo = async (email: string) =>
  (await deps.ledger.messagesOf("poc-listing-2027")).find((message) => message.email === email)?.letter?.text;

describe("the points of contact a letter lists", () => {
  it("gives each one's name, title, agency, address and telephone, and says which address letters do not reach", async () => {
    const text = await letterTo("a@bdi.example");
    expect(text).toContain(
      "- A. Ndayishimiye, Directeur, Ministère des affaires étrangères, a@bdi.example, +257 22 22 22 22\n" +
        "- B. Niyonzima, b@bdi.example (les courriels envoyés à cette adresse ne sont pas remis)\n" +
        "- C. Hakizimana, c@bdi.example",
    );
    // A complaint is the recipient's own doing: the letter does not say it back.
    expect(text).not.toMatch(/c@bdi\.example \(/);
  });

  it("says it in Chinese with Chinese punctuation", async () => {
    expect(await letterTo("w@chn.example")).toContain("- Zhao Min，z@chn.example（发往该地址的邮件无法送达）");
  });
});
