// Seeds a demonstration set of assistance offers, requests, matches and feedback (local stack and tests only).
// Every record is invented and marked `demo: true`. Ids and symbols are fixed, dates are relative to the clock:
// a second run finds each record by its id and adds nothing. Call it after seedRegistry (States must exist).
import { createHash } from "node:crypto";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { systemActor } from "../auth/actor.ts";
import type { Clock } from "../clock.ts";
import { eachLimited } from "../concurrency.ts";
import { Conflict } from "../errors.ts";
import { organizationRepository } from "../organizations/repository.ts";
import { seedOrganizations } from "../organizations/seed.ts";
import { registryRepository } from "../registry/repository.ts";
import { reportingRepository } from "../reporting/repository.ts";
import type { TableNames } from "../tables.ts";
import { deskDay } from "../zoned-time.ts";
import { workingCalendar } from "./consent-window.ts";
import { addDays, addMonths, addYears } from "./dates.ts";
import { createOffer, prepareOffer } from "./offers.ts";
import { type AssistanceChange, type AssistanceRepository, assistanceRepository } from "./repository.ts";
import { type AssistanceDependencies, recordFeedback } from "./requests.ts";
import {
  type AssistanceArea,
  type AssistanceMatch,
  type AssistanceRequest,
  assistanceAreas,
  type MatchStatus,
  type Provider,
  providerKey,
  type RequestStatus,
} from "./schemas.ts";
import { moveRequest, moveTo } from "./workflow.ts";

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A fixed 26-character id for a demo record, shaped like the desk's ids. */
export function demoId(key: string): string {
  const digest = createHash("sha256").update(`desk-1540 demo assistance ${key}`).digest();
  let id = "";
  for (let index = 0; index < 26; index++) id += CROCKFORD.charAt((digest[index] ?? 0) % 32);
  return id;
}

const audit = { actor: systemActor("seed-demo") };
/** Transactions in flight at once: enough to keep DynamoDB Local busy while node prepares the next (ADR 0037). */
const SEED_CONCURRENCY = 4;
/**
 * Records per transaction when grouped (ADR 0043), under DynamoDB's 100 items: an offer is 3 items with the guard of
 * its content and its audit entry, a request 4 with the guards of its symbol (ADR 0068) and each of its matches 3 (at
 * most 2 matches a demo request: 10 items).
 */
const OFFERS_PER_TRANSACTION = 33;
const REQUESTS_PER_TRANSACTION = 10;

/** `items` in as few groups of at most `size` as can be, of even sizes. */
function evenChunks<T>(items: readonly T[], size: number): T[][] {
  const count = Math.ceil(items.length / size);
  const each = Math.ceil(items.length / Math.max(count, 1));
  return Array.from({ length: count }, (_, index) => items.slice(index * each, (index + 1) * each));
}

// ---- providers: 46 States and 19 organizations, as many as the Committee lists (which ones is not verified) ----

const areaSets: readonly AssistanceArea[][] = [
  ["export-and-licensing", "customs-and-border"],
  ["legislation", "national-reporting"],
  ["physical-protection", "nuclear-security", "accounting-of-materials"],
  ["biosafety-biosecurity", "laboratories"],
  ["chemical-security", "enforcement"],
  ["proliferation-finance", "enforcement", "legislation"],
];

// biome-ignore format: a table of codes
export const demoProviderStates = [
  "USA", "GBR", "FRA", "DEU", "JPN", "CAN", "AUS", "NZL", "NLD", "BEL", "NOR", "SWE", "FIN", "DNK", "ITA", "ESP",
  "PRT", "CHE", "AUT", "IRL", "CZE", "POL", "HUN", "ROU", "BGR", "HRV", "SVK", "SVN", "EST", "LTU", "LVA", "SRB",
  "UKR", "BLR", "RUS", "CHN", "IND", "PAK", "KOR", "ARG", "BRA", "CHL", "MEX", "ZAF", "TUR", "GRC",
] as const;

/** Larger programmes offer in two groups of areas. */
const twoOfferStates = new Set(["USA", "GBR", "FRA", "DEU", "JPN", "CAN", "AUS"]);

export const demoProviderOrganizations: Record<string, readonly AssistanceArea[]> = {
  iaea: ["nuclear-security", "physical-protection", "accounting-of-materials", "legislation"],
  opcw: ["chemical-security", "legislation", "national-reporting"],
  unodc: ["legislation", "enforcement"],
  interpol: ["enforcement", "biosafety-biosecurity"],
  wco: ["customs-and-border", "export-and-licensing"],
  osce: ["national-reporting", "legislation", "export-and-licensing"],
  au: ["national-reporting", "legislation"],
  eu: ["export-and-licensing", "customs-and-border", "biosafety-biosecurity"],
  oas: ["national-reporting", "legislation", "export-and-licensing"],
  caricom: ["national-reporting", "legislation"],
  asean: ["national-reporting", "export-and-licensing"],
  sica: ["national-reporting", "legislation"],
  unoda: ["national-reporting", "legislation", "other"],
  "bwc-isu": ["biosafety-biosecurity", "national-reporting"],
  fatf: ["proliferation-finance"],
  unicri: ["chemical-security", "biosafety-biosecurity", "nuclear-security"],
  who: ["biosafety-biosecurity", "laboratories"],
  woah: ["biosafety-biosecurity", "laboratories"],
  icao: ["physical-protection", "other"],
};

/** Months since each provider's last update, in turn: about a third are stale (more than 12 months). */
const monthsSinceUpdate = [1, 3, 5, 8, 11, 14, 20, 30];

interface DemoOffer {
  key: string;
  provider: Provider;
  areas: readonly AssistanceArea[];
  description: string;
  validFrom: string;
  validUntil?: string;
  lastUpdatedOn: string;
}

const stateProvider = (iso3: string): Provider => ({ kind: "state", iso3 });
const organizationProvider = (id: string): Provider => ({ kind: "organization", id });

const areaText = (areas: readonly AssistanceArea[]) => areas.join(", ").replaceAll("-", " ");

export function demoOffers(today: string): DemoOffer[] {
  const providers: { provider: Provider; groups: (readonly AssistanceArea[])[] }[] = [
    ...demoProviderStates.map((iso3, index) => ({
      provider: stateProvider(iso3),
      groups: twoOfferStates.has(iso3)
        ? [areaSets[index % areaSets.length] ?? [], areaSets[(index + 3) % areaSets.length] ?? []]
        : [areaSets[index % areaSets.length] ?? []],
    })),
    ...Object.entries(demoProviderOrganizations).map(([id, areas]) => ({
      provider: organizationProvider(id),
      groups: [areas],
    })),
  ];
  return providers.flatMap(({ provider, groups }, index) =>
    groups.map((areas, group) => {
      const lastUpdatedOn = addDays(
        addMonths(today, -(monthsSinceUpdate[(index + group) % monthsSinceUpdate.length] ?? 1)),
        -(index % 5),
      );
      // Every eleventh offer has run out: it is listed, but no longer a candidate.
      const expired = index % 11 === 10;
      return {
        key: `offer:${providerKey(provider)}:${group}`,
        provider,
        areas,
        description: `Training, expert visits and advice on ${areaText(areas)} (demonstration offer)`,
        validFrom: addYears(today, -6),
        ...(expired ? { validUntil: addMonths(today, -2) } : index % 3 === 0 ? { validUntil: addYears(today, 2) } : {}),
        lastUpdatedOn,
      };
    }),
  );
}

// ---- requests: several regions, ages from weeks to years, every status of the lifecycle ----

type Move = [RequestStatus, number];

interface DemoMatch {
  /** The provider whose first demo offer is matched. */
  provider: string;
  proposedAt: number;
  moves: [MatchStatus, number][];
}

interface DemoRequest {
  key: string;
  iso3: string;
  areas: AssistanceArea[];
  ageDays: number;
  consented: boolean;
  description: string;
  /** Each move with its day, counted from the day the request was received. */
  moves: Move[];
  matches?: DemoMatch[];
  feedback?: { from: "requester" | "provider"; day: number; text: string }[];
}

/** The usual path: acknowledged after 10 days, window opened the same day, circulated when it has closed. */
const upToCirculation = (start = 10): Move[] => [
  ["acknowledged", start],
  ["consent-window", start],
  ["circulated", start + 8],
];

export const demoRequests: readonly DemoRequest[] = [
  {
    key: "request:MWI:1",
    iso3: "MWI",
    areas: ["legislation", "national-reporting"],
    ageDays: 12,
    consented: false,
    description: "Support in preparing the first update of the national report and a review of legislation",
    moves: [],
  },
  {
    key: "request:FJI:1",
    iso3: "FJI",
    areas: ["customs-and-border", "export-and-licensing"],
    ageDays: 20,
    consented: true,
    description: "Training of customs officers in identifying strategic goods at ports",
    moves: [],
  },
  {
    key: "request:GTM:1",
    iso3: "GTM",
    areas: ["export-and-licensing", "legislation"],
    ageDays: 30,
    consented: false,
    description: "Drafting a control list and licensing procedure for dual-use goods",
    moves: [["acknowledged", 9]],
  },
  {
    key: "request:MDA:1",
    iso3: "MDA",
    areas: ["biosafety-biosecurity", "laboratories"],
    ageDays: 44,
    consented: false,
    description: "Biosafety and biosecurity training for staff of the national reference laboratory",
    moves: [["acknowledged", 14]],
  },
  {
    key: "request:SEN:1",
    iso3: "SEN",
    areas: ["physical-protection", "nuclear-security"],
    ageDays: 8,
    consented: false,
    description: "Assessment of physical protection at sites holding radioactive sources",
    moves: [
      ["acknowledged", 5],
      ["consent-window", 5],
    ],
  },
  {
    key: "request:KHM:1",
    iso3: "KHM",
    areas: ["chemical-security", "enforcement"],
    ageDays: 26,
    consented: false,
    description: "Chemical security management for industry and enforcement officials",
    moves: [
      ["acknowledged", 7],
      ["consent-window", 7],
    ],
  },
  {
    key: "request:JAM:1",
    iso3: "JAM",
    areas: ["legislation", "proliferation-finance"],
    ageDays: 60,
    consented: false,
    description:
      "Legislation criminalizing the financing of proliferation, and training of the financial intelligence unit",
    moves: upToCirculation(),
  },
  {
    key: "request:PHL:1",
    iso3: "PHL",
    areas: ["export-and-licensing", "customs-and-border", "enforcement"],
    ageDays: 240,
    consented: true,
    description: "Strategic trade management: licensing, customs risk profiling and enforcement",
    moves: [
      ["acknowledged", 12],
      ["consent-window", 12],
      ["circulated", 13],
    ],
    matches: [{ provider: "organization:wco", proposedAt: 60, moves: [] }],
  },
  {
    key: "request:GEO:1",
    iso3: "GEO",
    areas: ["customs-and-border", "laboratories"],
    ageDays: 430,
    consented: false,
    description: "Detection equipment and training for border crossing points, and a customs laboratory",
    moves: upToCirculation(),
    matches: [{ provider: "state:DEU", proposedAt: 50, moves: [["declined", 90]] }],
  },
  {
    key: "request:BLZ:1",
    iso3: "BLZ",
    areas: ["national-reporting", "other"],
    ageDays: 800,
    consented: false,
    description: "Help to establish an inter-agency coordination mechanism for resolution 1540",
    moves: upToCirculation(),
  },
  {
    key: "request:KEN:1",
    iso3: "KEN",
    areas: ["biosafety-biosecurity", "laboratories", "legislation"],
    ageDays: 150,
    consented: false,
    description: "Biosecurity legislation and laboratory accreditation",
    moves: [...upToCirculation(), ["matched", 70]],
    // Delivered, the request still matched: the one the pending-assistance report flags for the secretariat.
    matches: [
      {
        provider: "organization:who",
        proposedAt: 40,
        moves: [
          ["accepted", 70],
          ["delivered", 120],
        ],
      },
    ],
  },
  {
    key: "request:ARM:1",
    iso3: "ARM",
    areas: ["export-and-licensing", "legislation"],
    ageDays: 400,
    consented: false,
    description: "Review of export control legislation against international control lists",
    moves: [...upToCirculation(), ["matched", 100]],
    matches: [
      { provider: "state:USA", proposedAt: 60, moves: [["accepted", 100]] },
      { provider: "organization:osce", proposedAt: 65, moves: [] },
    ],
  },
  {
    key: "request:NGA:1",
    iso3: "NGA",
    areas: ["physical-protection", "accounting-of-materials"],
    ageDays: 1100,
    consented: false,
    description: "Accounting for and physical protection of nuclear and radioactive material",
    moves: [...upToCirculation(), ["matched", 200]],
    matches: [{ provider: "organization:iaea", proposedAt: 120, moves: [["accepted", 200]] }],
  },
  {
    key: "request:VNM:1",
    iso3: "VNM",
    areas: ["export-and-licensing", "customs-and-border"],
    ageDays: 300,
    consented: true,
    description: "Strategic trade controls: licensing and customs enforcement",
    moves: [
      ["acknowledged", 6],
      ["consent-window", 6],
      ["circulated", 6],
      ["matched", 60],
      ["in-progress", 120],
    ],
    matches: [{ provider: "organization:eu", proposedAt: 30, moves: [["accepted", 60]] }],
  },
  {
    key: "request:PER:1",
    iso3: "PER",
    areas: ["chemical-security", "legislation"],
    ageDays: 550,
    consented: false,
    description: "National implementing legislation for chemical weapons and chemical security",
    moves: [...upToCirculation(), ["matched", 90], ["in-progress", 160]],
    matches: [{ provider: "organization:opcw", proposedAt: 45, moves: [["accepted", 90]] }],
  },
  {
    key: "request:MNG:1",
    iso3: "MNG",
    areas: ["nuclear-security", "physical-protection"],
    ageDays: 900,
    consented: false,
    description: "Nuclear security detection architecture and response plans",
    moves: [...upToCirculation(), ["matched", 150], ["in-progress", 260]],
    matches: [
      { provider: "state:FRA", proposedAt: 90, moves: [["accepted", 150]] },
      { provider: "organization:iaea", proposedAt: 95, moves: [["declined", 140]] },
    ],
  },
  {
    key: "request:UGA:1",
    iso3: "UGA",
    areas: ["biosafety-biosecurity", "enforcement"],
    ageDays: 1500,
    consented: false,
    description: "Biosafety regulations and training for inspectors",
    moves: [...upToCirculation(), ["matched", 300], ["in-progress", 420]],
    matches: [{ provider: "state:DEU", proposedAt: 200, moves: [["accepted", 300]] }],
  },
  {
    key: "request:TTO:1",
    iso3: "TTO",
    areas: ["national-reporting", "legislation"],
    ageDays: 700,
    consented: true,
    description: "Preparing a voluntary national implementation action plan",
    moves: [
      ["acknowledged", 8],
      ["consent-window", 8],
      ["circulated", 9],
      ["matched", 50],
      ["in-progress", 90],
      ["fulfilled", 400],
    ],
    matches: [
      {
        provider: "organization:caricom",
        proposedAt: 30,
        moves: [
          ["accepted", 50],
          ["delivered", 390],
        ],
      },
    ],
    feedback: [
      {
        from: "requester",
        day: 420,
        text: "The action plan was adopted by the inter-agency committee; the workshops were useful",
      },
    ],
  },
  {
    key: "request:JOR:1",
    iso3: "JOR",
    areas: ["customs-and-border", "export-and-licensing"],
    ageDays: 1200,
    consented: false,
    description: "Border control and licensing training",
    moves: [...upToCirculation(), ["matched", 100], ["in-progress", 150], ["fulfilled", 600]],
    matches: [
      {
        provider: "organization:wco",
        proposedAt: 60,
        moves: [
          ["accepted", 100],
          ["delivered", 590],
        ],
      },
    ],
    feedback: [{ from: "provider", day: 610, text: "Three training rounds delivered to 120 officers" }],
  },
  {
    key: "request:DOM:1",
    iso3: "DOM",
    areas: ["proliferation-finance"],
    ageDays: 1000,
    consented: false,
    description: "Targeted financial sanctions related to proliferation",
    moves: [...upToCirculation(), ["matched", 80], ["in-progress", 120], ["fulfilled", 380]],
    matches: [
      {
        provider: "organization:fatf",
        proposedAt: 40,
        moves: [
          ["accepted", 80],
          ["delivered", 370],
        ],
      },
    ],
  },
  {
    key: "request:ALB:1",
    iso3: "ALB",
    areas: ["legislation"],
    ageDays: 500,
    consented: false,
    description: "Review of the criminal code against resolution 1540",
    moves: [
      ["acknowledged", 10],
      ["withdrawn", 40],
    ],
  },
  {
    key: "request:ETH:1",
    iso3: "ETH",
    areas: ["laboratories", "biosafety-biosecurity"],
    ageDays: 1300,
    consented: false,
    description: "Laboratory equipment and biosafety training",
    moves: [...upToCirculation(), ["withdrawn", 200]],
  },
  {
    key: "request:HND:1",
    iso3: "HND",
    areas: ["other"],
    ageDays: 1700,
    consented: false,
    description: "Support for a national resolution 1540 coordinator",
    moves: [...upToCirculation(), ["closed-unmet", 800]],
  },
  {
    key: "request:KAZ:1",
    iso3: "KAZ",
    areas: ["accounting-of-materials", "proliferation-finance"],
    ageDays: 1600,
    consented: false,
    description: "Material accounting software and financial controls",
    moves: [...upToCirculation(), ["matched", 300], ["closed-unmet", 900]],
    matches: [{ provider: "state:CAN", proposedAt: 200, moves: [["accepted", 300]] }],
  },
];

export interface DemoAssistanceSeed {
  offers: number;
  requests: number;
  matches: number;
  feedback: number;
}

/**
 * The demo's windows are counted with no holidays on record: the desk has no verified circular for them, so they
 * skip weekends only and say so (consentWindowCounted.yearsNotOnRecord).
 */
const demoCalendar = workingCalendar(new Map());

/** Builds a demo request as it stands after its moves, with its matches; pure, so a broken spec fails a test. */
export function buildDemoRequest(
  spec: DemoRequest,
  today: string,
  now: string,
  offerOf: (provider: string) => { id: string; provider: Provider; areas: readonly AssistanceArea[] },
): { request: AssistanceRequest; matches: AssistanceMatch[] } {
  const receivedOn = addDays(today, -spec.ageDays);
  const on = (day: number) => {
    const date = addDays(receivedOn, day);
    if (date > today) throw new Error(`${spec.key}: day ${day} is after today`);
    return date;
  };
  const by = audit.actor;
  const id = demoId(spec.key);
  const matches: AssistanceMatch[] = (spec.matches ?? []).map((match) => {
    const offer = offerOf(match.provider);
    const areas = assistanceAreas.filter((area) => spec.areas.includes(area) && offer.areas.includes(area));
    if (!areas.length) throw new Error(`${spec.key}: ${match.provider} shares no area`);
    let status: MatchStatus = "proposed";
    const history = match.moves.map(([to, day]) => {
      const move = { from: status, to, on: on(day), at: now, by };
      status = to;
      return move;
    });
    return {
      id: demoId(`${spec.key}:match:${match.provider}`),
      requestId: id,
      offerId: offer.id,
      iso3: spec.iso3,
      provider: offer.provider,
      areas,
      status,
      proposedOn: on(match.proposedAt),
      history,
      demo: true,
      createdAt: now,
      createdBy: by.id,
      updatedAt: now,
    };
  });
  let request: AssistanceRequest = {
    id,
    iso3: spec.iso3,
    areas: spec.areas,
    description: spec.description,
    receivedOn,
    symbol: `S/AC.44/DEMO/${spec.iso3}/${spec.key.split(":").at(-1)}`,
    consentedToCirculation: spec.consented,
    status: "received",
    history: [],
    demo: true,
    createdAt: now,
    createdBy: by.id,
    updatedAt: now,
  };
  // Through the lifecycle's own rules, so the demo cannot hold a state the desk would refuse.
  for (const [to, day] of spec.moves) {
    request = moveRequest(request, moveTo(to, { on: on(day), at: now, by }, demoCalendar), matches);
  }
  return { request, matches };
}

/**
 * Writes a group of seeds' `changes` in one transaction; when one of them is already there (Conflict: kept data, or
 * a race), each is seeded on its own instead, as ungrouped, so only the missing ones are added.
 */
async function writeGrouped<T>(
  repo: AssistanceRepository,
  group: readonly T[],
  changes: readonly AssistanceChange[],
  alone: (seed: T) => Promise<boolean>,
): Promise<T[]> {
  try {
    await repo.write([...changes]);
    return [...group];
  } catch (error) {
    if (!(error instanceof Conflict)) throw error;
  }
  const added: T[] = [];
  for (const seed of group) if (await alone(seed)) added.push(seed);
  return added;
}

/** A request and its matches, with the audit entry saying the seed added them. */
function requestChanges(
  repo: AssistanceRepository,
  { request, matches }: { request: AssistanceRequest; matches: AssistanceMatch[] },
): AssistanceChange[] {
  return [
    ...repo.newRequest(request),
    ...matches.flatMap((match) => repo.newMatch(match)),
    repo.audit({
      ...audit,
      action: "assistance.request.seed",
      entity: { type: "assistance-request", id: request.id },
      after: { request, matches: matches.map((match) => match.id) },
    }),
  ];
}

async function seedRequest(
  repo: AssistanceRepository,
  built: { request: AssistanceRequest; matches: AssistanceMatch[] },
): Promise<boolean> {
  try {
    // The request and its matches in one transaction: all of a demo request, or none.
    await repo.write(requestChanges(repo, built));
    return true;
  } catch (error) {
    if (error instanceof Conflict || (await repo.getRequest(built.request.id))) return false;
    throw error;
  }
}

/**
 * Seeds the demo offers, requests, matches and feedback; safe to run again (adds only what is missing). Offers, then
 * requests, go several to a transaction (`grouped`, ADR 0043), `concurrency` transactions at a time; one record per
 * transaction, one at a time, writes the same items (test/integration/local-seed.test.ts).
 */
export async function seedDemoAssistance(
  doc: DynamoDBDocumentClient,
  tableNames: TableNames,
  clock: Clock,
  { concurrency = SEED_CONCURRENCY, grouped = true }: { concurrency?: number; grouped?: boolean } = {},
): Promise<DemoAssistanceSeed> {
  // Organizations are providers: they must exist before their offers.
  await seedOrganizations(doc, tableNames, clock);
  const repo = assistanceRepository(doc, tableNames, clock);
  // The seed moves its requests itself (buildDemoRequest): its use cases read no holidays.
  const deps: Omit<AssistanceDependencies, "holidays"> = {
    assistance: repo,
    registry: registryRepository(doc, tableNames, clock),
    organizations: organizationRepository(doc, tableNames, clock),
    reporting: reportingRepository(doc, tableNames, clock),
    clock,
  };
  const today = deskDay(clock.now());
  const now = clock.now().toISOString();
  const seeded: DemoAssistanceSeed = { offers: 0, requests: 0, matches: 0, feedback: 0 };

  const offers = demoOffers(today);
  // Which offers exist is read at once; each missing one is then checked and recorded through the use case, several
  // in a transaction, a few transactions at a time (no offer touches an item of another).
  const existing = await repo.existingOfferIds(offers.map((offer) => demoId(offer.key)));
  const offerInput = ({ key, ...input }: DemoOffer) => ({
    ...input,
    areas: [...input.areas],
    offerId: demoId(key),
    demo: true,
  });
  const createAlone = async (offer: DemoOffer) => {
    try {
      await createOffer(deps)(offerInput(offer), audit);
      return true;
    } catch (error) {
      if (error instanceof Conflict) return false;
      throw error;
    }
  };
  const missingOffers = offers.filter((offer) => !existing.has(demoId(offer.key)));
  await eachLimited(evenChunks(missingOffers, grouped ? OFFERS_PER_TRANSACTION : 1), concurrency, async (group) => {
    const changes: AssistanceChange[] = [];
    for (const offer of group) changes.push(...(await prepareOffer(deps)(offerInput(offer), audit)).changes);
    const added = await writeGrouped(repo, group, changes, createAlone);
    seeded.offers += added.length;
  });

  const firstOffer = new Map<string, { id: string; provider: Provider; areas: readonly AssistanceArea[] }>();
  for (const offer of offers) {
    const key = providerKey(offer.provider);
    if (!firstOffer.has(key))
      firstOffer.set(key, { id: demoId(offer.key), provider: offer.provider, areas: offer.areas });
  }
  const offerOf = (provider: string) => {
    const offer = firstOffer.get(provider);
    if (!offer) throw new Error(`No demo offer from ${provider}`);
    return offer;
  };

  const built = demoRequests.map((spec) => ({ spec, ...buildDemoRequest(spec, today, now, offerOf) }));
  // Each request with its matches is all or nothing: several in a transaction, a few transactions at a time.
  await eachLimited(evenChunks(built, grouped ? REQUESTS_PER_TRANSACTION : 1), concurrency, async (group) => {
    const changes = group.flatMap((demo) => requestChanges(repo, demo));
    const added = await writeGrouped(repo, group, changes, (demo) => seedRequest(repo, demo));
    seeded.requests += added.length;
    seeded.matches += added.reduce((sum, demo) => sum + demo.matches.length, 0);
  });
  // Feedback moves its State's assistance-feedback obligation: one after another, as a desk officer records it.
  for (const { spec, request } of built) {
    if (!spec.feedback?.length) continue;
    const recorded = new Set((await repo.requestFile(request.id))?.feedback.map(({ value }) => value.id));
    for (const [index, feedback] of (spec.feedback ?? []).entries()) {
      const feedbackId = demoId(`${spec.key}:feedback:${index}`);
      if (recorded.has(feedbackId)) continue;
      await recordFeedback(deps)(
        request.id,
        {
          from: feedback.from,
          text: feedback.text,
          receivedOn: addDays(request.receivedOn, feedback.day),
          feedbackId,
          demo: true,
        },
        audit,
      );
      seeded.feedback++;
    }
  }
  return seeded;
}
