// The timeline's lines (console/src/pages/state/timeline-lines.ts): a contact's write and the point-of-contact
// obligation it moves are two audit entries, read as one line (audit 30, item 10).
import { describe, expect, it } from "vitest";
import type { components } from "../../console/src/api/schema";
import { timelineLines } from "../../console/src/pages/state/timeline-lines.ts";

type TimelineEntry = components["schemas"]["TimelineEntry"];

const secretariat = { kind: "user" as const, id: "u1", username: "local-secretariat" };
const reason = "Retired from the ministry in November";

const obligation: TimelineEntry = {
  on: "2026-12-06",
  at: "2026-12-06T14:33:05.012Z",
  kind: "obligation",
  action: "obligation.point-of-contact",
  source: { type: "obligation", id: "KEN/point-of-contact" },
  actor: secretariat,
  correlationId: "req-1",
  reason,
  before: { kind: "point-of-contact", status: "fulfilled", view: "current" },
  after: { kind: "point-of-contact", status: "outstanding", view: "missing" },
};

const deactivation: TimelineEntry = {
  on: "2026-12-06",
  at: "2026-12-06T14:33:05.011Z",
  kind: "contact",
  action: "contact.deactivate",
  source: { type: "contact", id: "c1" },
  actor: secretariat,
  correlationId: "req-1",
  reason,
};

const registered: TimelineEntry = {
  on: "2026-12-06",
  at: "2026-12-06T14:15:00.000Z",
  kind: "state",
  action: "registry.seed",
  source: { type: "state", id: "KEN" },
  actor: { kind: "system", id: "seed" },
};

describe("the timeline's lines", () => {
  it("folds the obligation's entry into the contact's entry of the same write: one line, the reason once", () => {
    expect(timelineLines([obligation, deactivation, registered])).toEqual([
      { entry: deactivation, consequence: obligation },
      { entry: registered },
    ]);
  });

  it("keeps the obligation's own line when no contact entry of its write is read", () => {
    const refresh = { ...obligation, actor: { kind: "system" as const, id: "seed" }, correlationId: "job-1" };
    expect(timelineLines([refresh, deactivation])).toEqual([{ entry: refresh }, { entry: deactivation }]);
    // Its contact's entry on an older page, not shown yet.
    expect(timelineLines([obligation, registered])).toEqual([{ entry: obligation }, { entry: registered }]);
    // Entries without a correlation id are never taken for one write.
    const { correlationId: _a, ...bare } = obligation;
    const { correlationId: _b, ...bareContact } = deactivation;
    expect(timelineLines([bare, bareContact])).toEqual([{ entry: bare }, { entry: bareContact }]);
  });

  it("does not fold another actor's obligation, nor two obligations into one contact's entry", () => {
    const colleague = { ...obligation, actor: { kind: "user" as const, id: "u2" } };
    expect(timelineLines([colleague, deactivation])).toHaveLength(2);
    const second = { ...obligation, at: "2026-12-06T14:33:05.013Z" };
    const lines = timelineLines([second, obligation, deactivation]);
    expect(lines).toHaveLength(2);
    expect(lines.filter((line) => line.consequence)).toHaveLength(1);
  });

  it("does not fold writes that share a caller's correlation id but not their moment, nor entries apart", () => {
    // A script gives one id to all its requests: a later change to the contact moved no obligation.
    const later = { ...deactivation, action: "contact.update", at: "2026-12-06T14:40:00.000Z" };
    expect(timelineLines([later, obligation, deactivation])).toEqual([
      { entry: later },
      { entry: deactivation, consequence: obligation },
    ]);
    expect(timelineLines([later, obligation])).toEqual([{ entry: later }, { entry: obligation }]);
    // Another entry between them: not one write read together.
    expect(timelineLines([obligation, registered, deactivation])).toHaveLength(3);
  });
});

describe("a wave's note that the State had no active point of contact", () => {
  const letter = (recipient: string, action: string, at = "2026-12-06T14:19:00.000Z"): TimelineEntry => ({
    on: at.slice(0, 10),
    at,
    kind: "letter",
    action,
    source: { type: "message", id: `W1/${recipient}` },
    actor: { kind: "system", id: "wave:W1" },
    after: { waveId: "W1", status: action.split(".")[1] },
  });
  const ownerRow = letter("owner:STATE:PRK", "letter.skipped");
  const mission = letter("C-PRK-M", "letter.sent", "2026-12-06T14:19:00.001Z");

  it("is said on the letter its Permanent Mission was written instead: one line, as the wave's page says it", () => {
    expect(timelineLines([mission, ownerRow, registered])).toEqual([
      { entry: mission, toMission: true },
      { entry: registered },
    ]);
  });

  it("keeps its own line when no letter of its wave is on the page, and never folds into another wave's", () => {
    expect(timelineLines([ownerRow])).toEqual([{ entry: ownerRow }]);
    const otherWave = { ...mission, source: { type: "message" as const, id: "W2/C-PRK-M" } };
    expect(timelineLines([otherWave, ownerRow])).toEqual([{ entry: otherWave }, { entry: ownerRow }]);
    // A contact skipped for its own reason is no owner row: it keeps its line beside the letter.
    const contactSkipped = letter("C-PRK-2", "letter.skipped");
    expect(timelineLines([mission, contactSkipped])).toHaveLength(2);
  });
});
