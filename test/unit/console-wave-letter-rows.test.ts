// A wave's Not reached when it names nobody (audit 34, item 7): a completed wave one of whose letters may or may not
// have left (unknown) does not say every owner was written to; it names the owners whose letter is in doubt, as their
// rows under Letters say it.
import { describe, expect, it } from "vitest";
import type { WaveMessage } from "../../console/src/pages/correspondence/wave-facts.ts";
import { letterRows, noneLeftOutWords } from "../../console/src/pages/correspondence/wave-letter-rows.ts";

const row = (recipient: string, owner: string, status: WaveMessage["status"]) =>
  ({
    waveId: "W1",
    recipient,
    owner,
    status,
    notAfter: "2026-12-13T00:00:00.000Z",
    claims: 1,
    createdAt: "2026-12-06T00:00:00.000Z",
    updatedAt: "2026-12-06T00:00:00.000Z",
  }) as WaveMessage;

const names = new Map([
  ["STATE:CHE", "Switzerland"],
  ["STATE:BDI", "Burundi"],
  ["STATE:ETH", "Ethiopia"],
]);
const ethiopia = row("C-ETH", "STATE:ETH", "delivered");
const switzerland = row("C-CHE", "STATE:CHE", "unknown");

describe("Not reached when it names nobody", () => {
  it("names the owner whose letter may or may not have left, not 'every State was written to'", () => {
    expect(noneLeftOutWords([ethiopia, switzerland], "completed", names)).toBe(
      "Every State and organization of the audience was written to, except Switzerland, whose letter may or may " +
        "not have left (its row under Letters says so).",
    );
  });

  it("names several by name, in name order, and one the page has no name for by its code", () => {
    const burundi = row("C-BDI", "STATE:BDI", "unknown");
    const iaea = row("C-IAEA", "ORG:iaea", "unknown");
    expect(noneLeftOutWords([switzerland, iaea, burundi], "completed", names)).toBe(
      "Every State and organization of the audience was written to, except Burundi, iaea and Switzerland, whose " +
        "letters may or may not have left (their rows under Letters say so).",
    );
  });

  it("says everyone was written to when the owner's other letter surely left", () => {
    const atTheMission = row("C-CHE-M", "STATE:CHE", "sent");
    expect(noneLeftOutWords([ethiopia, switzerland, atTheMission], "completed", names)).toBe(
      "Every State and organization of the audience was written to.",
    );
    expect(noneLeftOutWords([ethiopia], "completed", names)).toBe(
      "Every State and organization of the audience was written to.",
    );
  });

  it("still says letters are going out while one is queued or being sent", () => {
    expect(noneLeftOutWords([switzerland, row("C-BDI", "STATE:BDI", "sending")], "completed", names)).toBe(
      "Nobody is left out so far: letters are still going out.",
    );
  });
});

describe("a Mission letter sent again and still queued (verification of audit 34)", () => {
  const owner = { ...row("owner:STATE:DOM", "STATE:DOM", "skipped"), skipReason: "no-active-contact" as const };
  const mission = { ...row("C-DOM-M", "STATE:DOM", "queued"), resentAt: "2026-12-07T02:34:44.000Z" };

  it("is said on its way, not 'did not leave', on a completed or a halted wave", () => {
    for (const status of ["completed", "halted"] as const) {
      expect(letterRows([owner, mission], status)[0]?.why.said).toMatch(
        /^Its letter to its Permanent Mission .* is on its way\./,
      );
    }
  });

  it("is said not to leave when it is a halted wave's own queued letter, which the halt fails", () => {
    const own = { ...mission, resentAt: undefined };
    expect(letterRows([owner, own], "halted")[0]?.why.said).toMatch(/did not leave/);
  });
});
