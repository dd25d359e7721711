// Received documents found by their symbol (audit 36, finding 3): a submission's search entry, the index writes of its
// corrections, void and change of kind, and searches by the whole symbol and by the start of its parts.
import { afterAll, describe, expect, it } from "vitest";
import { searchEntryOf, searchTokenItems } from "#shared/search/entries.ts";
import { indexWrites } from "#shared/search/indexer.ts";
import { searchQuerySchema } from "#shared/search/schemas.ts";
import { searchOverEntries } from "../support/search-index-stand-in.ts";

/** A submission item as the reporting repository stores it (shared/reporting/repository.ts). */
const submission = (id: string, symbol: string, extra: Record<string, unknown> = {}) => ({
  pk: "STATE#GMB",
  sk: `SUBMISSION#${id}`,
  entity: "submission",
  version: 1,
  id,
  iso3: "GMB",
  kind: "first-report",
  receivedOn: "2026-11-30",
  symbol,
  language: "en",
  note: "Received through the Permanent Mission",
  recordedAt: "2026-12-07T09:09:00.000Z",
  recordedBy: "officer@un.example",
  updatedAt: "2026-12-07T09:09:00.000Z",
  ...extra,
});
const first = submission("01SUB7", "S/AC.44/2026/7");
const sortKeys = (item: Record<string, unknown> | undefined) => (item ? searchTokenItems(entryOf(item)) : []);
function entryOf(item: Record<string, unknown>) {
  const entry = searchEntryOf(item);
  if (!entry) throw new Error("no entry");
  return entry;
}

describe("a received document's search entry", () => {
  it("is found by its symbol, State code and id, shown by its symbol with its State, kind and day received", () => {
    expect(searchEntryOf(first)).toEqual({
      kind: "submission",
      id: "01SUB7",
      label: "S/AC.44/2026/7",
      detail: "GMB first-report 2026-11-30",
      path: "/states/GMB/submissions/01SUB7",
      texts: ["S/AC.44/2026/7", "GMB", "01SUB7"],
    });
    // Its note is not searched: it is free text for the State's page, not a name.
    expect(sortKeys(first).map((item) => item.sk)).toEqual([
      "submission#ac#01SUB7",
      "submission#44#01SUB7",
      "submission#2026#01SUB7",
      "submission#gmb#01SUB7",
      "submission#01sub7#01SUB7",
    ]);
  });

  it("follows a corrected symbol: the old symbol's words go, the new one's come", () => {
    const writes = indexWrites(first, { ...first, symbol: "S/AC.44/2025/7", version: 2 });
    const deleted = writes.flatMap((w) => ("DeleteRequest" in w ? [w.DeleteRequest.Key.sk] : []));
    const put = writes.flatMap((w) => ("PutRequest" in w ? [w.PutRequest.Item] : []));
    expect(deleted).toEqual(["submission#2026#01SUB7"]);
    expect(put.map((item) => item.sk)).toContain("submission#2025#01SUB7");
    expect(put.every((item) => item.label === "S/AC.44/2025/7")).toBe(true);
  });

  it("rewrites every token with the new kind when the kind is corrected", () => {
    const writes = indexWrites(first, { ...first, kind: "additional-information", version: 2 });
    expect(writes.every((w) => "PutRequest" in w)).toBe(true);
    expect(writes).toHaveLength(sortKeys(first).length);
    const details = writes.flatMap((w) => ("PutRequest" in w ? [w.PutRequest.Item.detail] : []));
    expect(new Set(details)).toEqual(new Set(["GMB additional-information 2026-11-30"]));
  });

  it("is no longer found once voided: every token goes, and a voided one indexed again writes none", () => {
    const voided = {
      ...first,
      version: 2,
      voided: { at: "2026-12-07T10:00:00Z", by: "officer", reason: "wrong State" },
    };
    expect(searchEntryOf(voided)).toBeUndefined();
    const writes = indexWrites(first, voided);
    expect(writes.map((w) => ("DeleteRequest" in w ? w.DeleteRequest.Key.sk : "put"))).toEqual(
      sortKeys(first).map((item) => item.sk),
    );
    expect(indexWrites(voided, voided)).toEqual([]);
  });

  it("leaves out the symbol's guard item, which names the symbol too", () => {
    const guard = { pk: "SYMBOL#S/AC.44/2026/7", sk: "SYMBOL", entity: "symbol", symbol: "S/AC.44/2026/7" };
    expect(searchEntryOf({ ...guard, iso3: "GMB", submissionId: "01SUB7" })).toBeUndefined();
  });
});

describe("searching received documents", () => {
  const index = searchOverEntries(
    [
      first,
      submission("01SUB70", "S/AC.44/2026/70", { kind: "additional-information" }),
      submission("01SUB8", "S/AC.44/2026/8", { iso3: "MLI", kind: "action-plan" }),
      submission("01OLD5", "S/AC.44/2004/(02)/5", { iso3: "MLI" }),
    ].map(entryOf),
  );
  afterAll(() => index.restore());
  const found = async (q: string) => {
    const result = await index.search(searchQuerySchema.parse({ q, kinds: "submission" }), undefined);
    return result.groups.flatMap((group) => group.items.map((hit) => hit.label));
  };

  it("takes kinds=submission", () => {
    expect(searchQuerySchema.parse({ q: "2026", kinds: "submission,state" }).kinds).toEqual(["submission", "state"]);
  });

  it("finds a document by its whole symbol, and by the start of its parts", async () => {
    // The start of every word: /7 is also the start of /70, as a request's symbol is found.
    expect(await found("S/AC.44/2026/7")).toEqual(["S/AC.44/2026/7", "S/AC.44/2026/70"]);
    expect(await found("s/ac.44/2026/8")).toEqual(["S/AC.44/2026/8"]);
    expect(await found("2026/7")).toEqual(["S/AC.44/2026/7", "S/AC.44/2026/70"]);
    expect(await found("2026 8")).toEqual(["S/AC.44/2026/8"]);
    expect(await found("S/AC.44/2004/(02)/5")).toEqual(["S/AC.44/2004/(02)/5"]);
    expect(await found("2004")).toEqual(["S/AC.44/2004/(02)/5"]);
    expect(await found("MLI 2026")).toEqual(["S/AC.44/2026/8"]);
    expect(await found("2027/7")).toEqual([]);
  });
});
