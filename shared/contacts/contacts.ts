// Use cases on contacts: designate one, correct it, verify it, deactivate it, read and list them, and a State's
// point-of-contact view. Every write keeps the State's point-of-contact obligation in step, in the same transaction.

import type { AuditAction } from "../audit/actions.ts";
import type { AuditContext } from "../audit/audit-entry.ts";
import { usernameOf } from "../auth/actor.ts";
import { saysTheSame } from "../canonical-json.ts";
import { type Clock, deskToday } from "../clock.ts";
import type { Page, PageRequest } from "../dynamo/pagination.ts";
import { Invalid, NotFound, PreconditionFailed } from "../errors.ts";
import { newId } from "../ids.ts";
import { type OrganizationDependencies, organizationNamedInBody } from "../organizations/organizations.ts";
import type { RegistryRepository } from "../registry/repository.ts";
import type { UnLanguage } from "../registry/schemas.ts";
import { getState, stateNamedInBody } from "../registry/states.ts";
import type { Versioned } from "../versioning.ts";
import { deskDay } from "../zoned-time.ts";
import { ContactDeactivated } from "./contact-deactivated.ts";
import { contactNamed, holdersInWords } from "./contact-words.ts";
import { isStale, obligationStatusFor, pocCoverage, staleBefore } from "./poc-coverage.ts";
import {
  type ContactChange,
  type ContactFilter,
  type ContactRepository,
  EmailInUse,
  type PocChange,
  retryOnRace,
} from "./repository.ts";
import {
  type Contact,
  type ContactChanges,
  type ContactView,
  dateIssues,
  type NewContact,
  type Owner,
  ownerOf,
  type PointOfContact,
  roleProblem,
  sameEmail,
  withEmailStatus,
} from "./schemas.ts";

export interface ContactDependencies extends OrganizationDependencies {
  contacts: ContactRepository;
  registry: RegistryRepository;
}

export const toContactView = (contact: Contact, clock: Clock): ContactView => ({
  ...contact,
  stale: isStale(contact, staleBefore(deskToday(clock))),
});

/** What an owner must satisfy: it exists. Answers the language a new contact defaults to. */
export async function ownerLanguage(
  deps: ContactDependencies,
  owner: Owner,
  path: string,
): Promise<UnLanguage | undefined> {
  if (owner.kind === "state") {
    const state = await stateNamedInBody(deps.registry)(owner.iso3, path, "The owner does not exist");
    return state.value.language;
  }
  await organizationNamedInBody(deps)(owner.id, path, "The owner does not exist");
  return undefined;
}

/**
 * For a State's contact: the obligation as the change leaves it. The obligation is read before the contacts, so
 * a writer that commits in between moves the revision and this write's condition fails (and is retried).
 */
export async function pocChangeFor(deps: ContactDependencies, iso3: string, changed: Contact[]): Promise<PocChange> {
  const stored = await deps.contacts.pocObligation(iso3);
  if (!stored) throw new NotFound("The point-of-contact obligation of State", iso3);
  const byId = new Map((await deps.contacts.contactsOf({ kind: "state", iso3 })).map((c) => [c.value.id, c.value]));
  for (const contact of changed) byId.set(contact.id, contact);
  const coverage = pocCoverage([...byId.values()], deps.clock);
  return {
    iso3,
    revision: stored.revision,
    before: { status: stored.status, view: stored.view },
    after: { status: obligationStatusFor(coverage.view), view: coverage.view, evaluatedOn: coverage.evaluatedOn },
  };
}

async function save(
  deps: ContactDependencies,
  change: ContactChange,
  audit: AuditContext,
  action: AuditAction,
): Promise<Versioned<Contact>> {
  try {
    return await retryOnRace(async () => {
      const owner = ownerOf(change.after.owner);
      const poc = owner.kind === "state" ? await pocChangeFor(deps, owner.iso3, [change.after]) : undefined;
      return deps.contacts.saveContact(change, poc, audit, action);
    });
  } catch (error) {
    throw error instanceof EmailInUse ? await emailInUseNamed(deps, error) : error;
  }
}

/** The refusal of a taken address, its holder named in words (the guard gives only ids). */
async function emailInUseNamed(deps: ContactDependencies, refusal: EmailInUse): Promise<EmailInUse> {
  const { contactId, owner } = refusal.holder ?? {};
  if (refusal.holderInWords || typeof contactId !== "string" || typeof owner !== "string") return refusal;
  const words = (await holdersInWords(deps, [{ contactId, owner }])).get(contactId);
  return words ? new EmailInUse(refusal.holder, refusal.label, words) : refusal;
}

export const getContact =
  (deps: ContactDependencies) =>
  async (id: string): Promise<Versioned<Contact>> => {
    const contact = await deps.contacts.getContact(id);
    if (!contact) throw new NotFound("Contact", id);
    return contact;
  };

export const createContact =
  (deps: ContactDependencies) =>
  async (input: NewContact & { demo?: boolean }, audit: AuditContext): Promise<Versioned<Contact>> => {
    const owner = ownerOf(input.owner);
    const misfit = roleProblem(input.role, owner);
    if (misfit) throw new Invalid("The role does not fit the owner", [{ path: "body.role", message: misfit }]);
    const defaultLanguage = await ownerLanguage(deps, owner, "body.owner");
    const today = deskToday(deps.clock);
    const now = deps.clock.now().toISOString();
    const designatedOn = input.designatedOn ?? today;
    const contact: Contact = {
      id: newId(deps.clock),
      owner: input.owner,
      role: input.role,
      name: input.name,
      title: input.title,
      agency: input.agency,
      email: input.email,
      phone: input.phone,
      language: input.language ?? defaultLanguage ?? "en",
      // Set for this contact: a later correction of the State's language leaves it alone.
      ...(input.language ? { ownLanguage: true } : {}),
      designatedOn,
      lastVerifiedOn: input.lastVerifiedOn ?? designatedOn,
      emailStatus: input.emailStatus ?? "ok",
      active: true,
      demo: input.demo,
      createdAt: now,
      updatedAt: now,
    };
    // A defaulted verification date repeats the designation date's problem; it is reported once.
    const issues = dateIssues(contact, today, (field) => `body.${field}`).filter(
      (issue) => input.lastVerifiedOn !== undefined || issue.path !== "body.lastVerifiedOn",
    );
    if (issues.length) throw new Invalid("The dates are not possible", issues);
    return save(deps, { after: contact }, audit, "contact.create");
  };

/** The contact as read, checked against the caller's If-Match and still active. */
async function currentForWrite(deps: ContactDependencies, id: string, expectedVersion: number, what: string) {
  const current = await getContact(deps)(id);
  if (current.version !== expectedVersion)
    throw new PreconditionFailed(`Contact ${id}`, current.version, expectedVersion);
  if (!current.value.active) {
    throw new ContactDeactivated(current.value, await contactNamed(deps, current.value), what);
  }
  return current;
}

/**
 * A language given is the contact's own; null makes it follow its owner's language of record again (a State's, or
 * en for an organization); absent changes nothing.
 */
async function languageChange(
  deps: ContactDependencies,
  contact: Contact,
  language: UnLanguage | null | undefined,
): Promise<Pick<Contact, "language" | "ownLanguage">> {
  if (language === undefined) return { language: contact.language, ownLanguage: contact.ownLanguage };
  if (language !== null) return { language, ownLanguage: true };
  const ofRecord = await ownerLanguage(deps, ownerOf(contact.owner), "body.language");
  return { language: ofRecord ?? "en", ownLanguage: undefined };
}

export const changeContact =
  (deps: ContactDependencies) =>
  async (id: string, expectedVersion: number, changes: ContactChanges, audit: AuditContext) => {
    const current = await currentForWrite(
      deps,
      id,
      expectedVersion,
      "a deactivated contact is history: create a new one",
    );
    const { title, agency, phone, language, emailStatus, ...rest } = changes;
    const clear = <T>(value: T | null | undefined, kept: T | undefined) =>
      value === null ? undefined : (value ?? kept);
    // A new address has bounced nothing yet: it starts ok, unless the request says otherwise.
    const newAddress = rest.email !== undefined && !sameEmail(rest.email, current.value.email);
    const status = emailStatus ?? (newAddress ? "ok" : current.value.emailStatus);
    const corrected: Contact = {
      ...withEmailStatus(current.value, status, deskToday(deps.clock)),
      ...rest,
      ...(await languageChange(deps, current.value, language)),
      title: clear(title, current.value.title),
      agency: clear(agency, current.value.agency),
      phone: clear(phone, current.value.phone),
    };
    const misfit = roleProblem(corrected.role, ownerOf(corrected.owner));
    if (misfit) throw new Invalid("The role does not fit the owner", [{ path: "body.role", message: misfit }]);
    const issues = dateIssues(corrected, deskToday(deps.clock), (field) => `body.${field}`);
    if (issues.length) throw new Invalid("The dates are not possible", issues);
    // A correction that says what the contact says already (a form sent twice) is no change: nothing to version or audit.
    if (saysTheSame(corrected, current.value)) return current;
    const next: Contact = { ...corrected, updatedAt: deps.clock.now().toISOString() };
    return save(deps, { before: current, after: next }, audit, "contact.update");
  };

/**
 * Contacts are never deleted: a deactivated one stays as history and frees its e-mail address. The reason (the
 * route requires one) is kept on the contact and on its audit entries.
 */
export const deactivateContact =
  (deps: ContactDependencies) => async (id: string, expectedVersion: number, audit: AuditContext, reason?: string) => {
    const current = await currentForWrite(deps, id, expectedVersion, "it stays as it is");
    const now = deps.clock.now();
    const next: Contact = {
      ...current.value,
      active: false,
      deactivatedOn: deskDay(now),
      // As the timeline names actors; a system actor or a token without a username names no one.
      ...(usernameOf(audit.actor) ? { deactivatedBy: usernameOf(audit.actor) } : {}),
      ...(reason ? { deactivationReason: reason } : {}),
      updatedAt: now.toISOString(),
    };
    return save(deps, { before: current, after: next }, reason ? { ...audit, reason } : audit, "contact.deactivate");
  };

/** The secretariat confirmed the contact's details today. */
export const verifyContact =
  (deps: ContactDependencies) => async (id: string, expectedVersion: number, audit: AuditContext) => {
    const current = await currentForWrite(deps, id, expectedVersion, "create a new contact instead");
    const now = deps.clock.now();
    const next: Contact = { ...current.value, lastVerifiedOn: deskToday(deps.clock), updatedAt: now.toISOString() };
    return save(deps, { before: current, after: next }, audit, "contact.verify");
  };

export const listContacts =
  (deps: ContactDependencies) =>
  (filter: ContactFilter, page: PageRequest): Promise<Page<Versioned<Contact>>> =>
    deps.contacts.listContacts(filter, page, staleBefore(deskToday(deps.clock)));

/** Every contact the filter selects, page after page (for the export). */
export const allContacts = (deps: ContactDependencies) => async (filter: ContactFilter) => {
  const all: Contact[] = [];
  let cursor: string | undefined;
  do {
    const page = await listContacts(deps)(filter, { limit: 500, cursor });
    all.push(...page.items.map((item) => item.value));
    cursor = page.cursor;
  } while (cursor);
  return all;
};

/** Computed live from the contacts, so it follows time; the stored obligation is as of the last contact write. */
export const pointOfContactOf =
  (deps: ContactDependencies) =>
  async (iso3: string): Promise<PointOfContact> => {
    await getState(deps.registry)(iso3);
    const stored = await deps.contacts.pocObligation(iso3);
    const contacts = await deps.contacts.contactsOf({ kind: "state", iso3 });
    const coverage = pocCoverage(
      contacts.map((contact) => contact.value),
      deps.clock,
    );
    return {
      iso3,
      ...coverage,
      obligation: { status: stored?.status ?? "unknown", view: stored?.view },
    };
  };

/**
 * Brings a State's stored obligation in step with its contacts as of today, writing only when it differs
 * (for the seed now, and the daily refresh job later). Answers whether it wrote.
 */
export const refreshPointOfContact =
  (deps: ContactDependencies) =>
  (iso3: string, audit: AuditContext): Promise<boolean> =>
    retryOnRace(async () => {
      const poc = await pocChangeFor(deps, iso3, []);
      if (poc.before.status === poc.after.status && poc.before.view === poc.after.view) return false;
      await deps.contacts.savePointOfContact(poc, audit);
      return true;
    });
