// One Lambda entry point with the project's defaults: Node 24 on ARM, an ESM bundle from the local esbuild, its own log
// group and role, X-Ray tracing.
import { execFileSync } from "node:child_process";
import { cpSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { AssetHashType, DockerImage, Duration, type ILocalBundling } from "aws-cdk-lib";
import * as iam from "aws-cdk-lib/aws-iam";
import * as lambda from "aws-cdk-lib/aws-lambda";
import * as nodejs from "aws-cdk-lib/aws-lambda-nodejs";
import * as logs from "aws-cdk-lib/aws-logs";
import { Construct } from "constructs";
import type { BuildOptions } from "esbuild";
import { LOCALE_FILES } from "../shared/locale/names.ts";
import type { FunctionBuild } from "./function-build.mjs";

/** The repository root: entries, the lockfile and node_modules are found from here. */
export const projectRoot = fileURLToPath(new URL("..", import.meta.url));

/** A file to place beside the bundle; `from` is relative to the project root, `to` to the bundle's directory. */
export interface BundledFile {
  from: string;
  to: string;
}

/** The names letters are written with, read beside the bundle on first use (shared/locale/names.ts), in every function. */
const localeFiles: BundledFile[] = LOCALE_FILES.map((file) => ({ from: `shared/locale/${file}`, to: file }));

export interface DeskFunctionProps {
  /** Entry file, relative to the project root. */
  entry: string;
  description: string;
  environment: Record<string, string>;
  memorySize?: number;
  timeout?: Duration;
  /** Data files the handler reads at run time with `new URL(..., import.meta.url)`. */
  files?: BundledFile[];
  /**
   * How infra/function-build.mjs builds the bundle: in chunks or one file, with zod's JSON Schema conversion or without
   * (ADR 0050).
   * @default singlePurposeBuild
   */
  build?: FunctionBuild;
}

/**
 * A single-purpose function stays one file and leaves zod's JSON Schema conversion out (ADR 0050): none converts a
 * schema, and a one-file bundle would parse the conversion and run its module's top level at every cold start.
 */
export const singlePurposeBuild: FunctionBuild = { chunks: false, keepZodJsonSchema: false };

/**
 * Native ESM on Lambda: bundled CommonJS dependencies still call `require`, which ESM lacks,
 * so the bundle defines it first (the standard esbuild recipe).
 */
const esmRequireBanner =
  "import { createRequire as __deskCreateRequire } from 'node:module'; const require = __deskCreateRequire(import.meta.url);";

/** Every function's runtime; esbuild's target follows from it (node24), in every function's build and the bench alike. */
export const deskRuntime = lambda.Runtime.NODEJS_24_X;

/**
 * What the Node.js process is started with on Lambda: source maps turn minified stack traces back into ours. The bench
 * starts its cold-start processes the same way.
 */
export const deskNodeOptions = "--enable-source-maps";

/**
 * The esbuild options every function is bundled with (platform node, the runtime's target, an ESM bundle), exported so
 * that the bench (bench/bundles.ts) builds exactly what `cdk deploy` ships; infra/function-build.mjs adds one file or
 * chunks, and zod's JSON Schema or not (ADR 0050). The first alias swaps the SDK's default credential chain for the
 * environment link alone (infra/lambda-env-credentials.ts): Lambda hands a function its role's credentials in
 * environment variables only, so the other links (SSO, INI files, processes, web identity, instance metadata, with the
 * STS and SSO clients they load) never run there; dropping them takes 133 KB off each bundle. The next two keep out
 * what a bundle with lazily loaded route modules would otherwise carry whole (ADR 0024): every DynamoDB command
 * (infra/lambda-dynamodb-client.mjs) and the SDK's event-stream support, which none of the functions' clients uses
 * (infra/lambda-no-event-streams.mjs). A fourth keeps out the endpoint-discovery cache, which the DynamoDB client
 * builds though discovery is off (infra/lambda-no-endpoint-discovery.mjs, ADR 0029); a fifth the browser user-agent
 * parser, which only a bundle split into chunks would ship (infra/lambda-no-bowser.mjs). Alias paths are relative to
 * the project root, the build's working directory. UTF-8 output keeps the letters' six languages as they are instead
 * of escaping each character as \uXXXX.
 */
export function deskBuildOptions(): BuildOptions {
  return {
    bundle: true,
    platform: "node",
    target: targetOf(deskRuntime.name),
    format: "esm",
    mainFields: ["module", "main"],
    banner: { js: esmRequireBanner },
    minify: true,
    // A map file beside the bundle, linked from its last line.
    sourcemap: "linked",
    sourcesContent: false,
    // Bundle everything, the AWS SDK included, so the deployed versions are the locked ones.
    external: [],
    alias: {
      "@aws-sdk/credential-provider-node": "./infra/lambda-env-credentials.ts",
      "@aws-sdk/client-dynamodb": "./infra/lambda-dynamodb-client.mjs",
      "@smithy/core/event-streams": "./infra/lambda-no-event-streams.mjs",
      "@aws-sdk/endpoint-cache": "./infra/lambda-no-endpoint-discovery.mjs",
      bowser: "./infra/lambda-no-bowser.mjs",
    },
    charset: "utf8",
  };
}

export class DeskFunction extends Construct {
  readonly function: nodejs.NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: DeskFunctionProps) {
    super(scope, id);
    this.logGroup = new logs.LogGroup(this, "Logs", { retention: logs.RetentionDays.ONE_YEAR });
    // An explicit role instead of the default one: the default attaches the managed
    // AWSLambdaBasicExecutionRole (log writes to every group in the account); this one writes to its own group only.
    this.role = new iam.Role(this, "Role", {
      assumedBy: new iam.ServicePrincipal("lambda.amazonaws.com"),
      description: `Runs ${props.entry}`,
    });
    this.logGroup.grants.write(this.role);

    const files = [...localeFiles, ...(props.files ?? [])];
    // A NodejsFunction given its code bundles nothing itself: CDK's own esbuild run, over which this build used to be
    // made again, is gone (ADR 0050, amended).
    this.function = new nodejs.NodejsFunction(this, "Function", {
      code: functionCode(props.entry, props.build ?? singlePurposeBuild, files),
      handler: "index.handler",
      description: props.description,
      runtime: deskRuntime,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 1024,
      timeout: props.timeout ?? Duration.seconds(10),
      role: this.role,
      logGroup: this.logGroup,
      // X-Ray traces of every invocation; the handlers' Powertools Tracer adds the AWS SDK calls as subsegments. CDK
      // grants xray:PutTraceSegments and PutTelemetryRecords, which have no resource type (infra/nag.ts).
      tracing: lambda.Tracing.ACTIVE,
      environment: { NODE_OPTIONS: deskNodeOptions, ...props.environment },
    });
  }
}

/**
 * The function's package, built where `cdk synth` runs. Its hash is the output's, as NodejsFunction's is; a stack CDK
 * is told not to bundle gets a stand-in hash and no build at all.
 */
function functionCode(entry: string, functionBuild: FunctionBuild, files: BundledFile[]): lambda.Code {
  return lambda.Code.fromAsset(projectRoot, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Never pulled: the local build builds or throws, so CDK never falls back to a container.
      image: DockerImage.fromRegistry("desk-1540-builds-locally"),
      local: new FunctionPackage(entry, functionBuild, files),
    },
  });
}

/**
 * infra/function-build.mjs (esbuild's JS API, which takes the plugins and the splitting esbuild's command line does
 * not) writes the bundle, then the data files are copied beside it. Its fields are what makes one package differ from
 * another: CDK keys its in-process cache of bundles by the bundling options as JSON, where a function is not seen.
 */
class FunctionPackage implements ILocalBundling {
  constructor(
    readonly entry: string,
    readonly functionBuild: FunctionBuild,
    readonly files: BundledFile[],
  ) {}

  tryBundle(outputDir: string): boolean {
    const options: BuildOptions = {
      ...deskBuildOptions(),
      entryPoints: [path.join(projectRoot, this.entry)],
      absWorkingDir: projectRoot,
      outdir: outputDir,
      logLevel: "warning",
    };
    // CDK asks for the package synchronously; esbuild's plugins need its asynchronous API, so the build is a process.
    execFileSync(
      process.execPath,
      [path.join(projectRoot, "infra/function-build.mjs"), JSON.stringify(options), JSON.stringify(this.functionBuild)],
      { stdio: ["ignore", "inherit", "inherit"] },
    );
    for (const { from, to } of this.files) cpSync(path.join(projectRoot, from), path.join(outputDir, to));
    return true;
  }
}

/** esbuild's target for a Lambda runtime, by CDK's rule: nodejs24.x -> node24. */
function targetOf(runtimeName: string): string {
  const major = /^nodejs(\d+)/.exec(runtimeName)?.[1];
  if (!major) throw new Error(`No esbuild target for the runtime ${runtimeName}`);
  return `node${major}`;
}
