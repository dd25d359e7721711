// An organization is recorded once: by its id (the acronym's slug) and by its name, case and spacing aside. Accents
// are kept ("Organización" and "Organizacion" are two names): the desk does not guess which spelling is a typo.
// Refused with 409 naming the organization recorded, in words, at the field a form puts it.
import { Conflict, type FieldIssue } from "../errors.ts";
import type { Organization } from "./schemas.ts";

/** One string per name: two organizations share a name exactly when theirs are equal. */
export function organizationNameKey(name: string): string {
  return name.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("en");
}

export const sameOrganizationName = (a: string, b: string) => organizationNameKey(a) === organizationNameKey(b);

export type RecordedOrganization = Pick<Organization, "id" | "name" | "acronym">;

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
 * Refuses `candidate` when one of `others` holds its id or its name. Read before writing, so that an organization
 * stored before the name guards existed (keys.ts `organizationNameGuardKey`) is found too.
 */
export function assertRecordedOnce(
  others: readonly RecordedOrganization[],
  candidate: Pick<Organization, "id" | "name">,
  idPath?: "body.acronym" | "body.id",
): void {
  const sameId = others.find((other) => other.id === candidate.id);
  if (sameId) throw new OrganizationIdTaken(sameId, idPath);
  const sameName = others.find((other) => sameOrganizationName(other.name, candidate.name));
  if (sameName) throw new OrganizationNameTaken(sameName);
}
