// When a request takes feedback on the assistance process (ADR 0064), and what the console says of it: on the
// request's page before it does, in its form (the State's documents the note may have been recorded as), and on the
// State's page when "assistance feedback" is chosen as a document's kind.
import { describe, expect, it } from "vitest";
import { FEEDBACK_TAKEN, takesFeedback } from "#shared/assistance/feedback-open.ts";
import { newAssistanceFeedbackSchema, type RequestStatus } from "#shared/assistance/schemas.ts";
import { requestTransitions } from "#shared/assistance/transitions.ts";
import type { components } from "../../console/src/api/schema";
import {
  documentChoices,
  emptyFeedbackForm,
  feedbackOpensWords,
  feedbackRecordedWords,
  linkableDocuments,
  newFeedbackOf,
} from "../../console/src/pages/assistance-feedback-form.ts";
import {
  feedbackGoesWords,
  feedbackOnRecordWords,
  noRequestTakesFeedbackWords,
  requestsTakingFeedback,
  sameDayFeedbackWords,
} from "../../console/src/pages/state/feedback-kind.ts";

type Schemas = components["schemas"];

const statuses = Object.keys(requestTransitions) as RequestStatus[];

const document = (id: string, kind: Schemas["Submission"]["kind"], symbol: string): Schemas["Submission"] => ({
  id,
  iso3: "GMB",
  kind,
  receivedOn: "2026-12-02",
  symbol,
  language: "en",
  recordedAt: "2026-12-02T14:00:00.000Z",
  recordedBy: "user-1",
  updatedAt: "2026-12-02T14:00:00.000Z",
});

const request = (id: string, status: RequestStatus) =>
  ({ id, status, symbol: `S/AC.44/2026/${id}`, receivedOn: "2026-01-05" }) as Schemas["AssistanceRequest"];

/** Feedback from `from` received on `receivedOn`, linked to a document or not. */
const feedback = (from: "requester" | "provider", receivedOn: string, linked = false) =>
  ({
    from,
    receivedOn,
    ...(linked ? { document: { submissionId: "d1", symbol: "S/AC.44/2026/NOTE.55" } } : {}),
  }) as Schemas["AssistanceFeedback"];

describe("when a request takes feedback", () => {
  it("takes it from circulation on and once withdrawn, not before circulation", () => {
    expect(statuses.filter(takesFeedback)).toEqual([
      "circulated",
      "matched",
      "in-progress",
      "fulfilled",
      "withdrawn",
      "closed-unmet",
    ]);
  });

  it("keeps taking it: every move from a status that takes it leads to one that does", () => {
    const leaving = statuses
      .filter((from) => FEEDBACK_TAKEN[from])
      .flatMap((from) => requestTransitions[from].filter((to) => !FEEDBACK_TAKEN[to]).map((to) => `${from}->${to}`));
    expect(leaving).toEqual([]);
  });

  it("says on the request's page, before then, from when it will, with the status in words", () => {
    expect(feedbackOpensWords({ status: "consent-window" })).toBe(
      "Feedback on the assistance process is recorded on a request from its circulation on, or once it is " +
        "withdrawn. This one is in the consent window.",
    );
    expect(feedbackOpensWords({ status: "matched" })).toBeUndefined();
    expect(feedbackOpensWords({ status: "withdrawn" })).toBeUndefined();
  });
});

describe("the request's feedback form and the State's document the note was recorded as", () => {
  const documents = [
    document("d1", "assistance-feedback", "S/AC.44/2026/NOTE.55"),
    document("d2", "action-plan", "S/AC.44/2026/AP.1"),
    document("d3", "assistance-feedback", "S/AC.44/2026/NOTE.56"),
  ];

  it("offers the State's feedback documents that no feedback on the request names yet, none first", () => {
    const recorded = [
      { document: { submissionId: "d3", symbol: "S/AC.44/2026/NOTE.56" } },
    ] as Schemas["AssistanceFeedback"][];
    const linkable = linkableDocuments(documents, recorded);
    expect(linkable.map((one) => one.id)).toEqual(["d1"]);
    expect(Object.entries(documentChoices(linkable))).toEqual([
      ["", "None: the note counts as feedback on its own"],
      ["S/AC.44/2026/NOTE.55", "S/AC.44/2026/NOTE.55, received 2026-12-02"],
    ]);
  });

  it("sends the symbol with the requesting State's note only, as the API takes it", () => {
    const form = { ...emptyFeedbackForm(), text: "The bill is before parliament", symbol: "S/AC.44/2026/NOTE.55" };
    const body = newFeedbackOf(form);
    expect(body).toEqual({ from: "requester", text: "The bill is before parliament", symbol: "S/AC.44/2026/NOTE.55" });
    expect(newAssistanceFeedbackSchema.safeParse(body).success).toBe(true);
    expect(newFeedbackOf({ ...form, from: "provider" })).toEqual({
      from: "provider",
      text: "The bill is before parliament",
    });
  });

  it("confirms a linked note as counted once, as the document", () => {
    expect(
      feedbackRecordedWords({
        from: "requester",
        receivedOn: "2026-12-02",
        document: { submissionId: "d1", symbol: "S/AC.44/2026/NOTE.55" },
      }),
    ).toBe(
      "Recorded the feedback of the requesting State, received 2026-12-02, as the State's document " +
        "S/AC.44/2026/NOTE.55: it counts once, as that document.",
    );
  });
});

describe("the State's page, assistance feedback chosen as a document's kind", () => {
  it("lists the State's requests that take feedback, and says why none does", () => {
    const requests = [request("1", "acknowledged"), request("2", "matched"), request("3", "withdrawn")];
    expect(requestsTakingFeedback(requests).map((one) => one.id)).toEqual(["2", "3"]);
    expect(feedbackGoesWords("the Philippines")).toContain(
      "Feedback on one of the Philippines' assistance requests is recorded on the request",
    );
    expect(noRequestTakesFeedbackWords("Gambia", [request("1", "received")])).toBe(
      "None of Gambia's requests takes feedback yet: a request does from its circulation on, or once it is withdrawn.",
    );
    expect(noRequestTakesFeedbackWords("Gambia", [])).toBe("Gambia has no assistance request on record.");
  });

  it("says, beside a request, the State's feedback recorded on it that counts there; not a provider's nor a linked one", () => {
    expect(
      feedbackOnRecordWords([
        feedback("requester", "2026-12-02"),
        feedback("provider", "2026-12-03"),
        feedback("requester", "2026-12-04", true),
        feedback("requester", "2026-12-05"),
      ]),
    ).toBe(
      "the State's feedback received 2026-12-02 and 2026-12-05 is recorded on it and counts there: if this document " +
        "is that note, do not record it again, or record it with the note's day and then link the feedback to it on " +
        "the request's page, so that it counts once",
    );
    expect(feedbackOnRecordWords([feedback("provider", "2026-12-03"), feedback("requester", "2026-12-04", true)])).toBe(
      undefined,
    );
  });

  it("says, once a note is recorded, which requests hold the State's feedback of its day naming no document", () => {
    const open = [
      { request: request("R1", "matched"), feedback: [feedback("requester", "2026-12-02")] },
      { request: request("R2", "fulfilled"), feedback: [feedback("requester", "2026-12-02", true)] },
      { request: request("R3", "circulated"), feedback: [feedback("provider", "2026-12-02")] },
      { request: request("R4", "withdrawn"), feedback: [feedback("requester", "2026-12-03")] },
      { request: request("R5", "closed-unmet"), feedback: [feedback("requester", "2026-12-02")] },
    ];
    const note = { kind: "assistance-feedback" as const, receivedOn: "2026-12-02" };
    expect(sameDayFeedbackWords("Gambia", note, open)).toBe(
      "Gambia's feedback received 2026-12-02 on S/AC.44/2026/R1 and S/AC.44/2026/R5 names no document: if it is " +
        "this note, link them on the request's page, so that it counts once.",
    );
    expect(sameDayFeedbackWords("Gambia", { ...note, receivedOn: "2026-12-04" }, open)).toBeUndefined();
    expect(sameDayFeedbackWords("Gambia", { ...note, kind: "action-plan" }, open)).toBeUndefined();
  });
});
