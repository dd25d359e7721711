// The States' letters the follow-up rule reads (shared/correspondence/state-letters.ts): only the letters that left on
// or after the day asked for have their kind looked up, a wave is read once and a template once, whatever the letters.
import { describe, expect, it } from "vitest";
import type { Ledger } from "#shared/correspondence/ledger.ts";
import type { MessageStatus } from "#shared/correspondence/schemas.ts";
import { type StateLetterStores, stateLetters } from "#shared/correspondence/state-letters.ts";
import type { TemplateRepository } from "#shared/templates/repository.ts";
import type { WaveRepository } from "#shared/waves/repository.ts";

type OwnerLetter = Awaited<ReturnType<Ledger["lettersOf"]>>[number];

const letter = (waveId: string, status: MessageStatus, day: string, recipient = "c1"): OwnerLetter => ({
  waveId,
  recipient,
  status,
  createdAt: `${day}T15:00:00.000Z`,
});

/** Stores that record what is read: waves `w-*` were written from `tpl-<n>`, every template a follow-up. */
function recordingStores(letters: Record<string, OwnerLetter[]>) {
  const read = { waves: [] as string[], templates: [] as string[] };
  const templateOf: Record<string, string> = { "w-old": "tpl-1", "w-1": "tpl-1", "w-2": "tpl-1", "w-3": "tpl-2" };
  const stores: StateLetterStores = {
    ledger: { lettersOf: async (owner) => letters[owner] ?? [] },
    waves: {
      get: (async (id: string) => {
        read.waves.push(id);
        return { value: { templateId: templateOf[id] }, version: 1 };
      }) as WaveRepository["get"],
    },
    templates: {
      get: (async (id: string) => {
        read.templates.push(id);
        return { value: { kind: id === "tpl-2" ? "provider-offer-update" : "assistance-follow-up" }, version: 1 };
      }) as TemplateRepository["get"],
    },
  };
  return { stores, read };
}

describe("stateLetters", () => {
  it("looks up the kind only of the letters that left on or after the day asked for", async () => {
    const { stores, read } = recordingStores({
      "STATE:KEN": [
        letter("w-old", "delivered", "2026-01-10"),
        letter("w-1", "queued", "2027-02-15", "c0"),
        letter("w-1", "sent", "2027-02-15"),
        letter("w-2", "unknown", "2027-02-20", "c0"),
        letter("w-2", "delivered", "2027-02-20"),
      ],
    });
    expect(await stateLetters(stores)("KEN", "2027-02-10")).toEqual([
      { kind: "assistance-follow-up", status: "sent", on: "2027-02-15" },
      { kind: "assistance-follow-up", status: "delivered", on: "2027-02-20" },
    ]);
    expect(read.waves.sort()).toEqual(["w-1", "w-2"]);
  });

  it("reads a wave once, and a template once however many waves were written from it", async () => {
    const { stores, read } = recordingStores({
      "STATE:KEN": [letter("w-1", "sent", "2027-02-15"), letter("w-2", "sent", "2027-02-20")],
      "STATE:NGA": [letter("w-1", "delivered", "2027-02-15"), letter("w-3", "sent", "2027-02-16")],
    });
    const lettersOf = stateLetters(stores);
    await lettersOf("KEN", "2027-02-01");
    expect(await lettersOf("NGA", "2027-02-01")).toEqual([
      { kind: "assistance-follow-up", status: "delivered", on: "2027-02-15" },
      { kind: "provider-offer-update", status: "sent", on: "2027-02-16" },
    ]);
    expect(read.waves.sort()).toEqual(["w-1", "w-2", "w-3"]);
    expect(read.templates.sort()).toEqual(["tpl-1", "tpl-2"]);
  });
});
