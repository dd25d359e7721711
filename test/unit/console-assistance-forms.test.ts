// The assistance pages' record forms: a new request's and a feedback's empty fields are refused at each field in
// plain words before anything is sent, a complete form makes the body the API takes, and a feedback recorded is
// confirmed in the words of the feedback's table.
import { describe, expect, it } from "vitest";
import { newAssistanceFeedbackSchema, newAssistanceRequestSchema } from "#shared/assistance/schemas.ts";
import {
  emptyFeedbackForm,
  feedbackFormRefusal,
  feedbackRecordedWords,
  newFeedbackOf,
} from "../../console/src/pages/assistance-feedback-form.ts";
import {
  emptyRequestForm,
  newRequestOf,
  REQUEST_FIELDS,
  requestFormRefusal,
} from "../../console/src/pages/assistance-new-request.ts";

describe("recording a new assistance request", () => {
  it("refuses an empty form at each of its fields, in words, before sending", () => {
    const refusal = requestFormRefusal(emptyRequestForm());
    expect(refusal?.status).toBe(422);
    expect(refusal?.errors).toEqual([
      { path: "body.iso3", message: "Choose the State the request is from: its name or its code, e.g. Malawi." },
      { path: "body.areas", message: "Choose at least one area." },
      { path: "body.description", message: "Say what the State asks for." },
      { path: "body.receivedOn", message: "Give the day the request was received, as YYYY-MM-DD." },
      { path: "body.symbol", message: "Give the request's document symbol, e.g. S/AC.44/2024/(02)/5." },
    ]);
    // Each path is a field the form lays out, so every message lands at its field.
    for (const error of refusal?.errors ?? []) expect(REQUEST_FIELDS).toContain(error.path.replace("body.", ""));
  });

  it("sends a complete form as the API's schema takes it, the State's code upper-cased", () => {
    const form = {
      ...emptyRequestForm("mwi"),
      areas: ["legislation" as const],
      description: "Review of the export control law",
      receivedOn: " 2026-12-01 ",
      symbol: " S/AC.44/2026/MWI/2 ",
      consentedToCirculation: true,
    };
    expect(requestFormRefusal(form)).toBeUndefined();
    const body = newRequestOf(form);
    expect(body).toEqual({
      iso3: "MWI",
      areas: ["legislation"],
      description: "Review of the export control law",
      receivedOn: "2026-12-01",
      symbol: "S/AC.44/2026/MWI/2",
      consentedToCirculation: true,
    });
    expect(newAssistanceRequestSchema.safeParse(body).success).toBe(true);
  });
});

describe("recording feedback on a fulfilled request", () => {
  it("refuses an empty text at its field, and sends the day only when given", () => {
    expect(feedbackFormRefusal(emptyFeedbackForm())?.errors).toEqual([
      { path: "body.text", message: "Say what the feedback says." },
    ]);
    const form = { ...emptyFeedbackForm(), text: "The workshop helped draft the law" };
    expect(feedbackFormRefusal(form)).toBeUndefined();
    expect(newFeedbackOf(form)).toEqual({ from: "requester", text: "The workshop helped draft the law" });
    const dated = newFeedbackOf({ ...form, from: "provider", receivedOn: "2026-12-01" });
    expect(dated).toEqual({ from: "provider", text: "The workshop helped draft the law", receivedOn: "2026-12-01" });
    expect(newAssistanceFeedbackSchema.safeParse(dated).success).toBe(true);
  });

  it("confirms the feedback recorded in the table's words: the requesting State, a provider", () => {
    expect(feedbackRecordedWords({ from: "requester", receivedOn: "2026-12-01" })).toBe(
      "Recorded the feedback of the requesting State, received 2026-12-01.",
    );
    expect(feedbackRecordedWords({ from: "provider", receivedOn: "2026-12-02" })).toBe(
      "Recorded the feedback of a provider, received 2026-12-02.",
    );
  });
});
