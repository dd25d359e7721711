// An offer as the providers' letter lists it: the description on one line, the areas, the validity and the last
// update in the letter's language, and the offers oldest first.
import { describe, expect, it } from "vitest";
import { assistanceAreas } from "#shared/assistance/schemas.ts";
import { UN_LANGUAGES } from "#shared/locale/languages.ts";
import { assistanceAreaNamesOf } from "#shared/locale/names.ts";
import { offerLine, offersInLetterOrder } from "#shared/templates/offer-lines.ts";

type Offer = Parameters<typeof offerLine>[0];

const customs: Offer = {
  areas: ["customs-and-border", "export-and-licensing"],
  description: "Training of customs officers\n  in identifying strategic goods ",
  validFrom: "2026-03-01",
  validUntil: "2028-02-29",
  lastUpdatedOn: "2026-02-10",
};
const openEnded: Offer = {
  areas: ["legislation"],
  description: "Drafting",
  validFrom: "2026-03-01",
  lastUpdatedOn: "2026-02-10",
};

describe("an offer in a letter", () => {
  it("reads in English with its areas, its period and its last update, the description on one line", () => {
    expect(offerLine(customs, "en")).toBe(
      "Training of customs officers in identifying strategic goods (customs and border control, export control and " +
        "licensing; valid from 1 March 2026 to 29 February 2028; last updated 10 February 2026)",
    );
    expect(offerLine(openEnded, "en")).toBe(
      "Drafting (legislation; valid from 1 March 2026, with no end date; last updated 10 February 2026)",
    );
  });

  it("reads in each official language in that language's dates and punctuation", () => {
    expect(offerLine(openEnded, "fr")).toBe(
      "Drafting (législation ; valable à compter du 1er mars 2026, sans date de fin ; dernière mise à jour le 10 " +
        "février 2026)",
    );
    expect(offerLine(openEnded, "zh")).toBe(
      "Drafting（立法；自2026年3月1日起有效，无截止日期；最后更新：2026年2月10日）",
    );
    expect(offerLine(customs, "ru")).toContain(
      "(таможенный и пограничный контроль, экспортный контроль и лицензирование; действует с 1 марта 2026 г. по 29 " +
        "февраля 2028 г.;",
    );
  });

  it("isolates the description in an Arabic letter, so that its script does not turn the line around", () => {
    const line = offerLine({ ...openEnded, description: "Drafting workshop." }, "ar");
    expect(line.startsWith("\u2068Drafting workshop.\u2069 (التشريعات؛")).toBe(true);
    expect(offerLine({ ...openEnded, description: "Drafting workshop." }, "en")).not.toContain("\u2068");
  });

  it("names every area in every language, each apart from the others, none by its code", () => {
    for (const language of UN_LANGUAGES) {
      const names = assistanceAreas.map((area) => assistanceAreaNamesOf(area)[language]);
      expect(new Set(names).size, language).toBe(assistanceAreas.length);
      for (const name of names) expect(name, language).not.toMatch(/-|^$/);
    }
  });

  it("lists a provider's offers by the day each is valid from, then by description", () => {
    const offers = [
      { ...openEnded, description: "B", validFrom: "2025-01-01" },
      { ...openEnded, description: "C", validFrom: "2024-01-01" },
      { ...openEnded, description: "A", validFrom: "2025-01-01" },
    ];
    expect(offersInLetterOrder(offers).map((offer) => offer.description)).toEqual(["C", "A", "B"]);
    expect(offers.map((offer) => offer.description)).toEqual(["B", "C", "A"]);
  });
});
