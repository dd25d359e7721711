// Use cases on the registry of States: read one, list them, correct a State's correspondence language.
import type { AuditContext } from "../audit/audit-entry.ts";
import { saysTheSame } from "../canonical-json.ts";
import { type GuardedWrite, MAX_TRANSACTION_ITEMS } from "../dynamo/transaction.ts";
import { Conflict, Invalid, NotFound, PreconditionFailed } from "../errors.ts";
import type { Versioned } from "../versioning.ts";
import type { ListStatesQuery, RegistryRepository } from "./repository.ts";
import type { State, StateChanges, UnLanguage } from "./schemas.ts";

export const getState =
  (repo: RegistryRepository) =>
  async (iso3: string): Promise<Versioned<State>> => {
    const state = await repo.getState(iso3);
    if (!state) throw new NotFound("State", iso3);
    return state;
  };

/** A State a request's body names must exist: one that does not is the body's fault (422 at `path`), not a 404. */
export const stateNamedInBody =
  (repo: RegistryRepository) =>
  async (iso3: string, path: string, title = "The State does not exist"): Promise<Versioned<State>> => {
    const state = await repo.getState(iso3);
    if (!state) throw new Invalid(title, [{ path, message: `no Member State ${iso3}` }]);
    return state;
  };

export const listStates = (repo: RegistryRepository) => (query: ListStatesQuery) => repo.listStates(query);

/** The contacts that follow a State's language of record (shared/contacts/repository.ts). */
export interface LanguageFollowers {
  languageCascadeWrites(iso3: string, from: UnLanguage, to: UnLanguage, audit: AuditContext): Promise<GuardedWrite[]>;
}

/** A State's item, its audit entry, and a write and an audit entry per contact: one transaction holds this many. */
const MAX_FOLLOWERS = (MAX_TRANSACTION_ITEMS - 2) / 2;

/**
 * The language basis becomes `confirmed`: a person has set it, so it is no longer a guess from the data file.
 * The caller's version is checked again by the write itself, so a change made in between is never overwritten. A new
 * language is the language of record of the State's contacts that have none of their own: they change with it, each
 * audited, in the same transaction. The language it has, already confirmed, changes nothing: nothing is written.
 */
export const changeState =
  (repo: RegistryRepository, followers?: LanguageFollowers) =>
  async (iso3: string, expectedVersion: number, changes: StateChanges, audit: AuditContext) => {
    const current = await getState(repo)(iso3);
    if (current.version !== expectedVersion)
      throw new PreconditionFailed(`State ${iso3}`, current.version, expectedVersion);
    const corrected: State = { ...current.value, ...changes, languageBasis: "confirmed" };
    // Sent twice, or the language as confirmed already: no version, no audit entry, no contact of it asked about.
    if (saysTheSame(corrected, current.value)) return current;
    const cascade = followers
      ? await followers.languageCascadeWrites(iso3, current.value.language, changes.language, audit)
      : [];
    if (cascade.length / 2 > MAX_FOLLOWERS) {
      throw new Conflict(
        `${iso3} has ${cascade.length / 2} contacts following its language, more than one change can carry ` +
          `(${MAX_FOLLOWERS}); give some of them their own language first`,
      );
    }
    return repo.updateState(current, { ...changes, languageBasis: "confirmed" }, audit, cascade);
  };
