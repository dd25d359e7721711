// Use cases on organizations: read one, list them, add one, correct one (retiring one: retirement.ts).
import type { AuditContext } from "../audit/audit-entry.ts";
import { saysTheSame } from "../canonical-json.ts";
import type { Clock } from "../clock.ts";
import { everyPage } from "../dynamo/every-page.ts";
import { Invalid, NotFound, PreconditionFailed } from "../errors.ts";
import type { Versioned } from "../versioning.ts";
import { organizationSlug } from "./organization-id.ts";
import { assertRecordedOnce, sameOrganizationName } from "./recorded-once.ts";
import type { ListOrganizationsQuery, OrganizationRepository } from "./repository.ts";
import { assertNotRetired, NOTHING_NEW } from "./retired.ts";
import { type NewOrganization, type Organization, type OrganizationChanges, organizationIdSchema } from "./schemas.ts";

export interface OrganizationDependencies {
  organizations: OrganizationRepository;
  clock: Clock;
}

export const getOrganization =
  ({ organizations }: Pick<OrganizationDependencies, "organizations">) =>
  async (id: string): Promise<Versioned<Organization>> => {
    const organization = await organizations.getOrganization(id);
    if (!organization) throw new NotFound("Organization", id);
    return organization;
  };

/**
 * An organization a request's body names (a new contact's owner, a new offer's provider) must exist: one that does not
 * is the body's fault (422 at `path`), not a 404. A retired one takes nothing new (409).
 */
export const organizationNamedInBody =
  ({ organizations }: Pick<OrganizationDependencies, "organizations">) =>
  async (id: string, path: string, title = "The organization does not exist"): Promise<Versioned<Organization>> => {
    const organization = await organizations.getOrganization(id);
    if (!organization) throw new Invalid(title, [{ path, message: `no organization ${id}` }]);
    assertNotRetired(organization.value, NOTHING_NEW);
    return organization;
  };

export const listOrganizations =
  ({ organizations }: OrganizationDependencies) =>
  (query: ListOrganizationsQuery) =>
    organizations.listOrganizations(query);

/**
 * Every organization stored: a few dozen, read whole. A new name is checked against theirs, since those seeded or
 * stored before the name guards existed hold no guard (the guards keep two writes at once apart).
 */
async function storedOrganizations(organizations: OrganizationRepository): Promise<Organization[]> {
  return (await everyPage((page) => organizations.listOrganizations(page))).map(({ value }) => value);
}

/**
 * The id defaults to the acronym's slug. Refused with 409 when the id is taken, or the name (case and spacing aside):
 * read first, then by the conditional write and the name's guard for two added at once.
 */
export const createOrganization =
  ({ organizations, clock }: OrganizationDependencies) =>
  async (input: NewOrganization, audit: AuditContext): Promise<Versioned<Organization>> => {
    const id = input.id ?? organizationSlug(input.acronym);
    if (!organizationIdSchema.safeParse(id).success) {
      throw new Invalid("The organization needs an id", [
        { path: "body.id", message: "the acronym gives no usable slug; send an id such as iaea" },
      ]);
    }
    const idPath = input.id ? "body.id" : "body.acronym";
    assertRecordedOnce(await storedOrganizations(organizations), { id, name: input.name }, idPath);
    const { id: _, ...fields } = input;
    return organizations.createOrganization({ ...fields, id, updatedAt: clock.now().toISOString() }, audit);
  };

/**
 * `null` clears an optional field; the caller's version is checked again by the write itself. A new name (not only its
 * case or spacing) is refused with 409 when another organization bears it, and so is any change to a retired one. One
 * that changes nothing writes nothing and answers the organization as it stands.
 */
export const changeOrganization =
  (deps: OrganizationDependencies) =>
  async (
    id: string,
    expectedVersion: number,
    changes: OrganizationChanges,
    audit: AuditContext,
  ): Promise<Versioned<Organization>> => {
    const current = await getOrganization(deps)(id);
    if (current.version !== expectedVersion)
      throw new PreconditionFailed(`Organization ${id}`, current.version, expectedVersion);
    assertNotRetired(current.value, "it is history and stays as it was");
    if (changes.name !== undefined && !sameOrganizationName(changes.name, current.value.name)) {
      const others = (await storedOrganizations(deps.organizations)).filter((other) => other.id !== id);
      assertRecordedOnce(others, { id, name: changes.name });
    }
    const { region, note, ...rest } = changes;
    const corrected: Organization = {
      ...current.value,
      ...rest,
      region: region === null ? undefined : (region ?? current.value.region),
      note: note === null ? undefined : (note ?? current.value.note),
    };
    // A correction that says what the record says already (a form sent twice) is no change: nothing to version or audit.
    if (saysTheSame(corrected, current.value)) return current;
    const next: Organization = { ...corrected, updatedAt: deps.clock.now().toISOString() };
    return deps.organizations.updateOrganization(current.value, expectedVersion, next, audit);
  };
