// An offer recorded twice is refused naming the offer held as a person knows it: its description's start, in
// quotes, and its validity, not its id (audit 35, item 8); the details keep the id for a client.
import { describe, expect, it } from "vitest";
import { offerRepeated } from "#shared/assistance/offer-content.ts";
import { offerInWords, quotedDescription } from "#shared/assistance/offer-words.ts";
import { Conflict } from "#shared/errors.ts";
import { offerValidity } from "#shared/templates/offer-lines.ts";

const LONG =
  "Training of customs officers in the identification of dual-use goods at the border, with a field exercise";

describe("quotedDescription", () => {
  it("quotes a short description whole, on one line", () => {
    expect(quotedDescription("  Legislative drafting\n workshop ")).toBe("“Legislative drafting workshop”");
  });

  it("cuts a long one after its last whole word within 60 characters, without a trailing comma", () => {
    expect(quotedDescription(LONG)).toBe("“Training of customs officers in the identification of…”");
    expect(quotedDescription(`${"a, ".repeat(19)}bcdef more`)).toBe(`“${"a, ".repeat(18)}a…”`);
  });

  it("cuts one word longer than the limit where the limit falls", () => {
    expect(quotedDescription("x".repeat(70))).toBe(`“${"x".repeat(60)}…”`);
  });
});

describe("an offer's validity in English (offer-lines.ts, as its letter says it)", () => {
  it("spells the days out, and says an open-ended offer has no end date", () => {
    expect(offerValidity({ validFrom: "2026-03-01", validUntil: "2027-02-28" }, "en")).toBe(
      "valid from 1 March 2026 to 28 February 2027",
    );
    expect(offerValidity({ validFrom: "2026-03-01" }, "en")).toBe("valid from 1 March 2026, with no end date");
  });
});

describe("offerRepeated", () => {
  const held = { description: LONG, validFrom: "2026-03-01" };

  it("names the offer held by its description and validity, and says what to do", () => {
    const refused = offerRepeated("01M97DXQ567DQFHF4B0XZTWNH1", held, "create");
    expect(refused).toBeInstanceOf(Conflict);
    expect(refused.message).toBe(
      "This provider's offer “Training of customs officers in the identification of…” (valid from 1 March 2026, " +
        "with no end date) says the same (areas, description, validity); correct that offer, or record one that differs",
    );
    expect(refused.message).not.toContain("01M97DXQ567DQFHF4B0XZTWNH1");
    expect(refused.details).toEqual({ offerId: "01M97DXQ567DQFHF4B0XZTWNH1" });
  });

  it("tells a correction to change what differs", () => {
    const said = { description: "Drafting workshop", validFrom: "2026-01-01", validUntil: "2026-12-31" };
    expect(offerRepeated("o1", said, "update").message).toBe(
      `This provider's offer ${offerInWords(said)} says the same (areas, description, validity); change what ` +
        "differs, or leave this offer as it was",
    );
    expect(offerInWords(said)).toBe("“Drafting workshop” (valid from 1 January 2026 to 31 December 2026)");
  });
});
