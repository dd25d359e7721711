// Seeds demonstration contacts (local stack and tests only; a deployment starts with none), consistent with the
// public figure of 123 States with a point of contact (August 2020; ../shared/research/domain-1540.md section 1).
//
// Real: the figure 123. Not public: which States, and any person's details (the list of PoCs is not published).
// So every demo contact is fictional: invented names ("Robin Placeholder"), addresses at the reserved domain
// example.org, telephone numbers in the 555-01xx range reserved for fiction, `demo: true`. Which States have one
// is chosen by a stable hash, so every machine seeds the same people; dates count back from the clock's today.
//
// Every State also gets its Permanent Mission to the United Nations as an address of record (role
// permanent-mission), where a letter goes when no point of contact is reachable. Those addresses are placeholders
// too, one reserved `.example` domain per State (`mission@tcd-mission.example`), marked `demo: true`: the real
// addresses of the 193 Missions must be entered by the secretariat before any letter goes out
// (docs/data/permanent-missions.SOURCES.md).
import { createHash } from "node:crypto";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { systemActor } from "../auth/actor.ts";
import { type Clock, deskToday } from "../clock.ts";
import { eachLimited } from "../concurrency.ts";
import { stateNamesInTextOf } from "../locale/names.ts";
import { type CatalogueOrganization, loadOrganizations } from "../organizations/catalogue.ts";
import { seedOrganizations } from "../organizations/seed.ts";
import { loadMemberStates, type MemberState } from "../registry/member-states.ts";
import type { TableNames } from "../tables.ts";
import { writeContactChanges } from "./batch.ts";
import { refreshPointOfContact } from "./contacts.ts";
import { contactDependencies } from "./dependencies.ts";
import type { Contact, ContactRole, EmailStatus } from "./schemas.ts";

/** How the 193 States stand in the demo set. */
export const demoFigures = {
  /** States with at least one active contact: the public figure (2020). */
  statesWithContact: 123,
  /** Of those: every active contact bounced or otherwise unusable. */
  unreachable: 10,
  /** Of those: working addresses, none verified for 12 months. */
  stale: 15,
  /** The rest of the 123 are current. */
  current: 98,
  /** States whose only contact was deactivated: no active contact, so missing (with the States that have none). */
  formerOnly: 5,
} as const;

/** FNV-1a: a stable hash, so every machine seeds the same demo set. */
function hash(text: string): number {
  let value = 2166136261;
  for (const char of text) value = Math.imul(value ^ char.charCodeAt(0), 16777619) >>> 0;
  return value;
}

const shuffled = <T>(items: readonly T[], key: (item: T) => string, salt: string) =>
  [...items].sort((a, b) => hash(`${salt}:${key(a)}`) - hash(`${salt}:${key(b)}`) || key(a).localeCompare(key(b)));

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const DEMO_ID_TIME = BigInt(Date.UTC(2026, 0, 1));

/** A ULID-shaped id derived from the contact's key: the same on every machine, so a second seed finds it. */
export function demoContactId(key: string): string {
  const digest = createHash("sha256").update(`demo-contact:${key}`).digest();
  let time = DEMO_ID_TIME;
  let head = "";
  for (let i = 0; i < 10; i++) {
    head = CROCKFORD.charAt(Number(time % 32n)) + head;
    time /= 32n;
  }
  let tail = "";
  for (let i = 0; i < 16; i++) tail += CROCKFORD.charAt((digest[i] ?? 0) % 32);
  return head + tail;
}

const EARLIEST = "2004-10-28";
const daysBefore = (day: string, days: number) => {
  const date = new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
  return date < EARLIEST ? EARLIEST : date;
};

const GIVEN = [
  "Alex",
  "Robin",
  "Sam",
  "Kim",
  "Jordan",
  "Morgan",
  "Taylor",
  "Casey",
  "Riley",
  "Jamie",
  "Avery",
  "Quinn",
];
const FAMILY = ["Example", "Sample", "Placeholder", "Fictional", "Demo"];

interface DemoSpec {
  key: string;
  owner: string;
  role: ContactRole;
  /** The local part at example.org, or a whole placeholder address. */
  mailbox: string;
  /** A name other than a person's (a Permanent Mission). */
  name?: string;
  title: string;
  agency: string;
  language: Contact["language"];
  emailStatus: EmailStatus;
  /** How long ago the contact was last verified. */
  verifiedDaysAgo: number;
  /** When set, deactivated that many days ago. */
  deactivatedDaysAgo?: number;
}

function demoContact(spec: DemoSpec, today: string, now: string): Contact {
  const h = hash(spec.key);
  const [mailbox, domain = "example.org"] = spec.mailbox.split("@");
  const lastVerifiedOn = daysBefore(today, spec.verifiedDaysAgo);
  return {
    id: demoContactId(spec.key),
    owner: spec.owner,
    role: spec.role,
    name: spec.name ?? `${GIVEN[h % GIVEN.length]} ${FAMILY[(h >>> 8) % FAMILY.length]}`,
    title: spec.title,
    agency: spec.agency,
    email: `${mailbox}@${domain}`,
    phone: `+1 212 555 01${String(h % 100).padStart(2, "0")}`,
    language: spec.language,
    designatedOn: daysBefore(lastVerifiedOn, (h >>> 4) % 1500),
    lastVerifiedOn,
    emailStatus: spec.emailStatus,
    active: spec.deactivatedDaysAgo === undefined,
    ...(spec.deactivatedDaysAgo === undefined ? {} : { deactivatedOn: daysBefore(today, spec.deactivatedDaysAgo) }),
    demo: true,
    createdAt: now,
    updatedAt: now,
  };
}

/** The demo contacts for these States and organizations, as of `today`: deterministic and pure. */
/** The placeholder address of record of a State's Permanent Mission: a reserved domain of its own. */
export const demoMissionEmail = (iso3: string) => `mission@${iso3.toLowerCase()}-mission.example`;

/** Every State's Permanent Mission, reachable, in the State's language. */
function demoMissions(states: readonly Pick<MemberState, "iso3" | "language" | "name">[], today: string, now: string) {
  return states.map((state) =>
    demoContact(
      {
        key: `${state.iso3}:permanent-mission`,
        owner: `STATE:${state.iso3}`,
        role: "permanent-mission",
        mailbox: demoMissionEmail(state.iso3),
        // As a sentence names the State: "of the Russian Federation", "of the Islamic Republic of Iran" (audit 36).
        name: `Permanent Mission of ${stateNamesInTextOf(state.iso3, state.name).en} to the United Nations`,
        title: "Address of record (placeholder)",
        agency: "Permanent Mission to the United Nations, New York (demo)",
        language: state.language,
        emailStatus: "ok",
        verifiedDaysAgo: 10 + (hash(`mission-of-record:${state.iso3}`) % 300),
      },
      today,
      now,
    ),
  );
}

export function demoContacts(
  states: readonly Pick<MemberState, "iso3" | "language" | "name">[],
  organizations: readonly Pick<CatalogueOrganization, "id" | "name">[],
  today: string,
  now: string,
): Contact[] {
  const order = shuffled(states, (state) => state.iso3, "poc");
  const withContact = shuffled(order.slice(0, demoFigures.statesWithContact), (state) => state.iso3, "poc-view");
  const formerOnly = order.slice(demoFigures.statesWithContact, demoFigures.statesWithContact + demoFigures.formerOnly);
  const contacts: Contact[] = [];
  const stateSpec = (state: (typeof states)[number], role: "capital-poc" | "mission-poc") => {
    const code = state.iso3.toLowerCase();
    const capital = role === "capital-poc";
    return {
      key: `${state.iso3}:${role}`,
      owner: `STATE:${state.iso3}`,
      role,
      mailbox: capital ? `poc.${code}` : `mission.${code}`,
      title: capital ? "National point of contact for resolution 1540 (demo)" : "Counsellor (demo)",
      agency: capital
        ? "Ministry of Foreign Affairs (demo)"
        : "Permanent Mission to the United Nations, New York (demo)",
      language: state.language,
    };
  };

  withContact.forEach((state, index) => {
    const h = hash(`mission:${state.iso3}`);
    const hasMission = h % 10 < 4;
    const unreachable = index < demoFigures.unreachable;
    const stale = !unreachable && index < demoFigures.unreachable + demoFigures.stale;
    const capital = stateSpec(state, "capital-poc");
    const mission = stateSpec(state, "mission-poc");
    if (unreachable) {
      contacts.push(
        demoContact(
          { ...capital, emailStatus: index % 5 === 4 ? "complained" : "bounced", verifiedDaysAgo: 30 + (h % 900) },
          today,
          now,
        ),
      );
      if (hasMission)
        contacts.push(
          demoContact({ ...mission, emailStatus: "suppressed", verifiedDaysAgo: 60 + (h % 700) }, today, now),
        );
    } else if (stale) {
      contacts.push(demoContact({ ...capital, emailStatus: "ok", verifiedDaysAgo: 400 + (h % 1000) }, today, now));
      if (hasMission)
        contacts.push(demoContact({ ...mission, emailStatus: "ok", verifiedDaysAgo: 380 + (h % 900) }, today, now));
    } else {
      // Verified within 340 days: current under any reading of "12 months".
      contacts.push(demoContact({ ...capital, emailStatus: "ok", verifiedDaysAgo: 10 + (h % 330) }, today, now));
      if (hasMission) {
        const emailStatus = (h >>> 3) % 4 === 0 ? "bounced" : "ok";
        contacts.push(demoContact({ ...mission, emailStatus, verifiedDaysAgo: 10 + (h % 700) }, today, now));
      }
    }
  });
  for (const state of formerOnly) {
    const h = hash(`former:${state.iso3}`);
    contacts.push(
      demoContact(
        {
          ...stateSpec(state, "capital-poc"),
          key: `${state.iso3}:former`,
          mailbox: `former.${state.iso3.toLowerCase()}`,
          emailStatus: "ok",
          verifiedDaysAgo: 400 + (h % 600),
          deactivatedDaysAgo: 30 + (h % 300),
        },
        today,
        now,
      ),
    );
  }
  contacts.push(...demoMissions(states, today, now));
  for (const organization of organizations) {
    const h = hash(`org:${organization.id}`);
    contacts.push(
      demoContact(
        {
          key: `ORG:${organization.id}:organization-poc`,
          owner: `ORG:${organization.id}`,
          role: "organization-poc",
          mailbox: `poc.${organization.id}`,
          title: "Focal point for resolution 1540 (demo)",
          agency: `${organization.name} (demo)`,
          language: "en",
          emailStatus: "ok",
          verifiedDaysAgo: 10 + (h % 300),
        },
        today,
        now,
      ),
    );
  }
  return contacts;
}

export interface DemoContactOptions {
  /**
   * States the caller has just added: they have no contacts before this seed's (so none is read), and their
   * point-of-contact obligation was written from their contacts by this seed (or is the initial one, with none), so
   * it is in step already and is not read again.
   */
  newStates?: ReadonlySet<string>;
  /** Transactions in flight at once; one at a time writes the same items (test/integration/local-seed.test.ts). */
  concurrency?: number;
}

/** Enough transactions in flight to keep DynamoDB Local busy while node prepares the next (ADR 0037). */
const SEED_CONCURRENCY = 4;

/**
 * Idempotent: a demo contact whose id exists already, or whose address an active contact holds, is left alone.
 * Seeds the organizations first (also idempotent), needs the registry seeded, and brings every State's
 * point-of-contact obligation in step (those without a contact go from unknown to outstanding).
 */
export async function seedDemoContacts(
  doc: DynamoDBDocumentClient,
  tableNames: TableNames,
  clock: Clock,
  { newStates = new Set(), concurrency = SEED_CONCURRENCY }: DemoContactOptions = {},
): Promise<{ created: number; existing: number; obligationsUpdated: number }> {
  await seedOrganizations(doc, tableNames, clock);
  const deps = contactDependencies(doc, tableNames, clock);
  const states = loadMemberStates();
  const contacts = demoContacts(states, loadOrganizations(), deskToday(clock), clock.now().toISOString());
  const existing = await deps.contacts.existingIds(contacts.map((contact) => contact.id));
  const holders = await deps.contacts.emailHolders(contacts.filter((c) => c.active).map((contact) => contact.email));
  const missing = contacts.filter(
    (contact) => !existing.has(contact.id) && !(contact.active && holders.has(contact.email)),
  );
  const audit = { actor: systemActor("seed-demo") };
  if (missing.length) {
    await writeContactChanges(
      deps,
      missing.map((after) => ({ after, label: `demo contact ${after.id}` })),
      {
        context: audit,
        action: "contacts.seed-demo",
        entity: { type: "contact-seed", id: "demo" },
        onStop: "Run the seed again: it adds only what is missing.",
      },
      { newStates, concurrency },
    );
  }
  let obligationsUpdated = 0;
  const inStepAlready = (state: MemberState) => newStates.has(state.iso3);
  await eachLimited(
    states.filter((state) => !inStepAlready(state)),
    8,
    async (state) => {
      if (await refreshPointOfContact(deps)(state.iso3, audit)) obligationsUpdated++;
    },
  );
  return { created: missing.length, existing: contacts.length - missing.length, obligationsUpdated };
}
