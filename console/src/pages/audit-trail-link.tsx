// "Audit trail" on a State's or an organization's page: its whole trail (audit-trail.tsx), offered only to the groups
// that may read it (the secretariat), as the navigation offers #/audit.
import { may } from "../auth/access.ts";
import type { Session } from "../auth/session.ts";
import { type AuditOwner, auditTrailHref } from "./audit-trail-query.ts";

const READS: Readonly<Record<AuditOwner["kind"], "GET /states/{iso3}/audit" | "GET /organizations/{id}/audit">> = {
  state: "GET /states/{iso3}/audit",
  organization: "GET /organizations/{id}/audit",
};

export function AuditTrailLink({ owner, name, session }: { owner: AuditOwner; name: string; session: Session }) {
  if (!may(session.group, READS[owner.kind])) return null;
  const filters = owner.kind === "state" ? { state: owner.iso3 } : { organization: owner.id };
  // The owner's name, heard only, tells this link from the navigation's "Audit trail".
  return (
    <p>
      <a href={auditTrailHref(filters)}>
        Audit trail<span class="visually-hidden"> of {name}</span>
      </a>
    </p>
  );
}
