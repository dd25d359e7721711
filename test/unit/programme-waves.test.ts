// The programme's recurring letters: every wave-dispatch input in events/programme.json is a valid programme wave
// whose template exists among the seeded programme templates and names only values its audience has; the year's
// wave is named, dated and bounded in the schedule's own zone.
import { describe, expect, it } from "vitest";
import { addDays } from "#shared/assistance/dates.ts";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { audienceSchema } from "#shared/correspondence/schemas.ts";
import { programmeTemplates, seedProgrammeTemplates } from "#shared/templates/programme-templates.ts";
import { assertValidTemplate } from "#shared/templates/rules.ts";
import { placeholdersOf, type TemplateVariable } from "#shared/templates/variables.ts";
import { type ProgrammeWave, programmeWaveInputSchema } from "#shared/waves/programme-wave-schema.ts";
import {
  DEFAULT_PROGRAMME_ZONE,
  programmeWaveOf,
  programmeWaveZone,
  wallClock,
} from "#shared/waves/programme-waves.ts";
import type { Wave } from "#shared/waves/schemas.ts";
import { programme } from "../../events/programme.ts";
import { waveDispatchEventSchema } from "../../functions/wave-dispatch/app.ts";
import { inMemoryTemplates } from "../support/in-memory/templates.ts";
import { inMemoryWaves } from "../support/in-memory/waves.ts";

const fixture = {
  programmeWave: {
    key: "first-report-request",
    templateId: "programme-first-report-request",
    audience: "non-reporting-states",
    notAfterHours: 72,
    deadlineDays: 90,
  },
};

const programmeWaves = programme.schedules.filter((schedule) => schedule.target === "wave-dispatch");

/** The values every recipient of an audience has (dispatch.ts): a State's facts only when all are States. */
function valuesOf(audience: ProgrammeWave["audience"], deadline: boolean): Set<TemplateVariable> {
  const values: TemplateVariable[] = [
    "committee.name",
    "wave.sendDate",
    "contact.name",
    "contacts.onRecord",
    "offers.onRecord",
  ];
  // The open briefing's date, time and venue only the Committee can set: a firing without them is refused.
  values.push("briefing.date", "briefing.time", "briefing.venue");
  if (deadline) values.push("deadline");
  const statesOnly = audience.endsWith("-states") || audience === "states-with-pending-requests";
  if (statesOnly) values.push("state.name", "state.nameInText", "state.iso3");
  if (audience === "organizations") values.push("organization.name", "organization.acronym");
  return new Set(values);
}

function variablesOf(templateId: string): TemplateVariable[] {
  const template = programmeTemplates.find((candidate) => candidate.id === templateId);
  if (!template) throw new Error(`no programme template ${templateId}`);
  return Object.values(template.variants).flatMap((variant) =>
    variant ? [variant.subject, variant.text, variant.html].flatMap((part) => placeholdersOf(part, "").names) : [],
  );
}

describe("the programme's wave-dispatch schedules", () => {
  it("accepts the documented input shape", () => {
    expect(programmeWaveInputSchema.parse(fixture)).toEqual(fixture);
    expect(waveDispatchEventSchema.safeParse(fixture).success).toBe(true);
    expect(waveDispatchEventSchema.safeParse({ waveId: "01JNZ8WAVE" }).success).toBe(true);
  });

  it("refuses a malformed programme wave with the field at fault", () => {
    const bad = { programmeWave: { ...fixture.programmeWave, audience: "everyone", notAfterHours: 0 } };
    const paths = programmeWaveInputSchema.safeParse(bad).error?.issues.map((issue) => issue.path.join("."));
    expect(paths).toEqual(["programmeWave.audience", "programmeWave.notAfterHours"]);
    expect(waveDispatchEventSchema.safeParse({ waveId: "x", extra: 1 }).success).toBe(false);
    expect(waveDispatchEventSchema.safeParse({}).success).toBe(false);
  });

  it.each(programmeWaves.map((schedule) => [schedule.id, schedule] as const))(
    "%s: a valid programme wave, its template seeded, naming only values its audience has",
    (_, schedule) => {
      const { programmeWave } = programmeWaveInputSchema.parse(schedule.input);
      expect(audienceSchema.options).toContain(programmeWave.audience);
      const available = valuesOf(programmeWave.audience, programmeWave.deadlineDays !== undefined);
      for (const variable of variablesOf(programmeWave.templateId)) {
        expect(available, `${programmeWave.templateId} uses {{${variable}}}`).toContain(variable);
      }
      expect(programmeWaveZone(programme, programmeWave.key)).toBe(schedule.timezone);
    },
  );

  it("gives every programme wave its own key (one wave per letter and year)", () => {
    const keys = programmeWaves.map((schedule) => programmeWaveInputSchema.parse(schedule.input).programmeWave.key);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("the third quarter's letter to the States (Annex II, September; Annex I, paragraph 7)", () => {
  /** The month of an AWS cron expression's runs, e.g. "9" for cron(0 9 ? 9 3#2 *). */
  const monthOf = (expression: string) => expression.replace(/^cron\(|\)$/g, "").split(/\s+/)[3];
  const toStates = programmeWaves.filter(
    (schedule) => programmeWaveInputSchema.parse(schedule.input).programmeWave.audience === "all-states",
  );

  it("is one letter, in September: no other letter goes to every State from July to September", () => {
    const thirdQuarter = toStates.filter((schedule) => ["7", "8", "9"].includes(monthOf(schedule.expression) ?? ""));
    expect(thirdQuarter.map((schedule) => [schedule.id, monthOf(schedule.expression)])).toEqual([
      ["open-briefing-invitation-states", "9"],
    ]);
  });

  it("invites the State to the open briefing and encourages it to share experiences, lessons learned and best practices", () => {
    const [september] = toStates.filter((schedule) => schedule.id === "open-briefing-invitation-states");
    const { templateId } = programmeWaveInputSchema.parse(september?.input).programmeWave;
    expect(variablesOf(templateId)).toEqual(
      expect.arrayContaining(["briefing.date", "briefing.time", "briefing.venue"]),
    );
    const english = programmeTemplates.find((template) => template.id === templateId)?.variants.en?.text ?? "";
    expect(english).toMatch(/open briefing/);
    expect(english).toMatch(/experiences, lessons learned and best practices/);
  });
});

describe("the programme templates", () => {
  it.each(programmeTemplates.map((template) => [template.id, template] as const))(
    "%s is valid in the six languages, the five translations drafts awaiting review",
    (id, template) => {
      expect(() => assertValidTemplate(template)).not.toThrow();
      expect(id).toBe(`programme-${template.kind}`);
      expect(template.fallbackLanguage).toBe("en");
      expect(Object.keys(template.variants).sort()).toEqual(["ar", "en", "es", "fr", "ru", "zh"]);
      const drafts = Object.entries(template.variants).filter(([, variant]) => variant?.reviewed === false);
      expect(drafts.map(([language]) => language).sort()).toEqual(["ar", "es", "fr", "ru", "zh"]);
    },
  );

  it("writes to organizations without naming a State", () => {
    for (const id of [
      "programme-point-of-contact-update",
      "programme-provider-offer-update",
      "programme-open-briefing-invitation",
    ]) {
      expect(variablesOf(id).filter((name) => name.startsWith("state."))).toEqual([]);
    }
  });
});

describe("the seed's upgrade of a programme template nobody edited", () => {
  const JULY = "programme-effective-practices-invitation";
  const audit = { actor: systemActor("test") };
  const earlier = {
    subject: "1540 Committee: sharing experiences and effective practices — {{state.name}}",
    text: "The Committee invites States to share their experiences, by {{deadline|date}}.",
    html: "<p>The Committee invites States to share their experiences, by {{deadline|date}}.</p>",
  };

  /** A desk seeded before the third-quarter letter was September's: it holds the July letter, asking a deadline. */
  async function earlierDesk() {
    const clock = fixedClock("2026-12-03T15:00:00Z");
    const templates = inMemoryTemplates(clock);
    const waves = inMemoryWaves(clock);
    const now = clock.now().toISOString();
    for (const template of programmeTemplates) {
      // The earlier seed's July letter, as a deployed desk still holds it (version 1: nobody edited it).
      const stored =
        template.id === JULY
          ? {
              ...template,
              description: "Third quarter: to every State, an invitation to share",
              variants: { en: earlier },
            }
          : template;
      await templates.create({ ...stored, createdAt: now, updatedAt: now }, audit);
    }
    /** A staff wave of the July letter, giving the deadline it asks and none of today's briefing values. */
    const waveOfJuly = (id: string, status: Wave["status"]) =>
      waves.create(
        {
          id,
          templateId: JULY,
          audience: "all-states",
          sendAt: "2027-07-01T09:00",
          timeZone: "America/New_York",
          sendInstant: "2027-07-01T13:00:00.000Z",
          notAfter: "2027-07-04T13:00:00.000Z",
          deadline: "2027-09-30",
          status,
          createdAt: now,
          updatedAt: now,
        },
        audit,
      );
    return { deps: { templates, waves, clock }, waveOfJuly };
  }

  it("replaces the third-quarter letter with September's, keeping the others, when no wave waits to send it", async () => {
    const { deps, waveOfJuly } = await earlierDesk();
    // A draft is checked when it is scheduled, a finished wave sends nothing more.
    await waveOfJuly("W-draft", "draft");
    await waveOfJuly("W-completed", "completed");
    const result = await seedProgrammeTemplates(deps);
    expect(result).toMatchObject({ created: [], upgraded: [JULY], held: [] });
    const upgraded = await deps.templates.get(JULY);
    expect(upgraded?.version).toBe(2);
    expect(upgraded?.value.variants.en?.text).toMatch(/open briefing .* on \{\{briefing\.date\|date\}\}/);
  });

  it("holds it as it is while a wave of it is scheduled or dispatching, and upgrades it on a seed after", async () => {
    const { deps, waveOfJuly } = await earlierDesk();
    const scheduled = await waveOfJuly("W-scheduled", "scheduled");
    const dispatching = await waveOfJuly("W-dispatching", "dispatching");
    const before = await deps.templates.get(JULY);
    const result = await seedProgrammeTemplates(deps);
    expect(result).toMatchObject({ created: [], upgraded: [], held: [JULY] });
    expect(result.existing).not.toContain(JULY);
    expect(await deps.templates.get(JULY)).toEqual(before);

    // The scheduled wave cancelled, the dispatching one still renders the letter as it stands.
    await deps.waves.move(scheduled, 1, { ...scheduled.value, status: "cancelled" }, audit);
    expect((await seedProgrammeTemplates(deps)).held).toEqual([JULY]);
    await deps.waves.move(dispatching, 1, { ...dispatching.value, status: "completed" }, audit);
    expect(await seedProgrammeTemplates(deps)).toMatchObject({ upgraded: [JULY], held: [] });
    expect((await deps.templates.get(JULY))?.version).toBe(2);
  });

  it("reads the waiting waves once, however many templates it upgrades", async () => {
    const clock = fixedClock("2026-12-03T15:00:00Z");
    const templates = inMemoryTemplates(clock);
    const waves = inMemoryWaves(clock);
    const now = clock.now().toISOString();
    for (const template of programmeTemplates) {
      const earlierText = { ...template, description: `${template.description} (as an earlier seed wrote it)` };
      await templates.create({ ...earlierText, createdAt: now, updatedAt: now }, audit);
    }
    const reads: string[] = [];
    const counted = {
      ...waves,
      inStatus: (status: Wave["status"]) => {
        reads.push(status);
        return waves.inStatus(status);
      },
      inStatusSince: (status: Wave["status"], movedBefore: string) => {
        reads.push(status);
        return waves.inStatusSince(status, movedBefore);
      },
    };
    const result = await seedProgrammeTemplates({ templates, waves: counted, clock });
    expect(result.upgraded).toEqual(programmeTemplates.map(({ id }) => id));
    expect(reads.sort()).toEqual(["dispatching", "scheduled"]);
  });
});

describe("the year's wave of a programme letter", () => {
  const input: ProgrammeWave = fixture.programmeWave as ProgrammeWave;

  it("is <key>-<year>, sent now, with its deadline and not-after counted in the schedule's zone", () => {
    // 10 March 2026, 09:00 in New York (EDT since 8 March): 13:00 UTC.
    const wave = programmeWaveOf(input, new Date("2026-03-10T13:00:00Z"), "America/New_York");
    expect(wave).toMatchObject({
      id: "first-report-request-2026",
      templateId: "programme-first-report-request",
      audience: "non-reporting-states",
      sendAt: "2026-03-10T09:00",
      timeZone: "America/New_York",
      sendInstant: "2026-03-10T13:00:00.000Z",
      notAfter: "2026-03-13T13:00:00.000Z",
      deadline: "2026-06-08",
      status: "dispatching",
    });
  });

  it("takes the year and date of the zone, not of UTC", () => {
    // 1 January 2027 03:00 UTC is still 31 December 2026 in New York.
    const wave = programmeWaveOf(input, new Date("2027-01-01T03:00:00Z"), "America/New_York");
    expect(wave.id).toBe("first-report-request-2026");
    expect(wave.sendAt).toBe("2026-12-31T22:00");
    expect(wallClock(new Date("2027-01-01T03:00:00Z"), "Asia/Tokyo")).toEqual({
      date: "2027-01-01",
      time: "12:00",
      year: 2027,
    });
  });

  it("belongs to the programme year it is sent in: a January letter to the year before (February to January)", () => {
    // 15 January 2027 in New York is in the 2026 programme year, whose calendar links the wave <key>-2026.
    expect(programmeWaveOf(input, new Date("2027-01-15T14:00:00Z"), "America/New_York").id).toBe(
      "first-report-request-2026",
    );
    expect(programmeWaveOf(input, new Date("2027-02-01T14:00:00Z"), "America/New_York").id).toBe(
      "first-report-request-2027",
    );
  });

  it("has no deadline when the programme gives no deadlineDays", () => {
    const { deadlineDays: _, ...withoutDeadline } = input;
    expect(programmeWaveOf(withoutDeadline, new Date("2026-03-10T13:00:00Z"), "UTC")).not.toHaveProperty("deadline");
  });

  it("counts deadline days across months and leap days", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-12-15", 30)).toBe("2027-01-14");
  });

  it("falls back to the secretariat's zone for a key no schedule names", () => {
    expect(programmeWaveZone(programme, "not-in-the-programme")).toBe(DEFAULT_PROGRAMME_ZONE);
  });
});
