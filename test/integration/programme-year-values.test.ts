// A programme year's own letter values on DynamoDB Local and the SES emulator: given with PUT /programme/{year},
// served by GET /programme, read by wave-dispatch when the September schedule fires, and rendered in the letters;
// refused on a manual letter.
import { randomUUID } from "node:crypto";
import { Logger } from "@aws-lambda-powertools/logger";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { createContact } from "#shared/contacts/contacts.ts";
import type { WaveDispatchStores } from "#shared/correspondence/dispatch-dependencies.ts";
import { correspondenceMailer } from "#shared/correspondence/ses-sender.ts";
import { createRouter } from "#shared/http/router.ts";
import type { ProgrammeFile, ProgrammeView } from "#shared/programme/schemas.ts";
import { dynamoProgrammeStore } from "#shared/programme/store.ts";
import { seedProgrammeYears } from "#shared/programme/years.ts";
import { seedProgrammeTemplates } from "#shared/templates/programme-templates.ts";
import { programme as schedules } from "../../events/programme.ts";
import { seedProgrammeFiles } from "../../events/programme-of-work/index.ts";
import { reportsRoutes } from "../../functions/api/reports.ts";
import { routerCaller } from "../support/api-event.ts";
import { pipelineLambdas, seededStores } from "../support/pipeline.ts";

// Tuesday 8 September 2026, 09:00 in New York: the States' September letter's firing.
const clock = fixedClock("2026-09-08T13:00:00.000Z");
const email = `gmb-${randomUUID().slice(0, 8)}@year-values.example`;
const STATES = "open-briefing-invitation-states";
const briefing = { "briefing.date": "2026-10-15", "briefing.time": "10:00", "briefing.venue": "Conference Room 4" };

let deps: WaveDispatchStores & { programmes: ReturnType<typeof dynamoProgrammeStore> };
let call: ReturnType<typeof routerCaller>;

beforeAll(async () => {
  const seeded = await seededStores(clock);
  const programmes = dynamoProgrammeStore(seeded.setup.doc, seeded.setup.tableNames, clock);
  deps = { ...seeded.deps, programmes };
  await seedProgrammeYears(programmes, seedProgrammeFiles(), clock, { actor: systemActor("seed") });
  await seedProgrammeTemplates(deps);
  await createContact(deps)(
    { owner: "STATE:GMB", role: "capital-poc", name: "Poc GMB", email, language: "en" },
    { actor: systemActor("test") },
  );
  call = routerCaller(
    createRouter(reportsRoutes({ ...seeded.setup, clock }), new Logger({ logLevel: "SILENT" })),
    "secretariat",
  );
}, 120_000);

/** The year's file with `values` on the letters `pick` chooses. */
function givingValues(file: ProgrammeFile, pick: (letter: { waveKey: string; manual?: boolean }) => boolean) {
  return {
    ...file,
    activities: file.activities.map((activity) =>
      activity.letters
        ? {
            ...activity,
            letters: activity.letters.map((letter) => (pick(letter) ? { ...letter, values: briefing } : letter)),
          }
        : activity,
    ),
  };
}

/** PUT /programme/2026 of the year as GET gives it, with values on the letters `pick` chooses. */
async function putWithValues(pick: (letter: { waveKey: string; manual?: boolean }) => boolean) {
  const file = (await call({ path: "/programme/2026" })).body.programme as ProgrammeFile;
  return call({ method: "PUT", path: "/programme/2026", ifMatch: '"0"', body: givingValues(file, pick) });
}

describe("a programme year's letter values", () => {
  it("are refused with 422 at their path on a manual letter", async () => {
    const answer = await putWithValues((letter) => letter.manual === true);
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({
      errors: [{ path: expect.stringMatching(/^body\.activities\.\d+\.letters\.\d+\.values$/) }],
    });
  });

  it("are stored by PUT and served by GET /programme", async () => {
    const put = await putWithValues((letter) => letter.waveKey === STATES);
    expect(put.status).toBe(200);
    const view = (await call({ path: "/programme", query: "year=2026" })).body as ProgrammeView;
    const letters = view.activities.flatMap((activity) => activity.letters ?? []);
    expect(letters.find((letter) => letter.waveKey === STATES)?.values).toEqual(briefing);
  });

  it("go into the wave the September schedule makes, and its letters say the briefing's day", async () => {
    const schedule = schedules.schedules.find((candidate) => candidate.id === STATES);
    const pipeline = pipelineLambdas(deps, {
      clock,
      mailer: correspondenceMailer({ region: "us-east-1", endpoint: inject("sesEndpoint"), from: "desk@desk.example" }),
    });
    const fired = await pipeline.dispatch(schedule?.input);
    expect(fired).toMatchObject({ waveId: `${STATES}-2026`, status: "dispatching", created: true });
    expect((await deps.waves.get(`${STATES}-2026`))?.value.values).toEqual(briefing);
    await pipeline.drain();
    const store = (await (await fetch(`${inject("sesEndpoint")}/store`)).json()) as {
      emails: { destination: { to: string[] }; body: { text?: string } }[];
    };
    const [letter, ...more] = store.emails.filter((mail) => mail.destination.to.includes(email));
    expect(more).toEqual([]);
    expect(letter?.body.text).toContain("15 October 2026");
    expect(letter?.body.text).toContain("Conference Room 4");
  });
});
