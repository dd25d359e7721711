// The front door: CloudFront in front of the HTTP API, behind an AWS WAF web ACL, on its own domain when
// `-c domain=` gives one. CloudFront takes only web ACLs of scope CLOUDFRONT and ACM certificates from us-east-1, so
// the ACL and the certificate have their own small stack there; the stateless stack reads their ARNs through CDK's
// cross-region references (an SSM parameter written in the stage's region by a custom resource).
import { CfnOutput, Duration, Fn, Stack, type StackProps } from "aws-cdk-lib";
import type * as apigw from "aws-cdk-lib/aws-apigatewayv2";
import * as acm from "aws-cdk-lib/aws-certificatemanager";
import * as cloudfront from "aws-cdk-lib/aws-cloudfront";
import * as origins from "aws-cdk-lib/aws-cloudfront-origins";
import * as route53 from "aws-cdk-lib/aws-route53";
import * as targets from "aws-cdk-lib/aws-route53-targets";
import * as wafv2 from "aws-cdk-lib/aws-wafv2";
import { Construct } from "constructs";
import { numberContext, stringContext } from "./context.ts";
import { type HostedZoneContext, hostedZoneContext, importZone, requireInZone } from "./hosted-zone.ts";
import { sendingDomain } from "./mail.ts";

/** HSTS for two years, subdomains included: the distribution answers HTTPS only, for the API and the console alike. */
export const HSTS_MAX_AGE = Duration.days(730);

/** The region CloudFront's web ACLs must live in. */
export const EDGE_REGION = "us-east-1";

/** AWS managed rule groups the web ACL runs, in order. */
export const MANAGED_RULE_GROUPS = ["AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet"] as const;

/** `-c domain=`: the host name staff and tools use instead of CloudFront's, in the stage's hosted zone. */
export interface FrontDoorDomain {
  readonly name: string;
  readonly zone: HostedZoneContext;
}

/** The domain with its certificate's ARN (the edge stack's, us-east-1). */
export interface CertifiedDomain extends FrontDoorDomain {
  readonly certificateArn: string;
}

// Lowercase labels of letters, digits and inner dashes, at least two: what ACM and Route 53 take as a host name.
const HOST_NAME = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/;

/** `-c domain=`, checked, with the hosted zone it must be in; undefined without it. */
export function frontDoorDomain(scope: Construct): FrontDoorDomain | undefined {
  const name = stringContext(scope, "domain");
  if (!name) return undefined;
  if (!HOST_NAME.test(name)) {
    throw new Error(
      `Context domain=${name} is not a host name: two or more labels of lowercase letters, digits and dashes, ` +
        "separated by dots (e.g. desk.un.example)",
    );
  }
  const zone = hostedZoneContext(scope, sendingDomain(scope));
  if (!zone) {
    throw new Error(
      `Context domain=${name} needs hostedZone=<id>: the public Route 53 zone that holds it, where its certificate ` +
        "is validated and its address records go (with hostedZoneName=<its name> unless it is the sending domain's)",
    );
  }
  requireInZone(zone, name, "the front door's domain", "domain");
  return { name, zone };
}

export interface EdgeStackProps extends StackProps {
  /** `-c domain=`: its certificate is made here, where CloudFront takes certificates from. */
  domain?: FrontDoorDomain;
}

export class EdgeStack extends Stack {
  readonly webAcl: wafv2.CfnWebACL;
  /** Requests one IP may make in five minutes before WAF blocks it (`-c wafRateLimit=`). */
  readonly rateLimit: number;
  /** The front door's own domain and its certificate, when `-c domain=` gives one. */
  readonly domain: CertifiedDomain | undefined;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, props);
    this.rateLimit = numberContext(this, "wafRateLimit", {
      fallback: 1000,
      min: 10,
      max: 2_000_000_000,
      integer: true,
    });
    const visibility = (metricName: string): wafv2.CfnWebACL.VisibilityConfigProperty => ({
      cloudWatchMetricsEnabled: true,
      metricName,
      sampledRequestsEnabled: true,
    });
    const managed = MANAGED_RULE_GROUPS.map(
      (name, priority): wafv2.CfnWebACL.RuleProperty => ({
        name,
        priority,
        overrideAction: { none: {} },
        statement: {
          managedRuleGroupStatement: {
            vendorName: "AWS",
            name,
            // The common set blocks bodies over 8 KB; CSV imports and letter templates are larger, so that one rule
            // only counts. The API limits its own bodies.
            ...(name === "AWSManagedRulesCommonRuleSet"
              ? { ruleActionOverrides: [{ name: "SizeRestrictions_BODY", actionToUse: { count: {} } }] }
              : {}),
          },
        },
        visibilityConfig: visibility(name),
      }),
    );
    this.webAcl = new wafv2.CfnWebACL(this, "WebAcl", {
      scope: "CLOUDFRONT",
      defaultAction: { allow: {} },
      description: "The 1540 desk front door - AWS managed rules and a per-IP rate limit",
      rules: [
        ...managed,
        {
          name: "PerIpRateLimit",
          priority: managed.length,
          action: { block: {} },
          statement: {
            rateBasedStatement: { limit: this.rateLimit, evaluationWindowSec: 300, aggregateKeyType: "IP" },
          },
          visibilityConfig: visibility("PerIpRateLimit"),
        },
      ],
      visibilityConfig: visibility("Desk1540FrontDoor"),
    });
    new CfnOutput(this, "WebAclArn", { value: this.webAcl.attrArn });
    this.domain = props.domain && {
      ...props.domain,
      // The zone is global, so this region may write the validation records into it; the first deploy waits for them.
      certificateArn: new acm.Certificate(this, "Certificate", {
        domainName: props.domain.name,
        validation: acm.CertificateValidation.fromDns(importZone(this, props.domain.zone)),
      }).certificateArn,
    };
  }
}

export interface FrontDoorProps {
  api: apigw.HttpApi;
  /** The web ACL's ARN from the edge stack. */
  webAclArn: string;
  /** The custom domain and its certificate from the edge stack; CloudFront's own name alone without it. */
  domain?: CertifiedDomain;
}

/**
 * The CloudFront distribution: the API is its default behaviour, uncached, with the viewer's headers (Authorization
 * included) but not Host, which API Gateway needs to be its own. The staff console adds its own behaviours for
 * /console/ (infra/console-site.ts: an S3 origin behind an origin access control), a prefix no API route uses, so every
 * API path stays where it was (docs/adr/0017-production-readiness.md, docs/adr/0032-console-in-aws.md).
 */
export class FrontDoor extends Construct {
  readonly distribution: cloudfront.Distribution;
  /** The behaviour every API path uses (the default one). */
  readonly apiBehavior: cloudfront.BehaviorOptions;
  /** What CloudFront adds to every API answer: HSTS, and nosniff where the API has not said it already. */
  readonly apiHeaders: cloudfront.ResponseHeadersPolicy;
  /** `-c domain=`'s host name, when given. */
  readonly customDomain: string | undefined;
  /** https://<the custom domain, else the distribution's name>: where staff and tools reach the API and console. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: FrontDoorProps) {
    super(scope, id);
    // https://<id>.execute-api.<region>.amazonaws.com -> the host name
    const apiHost = Fn.select(2, Fn.split("/", props.api.apiEndpoint));
    // API Gateway's own answers (a throttle's 429, a missing route) pass here too, so the edge sends HSTS, not the app.
    this.apiHeaders = new cloudfront.ResponseHeadersPolicy(this, "ApiHeaders", {
      comment: "The 1540 desk API: HSTS and nosniff on every answer",
      securityHeadersBehavior: {
        strictTransportSecurity: { accessControlMaxAge: HSTS_MAX_AGE, includeSubdomains: true, override: true },
        contentTypeOptions: { override: true },
      },
    });
    this.apiBehavior = {
      origin: new origins.HttpOrigin(apiHost, {
        protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
        originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
      }),
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
      cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
      originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      responseHeadersPolicy: this.apiHeaders,
    };
    const { domain } = props;
    this.distribution = new cloudfront.Distribution(this, "Distribution", {
      comment: "The 1540 Committee desk",
      defaultBehavior: this.apiBehavior,
      webAclId: props.webAclArn,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_ALL,
      // A security policy needs a certificate of the distribution's own: CloudFront's default one allows TLSv1
      // whatever is asked (AwsSolutions-CFR4, infra/nag.ts).
      ...(domain
        ? {
            domainNames: [domain.name],
            certificate: acm.Certificate.fromCertificateArn(this, "Certificate", domain.certificateArn),
            minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
    });
    this.customDomain = domain?.name;
    this.url = `https://${domain?.name ?? this.distribution.distributionDomainName}`;
    if (domain) {
      const zone = importZone(this, domain.zone);
      const target = route53.RecordTarget.fromAlias(new targets.CloudFrontTarget(this.distribution));
      new route53.ARecord(this, "AddressIpv4", { zone, recordName: domain.name, target });
      new route53.AaaaRecord(this, "AddressIpv6", { zone, recordName: domain.name, target });
    }
  }
}
