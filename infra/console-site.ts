// The staff console in AWS: its build in a private S3 bucket, read by CloudFront through an origin access control
// under /console/ of the API's own distribution (one origin, no CORS), with the console's security headers (a strict
// CSP that lets the browser reach only this origin and the managed login's token endpoint, HSTS), and the stage's
// login config written beside it at deploy time, so one build serves every stage (ADR 0032).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CfnOutput, Duration, Stack } from "aws-cdk-lib";
import * as cloudfront from "aws-cdk-lib/aws-cloudfront";
import * as origins from "aws-cdk-lib/aws-cloudfront-origins";
import * as s3 from "aws-cdk-lib/aws-s3";
import { BucketDeployment, CacheControl, Source } from "aws-cdk-lib/aws-s3-deployment";
import { Construct } from "constructs";
import type { LoginConfig } from "../console/src/auth/oauth.ts";
import { API_SCOPE } from "./api-scope.ts";
import { type FrontDoor, HSTS_MAX_AGE } from "./front-door.ts";
import { buildConsole, CONSOLE_BASE, CONSOLE_CSP, CONSOLE_HEADERS, consoleSourceHash } from "./local/console.ts";
import { type NameRule, stageScopedName } from "./physical-names.ts";
import type { StaffSignIn } from "./sign-in.ts";

/** Where the deployable build goes: never the local build in console/dist, which carries the local sign-in. */
export const DEPLOYABLE_CONSOLE_DIR = fileURLToPath(new URL("../console/dist-deploy", import.meta.url));
const SOURCE_STAMP = ".source-hash";
/** The path patterns CloudFront sends to the bucket; every other path stays the API's. */
export const CONSOLE_PATH_PATTERNS = ["/console/*", "/console"] as const;
/** The stage's login config, beside index.html (console/src/auth/cognito-sign-in.tsx reads it). */
export const LOGIN_CONFIG_FILE = "config.json";

/**
 * Builds the console without the local sign-in into DEPLOYABLE_CONSOLE_DIR unless the build there was made from the
 * same sources; `cdk synth` runs it first (infra/app.ts), so what deploys is what the sources say.
 */
export async function ensureDeployableConsole(log: (line: string) => void = () => undefined): Promise<boolean> {
  const hash = consoleSourceHash();
  const stamp = join(DEPLOYABLE_CONSOLE_DIR, SOURCE_STAMP);
  const current = existsSync(stamp) && readFileSync(stamp, "utf8") === hash;
  if (current && existsSync(join(DEPLOYABLE_CONSOLE_DIR, "index.html"))) return false;
  log(`building the console for deployment into ${DEPLOYABLE_CONSOLE_DIR}`);
  await buildConsole({ localSignIn: false, outDir: DEPLOYABLE_CONSOLE_DIR });
  writeFileSync(stamp, hash);
  return true;
}

/** The console's CSP on AWS: the local one, but the browser also posts to the managed login's token endpoint. */
export function deployedConsoleCsp(loginDomainUrl: string): string {
  const csp = CONSOLE_CSP.replace("connect-src 'self'", `connect-src 'self' ${loginDomainUrl}`);
  if (csp === CONSOLE_CSP) throw new Error("CONSOLE_CSP has no connect-src 'self' to extend");
  return csp;
}

/** Answered by the policy's security headers; the rest of CONSOLE_HEADERS go out as custom headers. */
const SECURITY_HEADERS = new Set([
  "content-security-policy",
  "x-content-type-options",
  "x-frame-options",
  "referrer-policy",
  "strict-transport-security",
]);

/**
 * The console's viewer-request function. The bucket has objects, not directories: "/console/" is its index.html, and
 * "/console" moves under it. With a custom domain, the console asked for at any other name (CloudFront's own, which
 * still answers: ADR 0058) moves to the domain first, the path kept (the browser keeps the #/route): a sign-in started
 * at the old name would come back to the domain and fail there, its verifier left in the old origin's storage.
 * Browsers keep a 301: a stage that later drops its domain leaves old visitors sent there (docs/operations.md).
 */
export function consoleIndexFunction(domain: string | undefined): string {
  // The query goes along as it came (its values as sent, as AWS's own examples put them back together).
  const toDomain = domain
    ? `
  var host = request.headers.host ? request.headers.host.value : "";
  if (host !== ${JSON.stringify(domain)}) {
    var query = [];
    for (var name in request.querystring) {
      var field = request.querystring[name];
      (field.multiValue || [field]).forEach(function (one) {
        query.push(one.value === "" ? name : name + "=" + one.value);
      });
    }
    var location = ${JSON.stringify(`https://${domain}`)} + request.uri + (query.length ? "?" + query.join("&") : "");
    return { statusCode: 301, statusDescription: "Moved Permanently", headers: { location: { value: location } } };
  }`
    : "";
  return `function handler(event) {
  var request = event.request;${toDomain}
  if (request.uri === "/console") {
    return { statusCode: 308, statusDescription: "Permanent Redirect", headers: { location: { value: "/console/" } } };
  }
  if (request.uri.endsWith("/")) request.uri += "index.html";
  return request;
}`;
}

const FUNCTION_NAME: NameRule = { what: "A CloudFront Function name", maxLength: 64, characters: "a-zA-Z0-9_-" };

export interface ConsoleSiteProps {
  /** The front door: the API stays its distribution's default behaviour, the console gets /console/ of its url. */
  frontDoor: FrontDoor;
  signIn: StaffSignIn;
  /** The console's deployable build (index.html and assets/); DEPLOYABLE_CONSOLE_DIR by default. */
  siteDir?: string;
}

export class ConsoleSite extends Construct {
  readonly bucket: s3.Bucket;
  readonly responseHeaders: cloudfront.ResponseHeadersPolicy;
  /** The hashed assets, cached for a year; deployed first. */
  readonly assets: BucketDeployment;
  /** index.html and config.json, revalidated on every load; deployed after the assets they name. */
  readonly page: BucketDeployment;
  /** https://<the front door's domain>/console/: where staff go, and where the managed login sends them back. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: ConsoleSiteProps) {
    super(scope, id);
    const siteDir = props.siteDir ?? DEPLOYABLE_CONSOLE_DIR;
    if (!existsSync(join(siteDir, "index.html"))) {
      throw new Error(
        `${this.node.path}: the console is not built in ${siteDir}; cdk synth builds it (infra/app.ts), or run ` +
          "npm run console:build -- --no-local-sign-in",
      );
    }
    const { signIn } = props;
    const { distribution } = props.frontDoor;
    this.url = `${props.frontDoor.url}${CONSOLE_BASE}`;

    this.bucket = new s3.Bucket(this, "Bucket", {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: true,
      // Versions let a bad deploy be rolled back by hand for a month; older ones are only build output.
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(30) }],
    });

    this.responseHeaders = new cloudfront.ResponseHeadersPolicy(this, "Headers", {
      comment: "The 1540 desk console: strict CSP, HSTS, no framing, no referrer",
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: deployedConsoleCsp(signIn.domainUrl), override: true },
        strictTransportSecurity: { accessControlMaxAge: HSTS_MAX_AGE, includeSubdomains: true, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.NO_REFERRER, override: true },
      },
      customHeadersBehavior: {
        customHeaders: Object.entries(CONSOLE_HEADERS)
          .filter(([header]) => !SECURITY_HEADERS.has(header))
          .map(([header, value]) => ({ header, value, override: true })),
      },
    });
    const behavior: cloudfront.AddBehaviorOptions = {
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
      // The query (the managed login's code on the way back) is neither part of the cache key nor sent to S3.
      cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
      responseHeadersPolicy: this.responseHeaders,
      compress: true,
      functionAssociations: [
        {
          eventType: cloudfront.FunctionEventType.VIEWER_REQUEST,
          function: new cloudfront.Function(this, "Index", {
            // Unique in the account: the stage's name, not the construct path every stage shares (ADR 0046).
            functionName: stageScopedName(this, "ConsoleIndex", FUNCTION_NAME),
            comment: "The console's index.html for /console/, on the stage's domain",
            code: cloudfront.FunctionCode.fromInline(consoleIndexFunction(props.frontDoor.customDomain)),
            runtime: cloudfront.FunctionRuntime.JS_2_0,
          }),
        },
      ],
    };
    const origin = origins.S3BucketOrigin.withOriginAccessControl(this.bucket);
    for (const pattern of CONSOLE_PATH_PATTERNS) distribution.addBehavior(pattern, origin, behavior);

    const prefix = CONSOLE_BASE.replace(/^\//, "");
    const build = Source.asset(siteDir, { exclude: [SOURCE_STAMP] });
    const pageFiles = ["index.html", LOGIN_CONFIG_FILE];
    // Old hashed assets stay (prune off): a tab opened before a deploy still loads the chunks its index.html names.
    this.assets = new BucketDeployment(this, "Assets", {
      sources: [build],
      destinationBucket: this.bucket,
      destinationKeyPrefix: prefix,
      exclude: pageFiles,
      prune: false,
      cacheControl: [CacheControl.fromString("public, max-age=31536000, immutable")],
    });
    const loginConfig: LoginConfig = {
      loginDomainUrl: signIn.domainUrl,
      clientId: signIn.client.userPoolClientId,
      scope: ["openid", "email", "profile", API_SCOPE].join(" "),
      redirectUri: this.url,
      logoutUri: this.url,
    };
    this.page = new BucketDeployment(this, "Page", {
      sources: [build, Source.jsonData(LOGIN_CONFIG_FILE, loginConfig)],
      destinationBucket: this.bucket,
      destinationKeyPrefix: prefix,
      exclude: ["*"],
      include: pageFiles,
      cacheControl: [CacheControl.noCache()],
      distribution,
      distributionPaths: [`${CONSOLE_BASE}*`],
    });
    this.page.node.addDependency(this.assets);
    signIn.allowConsoleAt(this.url);

    new CfnOutput(Stack.of(this), "ConsoleUrl", {
      value: this.url,
      description: "The staff console: sign in there with the desk account",
    });
  }
}
