// The console's search page in Node (console/src/pages/search-hits.ts): the search its URL names, each hit in words
// with its page, and what a capped group says, read from hits as the API words them (shared/search/entries.ts).
import { describe, expect, it } from "vitest";
import {
  DEFAULT_HITS,
  hitWords,
  inLabelOrder,
  KIND_HEADINGS,
  KIND_NOUNS,
  MAX_HITS,
  moreOf,
  type SearchHit,
  searchedWords,
  searchHref,
  searchRequestOf,
} from "../../console/src/pages/search-hits.ts";
import { href, routeOf } from "../../console/src/routes.ts";
import { DEFAULT_SEARCH_LIMIT, MAX_SEARCH_LIMIT, SEARCH_KINDS } from "../../shared/search/schemas.ts";

const names = new Map([
  ["STATE:MLI", "Mali"],
  ["ORG:iaea", "International Atomic Energy Agency"],
]);

const hit = (fields: Omit<SearchHit, "path">): SearchHit => ({ ...fields, path: "/" });

describe("the search the URL names", () => {
  it("reads the query, one kind and a limit from the page's URL, and back", () => {
    const link = searchHref({ q: " mal " });
    expect(link).toBe("#/search?q=mal");
    const route = routeOf(link);
    expect(route.page === "search" && searchRequestOf(route.query)).toEqual({ q: "mal" });
    expect(routeOf(href.search())).toMatchObject({ page: "search" });
    const narrowed = searchHref({ q: "mal", kinds: "contact", limit: 50 });
    expect(narrowed).toBe("#/search?q=mal&kinds=contact&limit=50");
    expect(searchRequestOf(new URLSearchParams(narrowed.split("?")[1]))).toEqual({
      q: "mal",
      kinds: "contact",
      limit: 50,
    });
  });

  it("asks nothing without a query, and leaves out a kind or a limit the API would not take", () => {
    expect(searchRequestOf(new URLSearchParams("q=%20"))).toBeUndefined();
    expect(searchRequestOf(new URLSearchParams())).toBeUndefined();
    expect(searchRequestOf(new URLSearchParams("q=mal&kinds=people&limit=500"))).toEqual({ q: "mal" });
    // A one-letter query is sent: the API's refusal, in its words, is what the reader sees at the field.
    expect(searchRequestOf(new URLSearchParams("q=a"))).toEqual({ q: "a" });
  });

  it("heads every kind the API searches, and pages by its limits", () => {
    expect(Object.keys(KIND_HEADINGS)).toEqual([...SEARCH_KINDS]);
    expect(Object.keys(KIND_NOUNS)).toEqual([...SEARCH_KINDS]);
    expect(DEFAULT_HITS).toBe(DEFAULT_SEARCH_LIMIT);
    expect(MAX_HITS).toBe(MAX_SEARCH_LIMIT);
  });
});

describe("a hit in words", () => {
  it("links each kind to its page in the console", () => {
    expect(hitWords(hit({ kind: "state", id: "MLI", label: "Mali", detail: "MLI" }), names)).toEqual({
      text: "Mali",
      detail: "MLI",
      href: "#/states/MLI",
    });
    expect(hitWords(hit({ kind: "organization", id: "iaea", label: "IAEA", detail: "IAEA" }), names).href).toBe(
      "#/organizations/iaea",
    );
    expect(hitWords(hit({ kind: "wave", id: "01W", label: "First reports", detail: "x" }), names).href).toBe(
      "#/waves/01W",
    );
    expect(
      hitWords(
        hit({ kind: "template", id: "programme-first-report-request", label: "programme-first-report-request" }),
        names,
      ).href,
    ).toBe("#/templates/programme-first-report-request");
  });

  it("puts a contact on its owner's page, named, with its role in words; a deactivated one said to be", () => {
    const contact = hit({
      kind: "contact",
      id: "01C",
      label: "Awa Traoré",
      detail: "STATE:MLI capital-poc awa@example.org",
      active: false,
    });
    expect(hitWords(contact, names)).toEqual({
      text: "Awa Traoré",
      detail: "Mali, Point of contact in the capital, awa@example.org",
      href: "#/states/MLI",
      inactive: "deactivated",
    });
    const organizations = hitWords({ ...contact, detail: "ORG:iaea organization-poc a@iaea.org", active: true }, names);
    expect(organizations).toMatchObject({ href: "#/organizations/iaea" });
    expect(organizations.inactive).toBeUndefined();
    // A second line of another shape is shown as it came, and without an owner there is no page to link.
    expect(hitWords({ ...contact, detail: "unknown" }, names)).toMatchObject({ detail: "unknown" });
    expect(hitWords({ ...contact, detail: "unknown" }, names).href).toBeUndefined();
  });

  it("puts a received document on its State's page, with what was received and when (audit 36, item 3)", () => {
    const report = hit({
      kind: "submission",
      id: "01S",
      label: "S/AC.44/2026/7",
      detail: "MLI first-report 2026-11-30",
    });
    expect(hitWords(report, names)).toEqual({
      text: "S/AC.44/2026/7",
      detail: "Mali, first national report, received 2026-11-30",
      href: "#/states/MLI",
    });
    expect(hitWords({ ...report, detail: "odd" }, names)).toEqual({ text: "S/AC.44/2026/7", detail: "odd" });
  });

  it("says a retired organization is, as a deactivated contact is (audit 33, item 10)", () => {
    const retired = hit({ kind: "organization", id: "osce", label: "OSCE", detail: "OSCE", active: false });
    expect(hitWords(retired, names)).toMatchObject({ href: "#/organizations/osce", inactive: "retired" });
    expect(hitWords({ ...retired, id: "osce-2", active: true }, names).inactive).toBeUndefined();
  });

  it("says where a request and a wave stand, in words", () => {
    expect(
      hitWords(
        hit({ kind: "assistance-request", id: "7P1Q", label: "MLI/2026/1", detail: "MLI consent-window" }),
        names,
      ),
    ).toEqual({
      text: "MLI/2026/1",
      detail: "Mali, in the consent window",
      href: "#/assistance/7P1Q",
    });
    expect(
      hitWords(
        hit({
          kind: "wave",
          id: "01W",
          label: "First reports 2027",
          detail: "programme-first-report-request non-reporting-states scheduled",
        }),
        names,
      ).detail,
    ).toBe("scheduled: programme-first-report-request to States without a first national report");
  });
});

describe("a group's hits", () => {
  it("are listed by name, not in the index's order", () => {
    const hits = ["Malaysia", "Malawi", "Maldives", "Mali", "Malta"].map((label) =>
      hit({ kind: "state", id: label, label }),
    );
    expect(inLabelOrder(hits).map((found) => found.label)).toEqual(["Malawi", "Malaysia", "Maldives", "Mali", "Malta"]);
    expect(hits[0]?.label).toBe("Malaysia");
  });
});

describe("a capped group", () => {
  const group = {
    kind: "contact" as const,
    items: Array.from({ length: 10 }, (_, index) => hit({ kind: "contact", id: `C${index}`, label: "x" })),
    more: true,
  };

  it("says more match, and offers that kind alone with the most hits the API gives", () => {
    expect(moreOf(group, { q: "mar" })).toEqual({
      words: "More contacts match than the 10 shown.",
      wider: "#/search?q=mar&kinds=contact&limit=50",
    });
  });

  it("asks for a narrower query once it shows the most the API gives", () => {
    const full = { ...group, items: [...group.items, ...group.items, ...group.items, ...group.items, ...group.items] };
    expect(moreOf(full, { q: "mar", kinds: "contact", limit: 50 })).toEqual({
      words: "More contacts match than the 50 shown. Add a word to narrow the search.",
    });
  });

  it("counts what was found, names in one sentence the kinds that found nothing, and the one kind searched", () => {
    const none = (kind: SearchHit["kind"]) => ({ kind, items: [], more: false });
    expect(searchedWords({ q: "mar" }, { q: "mar", groups: [group] })).toBe('10 records found for "mar".');
    expect(searchedWords({ q: "mar" }, { q: "mar", groups: [none("state"), group, none("wave")] })).toBe(
      '10 records found for "mar". No Member States or waves found.',
    );
    expect(
      searchedWords({ q: "mar" }, { q: "mar", groups: [none("template"), none("organization"), group, none("wave")] }),
    ).toBe('10 records found for "mar". No letter templates, organizations or waves found.');
    expect(searchedWords({ q: "mar" }, { q: "mar", groups: [none("state"), none("wave")] })).toBe(
      'Nothing found for "mar".',
    );
    expect(searchedWords({ q: "mar", kinds: "contact" }, { q: "mar", groups: [none("contact")] })).toBe(
      'Nothing found for "mar" among contacts.',
    );
  });
});
