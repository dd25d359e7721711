// Correcting feedback on the request's page (ADR 0071): only what differs from the feedback as it stands is sent, and
// the words of the correction made, of the form, of a linked note's day and of the feedback read again after a stale
// save (ADR 0072).
import { describe, expect, it } from "vitest";
import type { components } from "../../console/src/api/schema";
import {
  correctFeedbackWords,
  feedbackCorrectedWords,
  feedbackCorrectionOf,
  feedbackReadAgainWords,
  receivedOnLabel,
} from "../../console/src/pages/assistance-feedback-correction.ts";

type Feedback = components["schemas"]["AssistanceFeedback"];

const DAY = "2026-12-02";

const feedback = (overrides: Partial<Feedback> = {}): Feedback => ({
  id: "f1",
  requestId: "r1",
  iso3: "GMB",
  from: "requester",
  text: "The workshop helped",
  receivedOn: DAY,
  recordedAt: `${DAY}T15:00:00.000Z`,
  recordedBy: "user-1",
  ...overrides,
});

const linked = feedback({ document: { submissionId: "s1", symbol: "S/AC.44/2026/NOTE.1" } });

describe("the correction sent", () => {
  it("sends only the fields typed that differ from the feedback, trimmed", () => {
    expect(feedbackCorrectionOf(feedback(), { receivedOn: " 2026-12-01 " })).toEqual({ receivedOn: "2026-12-01" });
    expect(feedbackCorrectionOf(feedback(), { text: "The workshop helped a lot", receivedOn: DAY })).toEqual({
      text: "The workshop helped a lot",
    });
  });

  it("sends nothing when what was typed says what the feedback holds, spaces at the ends aside", () => {
    expect(feedbackCorrectionOf(feedback(), {})).toEqual({});
    expect(feedbackCorrectionOf(feedback(), { text: "  The workshop helped\n", receivedOn: DAY })).toEqual({});
  });

  it("compares with the feedback as it now stands: a colleague's same correction leaves nothing to send", () => {
    const typed = { receivedOn: "2026-12-01" };
    expect(feedbackCorrectionOf(feedback({ receivedOn: "2026-12-01" }), typed)).toEqual({});
  });
});

describe("the words of the correction", () => {
  it("names the feedback by its day", () => {
    expect(correctFeedbackWords(feedback())).toBe("Correct the feedback received 2026-12-02");
  });

  it("says the State's assistance feedback follows a day moved on the State's feedback that counts on its own", () => {
    expect(feedbackCorrectedWords(feedback(), { receivedOn: "2026-12-01" }, { receivedOn: "2026-12-01" })).toBe(
      "Corrected the feedback received 2026-12-02: the day received, now 2026-12-01. The State's assistance " +
        "feedback is dated by the corrected day; its count does not change.",
    );
  });

  it("says nothing of the State's dates for a provider's day, nor for a text corrected", () => {
    const provider = feedback({ from: "provider" });
    expect(feedbackCorrectedWords(provider, { receivedOn: "2026-12-01" }, { receivedOn: "2026-12-01" })).toBe(
      "Corrected the feedback received 2026-12-02: the day received, now 2026-12-01.",
    );
    expect(feedbackCorrectedWords(linked, { text: "The workshop helped a lot" }, linked)).toBe(
      "Corrected the feedback received 2026-12-02: what it says.",
    );
    expect(
      feedbackCorrectedWords(feedback(), { text: "Helped", receivedOn: "2026-12-01" }, { receivedOn: "2026-12-01" }),
    ).toMatch(/^Corrected the feedback received 2026-12-02: what it says and the day received, now 2026-12-01\. The/);
  });

  it("labels a linked note's day as its document's", () => {
    expect(receivedOnLabel(feedback())).toBe("Received on (YYYY-MM-DD)");
    expect(receivedOnLabel(linked)).toBe(
      "Received on (YYYY-MM-DD; linked to S/AC.44/2026/NOTE.1, it is that document's day)",
    );
  });
});

describe("the feedback read again after a stale save", () => {
  it("says what stands and sends only what was typed that differs from it", () => {
    const now = feedback({ text: "The workshop helped a lot" });
    expect(feedbackReadAgainWords(now, { receivedOn: "2026-12-01" })).toBe(
      'Now on record: what it says "The workshop helped a lot", received on "2026-12-02". Saving sends only what ' +
        'you typed that differs from it: received on "2026-12-01" (now "2026-12-02"). The other fields show the ' +
        "version now on record.",
    );
  });

  it("sends nothing when the colleague made the same correction", () => {
    expect(feedbackReadAgainWords(feedback({ receivedOn: "2026-12-01" }), { receivedOn: "2026-12-01" })).toBe(
      'Now on record: what it says "The workshop helped", received on "2026-12-01". Nothing you typed differs from ' +
        "it. The fields show the version now on record.",
    );
  });
});
