// The front door: CloudFront in front of the HTTP API, behind an AWS WAF web ACL. CloudFront takes only web ACLs of
// scope CLOUDFRONT, which live in us-east-1, so the ACL has its own small stack there; the stateless stack reads its
// ARN through CDK's cross-region references (an SSM parameter written in the stage's region by a custom resource).
import { CfnOutput, Duration, Fn, Stack, type StackProps } from "aws-cdk-lib";
import type * as apigw from "aws-cdk-lib/aws-apigatewayv2";
import * as cloudfront from "aws-cdk-lib/aws-cloudfront";
import * as origins from "aws-cdk-lib/aws-cloudfront-origins";
import * as wafv2 from "aws-cdk-lib/aws-wafv2";
import { Construct } from "constructs";
import { numberContext } from "./context.ts";

/** HSTS for two years, subdomains included: the distribution answers HTTPS only, for the API and the console alike. */
export const HSTS_MAX_AGE = Duration.days(730);

/** The region CloudFront's web ACLs must live in. */
export const EDGE_REGION = "us-east-1";

/** AWS managed rule groups the web ACL runs, in order. */
export const MANAGED_RULE_GROUPS = ["AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet"] as const;

export class EdgeStack extends Stack {
  readonly webAcl: wafv2.CfnWebACL;
  /** Requests one IP may make in five minutes before WAF blocks it (`-c wafRateLimit=`). */
  readonly rateLimit: number;

  constructor(scope: Construct, id: string, props: StackProps) {
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
  }
}

export interface FrontDoorProps {
  api: apigw.HttpApi;
  /** The web ACL's ARN from the edge stack. */
  webAclArn: string;
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
    this.distribution = new cloudfront.Distribution(this, "Distribution", {
      comment: "The 1540 Committee desk",
      defaultBehavior: this.apiBehavior,
      webAclId: props.webAclArn,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_ALL,
      minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
    });
  }
}
