// An organization is recorded once: by its id (the acronym's slug) and by its name, case and spacing aside. Accents
// are kept ("Organización" and "Organizacion" are two names): the desk does not guess which spelling is a typo.
// Refused with 409 naming the organization recorded, in words, at the field a form puts it. A retired organization
// keeps its id (letters and the audit trail name it) but no longer its name, which may be recorded again.
import { Conflict, type FieldIssue } from "../errors.ts";
import { isRetired } from "./retirement-words.ts";
import type { Organization } from "./schemas.ts";

/** One string per name: two organizations share a name exactly when theirs are equal. */
export function organizationNameKey(name: string): string {
  return name.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("en");
}

export const sameOrganizationName = (a: string, b: string) => organizationNameKey(a) === organizationNameKey(b);

export type RecordedOrganization = Pick<Organization, "id" | "name" | "acronym">;

/** What the check of a new record reads of each organization stored. */
type StoredOrganization = RecordedOrganization & Pick<Organization, "retiredOn">;

const recordedIn = (held: RecordedOrganization) => `${held.acronym}, ${held.name}, is already recorded`;

/** A refusal of a second record of `held`, said at `path`. */
abstract class RecordedAlready extends Conflict {
  readonly issues: FieldIssue[];
  constructor(held: RecordedOrganization, path: string, how: string) {
    const words = `${recordedIn(held)} ${how}`;
    super(`${words}: an organization is recorded once`, { organizationId: held.id });
    this.issues = [{ path, message: words }];
  }
}

/** 409: another organization bears the name, case and spacing aside. */
export class OrganizationNameTaken extends RecordedAlready {
  constructor(held: RecordedOrganization) {
    super(held, "body.name", "under this name");
  }
}

/** 409: the id is taken; at the acronym when the id is the acronym's slug, at the id when the request named it. */
export class OrganizationIdTaken extends RecordedAlready {
  constructor(held: RecordedOrganization, path: "body.acronym" | "body.id" = "body.acronym") {
    super(held, path, path === "body.id" ? `with the id ${held.id}` : "with this acronym");
  }
}

/**
 * Refuses `candidate` when one of `others` holds its id, or an active one its name. Read before writing, so that an
 * organization stored before the name guards existed (keys.ts `organizationNameGuardKey`) is found too.
 */
export function assertRecordedOnce(
  others: readonly StoredOrganization[],
  candidate: Pick<Organization, "id" | "name">,
  idPath?: "body.acronym" | "body.id",
): void {
  const sameId = others.find((other) => other.id === candidate.id);
  if (sameId) throw new OrganizationIdTaken(sameId, idPath);
  const sameName = others.find((other) => !isRetired(other) && sameOrganizationName(other.name, candidate.name));
  if (sameName) throw new OrganizationNameTaken(sameName);
}
