// An organization is recorded once: by its id (the acronym's slug) and by its name, case and spacing aside. Accents
// are kept ("Organización" and "Organizacion" are two names): the desk does not guess which spelling is a typo.
// Refused with 409 naming the organization recorded, in words, at the field a form puts it. A retired organization
// keeps its id (letters and the audit trail name it) but no longer its name, which may be recorded again: a refusal by
// its id says so, and offers a free one.
import { Conflict, type FieldIssue } from "../errors.ts";
import { freeOrganizationId } from "./organization-id.ts";
import { isRetired, keptByRetiredWords, type Retirement } from "./retirement-words.ts";
import type { Organization } from "./schemas.ts";

/** One string per name: two organizations share a name exactly when theirs are equal. */
export function organizationNameKey(name: string): string {
  return name.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("en");
}

export const sameOrganizationName = (a: string, b: string) => organizationNameKey(a) === organizationNameKey(b);

export type RecordedOrganization = Pick<Organization, "id" | "name" | "acronym">;

/** What the check of a new record reads of each organization stored. */
type StoredOrganization = RecordedOrganization & Retirement;

type IdPath = "body.acronym" | "body.id";

const recordedIn = (held: RecordedOrganization) => `${held.acronym}, ${held.name}, is already recorded`;

/** A refusal of a second record of `held`, said at `path`: `words` at the field, `detail` for the whole. */
abstract class RecordedAlready extends Conflict {
  readonly issues: FieldIssue[];
  constructor(
    held: RecordedOrganization,
    path: string,
    words: string,
    detail = `${words}: an organization is recorded once`,
  ) {
    super(detail, { organizationId: held.id });
    this.issues = [{ path, message: words }];
  }
}

/** 409: another organization bears the name, case and spacing aside. */
export class OrganizationNameTaken extends RecordedAlready {
  constructor(held: RecordedOrganization) {
    super(held, "body.name", `${recordedIn(held)} under this name`);
  }
}

/**
 * A retired holder keeps its id alone (its name is free): the words say whose it is, since the list leaves it out,
 * and what to give instead, `free` (an id no one holds) among it.
 */
function keptByRetired(held: StoredOrganization, path: IdPath, free: string): string {
  const id = path === "body.id" ? `The id ${held.id}` : `This acronym's id, ${held.id},`;
  const instead = path === "body.id" ? `another id, such as ${free}` : `another acronym, or the id ${free}`;
  return `${id} ${keptByRetiredWords(held)}: give the new one ${instead}`;
}

/**
 * 409: the id is taken; at the acronym when the id is the acronym's slug, at the id when the request named it. `free`:
 * an id no one holds, offered when the holder is retired.
 */
export class OrganizationIdTaken extends RecordedAlready {
  constructor(held: StoredOrganization, path: IdPath = "body.acronym", free?: string) {
    const retired = isRetired(held) && free ? keptByRetired(held, path, free) : undefined;
    const how = path === "body.id" ? `with the id ${held.id}` : "with this acronym";
    super(held, path, retired ?? `${recordedIn(held)} ${how}`, retired);
  }
}

/**
 * Refuses `candidate` when one of `others` holds its id, or an active one its name. Read before writing, so that an
 * organization stored before the name guards existed (keys.ts `organizationNameGuardKey`) is found too.
 */
export function assertRecordedOnce(
  others: readonly StoredOrganization[],
  candidate: Pick<Organization, "id" | "name">,
  idPath?: IdPath,
): void {
  const sameId = others.find((other) => other.id === candidate.id);
  if (sameId) {
    // A free id is offered only beside a retired holder's (an active one's is refused as recorded).
    const free = isRetired(sameId) ? freeOrganizationId(sameId.id, new Set(others.map(({ id }) => id))) : undefined;
    throw new OrganizationIdTaken(sameId, idPath, free);
  }
  const sameName = others.find((other) => !isRetired(other) && sameOrganizationName(other.name, candidate.name));
  if (sameName) throw new OrganizationNameTaken(sameName);
}
