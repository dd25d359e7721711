// What the console's pages say, in Node: how far a programme activity is (a month-planned one of the current month by
// its month), a pending request's follow-up with its letter's date, a snapshot's taking and taker, a wave's letters in
// the order of their recipients' names, an obligation's status in words, and the groups of a snapshots' diff.
import { describe, expect, it } from "vitest";
import { followUpInWords } from "#shared/assistance/follow-up-words.ts";
import { routeAccess } from "../../console/src/api/access.ts";
import { byOwnerName, ownerCode } from "../../console/src/pages/correspondence/wave-facts.ts";
import { ACTIVITY_KIND_WORDS, fromToday, letterWavesWords, shownDay } from "../../console/src/pages/programme-due.ts";
import { groupWords, takenAtWords, takenWords, takerWords } from "../../console/src/pages/snapshot-words.ts";
import {
  mandatoryWords,
  NOT_COUNTED,
  OBLIGATION_STATUSES,
  obligationStatusWords,
  POINT_OF_CONTACT_STATUSES,
  submissionWords,
} from "../../console/src/pages/state/labels.ts";
import { counted } from "../../console/src/ui/counted.ts";
import { obligationStatusSchema } from "../../shared/reporting/schemas.ts";

describe("an activity's distance from today", () => {
  it("names a month-planned activity of the current month by its month, not by days since its first day", () => {
    expect(
      fromToday({ status: "this-month", daysLeft: -3, day: "2026-12-01", plannedMonth: "2026-12", timing: "in" }),
    ).toBe("in December 2026, this month");
  });

  it("names a month-planned activity ahead by its month, and shows it at its month", () => {
    const january = {
      status: "upcoming",
      daysLeft: 28,
      day: "2027-01-01",
      plannedMonth: "2027-01",
      timing: "in",
    } as const;
    expect(fromToday(january)).toBe("in January 2027");
    expect(shownDay(january)).toBe("2027-01");
    expect(shownDay({ day: "2027-01-12", plannedMonth: "2027-01", timing: "on" })).toBe("2027-01-12");
  });

  it("counts days to a day ahead and since a day past, and says today", () => {
    expect(fromToday({ status: "upcoming", daysLeft: 12, day: "2026-12-16", timing: "on" })).toBe("in 12 days");
    expect(fromToday({ status: "upcoming", daysLeft: 1, day: "2026-12-05", timing: "by" })).toBe("in 1 day");
    expect(fromToday({ status: "past", daysLeft: -30, day: "2026-11-04", timing: "on" })).toBe("30 days ago");
    expect(fromToday({ status: "today", daysLeft: 0, day: "2026-12-04", timing: "on" })).toBe("today");
  });
});

describe("a pending request's follow-up in the report, as the console, the mail and the CSV say it", () => {
  it("gives the date of the follow-up letter once it went", () => {
    expect(followUpInWords({ status: "followed-up", dueOn: "2026-03-01", followedUpOn: "2026-03-04" })).toBe(
      "followed up on 2026-03-04 (due 2026-03-01)",
    );
  });

  it("gives the status and due day before, and says when the request is not circulated", () => {
    expect(followUpInWords({ status: "overdue", dueOn: "2026-03-01" })).toBe("overdue since 2026-03-01");
    expect(followUpInWords({ status: "due", dueOn: "2027-02-13" })).toBe("due soon, on 2027-02-13");
    expect(followUpInWords({ status: "not-yet", dueOn: "2027-04-21" })).toBe("due on 2027-04-21");
    expect(followUpInWords(null)).toBe("not circulated yet");
    expect(followUpInWords({ status: "followed-up", dueOn: "2026-03-01" })).toBe("followed up (due 2026-03-01)");
  });
});

describe("a snapshot's taking", () => {
  const snapshot = { period: "2026-Q3", computedAt: "2026-10-01T09:30:12.000Z" };

  it("says a quarter was taken, or was taken before and is unchanged", () => {
    expect(takenWords(snapshot, true)).toBe("2026-Q3 taken.");
    expect(takenWords(snapshot, false)).toBe("2026-Q3 was already taken on 2026-10-01 09:30 UTC, unchanged.");
  });

  it("names its taker by username as the timeline does, the schedule in words, else by group, never by id", () => {
    const usernames = new Map([["8c501a84-0000", "local-secretariat"]]);
    const older = { computedBy: "8c501a84-0000" };
    // Kept with the snapshot: every reader sees it.
    expect(takerWords({ ...older, computedByName: "a.officer" }, new Map())).toBe("a.officer");
    // Taken before the name was kept: the audit trail's, for the groups that may read it.
    expect(takenAtWords(snapshot, takerWords(older, usernames))).toBe("2026-10-01 09:30 UTC by local-secretariat");
    expect(takerWords({ computedBy: "snapshot" }, usernames)).toBe("the quarterly schedule");
    // To a group that may not read the audit trail: the only group that may take a snapshot.
    expect(routeAccess["POST /snapshots"]).toEqual(["secretariat"]);
    expect(takerWords(older, new Map())).toBe("a member of the secretariat");
  });
});

describe("a wave's letters", () => {
  it("are ordered by their recipients' names, each owner's code kept to show", () => {
    const letters = [{ owner: "STATE:GIN" }, { owner: "STATE:SWZ" }, { owner: "STATE:PRK" }, { owner: "ORG:iaea" }];
    const names = new Map([
      ["STATE:GIN", "Guinea"],
      ["STATE:SWZ", "Eswatini"],
      ["STATE:PRK", "Democratic People's Republic of Korea"],
      ["ORG:iaea", "International Atomic Energy Agency"],
    ]);
    expect(byOwnerName(letters, names).map((letter) => letter.owner)).toEqual([
      "STATE:PRK",
      "STATE:SWZ",
      "STATE:GIN",
      "ORG:iaea",
    ]);
    expect(letters.map((letter) => ownerCode(letter.owner))).toEqual(["GIN", "SWZ", "PRK", "iaea"]);
  });

  it("fall back to the owner's code for a name not known", () => {
    expect(byOwnerName([{ owner: "STATE:ZZZ" }, { owner: "STATE:AAA" }], new Map()).map((l) => l.owner)).toEqual([
      "STATE:AAA",
      "STATE:ZZZ",
    ]);
  });
});

describe("an obligation's status", () => {
  it("has words for every status the API names, a voluntary one not taken up not called inapplicable", () => {
    expect(Object.keys(OBLIGATION_STATUSES).sort()).toEqual([...obligationStatusSchema.options].sort());
    expect(OBLIGATION_STATUSES["not-applicable"]).toBe("none received (voluntary)");
    expect(new Set(Object.values(OBLIGATION_STATUSES)).size).toBe(obligationStatusSchema.options.length);
  });

  it("says a point of contact is requested, not owed, and has no submissions to count", () => {
    const pointOfContact = {
      iso3: "AGO",
      kind: "point-of-contact",
      mandatory: false,
      status: "outstanding",
      submissions: 0,
    } as const;
    expect(Object.keys(POINT_OF_CONTACT_STATUSES).sort()).toEqual([...obligationStatusSchema.options].sort());
    expect(mandatoryWords(pointOfContact)).toBe("no, requested");
    expect(obligationStatusWords(pointOfContact)).toBe("no current point of contact (none, stale or unreachable)");
    expect(Object.values(POINT_OF_CONTACT_STATUSES).join(" ")).not.toMatch(/owed/);
    expect(submissionWords(pointOfContact)).toEqual({ count: NOT_COUNTED, lastReceivedOn: NOT_COUNTED });
  });

  it("says the first report is mandatory and owed until received, a voluntary one encouraged, each with its count", () => {
    const firstReport = {
      iso3: "TCD",
      kind: "first-report",
      mandatory: true,
      status: "outstanding",
      submissions: 0,
    } as const;
    const plan = {
      iso3: "AGO",
      kind: "action-plan",
      mandatory: false,
      status: "fulfilled",
      submissions: 2,
      lastReceivedOn: "2024-03-01",
    } as const;
    expect(mandatoryWords(firstReport)).toBe("yes");
    expect(obligationStatusWords(firstReport)).toBe("outstanding: owed, not received");
    expect(submissionWords(firstReport)).toEqual({ count: 0, lastReceivedOn: "" });
    expect(mandatoryWords(plan)).toBe("no, encouraged");
    expect(obligationStatusWords(plan)).toBe("fulfilled");
    expect(submissionWords(plan)).toEqual({ count: 2, lastReceivedOn: "2024-03-01" });
  });
});

describe("a snapshots' diff group", () => {
  it("names a regional group, a paragraph and its category, and puts any other code's hyphens as spaces", () => {
    expect(groupWords("grulac")).toBe("Latin American and Caribbean");
    expect(groupWords("op3cd/means-of-delivery")).toBe("OP3(c)(d), Means of delivery");
    expect(groupWords("nuclear")).toBe("Nuclear weapons");
    expect(groupWords("under-6-months")).toBe("under 6 months");
    expect(groupWords("first-report-request")).toBe("first report request");
    expect(groupWords("all")).toBe("all");
    // A code that names a property of every object is not taken for a word.
    expect(groupWords("constructor")).toBe("constructor");
  });
});

describe("a count with its noun", () => {
  it("is singular for exactly one, plural otherwise, with a given plural where an s is wrong", () => {
    expect([0, 1, 2].map((count) => counted(count, "wave"))).toEqual(["0 waves", "1 wave", "2 waves"]);
    expect(counted(3, "match", "matches")).toBe("3 matches");
  });
});

describe("the programme's letters and kinds", () => {
  it("count a letter's waves without the cancelled ones, said apart, and name a kind in words", () => {
    expect(letterWavesWords([])).toBe("0 waves");
    expect(letterWavesWords([{ status: "completed" }, { status: "cancelled" }])).toBe("1 wave, 1 cancelled");
    expect(letterWavesWords([{ status: "scheduled" }, { status: "draft" }])).toBe("2 waves");
    expect(ACTIVITY_KIND_WORDS["informal-meeting"]).toBe("Informal meeting");
  });
});
