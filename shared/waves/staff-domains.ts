// Where a wave's test copy may go: addresses in the staff's own mail domains only, so a fully rendered letter never
// leaves the house before its wave does. The same list is the `ses:Recipients` condition on the correspondence
// function's permission to send (infra/mail.ts), so a bug here is still stopped by IAM.
import { Invalid } from "../errors.ts";

/** Off AWS the test copies reach the SES emulator only: the local secretariat's domain and the tests' one. */
export const LOCAL_STAFF_MAIL_DOMAINS: readonly string[] = ["desk.local", "desk.example"];

const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/**
 * The staff domains from STAFF_MAIL_DOMAINS (comma-separated, e.g. `un.org,desk.un.org`), or the local default when
 * it is unset. Read at cold start: a malformed entry fails the start, not a request.
 */
export function staffMailDomainsOf(env: NodeJS.ProcessEnv): readonly string[] {
  const raw = env.STAFF_MAIL_DOMAINS;
  if (!raw) return LOCAL_STAFF_MAIL_DOMAINS;
  const domains = raw.split(",").map((domain) => domain.trim().toLowerCase());
  const bad = domains.filter((domain) => !DOMAIN.test(domain));
  if (bad.length || !domains.length) {
    throw new Error(`STAFF_MAIL_DOMAINS must list mail domains separated by commas; not a domain: ${bad.join(", ")}`);
  }
  return domains;
}

/**
 * Refuses (422 at `path`) an address outside the staff domains. The domain must match exactly, as the IAM
 * condition `*@<domain>` does: a subdomain is a domain of its own and must be listed.
 */
export function assertStaffAddress(address: string, domains: readonly string[], path = "body.to"): void {
  const domain = address.slice(address.lastIndexOf("@") + 1).toLowerCase();
  if (!domains.includes(domain)) {
    throw new Invalid("A test copy goes to staff addresses only", [
      { path, message: `must be an address in a staff mail domain (${domains.join(", ")}); ${domain} is not one` },
    ]);
  }
}
