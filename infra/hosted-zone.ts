// The stage's public Route 53 zone (`-c hostedZone=<id>`, named by `-c hostedZoneName=`), read in one place for the
// records written into it: the sending domain's (infra/mail.ts) and the front door's custom domain (infra/front-door.ts).
import * as route53 from "aws-cdk-lib/aws-route53";
import type { Construct } from "constructs";
import { stringContext } from "./context.ts";

export interface HostedZoneContext {
  readonly hostedZoneId: string;
  /** Lowercase, without the final dot. */
  readonly zoneName: string;
  /** Where the name came from, for a synth error: `hostedZoneName=un.example`, or the default it fell back to. */
  readonly namedBy: string;
}

/**
 * `-c hostedZone=<id>` with its name, `-c hostedZoneName=`, or else the sending domain's (mailFrom's: the zone is the
 * sending domain's own unless named otherwise); undefined without a zone.
 */
export function hostedZoneContext(scope: Construct, sendingDomain: string): HostedZoneContext | undefined {
  const hostedZoneId = stringContext(scope, "hostedZone");
  if (!hostedZoneId) return undefined;
  const given = stringContext(scope, "hostedZoneName");
  const zoneName = (given ?? sendingDomain).toLowerCase().replace(/\.$/, "");
  const namedBy = given ? `hostedZoneName=${zoneName}` : `hostedZoneName (not given: the sending domain ${zoneName})`;
  return { hostedZoneId, zoneName, namedBy };
}

/** Fails the synth unless `domain` (`what`, from context `key`) is the zone's name or a name under it. */
export function requireInZone(zone: HostedZoneContext, domain: string, what: string, key: string): void {
  if (domain === zone.zoneName || domain.endsWith(`.${zone.zoneName}`)) return;
  throw new Error(
    `Context ${zone.namedBy} must be ${what} ${domain} or a parent of it (${key}): its records go into ` +
      `hostedZone=${zone.hostedZoneId}`,
  );
}

/** The zone, imported: it exists already (and is global, so any stack's region may import it). */
export function importZone(scope: Construct, zone: HostedZoneContext): route53.IPublicHostedZone {
  return route53.PublicHostedZone.fromPublicHostedZoneAttributes(scope, "Zone", {
    hostedZoneId: zone.hostedZoneId,
    zoneName: zone.zoneName,
  });
}
