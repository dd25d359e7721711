// The staff console in AWS (issue 17, item 8): a private bucket behind an origin access control, served under
// /console/ of the API's distribution with a strict CSP and HSTS, the stage's login config written at deploy, and the
// shared staff client sending the browser back to it.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Template } from "aws-cdk-lib/assertions";
import { afterAll, describe, expect, it } from "vitest";
import { API_SCOPE } from "../../infra/api-scope.ts";
import { CONSOLE_PATH_PATTERNS, consoleIndexFunction } from "../../infra/console-site.ts";
import { buildApp } from "../../infra/desk-app.ts";
import { HSTS_MAX_AGE } from "../../infra/front-door.ts";
import { buildConsole } from "../../infra/local/console.ts";
import { LOGIN_REDIRECT_URI } from "../../infra/sign-in.ts";
import {
  actionsOf,
  logicalId,
  must,
  newApp,
  type Resource,
  resourcesOf,
  roleStatements,
  viewerRequest,
} from "./desk-template.ts";

const app = newApp();
const { stateless } = buildApp(app);
const template = Template.fromStack(stateless);
const id = (construct: { node: { defaultChild?: unknown } }) => logicalId(stateless, construct);
const site = stateless.consoleSite;
/** The managed login's address, as Cognito forms it from the login domain's prefix (the resource's `Domain`). */
const loginDomainUrl = (() => {
  const [domain] = Object.values(resourcesOf(template, "AWS::Cognito::UserPoolDomain"));
  return `https://${String(domain?.Properties.Domain)}.auth.eu-west-1.amazoncognito.com`;
})();
const consoleUrl = {
  "Fn::Join": ["", ["https://", { "Fn::GetAtt": [id(stateless.frontDoor.distribution), "DomainName"] }, "/console/"]],
};

interface Behavior {
  PathPattern?: string;
  TargetOriginId: string;
  AllowedMethods: string[];
  ViewerProtocolPolicy: string;
  ResponseHeadersPolicyId?: unknown;
  FunctionAssociations?: { EventType: string; FunctionARN: unknown }[];
}
const distributionConfig = (
  must(Object.values(resourcesOf(template, "AWS::CloudFront::Distribution"))[0], "distribution").Properties as {
    DistributionConfig: {
      DefaultCacheBehavior: Behavior;
      CacheBehaviors: Behavior[];
      Origins: { Id: string; DomainName: unknown; OriginAccessControlId?: unknown }[];
    };
  }
).DistributionConfig;

describe("the console's bucket", () => {
  it("is private, encrypted, versioned, and refuses anything but TLS", () => {
    template.hasResourceProperties("AWS::S3::Bucket", {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } }],
      },
      VersioningConfiguration: { Status: "Enabled" },
      OwnershipControls: { Rules: [{ ObjectOwnership: "BucketOwnerEnforced" }] },
    });
    const policy = Object.values(resourcesOf(template, "AWS::S3::BucketPolicy")).find(
      (found) => JSON.stringify(found.Properties.Bucket) === JSON.stringify({ Ref: id(site.bucket) }),
    );
    const statements = (
      must(policy, "bucket policy").Properties.PolicyDocument as { Statement: Record<string, unknown>[] }
    ).Statement;
    expect(statements).toContainEqual(
      expect.objectContaining({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } }),
    );
    // Only CloudFront reads it, and only for this distribution (the origin access control signs its requests).
    const reads = statements.filter((statement) => statement.Effect === "Allow");
    expect(reads).toEqual([
      expect.objectContaining({
        Action: "s3:GetObject",
        Principal: { Service: "cloudfront.amazonaws.com" },
        Condition: {
          StringEquals: {
            "AWS:SourceArn": {
              "Fn::Join": ["", expect.arrayContaining([{ Ref: id(stateless.frontDoor.distribution) }])],
            },
          },
        },
      }),
    ]);
    template.hasResourceProperties("AWS::CloudFront::OriginAccessControl", {
      OriginAccessControlConfig: {
        OriginAccessControlOriginType: "s3",
        SigningBehavior: "always",
        SigningProtocol: "sigv4",
      },
    });
  });
});

describe("the distribution", () => {
  it("keeps the API as its default behaviour and sends /console/ to the bucket through the access control", () => {
    const bucketOrigin = distributionConfig.Origins.find((origin) => origin.OriginAccessControlId !== undefined);
    expect(JSON.stringify(bucketOrigin?.DomainName)).toContain(id(site.bucket));
    const apiOrigin = distributionConfig.Origins.find((origin) =>
      JSON.stringify(origin.DomainName).includes(id(stateless.api)),
    );
    expect(distributionConfig.DefaultCacheBehavior.TargetOriginId).toBe(apiOrigin?.Id);
    const consoleBehaviors = distributionConfig.CacheBehaviors.filter(
      (behavior) => behavior.TargetOriginId === bucketOrigin?.Id,
    );
    expect(consoleBehaviors.map((behavior) => behavior.PathPattern).sort()).toEqual([...CONSOLE_PATH_PATTERNS].sort());
    for (const behavior of consoleBehaviors) {
      expect(behavior).toMatchObject({
        AllowedMethods: ["GET", "HEAD"],
        ViewerProtocolPolicy: "redirect-to-https",
        ResponseHeadersPolicyId: { Ref: id(site.responseHeaders) },
        FunctionAssociations: [{ EventType: "viewer-request", FunctionARN: expect.anything() }],
      });
    }
    // No API path starts with /console: nothing the API answers moves to the bucket.
    expect(distributionConfig.CacheBehaviors).toHaveLength(CONSOLE_PATH_PATTERNS.length);
    const routeKeys = Object.values(resourcesOf(template, "AWS::ApiGatewayV2::Route")).map((route) =>
      String(route.Properties.RouteKey),
    );
    expect(routeKeys.length).toBeGreaterThan(10);
    expect(routeKeys.filter((key) => key.split(" ")[1]?.startsWith("/console"))).toEqual([]);
  });

  it("answers /console/ with index.html and moves /console under it, leaving files alone", () => {
    const handler = viewerRequest(consoleIndexFunction(undefined));
    expect(handler({ request: { uri: "/console/" } }).uri).toBe("/console/index.html");
    expect(handler({ request: { uri: "/console/assets/index-abc.js" } }).uri).toBe("/console/assets/index-abc.js");
    expect(handler({ request: { uri: "/console" } })).toMatchObject({
      statusCode: 308,
      headers: { location: { value: "/console/" } },
    });
    template.hasResourceProperties("AWS::CloudFront::Function", {
      FunctionCode: consoleIndexFunction(undefined),
      FunctionConfig: { Runtime: "cloudfront-js-2.0" },
    });
  });

  it("sends a strict CSP (self and the managed login's domain only, no inline script), HSTS and no framing", () => {
    const policy = Object.values(resourcesOf(template, "AWS::CloudFront::ResponseHeadersPolicy"))
      .map((resource) => resource.Properties.ResponseHeadersPolicyConfig as { Comment?: string })
      .find((config) => config.Comment?.includes("console")) as {
      SecurityHeadersConfig: Record<string, Record<string, unknown>>;
    };
    const security = policy.SecurityHeadersConfig;
    const csp = JSON.stringify(security.ContentSecurityPolicy?.ContentSecurityPolicy);
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-eval");
    // connect-src: this origin (the API) and the managed login's token and revocation endpoints.
    expect(csp).toContain(`connect-src 'self' ${loginDomainUrl};`);
    expect(security.StrictTransportSecurity).toEqual({
      AccessControlMaxAgeSec: HSTS_MAX_AGE.toSeconds(),
      IncludeSubdomains: true,
      Override: true,
    });
    expect(HSTS_MAX_AGE.toSeconds()).toBeGreaterThanOrEqual(365 * 24 * 3600);
    expect(security.ContentTypeOptions).toEqual({ Override: true });
    expect(security.FrameOptions).toEqual({ FrameOption: "DENY", Override: true });
    expect(security.ReferrerPolicy).toEqual({ ReferrerPolicy: "no-referrer", Override: true });
  });
});

describe("the console's deployment", () => {
  const deployments = resourcesOf(template, "Custom::CDKBucketDeployment");
  // A deployment's resource is its custom resource's.
  const deploymentId = (deployment: typeof site.page) => id(deployment.node.findChild("CustomResource"));
  const assets = must(deployments[deploymentId(site.assets)], "assets deployment");
  const page = must(deployments[deploymentId(site.page)], "page deployment");

  it("puts the hashed assets first, cached for a year, then index.html and config.json, revalidated each time", () => {
    expect(assets.Properties).toMatchObject({
      DestinationBucketKeyPrefix: "console/",
      Exclude: ["index.html", "config.json"],
      Prune: false,
      SystemMetadata: { "cache-control": "public, max-age=31536000, immutable" },
    });
    expect(page.Properties).toMatchObject({
      DestinationBucketKeyPrefix: "console/",
      Exclude: ["*"],
      Include: ["index.html", "config.json"],
      SystemMetadata: { "cache-control": "no-cache" },
      DistributionId: { Ref: id(stateless.frontDoor.distribution) },
      DistributionPaths: ["/console/*"],
    });
    expect((page as Resource & { DependsOn?: string[] }).DependsOn).toContain(deploymentId(site.assets));
  });

  it("writes the stage's login config at deploy: the managed login, the shared client, the API's scope, the console", () => {
    const keys = page.Properties.SourceObjectKeys as string[];
    const markers = (page.Properties.SourceMarkers as Record<string, unknown>[])[1] ?? {};
    const configZip = keys[1] ?? "";
    const staged = join(app.outdir, `asset.${configZip.replace(/\.zip$/, "")}`, "config.json");
    const config = JSON.parse(readFileSync(staged, "utf8")) as Record<string, string>;
    const resolved = Object.fromEntries(
      Object.entries(config).map(([key, text]) => [
        key,
        text.replace(/<<marker:0xbaba:(\d+)>>/g, (_, n: string) => JSON.stringify(markers[`<<marker:0xbaba:${n}>>`])),
      ]),
    );
    const domainName = JSON.stringify({ "Fn::GetAtt": [id(stateless.frontDoor.distribution), "DomainName"] });
    expect(resolved).toEqual({
      scope: `openid email profile ${API_SCOPE}`,
      loginDomainUrl,
      clientId: JSON.stringify({ Ref: id(stateless.userPoolClient) }),
      redirectUri: `https://${domainName}/console/`,
      logoutUri: `https://${domainName}/console/`,
    });
  });

  it("fails the synth naming the command when the console is not built", () => {
    const missing = mkdtempSync(join(tmpdir(), "desk-no-console-"));
    try {
      expect(() => buildApp(newApp({ context: { consoleDir: missing } }))).toThrow(
        /console is not built in .*npm run console:build -- --no-local-sign-in/,
      );
    } finally {
      rmSync(missing, { recursive: true, force: true });
    }
  });
});

describe("CDK's deployment handler", () => {
  it("may write the console's bucket, read the CDK asset bucket, and invalidate, nothing more", () => {
    const role = must(
      Object.keys(resourcesOf(template, "AWS::IAM::Role")).find((found) =>
        found.startsWith("CustomCDKBucketDeployment"),
      ),
      "the BucketDeployment handler's role",
    );
    const statements = roleStatements(template, role);
    const resources = statements.flatMap((statement) => [statement.Resource].flat()).map((arn) => JSON.stringify(arn));
    for (const arn of resources) {
      expect(arn.includes(id(site.bucket)) || arn.includes("cdk-hnb659fds-assets-") || arn === '"*"', arn).toBe(true);
    }
    const bare = statements.filter((statement) => statement.Resource === "*").flatMap(actionsOf);
    expect(bare.sort()).toEqual(["cloudfront:CreateInvalidation", "cloudfront:GetInvalidation"]);
    const writes = statements
      .filter((statement) => actionsOf(statement).some((action) => /^s3:(Put|Delete)/.test(action)))
      .flatMap((statement) => [statement.Resource].flat())
      .map((arn) => JSON.stringify(arn));
    for (const arn of writes) expect(arn).toContain(id(site.bucket));
  });
});

describe("sign-in for the console", () => {
  it("lets the one staff client send the browser back to the console and to the terminal, with the API's scope", () => {
    const clients = Object.values(resourcesOf(template, "AWS::Cognito::UserPoolClient"));
    expect(clients).toHaveLength(1);
    const client = clients[0]?.Properties ?? {};
    expect(client.CallbackURLs).toEqual([LOGIN_REDIRECT_URI, consoleUrl]);
    expect(client.LogoutURLs).toEqual([LOGIN_REDIRECT_URI, consoleUrl]);
    expect(client.AllowedOAuthFlows).toEqual(["code"]);
    expect(client.GenerateSecret).toBe(false);
    expect(client.EnableTokenRevocation).toBe(true);
    expect(JSON.stringify(client.AllowedOAuthScopes)).toContain(`"/${API_SCOPE.split("/")[1]}"`);
    expect(template.toJSON().Outputs.ConsoleUrl.Value).toEqual(consoleUrl);
  });
});

describe("the deployable build", () => {
  const outDir = mkdtempSync(join(tmpdir(), "desk-console-deploy-"));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it("carries the managed login and its config, no local sign-in and no inline script", async () => {
    await buildConsole({ localSignIn: false, outDir });
    const html = readFileSync(join(outDir, "index.html"), "utf8");
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const scripts = readdirSync(join(outDir, "assets"))
      .filter((file) => file.endsWith(".js"))
      .map((file) => readFileSync(join(outDir, "assets", file), "utf8"))
      .join("\n");
    expect(scripts).toContain("/console/config.json");
    expect(scripts).toContain("/oauth2/token");
    expect(scripts).not.toContain("/console/local-token");
    expect(existsSync(join(outDir, "config.json"))).toBe(false);
  });
});
