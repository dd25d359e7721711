// A programme wave in the words members and experts read (audit 35, item 7): every programme letter named by what it
// is, to whom, its programme year and month, with no schedule key; and a draft's reasons saying what its letters lack
// and how to send them, never a wave's field path or a template's {{ }}.
import { describe, expect, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { addSeededTemplate, programmeTemplates } from "#shared/templates/programme-templates.ts";
import type { Template } from "#shared/templates/schemas.ts";
import { classifiedLetterIssues } from "#shared/waves/letter-check.ts";
import { type ProgrammeWave, programmeWaveInputSchema } from "#shared/waves/programme-wave-schema.ts";
import { heldReasons } from "#shared/waves/programme-wave-words.ts";
import { fireProgrammeWave, programmeWaveOf, programmeWaveZone } from "#shared/waves/programme-waves.ts";
import { programme } from "../../events/programme.ts";
import { inMemoryDispatchStores } from "../support/in-memory/dispatch.ts";
import { inMemoryTemplates } from "../support/in-memory/templates.ts";
import { inMemoryWaves } from "../support/in-memory/waves.ts";

const audit = { actor: systemActor("test") };

const scheduled = programme.schedules.flatMap((schedule) => {
  const input = programmeWaveInputSchema.safeParse(schedule.input).data?.programmeWave;
  return input ? [{ schedule, input }] : [];
});

/** The month of an AWS cron expression's runs, e.g. "9" for cron(0 9 ? 9 3#2 *). */
const monthOf = (expression: string) => Number(expression.replace(/^cron\(|\)$/g, "").split(/\s+/)[3]);

/** The wave a schedule's firing makes on the 10th of its month of 2026, in its zone. */
const firedIn2026 = ({ schedule, input }: (typeof scheduled)[number]) =>
  programmeWaveOf(
    input,
    new Date(`2026-${String(monthOf(schedule.expression)).padStart(2, "0")}-10T15:00:00Z`),
    programmeWaveZone(programme, input.key),
  );

/** What no reader should meet: a schedule key, a template id, an audience code, a field path, a placeholder. */
const DEVELOPER_WORDS = /programmeWave|values\.|\{\{|\}\}|programme-[a-z]|[a-z]+-[a-z]+-states|\bchair:/;

describe("a programme wave's name", () => {
  it.each(scheduled.map((letter) => [letter.input.key, letter] as const))(
    "%s: the letter by what it is, to whom, of its programme year, in its month",
    (key, letter) => {
      const { description } = firedIn2026(letter);
      expect(description).toMatch(/^The programme's [a-z].* of 2026 to .+ \((March|May|September)\)$/);
      expect(description).not.toContain(key);
      expect(description).not.toMatch(DEVELOPER_WORDS);
    },
  );

  it("tells every letter's wave of a year apart", () => {
    const names = scheduled.map((letter) => firedIn2026(letter).description);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain("The programme's point-of-contact update of 2026 to all Member States (March)");
    expect(names).toContain("The programme's point-of-contact update of 2026 to the organizations (March)");
  });

  it("says the calendar year of a January letter, which belongs to the programme year before", () => {
    const input: ProgrammeWave = {
      key: "first-report-request",
      templateId: "programme-first-report-request",
      audience: "non-reporting-states",
      notAfterHours: 72,
    };
    expect(programmeWaveOf(input, new Date("2027-01-15T14:00:00Z"), "America/New_York").description).toBe(
      "The programme's first report request of 2026 to the States without a first national report (January 2027)",
    );
  });

  it("calls a letter whose template is not a programme template a letter", () => {
    const input: ProgrammeWave = {
      key: "staff-written",
      templateId: "chad-visit",
      audience: "organizations",
      notAfterHours: 72,
    };
    expect(programmeWaveOf(input, new Date("2026-05-12T13:00:00Z"), "America/New_York").description).toBe(
      "The programme's letter of 2026 to the organizations (May)",
    );
  });
});

describe("a programme wave kept as a draft", () => {
  it("names the briefing's values not given and how to send the letter, with no field path or placeholder", async () => {
    // The second Tuesday of September 2026, 09:00 in New York: the States' invitation fires, no year gives values.
    const clock = fixedClock("2026-09-08T13:00:00Z");
    const templates = inMemoryTemplates(clock);
    for (const template of programmeTemplates)
      await addSeededTemplate({ templates }, template, clock.now().toISOString(), audit);
    const stores = inMemoryDispatchStores({ waves: inMemoryWaves(clock), templates, clock });
    const letter = scheduled.find(({ input }) => input.key === "open-briefing-invitation-states");
    if (!letter) throw new Error("no open-briefing-invitation-states schedule");
    const fired = await fireProgrammeWave(stores)(letter.input, letter.schedule.timezone ?? "UTC", audit);
    expect(fired.wave.value.status).toBe("draft");
    expect(fired.wave.value.description).toBe(
      "The programme's effective practices invitation of 2026 to all Member States (September): a draft, not sent: " +
        "the briefing's date, starting time and venue were not given; " +
        "to send it, compose a new wave with this template to this audience and give them there",
    );
    expect(fired.wave.value.description).not.toMatch(DEVELOPER_WORDS);
  });

  const at = "2027-03-01T00:00:00.000Z";
  const template = (subject: string, text: string): Pick<Template, "variants"> => ({
    variants: { en: { subject, text, html: `<p>${text}</p>` } },
  });
  const wave = { audience: "all-states" as const, sendInstant: "2027-03-09T13:00:00.000Z" };
  const reasonsFor = (letter: Pick<Template, "variants">, facts: Parameters<typeof heldReasons>[1]) =>
    heldReasons(classifiedLetterIssues(letter, facts, ""), facts);

  it("says a value given wrong with its own words, in the language it is given in", () => {
    const briefing = template("Open briefing", "On {{briefing.date|date}} in {{briefing.venue}}.");
    const venue = { ar: "4", zh: "4", en: "Room 4\nNorth Lawn", fr: "Salle 4", ru: "4", es: "Sala 4" };
    const reasons = reasonsFor(briefing, {
      ...wave,
      values: { "briefing.date": "2027-03-01", "briefing.venue": venue },
    });
    expect(reasons).toEqual([
      "the briefing's venue in English must be one line, without control characters",
      "the briefing's date 2027-03-01 is before the letters' date 2027-03-09 (New York)",
      "to send it, compose a new wave with this template to this audience and correct them there",
    ]);
  });

  it("names the Chair none is configured for, a value its audience's letters lack, and a person in the subject", () => {
    const letter = template("For {{contact.name}}", "{{committee.chair}} writes to {{state.name}}.");
    const reasons = reasonsFor(letter, { ...wave, audience: "organizations", sendInstant: at });
    expect(reasons).toEqual([
      "the Chair's name was not given (no Chair is configured for the letters' date 2027-02-28)",
      "to send it, compose a new wave with this template to this audience and give it there",
      "the template names the State's name, which its letters to the organizations do not have",
      expect.stringMatching(/^the template's subject uses the recipient's name: a subject is read by experts/),
    ]);
    for (const reason of reasons) expect(reason).not.toMatch(DEVELOPER_WORDS);
  });

  it("names the audience whose letters alone have a value, when the wave's do not", () => {
    const followUp = template("Follow-up", "{{assistance.followUps|list}}");
    expect(reasonsFor(followUp, wave)).toEqual([
      "the template names the assistance requests owed a follow-up, which only letters to the States owed a " +
        "follow-up on an assistance request have, not its letters to all Member States",
    ]);
  });
});
