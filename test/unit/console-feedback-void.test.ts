// Voiding feedback recorded in error on the request's page (ADR 0073): what the form says voiding this very note does,
// the mark of a voided row, the status lines, the words after a stale void; and voided feedback left out wherever the
// console counts or links the State's feedback (the link's candidates, the State page's words).
import { describe, expect, it } from "vitest";
import type { components } from "../../console/src/api/schema";
import { linkCandidates } from "../../console/src/pages/assistance-feedback-link.ts";
import {
  feedbackVoidedWords,
  voidedMarkWords,
  voidedMeanwhileWords,
  voidFeedbackWords,
  voidMeansWords,
  voidReadAgainWords,
} from "../../console/src/pages/assistance-feedback-void-words.ts";
import { feedbackOnRecordWords, sameDayFeedbackWords } from "../../console/src/pages/state/feedback-kind.ts";

type Schemas = components["schemas"];
type Feedback = Schemas["AssistanceFeedback"];

const DAY = "2026-12-03";
const SYMBOL = "S/AC.44/2026/NOTE.1";
// 23:30 in New York on 8 December is already the 9th in UTC: the desk's day is New York's (ADR 0063).
const voided = { at: "2026-12-09T04:30:00.000Z", by: "user-2", reason: "Recorded on the wrong request" };

const feedback = (overrides: Partial<Feedback> = {}): Feedback => ({
  id: "f1",
  requestId: "r1",
  iso3: "CPV",
  from: "requester",
  text: "The workshop helped",
  receivedOn: DAY,
  recordedAt: `${DAY}T15:00:00.000Z`,
  recordedBy: "user-1",
  ...overrides,
});

const linked = feedback({ document: { submissionId: "s1", symbol: SYMBOL } });

const document = (id: string, receivedOn = DAY): Schemas["Submission"] => ({
  id,
  iso3: "CPV",
  kind: "assistance-feedback",
  receivedOn,
  symbol: `S/AC.44/2026/NOTE.${id}`,
  language: "en",
  recordedAt: `${receivedOn}T14:00:00.000Z`,
  recordedBy: "user-1",
  updatedAt: `${receivedOn}T14:00:00.000Z`,
});

describe("what the void's form says", () => {
  it("names the feedback by its day, as its correction does", () => {
    expect(voidFeedbackWords(feedback())).toBe(`Void the feedback received ${DAY}`);
  });

  it("says the requesting State's note naming no document no longer counts towards the State's feedback", () => {
    const words = voidMeansWords(feedback(), "Cabo Verde");
    expect(words).toMatch(/^It no longer counts towards Cabo Verde's assistance feedback: the obligation counts one /);
    expect(words).toContain("It stays listed for the record, marked voided with the reason.");
    expect(words).toContain("voiding cannot be undone: to mend what it says or its day, correct it instead.");
  });

  it("says a linked note's document still counts, as the State's own, and where to void it", () => {
    const words = voidMeansWords(linked, "the Philippines");
    expect(words).toMatch(
      /^S\/AC\.44\/2026\/NOTE\.1 still counts towards the Philippines' assistance feedback, as the State's document/,
    );
    expect(words).toContain("void it on the State's page if it too was recorded in error");
    expect(words).not.toContain("no longer counts");
  });

  it("says a provider's note is kept for the record only, counting towards no obligation", () => {
    const words = voidMeansWords(feedback({ from: "provider" }), "Cabo Verde");
    expect(words).toMatch(/^A provider's note counts towards no obligation: it is kept for the record only/);
    expect(words).not.toContain("Cabo Verde");
  });
});

describe("a voided row and the status lines", () => {
  it("marks a voided row with the desk's day it was voided and why, not its UTC day", () => {
    expect(voidedMarkWords(voided)).toBe("Voided 2026-12-08: Recorded on the wrong request.");
  });

  it("does not double the reason's own full stop", () => {
    expect(voidedMarkWords({ ...voided, reason: "Not feedback at all. " })).toBe(
      "Voided 2026-12-08: Not feedback at all.",
    );
    expect(feedbackVoidedWords(feedback(), "Not feedback at all.")).toBe(
      `Voided the feedback received ${DAY}: Not feedback at all.`,
    );
  });

  it("says the void made with its reason", () => {
    expect(feedbackVoidedWords(feedback(), voided.reason)).toBe(
      `Voided the feedback received ${DAY}: Recorded on the wrong request.`,
    );
  });

  it("says a void found made meanwhile, on the desk's day, and that the reader's reason was not recorded", () => {
    expect(voidedMeanwhileWords(feedback(), voided)).toBe(
      `The feedback received ${DAY} was voided meanwhile, on 2026-12-08: Recorded on the wrong request. It stays so; ` +
        "your reason was not recorded.",
    );
  });

  it("says what stands after a stale void, a colleague's link included, and that the reason is kept", () => {
    expect(voidReadAgainWords({ ...linked, text: "The workshop helped our customs" })).toBe(
      `Now on record: the feedback of the requesting State received ${DAY}, linked to ${SYMBOL}, saying "The ` +
        'workshop helped our customs". Your reason is kept: voiding now voids it as it stands.',
    );
    expect(voidReadAgainWords(feedback({ from: "provider" }))).toMatch(
      /^Now on record: the feedback of a provider received 2026-12-03, saying "The workshop helped"\./,
    );
  });
});

describe("voided feedback, left out where the console counts or links the State's feedback", () => {
  it("offers voided feedback no document to link", () => {
    expect(linkCandidates(feedback(), [document("2")], [feedback()]).map((one) => one.id)).toEqual(["2"]);
    expect(linkCandidates(feedback({ voided }), [document("2")], [feedback({ voided })])).toEqual([]);
  });

  it("offers again a document that only voided feedback names, as the API takes it", () => {
    const standingLink = feedback({ id: "f0", document: { submissionId: "2", symbol: "S/AC.44/2026/NOTE.2" } });
    const voidedLink = { ...standingLink, voided };
    expect(linkCandidates(feedback(), [document("2")], [voidedLink, feedback()]).map((one) => one.id)).toEqual(["2"]);
    expect(linkCandidates(feedback(), [document("2")], [standingLink, feedback()])).toEqual([]);
  });

  it("names on the State's page no voided feedback as counted on its request", () => {
    expect(feedbackOnRecordWords([feedback({ voided })])).toBeUndefined();
    expect(feedbackOnRecordWords([feedback({ voided }), feedback({ id: "f2", receivedOn: "2026-12-04" })])).toMatch(
      /^the State's feedback received 2026-12-04 is recorded on it/,
    );
  });

  it("says no voided feedback of the day may be the document just recorded", () => {
    const recorded = { kind: "assistance-feedback" as const, receivedOn: DAY };
    const open = (entries: Feedback[]) => [{ request: { symbol: "S/AC.44/2026/REQ.1" }, feedback: entries }];
    expect(sameDayFeedbackWords("Cabo Verde", recorded, open([feedback({ voided })]))).toBeUndefined();
    expect(sameDayFeedbackWords("Cabo Verde", recorded, open([feedback()]))).toMatch(
      /^Cabo Verde's feedback received 2026-12-03 on S\/AC\.44\/2026\/REQ\.1 names no document/,
    );
  });
});
