// The Assistance pages in the officer's terms (audit 36, items 7 and 17): the list opens on every pending request, as
// the desk counts pending, narrowed to a status or a State by the URL; a request's State is chosen by name or code;
// an offer not valid on the desk's day is marked so in words, by the API's rule for "valid today".
import { describe, expect, it } from "vitest";
import { isActiveOn } from "#shared/assistance/ranking.ts";
import { requestStatuses } from "#shared/assistance/schemas.ts";
import { pendingRequestStatuses } from "#shared/assistance/transitions.ts";
import type { components } from "../../console/src/api/schema";
import {
  isStatusChoice,
  listFilterOf,
  listQueryOf,
  STATUS_CHOICES,
  shownRequests,
  shownWords,
} from "../../console/src/pages/assistance-list-filter.ts";
import { emptyRequestForm, newRequestOf, requestFormRefusal } from "../../console/src/pages/assistance-new-request.ts";
import { stateCodeOf, statesNamedIn } from "../../console/src/pages/named-states.ts";
import { validityMark, validityWords } from "../../console/src/pages/offer-validity-words.ts";

type AssistanceRequest = components["schemas"]["AssistanceRequest"];

const request = (symbol: string, iso3: string, status: AssistanceRequest["status"], receivedOn: string) =>
  ({ id: symbol, symbol, iso3, status, receivedOn, areas: ["legislation"] }) as AssistanceRequest;

describe("the Assistance list's filter", () => {
  it("counts as pending exactly the statuses the desk does", () => {
    expect(pendingRequestStatuses).toEqual([
      "received",
      "acknowledged",
      "consent-window",
      "circulated",
      "matched",
      "in-progress",
    ]);
    const everyStatus = requestStatuses.map((status, n) => request(`S/${n}`, "GMB", status, "2026-01-01"));
    expect(shownRequests({ status: "pending" }, everyStatus).map((shown) => shown.status)).toEqual(
      pendingRequestStatuses,
    );
  });

  it("opens on every pending request of every State, and keeps a status and a State in the URL", () => {
    expect(listFilterOf(new URLSearchParams())).toEqual({ status: "pending" });
    expect(listFilterOf(new URLSearchParams("status=bogus&state=Gambia"))).toEqual({ status: "pending" });
    const narrowed = listFilterOf(new URLSearchParams("status=consent-window&state=gmb"));
    expect(narrowed).toEqual({ status: "consent-window", iso3: "GMB" });
    expect(listQueryOf(narrowed).toString()).toBe("status=consent-window&state=GMB");
    expect(listQueryOf({ status: "pending" }).toString()).toBe("");
    expect(listQueryOf({ status: "pending", iso3: "MLI" }).toString()).toBe("state=MLI");
  });

  it("offers every pending status first, then each status in words", () => {
    expect(Object.entries(STATUS_CHOICES).slice(0, 4)).toEqual([
      ["pending", "Every pending status"],
      ["received", "Received"],
      ["acknowledged", "Acknowledged"],
      ["consent-window", "In the consent window"],
    ]);
    expect(Object.keys(STATUS_CHOICES).every(isStatusChoice)).toBe(true);
    expect(isStatusChoice("all")).toBe(false);
  });

  it("shows the pending ones (or the status's, the State's), the longest waiting first, and says how many", () => {
    const read = [
      request("B", "GMB", "matched", "2026-03-01"),
      request("A", "MLI", "received", "2025-11-30"),
      request("C", "GMB", "fulfilled", "2024-01-01"),
      request("D", "GMB", "received", "2026-12-01"),
    ];
    expect(shownRequests({ status: "pending" }, read).map((one) => one.symbol)).toEqual(["A", "B", "D"]);
    expect(shownRequests({ status: "pending", iso3: "GMB" }, read).map((one) => one.symbol)).toEqual(["B", "D"]);
    expect(shownRequests({ status: "fulfilled" }, read).map((one) => one.symbol)).toEqual(["C"]);
    expect(shownWords({ status: "pending" }, 18, undefined)).toBe("18 pending requests");
    expect(shownWords({ status: "consent-window" }, 1, undefined)).toBe("1 request in the consent window");
    expect(shownWords({ status: "pending", iso3: "GMB" }, 2, "Gambia")).toBe("2 pending requests from Gambia");
  });
});

describe("a request's State, chosen by name", () => {
  const names = new Map([
    ["STATE:MWI", "Malawi"],
    ["STATE:GMB", "Gambia"],
    ["ORG:iaea", "International Atomic Energy Agency"],
  ]);
  const states = statesNamedIn(names);

  it("lists the States alone, by name, and reads a name or a code", () => {
    expect(states).toEqual([
      { iso3: "GMB", name: "Gambia" },
      { iso3: "MWI", name: "Malawi" },
    ]);
    expect(stateCodeOf(" gambia ", states)).toBe("GMB");
    expect(stateCodeOf("mwi", states)).toBe("MWI");
    expect(stateCodeOf("Atlantis", states)).toBeUndefined();
    // Before the names are read, a code is taken as typed: the API says whether a State bears it.
    expect(stateCodeOf("tcd", [])).toBe("TCD");
    expect(stateCodeOf("Chad", [])).toBeUndefined();
  });

  it("sends the code of the State named, and refuses a name no Member State bears at its field", () => {
    const form = {
      ...emptyRequestForm(),
      iso3: "Gambia",
      areas: ["legislation" as const],
      description: "Review of the export control law",
      receivedOn: "2026-12-01",
      symbol: "S/AC.44/2026/GMB/1",
    };
    expect(requestFormRefusal(form, states)).toBeUndefined();
    expect(newRequestOf(form, states).iso3).toBe("GMB");
    expect(requestFormRefusal({ ...form, iso3: "Gambiaa" }, states)?.errors).toEqual([
      { path: "body.iso3", message: "No Member State is named or coded “Gambiaa”." },
    ]);
    expect(requestFormRefusal({ ...form, iso3: " " }, states)?.errors).toEqual([
      { path: "body.iso3", message: "Choose the State the request is from: its name or its code, e.g. Malawi." },
    ]);
  });
});

describe("an offer's validity on the desk's day", () => {
  const offer = { validFrom: "2024-01-01", validUntil: "2026-06-30" };

  it("marks an expired offer and one not valid yet in words, and a valid one not at all, as the API judges", () => {
    expect(validityWords(offer)).toBe("from 2024-01-01 to 2026-06-30");
    expect(validityMark(offer, "2026-12-07")).toBe("Expired on 30 June 2026");
    expect(validityMark({ validFrom: "2027-03-01" }, "2026-12-07")).toBe("Not valid yet: valid from 1 March 2027");
    expect(validityWords({ validFrom: "2027-03-01" })).toBe("from 2027-03-01, open-ended");
    // Its first and last days count, as the API's matchmaking counts them.
    for (const day of ["2024-01-01", "2026-06-30", "2023-12-31", "2026-07-01"]) {
      expect(validityMark(offer, day) === undefined, day).toBe(isActiveOn(offer, day));
    }
  });
});
