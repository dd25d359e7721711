// Use cases on the registry of States: read one, list them, correct a State's correspondence language.
import type { AuditContext } from "../audit/audit-entry.ts";
import { NotFound } from "../errors.ts";
import type { Versioned } from "../versioning.ts";
import type { ListStatesQuery, RegistryRepository } from "./repository.ts";
import type { State, StateChanges } from "./schemas.ts";

export const getState =
  (repo: RegistryRepository) =>
  async (iso3: string): Promise<Versioned<State>> => {
    const state = await repo.getState(iso3);
    if (!state) throw new NotFound("State", iso3);
    return state;
  };

export const listStates = (repo: RegistryRepository) => (query: ListStatesQuery) => repo.listStates(query);

/**
 * The language basis becomes `confirmed`: a person has set it, so it is no longer a guess from the data file.
 * The caller's version is checked by the write itself, so a change made in between is never overwritten.
 */
export const changeState =
  (repo: RegistryRepository) =>
  async (iso3: string, expectedVersion: number, changes: StateChanges, audit: AuditContext) => {
    const current = await getState(repo)(iso3);
    return repo.updateState(
      { value: current.value, version: expectedVersion },
      { ...changes, languageBasis: "confirmed" },
      audit,
    );
  };
