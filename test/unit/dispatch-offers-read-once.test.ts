// A dispatch reads the offers of assistance once: a providers' audience reads them to choose its providers, and its
// letters list those very offers ({{offers.onRecord|list}}) instead of reading them again; another audience's letters
// read them only when the template lists them. Dispatch on the in-memory stores, no database.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createOffer } from "#shared/assistance/offers.ts";
import { systemActor } from "#shared/auth/actor.ts";
import { createContact } from "#shared/contacts/contacts.ts";
import { dispatch } from "#shared/correspondence/dispatch.ts";
import type { Audience } from "#shared/correspondence/schemas.ts";
import { offerLine, offersInLetterOrder } from "#shared/templates/offer-lines.ts";
import type { Template } from "#shared/templates/schemas.ts";
import { aMemberState } from "../support/fixtures.ts";
import { inMemoryDispatchDesk } from "../support/in-memory/dispatch.ts";

const audit = { actor: systemActor("test") };
const AT = "2027-05-03T13:00:00.000Z";
const deps = inMemoryDispatchDesk(AT);

const aTemplate = (id: string, text: string): Template => {
  const variant = { subject: "Offers of assistance", text, html: `<p>${text}</p>` };
  return {
    id,
    kind: "other",
    fallbackLanguage: "en",
    variants: { en: variant, fr: variant },
    createdAt: AT,
    updatedAt: AT,
  };
};
const LISTING = aTemplate("offers-listing", "{{offers.onRecord|list}}");
const PLAIN = aTemplate("plain", "Dear {{contact.name}}");

const email = (iso3: string) => `poc.${iso3.toLowerCase()}@offers.example`;

beforeAll(async () => {
  await deps.registry.addMissingStates(
    [aMemberState("BGR", "eastern-european", "en"), aMemberState("FRA", "weog", "fr"), aMemberState("KEN")],
    () => [],
    audit,
  );
  for (const iso3 of ["BGR", "FRA", "KEN"]) {
    deps.contacts.givenPocObligation(iso3);
    await createContact(deps)(
      { owner: `STATE:${iso3}`, role: "capital-poc", name: `Poc ${iso3}`, email: email(iso3) },
      audit,
    );
  }
  const offer = (iso3: string, description: string, validFrom: string, lastUpdatedOn: string) =>
    createOffer(deps)(
      {
        provider: { kind: "state", iso3 },
        areas: ["legislation", "export-and-licensing"],
        description,
        validFrom,
        lastUpdatedOn,
      },
      audit,
    );
  await offer("BGR", "Export control workshop.", "2026-09-01", "2026-09-01");
  await offer("BGR", "Legislative drafting.", "2025-01-01", "2025-01-01");
  // Updated more than a year ago: France is a stale provider, Bulgaria is not.
  await offer("FRA", "Atelier de rédaction législative.", "2025-03-01", "2025-03-01");
  for (const template of [LISTING, PLAIN]) await deps.templates.create(template, audit);
});

const allOffers = vi.spyOn(deps.assistance, "allOffers");
beforeEach(() => {
  allOffers.mockClear();
});

let waves = 0;
/** Dispatches the template to the audience as a new wave: its letters' texts by address. */
async function dispatched(audience: Audience, template: Template): Promise<Map<string, string | undefined>> {
  waves += 1;
  const id = `offers-${waves}`;
  await dispatch(deps)({ id, templateId: template.id, audience, notAfter: "2027-05-20T00:00:00.000Z" });
  return new Map((await deps.ledger.messagesOf(id)).map((message) => [message.email ?? "", message.letter?.text]));
}

describe("a dispatch to a providers' audience", () => {
  it("reads the offers once, and its letters list the provider's offers, in the letter's language and order", async () => {
    const letters = await dispatched("assistance-providers", LISTING);
    expect(allOffers).toHaveBeenCalledTimes(1);
    expect([...letters.keys()].sort()).toEqual([email("BGR"), email("FRA")]);
    const theirs = offersInLetterOrder(
      (await deps.assistance.allOffers()).filter(
        (offer) => offer.provider.kind === "state" && offer.provider.iso3 === "BGR",
      ),
    );
    expect(theirs.map((offer) => offer.description)).toEqual(["Legislative drafting.", "Export control workshop."]);
    const text = letters.get(email("BGR")) ?? "";
    for (const offer of theirs) expect(text).toContain(offerLine(offer, "en"));
    expect(text.indexOf("Legislative drafting.")).toBeLessThan(text.indexOf("Export control workshop."));
    expect(letters.get(email("FRA"))).toContain("Atelier de rédaction législative. (");
    expect(letters.get(email("FRA"))).not.toContain("Export control workshop.");
  });

  it("lists the same offers as a dispatch that reads them for the letters alone", async () => {
    const providers = await dispatched("assistance-providers", LISTING);
    const everyState = await dispatched("all-states", LISTING);
    expect(allOffers).toHaveBeenCalledTimes(2);
    /** The letter's list, line by line (its reference names its wave). */
    const listed = (letters: Map<string, string | undefined>, iso3: string) =>
      (letters.get(email(iso3)) ?? "").split("\n").filter((line) => line.startsWith("- "));
    expect(listed(providers, "BGR")).toHaveLength(2);
    for (const iso3 of ["BGR", "FRA"]) expect(listed(providers, iso3)).toEqual(listed(everyState, iso3));
  });

  it("reads them once for the stale providers too, whose letters list them", async () => {
    const letters = await dispatched("stale-providers", LISTING);
    expect(allOffers).toHaveBeenCalledTimes(1);
    expect([...letters.keys()]).toEqual([email("FRA")]);
    expect(letters.get(email("FRA"))).toContain("Atelier de rédaction législative. (");
  });

  it("reads them once to choose the providers when the template lists none", async () => {
    expect([...(await dispatched("assistance-providers", PLAIN)).keys()].sort()).toEqual([email("BGR"), email("FRA")]);
    expect(allOffers).toHaveBeenCalledTimes(1);
  });
});

describe("a dispatch to another audience", () => {
  it("reads the offers once when the template lists them, and not at all when it does not", async () => {
    await dispatched("all-states", LISTING);
    expect(allOffers).toHaveBeenCalledTimes(1);
    allOffers.mockClear();
    await dispatched("all-states", PLAIN);
    expect(allOffers).not.toHaveBeenCalled();
  });
});
