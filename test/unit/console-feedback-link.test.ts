// Linking the requesting State's feedback to the State's document that is the same note, on the request's page, and
// undoing a link made in error (ADR 0070): the documents offered, as the API would take them, and the words of the
// questions, the confirmations and the API's refusals.
import { describe, expect, it } from "vitest";
import type { components } from "../../console/src/api/schema";
import {
  documentGoneWords,
  linkCandidates,
  linkChangedWords,
  linkQuestion,
  linkRefusalWords,
} from "../../console/src/pages/assistance-feedback-link.ts";

type Schemas = components["schemas"];
type Feedback = Schemas["AssistanceFeedback"];

const DAY = "2026-12-02";

const document = (
  id: string,
  { kind = "assistance-feedback", receivedOn = DAY, iso3 = "GMB" }: Partial<Schemas["Submission"]> = {},
): Schemas["Submission"] => ({
  id,
  iso3,
  kind,
  receivedOn,
  symbol: `S/AC.44/2026/NOTE.${id}`,
  language: "en",
  recordedAt: `${receivedOn}T14:00:00.000Z`,
  recordedBy: "user-1",
  updatedAt: `${receivedOn}T14:00:00.000Z`,
});

const feedback = (id: string, overrides: Partial<Feedback> = {}): Feedback => ({
  id,
  requestId: "r1",
  iso3: "GMB",
  from: "requester",
  text: "The workshop helped",
  receivedOn: DAY,
  recordedAt: `${DAY}T15:00:00.000Z`,
  recordedBy: "user-1",
  ...overrides,
});

const ids = (documents: readonly Schemas["Submission"][]) => documents.map((one) => one.id);

describe("the documents the requesting State's feedback may be linked to", () => {
  it("offers the State's feedback documents of the feedback's day only", () => {
    const documents = [
      document("1"),
      document("2", { receivedOn: "2026-12-03" }),
      document("3", { kind: "action-plan" }),
      document("4"),
    ];
    const note = feedback("f1");
    expect(ids(linkCandidates(note, documents, [note]))).toEqual(["1", "4"]);
  });

  it("leaves out a document another feedback on the request is linked to", () => {
    const documents = [document("1"), document("4")];
    const linked = feedback("f0", { document: { submissionId: "1", symbol: "S/AC.44/2026/NOTE.1" } });
    const note = feedback("f1");
    expect(ids(linkCandidates(note, documents, [linked, note]))).toEqual(["4"]);
  });

  it("offers nothing for a provider's feedback, nor for feedback linked already", () => {
    const documents = [document("1"), document("4")];
    const provider = feedback("f1", { from: "provider" });
    const linked = feedback("f2", { document: { submissionId: "1", symbol: "S/AC.44/2026/NOTE.1" } });
    expect(linkCandidates(provider, documents, [provider, linked])).toEqual([]);
    expect(linkCandidates(linked, documents, [provider, linked])).toEqual([]);
  });

  it("offers neither another State's document, still shown for a moment, nor a voided one", () => {
    const voided = { ...document("2"), voided: { at: `${DAY}T16:00:00.000Z`, by: "user-1", reason: "In error" } };
    const note = feedback("f1");
    expect(ids(linkCandidates(note, [document("1", { iso3: "SEN" }), voided, document("3")], [note]))).toEqual(["3"]);
  });
});

describe("the words of the link", () => {
  it("asks to link naming the feedback's day and the document, the safe answer keeping them apart", () => {
    const change = { kind: "link", feedback: feedback("f1"), symbol: "S/AC.44/2026/NOTE.5" } as const;
    expect(linkQuestion(change, "Gambia")).toEqual({
      question: "Link the feedback received 2026-12-02 to Gambia's document S/AC.44/2026/NOTE.5?",
      means:
        "They are then one note: Gambia's assistance feedback counts it once, as that document, not twice. A link " +
        "made in error can be undone.",
      yes: "Yes, link them",
      no: "Keep them apart",
    });
    const linked = feedback("f1", { document: { submissionId: "5", symbol: "S/AC.44/2026/NOTE.5" } });
    expect(linkChangedWords(change, linked)).toBe(
      "Linked the feedback received 2026-12-02 to S/AC.44/2026/NOTE.5: the note counts once, as that document.",
    );
  });

  it("says the document linked as the API answers it, not as typed", () => {
    const change = { kind: "link", feedback: feedback("f1"), symbol: "s/ac.44/2026/note.5" } as const;
    const linked = feedback("f1", { document: { submissionId: "5", symbol: "S/AC.44/2026/NOTE.5" } });
    expect(linkChangedWords(change, linked)).toContain("to S/AC.44/2026/NOTE.5:");
  });

  it("asks to unlink saying the feedback then counts on its own, the safe answer keeping them linked", () => {
    const change = { kind: "unlink", feedback: feedback("f1"), symbol: "S/AC.44/2026/NOTE.5" } as const;
    expect(linkQuestion(change, "Gambia")).toEqual({
      question: "Unlink the feedback received 2026-12-02 from Gambia's document S/AC.44/2026/NOTE.5?",
      means:
        "They are then two notes: Gambia's assistance feedback counts the feedback on its own again, beside the " +
        "document. Do this only if the feedback is not that document.",
      yes: "Yes, unlink them",
      no: "Keep them linked",
    });
    // The API's answer names no document: the one unlinked is the one asked about.
    expect(linkChangedWords(change, feedback("f1"))).toBe(
      "Unlinked the feedback received 2026-12-02 from S/AC.44/2026/NOTE.5: it counts on its own again, beside the " +
        "document.",
    );
  });

  it("says a refusal at the symbol after the symbol, and a conflict in its own sentence", () => {
    const invalid = {
      type: "/problems/invalid",
      title: "Unprocessable content",
      status: 422,
      detail: "The feedback does not match the document it names",
      errors: [
        {
          path: "body.symbol",
          message: "was received on 2026-12-03, and this feedback on 2026-12-02: one note is received on one day",
        },
      ],
    };
    expect(linkRefusalWords(invalid, "S/AC.44/2026/NOTE.5")).toBe(
      "The feedback does not match the document it names: S/AC.44/2026/NOTE.5 was received on 2026-12-03, and this " +
        "feedback on 2026-12-02: one note is received on one day.",
    );
    const conflict = {
      type: "/problems/conflict",
      title: "Conflict",
      status: 409,
      detail:
        "S/AC.44/2026/NOTE.5 is linked already to the request's feedback received on 2026-12-02: it is not recorded twice",
    };
    expect(linkRefusalWords(conflict, "S/AC.44/2026/NOTE.5")).toBe(conflict.detail);
    // An unlink's conflict: a colleague's change of the link meanwhile.
    const changed = {
      ...conflict,
      detail: "This feedback names no document now, no longer to S/AC.44/2026/NOTE.5: read it again",
    };
    expect(linkRefusalWords(changed, "S/AC.44/2026/NOTE.5")).toBe(changed.detail);
  });
});

describe("a note linked to a document that counts no more", () => {
  const voided = { at: "2026-12-05T10:00:00.000Z", by: "user-2", reason: "Not the State's note" };
  const linked = feedback("f1", { document: { submissionId: "d1", symbol: "S/AC.44/2026/NOTE.d1" } });
  const after = "so this note counts nowhere now: if the State did send it, unlink it so that it counts on its own.";

  it("says that it counts nowhere now, the document voided (the list leaves it out) or of another kind", () => {
    expect(documentGoneWords(linked, [document("d2")])).toBe(`S/AC.44/2026/NOTE.d1 was voided, ${after}`);
    expect(documentGoneWords(linked, [document("d1", { kind: "action-plan" })])).toBe(
      `S/AC.44/2026/NOTE.d1 is now recorded under another kind (National implementation action plan), ${after}`,
    );
  });

  it("says nothing while the document counts, before the documents are read, or for voided or unlinked feedback", () => {
    expect(documentGoneWords(linked, [document("d1")])).toBeUndefined();
    expect(documentGoneWords(linked, undefined)).toBeUndefined();
    expect(documentGoneWords({ ...linked, voided }, [])).toBeUndefined();
    expect(documentGoneWords(feedback("f2"), [])).toBeUndefined();
  });
});
