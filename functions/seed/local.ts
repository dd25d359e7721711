// The local stack's seed: what the deployed seed function adds (States, organizations, programme templates and
// years) and the demonstration data (submissions, contacts, assistance), each through its own use cases and audited
// as they are. Stages that touch no common item run side by side, so a first `npm start` is ready in seconds
// (ADR 0027); each stage says what it added when it ends.
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { seedDemoAssistance } from "#shared/assistance/seed-demo.ts";
import { systemActor } from "#shared/auth/actor.ts";
import type { Clock } from "#shared/clock.ts";
import { seedDemoContacts } from "#shared/contacts/seed-demo.ts";
import { seedOrganizations } from "#shared/organizations/seed.ts";
import { dynamoProgrammeStore } from "#shared/programme/store.ts";
import { programmeYears, seedProgrammeYears } from "#shared/programme/years.ts";
import { seedMissingStates } from "#shared/registry/seed.ts";
import { seedDemoSubmissions } from "#shared/reporting/seed-demo.ts";
import type { TableNames } from "#shared/tables.ts";
import { seedProgrammeTemplates } from "#shared/templates/programme-templates.ts";
import { templateRepository } from "#shared/templates/repository.ts";
import { seedStaffTemplates } from "#shared/templates/staff-templates.ts";
import { waveRepository } from "#shared/waves/repository.ts";
import { seedProgrammeFiles } from "../../events/programme-of-work/index.ts";

export interface LocalSeedOptions {
  doc: DynamoDBDocumentClient;
  tableNames: TableNames;
  clock: Clock;
  /** One line per stage as it ends, with what it added. */
  progress?: (line: string) => void;
}

export interface LocalSeed {
  created: number;
  existing: number;
  demoSubmissions: number;
  demoContacts: number;
  demoAssistanceRequests: number;
  /** The current programme year and its status (a draft rolled forward when none is adopted). */
  programme: { year: number; status: string; rolledFrom?: number };
}

const seconds = (started: number) => `${((performance.now() - started) / 1000).toFixed(1)} s`;

/** The programme templates left un-upgraded because a wave waits to send them (a later start upgrades them). */
const heldLine = (held: readonly string[]) =>
  held.length ? `, ${held.length} held while a wave waits to send them (${held.join(", ")})` : "";

export async function seedLocalDesk(opts: LocalSeedOptions): Promise<LocalSeed> {
  const { doc, tableNames, clock } = opts;
  const progress = opts.progress ?? (() => undefined);
  const stage = async <T>(work: () => Promise<T>, line: (result: T) => string): Promise<T> => {
    const started = performance.now();
    const result = await work();
    progress(`seed: ${line(result)} (${seconds(started)})`);
    return result;
  };

  const store = dynamoProgrammeStore(doc, tableNames, clock);
  // First what the rest needs (States, organizations), with what needs nothing (templates, programme years).
  const [registry] = await Promise.all([
    stage(
      () => seedMissingStates(doc, tableNames, clock),
      (r) => `${r.created.length} Member States with their obligations added, ${r.existing} already there`,
    ),
    stage(
      () => seedOrganizations(doc, tableNames, clock),
      (r) => `${r.created} organizations added, ${r.existing} already there`,
    ),
    // The programme's letters need their templates, as the deployed seed function adds them.
    stage(
      () =>
        seedProgrammeTemplates({
          templates: templateRepository(doc, tableNames, clock),
          waves: waveRepository(doc, tableNames, clock),
          clock,
        }),
      (r) => `${r.created.length} programme letter templates added, ${r.upgraded.length} upgraded${heldLine(r.held)}`,
    ),
    stage(
      () => seedStaffTemplates({ templates: templateRepository(doc, tableNames, clock), clock }),
      (r) => `${r.created.length} staff letter templates added, ${r.existing.length} already there`,
    ),
    stage(
      () => seedProgrammeYears(store, seedProgrammeFiles(), clock, { actor: systemActor("seed") }),
      (r) =>
        `${r.created.length} programme years added (${r.created.join(", ") || "none"})` +
        (r.upgraded.length ? `, ${r.upgraded.join(", ")} brought up to date from the bundled files` : ""),
    ),
  ]);

  // States added by this run have no submissions nor contacts yet: the checks for existing ones are skipped.
  const newStates = new Set(registry.created);
  // The demonstration set. Submissions touch reporting obligations and the State item, contacts the
  // point-of-contact obligation, assistance its own records and the assistance-feedback obligation: no item in
  // common, so they run side by side and write what they would one after another.
  const [submissions, contacts, assistance] = await Promise.all([
    stage(
      () => seedDemoSubmissions(doc, tableNames, clock, { newStates }),
      (r) => `${r.recorded} demonstration submissions recorded`,
    ),
    stage(
      () => seedDemoContacts(doc, tableNames, clock, { newStates }),
      (r) => `${r.created} demonstration contacts added (Permanent Missions included), ${r.existing} already there`,
    ),
    stage(
      () => seedDemoAssistance(doc, tableNames, clock),
      (r) =>
        `demonstration assistance: ${r.offers} offers, ${r.requests} requests, ${r.matches} matches, ` +
        `${r.feedback} feedback added`,
    ),
  ]);

  const current = await programmeYears({
    store,
    clock,
    templates: templateRepository(doc, tableNames, clock),
  }).current();
  return {
    created: registry.created.length,
    existing: registry.existing,
    demoSubmissions: submissions.recorded,
    demoContacts: contacts.created,
    demoAssistanceRequests: assistance.requests,
    programme: {
      year: current.file.year,
      status: current.status,
      ...(current.rolledFrom === undefined ? {} : { rolledFrom: current.rolledFrom }),
    },
  };
}
