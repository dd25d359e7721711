// How a sentence names an owner (a State, an organization), from its name on record. Type imports only: the console
// compiles it too.
import type { Owner } from "./schemas.ts";

/**
 * An owner as a sentence names it, from its name on record: a State by its name, an organization after "the" ("the
 * International Atomic Energy Agency"); its code (DEU, iaea) when no name is known.
 */
export function ownerInText(owner: Owner, name: string | undefined): string {
  if (!name) return owner.kind === "state" ? owner.iso3 : owner.id;
  return owner.kind === "organization" ? `the ${name}` : name;
}
