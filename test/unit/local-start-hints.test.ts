// What `npm start`, `npm run fire` and `npm run console:build` print for a person to read or paste: commands that reach
// this stack (its data folder, its ports), paths as they are, the schedule table, a target's refusal, a build's outcome.
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DispatchTooEarly } from "#shared/waves/rules.ts";
import { WAVE_SWEEP_SCHEDULE } from "#shared/waves/sweep.ts";
import { buildReport } from "../../console/build/build.ts";
import { DEFAULT_DATA_DIR, envPrefix, REPO_ROOT, shownPath } from "../../infra/local/prelude.ts";
import { type LocalScheduler, scheduleTable, startScheduler, targetFailure } from "../../infra/local/scheduler.ts";

describe("the prefix a printed command needs to reach this stack", () => {
  it("is nothing when every setting is its default", () => {
    expect(envPrefix({})).toBe("");
    expect(envPrefix({ dataDir: DEFAULT_DATA_DIR, ports: { dynamodb: 8540, ses: 8005 } })).toBe("");
    expect(envPrefix({ dataDir: ".local" })).toBe("");
  });

  it("names each setting that differs, with its value, and only those", () => {
    expect(envPrefix({ dataDir: "/srv/desk data" })).toBe("LOCAL_DATA_DIR='/srv/desk data' ");
    expect(envPrefix({ dataDir: join(REPO_ROOT, ".local-two") })).toBe("LOCAL_DATA_DIR=.local-two ");
    expect(envPrefix({ ports: { dynamodb: 9540, ses: 8005 } })).toBe("DYNAMODB_PORT=9540 ");
    expect(envPrefix({ ports: { dynamodb: 9540, ses: 9005 } })).toBe("DYNAMODB_PORT=9540 SES_PORT=9005 ");
  });
});

describe("a path as the start-up lines print it", () => {
  it("is relative inside the checkout and absolute elsewhere", () => {
    expect(shownPath(join(DEFAULT_DATA_DIR, "dynamodb"))).toBe(join(".local", "dynamodb"));
    expect(shownPath("/tmp/x/dynamodb")).toBe("/tmp/x/dynamodb");
    expect(shownPath(join(REPO_ROOT, "..", "elsewhere"))).toBe(join(REPO_ROOT, "..", "elsewhere"));
  });
});

describe("the banner's schedule table", () => {
  let scheduler: LocalScheduler | undefined;
  afterEach(async () => {
    await scheduler?.stop();
    scheduler = undefined;
  });

  it("lists the wave sweep the stack adds, and sizes each column to its longest entry", () => {
    scheduler = startScheduler({
      programme: {
        year: 2027,
        schedules: [
          {
            id: "point-of-contact-update-organizations",
            description: "long id",
            expression: "cron(0 9 15 1 ? *)",
            timezone: "America/New_York",
            target: "contact-update",
            input: {},
          },
        ],
      },
      targets: { "contact-update": async () => undefined, "wave-sweep": async () => undefined },
      log: () => undefined,
    });
    scheduler.add(WAVE_SWEEP_SCHEDULE);
    const lines = scheduleTable(scheduler.runs());
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^ {4}point-of-contact-update-organizations cron\(0 9 15 1 \? \*\) -> contact-update /);
    expect(lines[1]).toMatch(
      /^ {4}wave-sweep {28}rate\(15 minutes\) {3}-> wave-sweep {5}\d{4}-\d\d-\d\d \d\d:\d\d UTC/,
    );
    const arrows = lines.map((line) => line.indexOf("->"));
    expect(arrows[0]).toBe(arrows[1]);
  });
});

describe("a target's failure under npm run fire", () => {
  it("is one line, the message, when the desk refused on purpose", () => {
    const refusal = new DispatchTooEarly("w1", "2027-01-05T14:00:00.000Z", "2027-01-05T13:00:00.000Z");
    expect(targetFailure("wave-dispatch", refusal)).toBe(
      "wave-dispatch refused: Wave w1 sends at 2027-01-05T14:00:00.000Z; " +
        "a dispatch at 2027-01-05T13:00:00.000Z is too early and did nothing",
    );
  });

  it("keeps the stack of an unexpected error", () => {
    const line = targetFailure("wave-dispatch", new TypeError("x is undefined"));
    expect(line).toMatch(/^wave-dispatch failed: TypeError: x is undefined\n\s+at /);
  });
});

describe("npm run console:build's line", () => {
  it("says the console is up to date, or what it built and how long it took", () => {
    const dist = join(REPO_ROOT, "console", "dist");
    expect(buildReport(dist, { built: false, ms: 0 })).toBe(
      "console: up to date (console/dist, built from the current sources)",
    );
    expect(buildReport(dist, { built: true, ms: 4210 })).toBe(
      "console: built console/dist in 4.2 s (no build there was from the current sources)",
    );
  });
});
