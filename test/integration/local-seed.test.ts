// The local stack's seed runs its stages side by side, skips the reads a new State does not need, records the
// demonstration submissions many States at a time and writes the other stages' transactions a few at a time: it must
// still write exactly what the stages wrote one after another, each submission through `recordSubmission` on its own
// and every other transaction one at a time, as `npm start` seeded before (ADRs 0027, 0030 and 0037), and say what it
// did.
import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoAssistance } from "#shared/assistance/seed-demo.ts";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { seedDemoContacts } from "#shared/contacts/seed-demo.ts";
import { ACTING_WRITES } from "#shared/organizations/acting-writes.ts";
import { dynamoProgrammeStore } from "#shared/programme/store.ts";
import { seedProgrammeYears } from "#shared/programme/years.ts";
import { loadMemberStates } from "#shared/registry/member-states.ts";
import { registryRepository } from "#shared/registry/repository.ts";
import { seedRegistry } from "#shared/registry/seed.ts";
import { DEMO_NOTE, demoSubmissions } from "#shared/reporting/public-status.ts";
import { reportingRepository } from "#shared/reporting/repository.ts";
import { recordSubmission } from "#shared/reporting/submissions.ts";
import { seedProgrammeTemplates } from "#shared/templates/programme-templates.ts";
import { templateRepository } from "#shared/templates/repository.ts";
import { seedStaffTemplates } from "#shared/templates/staff-templates.ts";
import { waveRepository } from "#shared/waves/repository.ts";
import { seedProgrammeFiles } from "../../events/programme-of-work/index.ts";
import { seedLocalDesk } from "../../functions/seed/local.ts";
import { freshTables } from "./fresh-tables.ts";

const clock = fixedClock("2026-11-27T09:00:00Z");
type Setup = Awaited<ReturnType<typeof freshTables>>;

/** The demonstration submissions one `recordSubmission` at a time, as the seed recorded them before ADR 0030. */
async function demoSubmissionsOneByOne({ doc, tableNames }: Setup): Promise<void> {
  const deps = {
    registry: registryRepository(doc, tableNames, clock),
    reporting: reportingRepository(doc, tableNames, clock),
    clock,
  };
  const states = loadMemberStates();
  const languageOf = new Map(states.map((state) => [state.iso3, state.language]));
  for (const { iso3, ...input } of demoSubmissions(states.map((state) => state.iso3))) {
    const language = languageOf.get(iso3) ?? "en";
    await recordSubmission(deps)(
      iso3,
      { ...input, language, note: DEMO_NOTE, demo: true },
      {
        actor: systemActor("seed-demo"),
      },
    );
  }
}

/** The stages one after another, as the local stack seeded before ADR 0027, each submission on its own. */
async function seedOneAfterAnother(setup: Setup): Promise<void> {
  const { doc, tableNames } = setup;
  await seedRegistry(doc, tableNames, clock);
  await demoSubmissionsOneByOne(setup);
  await seedDemoContacts(doc, tableNames, clock, { concurrency: 1 });
  // One record per transaction (as before ADR 0043), one transaction at a time (as before ADR 0037).
  await seedDemoAssistance(doc, tableNames, clock, { concurrency: 1, grouped: false });
  await seedProgrammeTemplates({
    templates: templateRepository(doc, tableNames, clock),
    waves: waveRepository(doc, tableNames, clock),
    clock,
  });
  await seedStaffTemplates({ templates: templateRepository(doc, tableNames, clock), clock });
  const store = dynamoProgrammeStore(doc, tableNames, clock);
  await seedProgrammeYears(store, seedProgrammeFiles(), clock, { actor: systemActor("seed") });
}

// Generated ids (ULIDs, and the audit keys made of them) differ from run to run; times come from the fixed clock.
const GENERATED_ID = /\b[0-9A-HJKMNP-TV-Z]{26}\b/g;

// An obligation's revision counts its writes: many submissions recorded in one step move it once, one by one once
// each, so only the revision may differ; what the obligation says (status, count, dates) must not.
const isObligation = (value: object) => "kind" in value && "submissions" in value && "mandatory" in value;

// An organization's acting writes count transactions that acted for it (ADR 0061), and grouped records share one: only
// whether any did must agree.

function normalized(value: unknown): unknown {
  if (typeof value === "string") return value.replace(GENERATED_ID, "<id>");
  if (Array.isArray(value)) return value.map(normalized);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== "revision" || !isObligation(value))
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, inner]) => [key, key === ACTING_WRITES ? Number(inner) > 0 : normalized(inner)]),
    );
  }
  return value;
}

/** Every item of both tables, normalized and sorted: two seeds that wrote the same give equal dumps. */
async function dump({ doc, tableNames }: Setup): Promise<Record<string, string[]>> {
  const tables: Record<string, string[]> = {};
  for (const [id, name] of Object.entries(tableNames)) {
    const lines: string[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await doc.send(new ScanCommand({ TableName: name, ExclusiveStartKey: startKey }));
      for (const item of page.Items ?? []) lines.push(JSON.stringify(normalized(item)));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    tables[id] = lines.sort();
  }
  return tables;
}

let before: Record<string, string[]>;
let after: Record<string, string[]>;
let local: Setup;
let progress: string[];
let seeded: Awaited<ReturnType<typeof seedLocalDesk>>;
/** The local seed's requests by command, and the items of each of its transactions (counted until it ends). */
const counted = { seeding: true, sent: new Map<string, number>(), transactionItems: [] as number[] };

beforeAll(async () => {
  const reference = await freshTables();
  local = await freshTables();
  local.client.middlewareStack.add(
    (next, context) => async (args) => {
      if (counted.seeding) {
        const command = (context.commandName ?? "").replace(/Command$/, "");
        counted.sent.set(command, (counted.sent.get(command) ?? 0) + 1);
        const { TransactItems } = args.input as { TransactItems?: unknown[] };
        if (TransactItems) counted.transactionItems.push(TransactItems.length);
      }
      return next(args);
    },
    { step: "initialize", name: "countSeedRequests" },
  );
  const lines: string[] = [];
  [, seeded] = await Promise.all([
    seedOneAfterAnother(reference),
    seedLocalDesk({ ...local, clock, progress: (line) => lines.push(line) }).finally(() => {
      counted.seeding = false;
    }),
  ]);
  progress = lines;
  [before, after] = await Promise.all([dump(reference), dump(local)]);
}, 600_000);

describe("the local stack's seed", () => {
  it("writes exactly the items of both tables that the stages wrote one after another", () => {
    expect(after.desk?.length).toBeGreaterThan(3000);
    expect(after.audit?.length).toBeGreaterThan(500);
    expect(after.desk).toEqual(before.desk);
    expect(after.audit).toEqual(before.audit);
  });

  it("says what each stage added, with its counts", () => {
    expect(seeded).toMatchObject({ created: 193, existing: 0, demoSubmissions: 357, demoContacts: 402 });
    const expected = [
      /^seed: 193 Member States with their obligations added, 0 already there \(\d+\.\d s\)$/,
      /^seed: 25 organizations added, 0 already there \(/,
      /^seed: 7 programme letter templates added, 0 upgraded \(/,
      /^seed: 1 staff letter templates added, 0 already there \(/,
      /^seed: 2 programme years added \(2023, 2024\) \(/,
      /^seed: 357 demonstration submissions recorded \(/,
      /^seed: 402 demonstration contacts added \(Permanent Missions included\), 0 already there \(/,
      /^seed: demonstration assistance: 72 offers, 24 requests, 15 matches, 2 feedback added \(/,
    ];
    expect(progress).toHaveLength(expected.length);
    for (const pattern of expected) expect(progress.some((line) => pattern.test(line))).toBe(true);
  });

  it("writes a fresh desk in few transactions, several records to each (ADRs 0037 and 0043)", () => {
    const { sent, transactionItems } = counted;
    const total = [...sent.values()].reduce((sum, count) => sum + count, 0);
    // 313 requests and 164 transactions before ADR 0043 grouped the demo assistance (98 transactions of 2 to 9 items).
    // Two more since the staff letter template: its read, and its write with its audit entry (one transaction). One
    // more since each offer's content is guarded (3 items an offer: 72 offers in 3 transactions, not 2). One more since
    // each seeded State and organization has its own audit entry (ADR 0057: 193 more items in the registry's). Two more
    // since the outreach letter's template (ADR 0019): its read, and its write with its audit entry.
    expect(total).toBeLessThanOrEqual(228);
    expect(sent.get("TransactWriteItems")).toBeLessThanOrEqual(77);
    expect(transactionItems).toHaveLength(sent.get("TransactWriteItems") ?? 0);
    expect(Math.max(...transactionItems)).toBeLessThanOrEqual(100);
    expect(transactionItems.filter((items) => items <= 3).length).toBeLessThanOrEqual(12);
  });

  it("adds nothing on a second run, and says so", async () => {
    const lines: string[] = [];
    const again = await seedLocalDesk({ ...local, clock, progress: (line) => lines.push(line) });
    expect(again).toMatchObject({ created: 0, existing: 193, demoSubmissions: 0, demoContacts: 0 });
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^seed: 0 Member States with their obligations added, 193 already/),
      ]),
    );
    expect(await dump(local)).toEqual(after);
  }, 300_000);
});
