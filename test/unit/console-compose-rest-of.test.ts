// The composer opened as the rest of a halted wave (audit 31, bug 1): it takes the halted wave's template, audience and
// values, says how many States and organizations it leaves out (counted as dispatch leaves them out), warns when the
// wave is not halted, knows the API's refusal at body.restOf, and the halted wave's page links to it.
import { describe, expect, it } from "vitest";
import { pathsKnown } from "../../console/src/pages/correspondence/compose-fields.ts";
import { restOfWave, restOfWords } from "../../console/src/pages/correspondence/compose-rest-of.ts";
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
  it("takes the halted wave's letter and counts each State or organization it wrote to once", () => {
    const rest = restOfWave(halted, [
      letter("STATE:ETH", "sent"),
      letter("STATE:ETH", "delivered"),
      letter("STATE:CAN", "unknown"),
      letter("ORG:iaea", "complained"),
      letter("STATE:ZWE", "failed"),
      letter("STATE:AGO", "bounced"),
      letter("STATE:MLI", "skipped"),
    ]);
    expect(rest).toEqual({
      waveId: halted.id,
      title: "Outreach (all States)",
      templateId: "programme-outreach-letter",
      audience: "all-states",
      deadline: "2027-01-31",
      chair: undefined,
      values: undefined,
      ownersWritten: 3,
    });
    expect(restOfWords(rest)).toBe(
      "The rest of “Outreach (all States)”: the 3 States and organizations it wrote to are left out.",
    );
  });

  it("says one, or none, in words", () => {
    expect(restOfWords({ title: "T", ownersWritten: 1 })).toBe(
      "The rest of “T”: the 1 State or organization it wrote to is left out.",
    );
    expect(restOfWords({ title: "T", ownersWritten: 0 })).toBe(
      "The rest of “T”: it wrote to no State or organization, so none is left out.",
    );
  });

  it("says a wave that is not halted has no rest, naming it by its description", () => {
    expect(restOfWave({ ...halted, status: "completed" }, []).notHalted).toBe(
      "“Outreach (all States)” is completed, not halted: only a halted wave has a rest to write to.",
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
