// The composer opened as the rest of a halted wave (audit 31, bug 1): it takes the halted wave's template, audience and
// values, says how many States and organizations it leaves out (counted as dispatch leaves them out), warns when the
// wave is not halted, knows the API's refusal at body.restOf, and the halted wave's page links to it.
import { describe, expect, it } from "vitest";
import { pathsKnown } from "../../console/src/pages/correspondence/compose-fields.ts";
import { readRestOfChain, restOfWave, restOfWords } from "../../console/src/pages/correspondence/compose-rest-of.ts";
import type { Wave, WaveMessage } from "../../console/src/pages/correspondence/wave-facts.ts";
import { href, routeOf } from "../../console/src/routes.ts";

const halted: Wave = {
  id: "01M9640KR6YRSTQCRB7PMPYQ76",
  templateId: "programme-outreach-letter",
  audience: "all-states",
  sendAt: "2026-12-06T11:49",
  timeZone: "America/New_York",
  sendInstant: "2026-12-06T16:49:00.000Z",
  notAfter: "2026-12-13T16:49:00.000Z",
  deadline: "2027-01-31",
  description: "Outreach (all States)",
  status: "halted",
  haltReason: "hard bounces reached 5% of the letters out: 3 of 58 (5.2%)",
  createdAt: "2026-12-06T16:40:00.000Z",
  updatedAt: "2026-12-06T16:49:13.000Z",
};

const letter = (owner: string, status: WaveMessage["status"]) => ({ owner, status });

describe("the rest of a halted wave in the composer", () => {
  it("takes the halted wave's letter and counts each State or organization it wrote to once", async () => {
    const letters = [
      letter("STATE:ETH", "sent"),
      letter("STATE:ETH", "delivered"),
      letter("STATE:CAN", "unknown"),
      letter("ORG:iaea", "complained"),
      letter("STATE:ZWE", "failed"),
      letter("STATE:AGO", "bounced"),
      letter("STATE:MLI", "skipped"),
    ];
    const rest = await readRestOfChain(halted.id, async () => ({ wave: halted, letters }));
    expect(rest).toEqual({
      waveId: halted.id,
      title: "Outreach (all States)",
      templateId: "programme-outreach-letter",
      audience: "all-states",
      deadline: "2027-01-31",
      chair: undefined,
      values: undefined,
      ownersWritten: 3,
      earlierTitles: [],
    });
    expect(restOfWords(rest)).toBe(
      "The rest of “Outreach (all States)”: the 3 States and organizations it wrote to are left out.",
    );
  });

  it("follows a rest of a rest, as dispatch does, counting each State or organization once across the waves", async () => {
    const second: Wave = { ...halted, id: "01M966EMRZFG9J4WK90GFJ5V0R", description: "The rest", restOf: halted.id };
    const third: Wave = {
      ...halted,
      id: "01M96A0000000000000000000Z",
      description: "The rest again",
      restOf: second.id,
    };
    const ledger: Record<string, { wave: Wave; letters: ReturnType<typeof letter>[] }> = {
      [halted.id]: { wave: halted, letters: [letter("STATE:ETH", "sent"), letter("STATE:AGO", "bounced")] },
      [second.id]: { wave: second, letters: [letter("STATE:ETH", "skipped"), letter("STATE:CAN", "delivered")] },
      [third.id]: { wave: third, letters: [letter("ORG:iaea", "unknown"), letter("STATE:AGO", "sent")] },
    };
    const read: string[] = [];
    const rest = await readRestOfChain(third.id, async (id) => {
      read.push(id);
      const entry = ledger[id];
      if (!entry) throw new Error(`no wave ${id}`);
      return entry;
    });
    expect(read).toEqual([third.id, second.id, halted.id]);
    expect(rest).toMatchObject({
      waveId: third.id,
      ownersWritten: 4,
      earlierTitles: ["Outreach (all States)", "The rest"],
    });
    // Each wave by its title, first first (audit 33, item 11).
    expect(restOfWords(rest)).toBe(
      "The rest of “The rest again”: the 4 States and organizations that “Outreach (all States)”, “The rest” and " +
        "“The rest again” wrote to are left out.",
    );
    expect(restOfWords({ title: "R1", ownersWritten: 55, earlierTitles: ["H1"] })).toBe(
      "The rest of “R1”: the 55 States and organizations that “H1” and “R1” wrote to are left out.",
    );
    // A wave naming itself (or a loop) is read once.
    const looped = await readRestOfChain(halted.id, async () => ({
      wave: { ...halted, restOf: halted.id },
      letters: [],
    }));
    expect(looped).toMatchObject({ ownersWritten: 0, earlierTitles: [] });
  });

  it("says one, or none, in words", () => {
    expect(restOfWords({ title: "T", ownersWritten: 1 })).toBe(
      "The rest of “T”: the 1 State or organization it wrote to is left out.",
    );
    expect(restOfWords({ title: "T", ownersWritten: 0 })).toBe(
      "The rest of “T”: it wrote to no State or organization, so none is left out.",
    );
  });

  it("says a wave that is neither halted nor a completed rest has no rest, naming it by its description", () => {
    expect(restOfWave({ ...halted, status: "completed" }, 0).notHalted).toBe(
      "“Outreach (all States)” is completed and no rest of a halted wave: only a halted wave, or a completed rest of " +
        "one, has a rest to write to.",
    );
    // A completed rest has a rest, for letters that bounced after the rests left their owners out (audit 33, bug 1).
    expect(restOfWave({ ...halted, status: "completed", restOf: "01M9640KR6YRSTQCRB7PMPYQ70" }, 0).notHalted).toBe(
      undefined,
    );
  });

  it("links the halted wave to it, and takes the API's refusal of the rest for no sign of a changed template", () => {
    expect(href.waveRest(halted.id)).toBe(`#/waves/new?restOf=${halted.id}`);
    expect(routeOf(href.waveRest(halted.id))).toMatchObject({ page: "wave-new", restOf: halted.id });
    const shown = new Set(["body.templateId"]);
    expect([...pathsKnown(shown, true)]).toEqual(["body.templateId", "body.restOf"]);
    expect(pathsKnown(shown, false)).toBe(shown);
  });
});
