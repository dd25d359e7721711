// One Lambda entry point with the project's defaults: Node 24 on ARM, an ESM bundle from the local esbuild, its own log
// group and role, X-Ray tracing.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Duration } from "aws-cdk-lib";
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
   * How CDK's one-file bundle is built again, by infra/function-build.mjs: in chunks or one file, with zod's JSON Schema
   * conversion or without (ADR 0050).
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

/** Every function's runtime; esbuild's target follows from it (node24), in CDK and in the bench alike. */
export const deskRuntime = lambda.Runtime.NODEJS_24_X;

/**
 * What the Node.js process is started with on Lambda: source maps turn minified stack traces back into ours. The bench
 * starts its cold-start processes the same way.
 */
export const deskNodeOptions = "--enable-source-maps";

/**
 * How every function is bundled, exported so that the bench (bench/bundles.ts) builds exactly what `cdk deploy` ships.
 * `--alias` swaps the SDK's default credential chain for the environment link alone (infra/lambda-env-credentials.ts):
 * Lambda hands a function its role's credentials in environment variables only, so the other links (SSO, INI files,
 * processes, web identity, instance metadata, with the STS and SSO clients they load) never run there; dropping them
 * takes 133 KB off each bundle. Paths in `--alias` are relative to the project root, where CDK runs esbuild. The
 * other two aliases keep out what a bundle with lazily loaded route modules would otherwise carry whole (ADR 0024):
 * every DynamoDB command (infra/lambda-dynamodb-client.mjs) and the SDK's event-stream support, which none of the
 * functions' clients uses (infra/lambda-no-event-streams.mjs). A fourth keeps out the endpoint-discovery cache, which
 * the DynamoDB client builds though discovery is off (infra/lambda-no-endpoint-discovery.mjs, ADR 0029); a fifth the
 * browser user-agent parser, which only a bundle split into chunks would ship (infra/lambda-no-bowser.mjs). UTF-8 output
 * keeps the letters' six languages as they are instead of escaping each character as \uXXXX.
 */
export const deskBundling = {
  format: nodejs.OutputFormat.ESM,
  mainFields: ["module", "main"],
  banner: esmRequireBanner,
  minify: true,
  sourceMap: true,
  sourcesContent: false,
  // Bundle everything, the AWS SDK included, so the deployed versions are the locked ones.
  externalModules: [],
  esbuildArgs: {
    "--alias": "@aws-sdk/credential-provider-node=./infra/lambda-env-credentials.ts",
    "--alias:@aws-sdk/client-dynamodb": "./infra/lambda-dynamodb-client.mjs",
    "--alias:@smithy/core/event-streams": "./infra/lambda-no-event-streams.mjs",
    "--alias:@aws-sdk/endpoint-cache": "./infra/lambda-no-endpoint-discovery.mjs",
    "--alias:bowser": "./infra/lambda-no-bowser.mjs",
    // A flag, not BundlingOptions' `charset`, which this version of CDK does not pass on to esbuild.
    "--charset": "utf8",
  },
} satisfies nodejs.BundlingOptions;

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
    this.function = new nodejs.NodejsFunction(this, "Function", {
      entry: path.join(projectRoot, props.entry),
      handler: "handler",
      projectRoot,
      depsLockFilePath: path.join(projectRoot, "package-lock.json"),
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
      bundling: {
        ...deskBundling,
        forceDockerBundling: false,
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (inputDir, outputDir) => [
            buildCommand(inputDir, outputDir, props.entry, props.build ?? singlePurposeBuild),
            ...copyCommands(inputDir, outputDir, files),
          ],
        },
      },
    });
  }
}

/** esbuild's target for a Lambda runtime, by CDK's rule: nodejs24.x -> node24. */
function targetOf(runtimeName: string): string {
  const major = /^nodejs(\d+)/.exec(runtimeName)?.[1];
  if (!major) throw new Error(`No esbuild target for the runtime ${runtimeName}`);
  return `node${major}`;
}

/** CDK's `esbuildArgs` (written as CLI flags) in the JS API's terms; a flag not translated here stops the build. */
function esbuildArgsOf(args: Record<string, string | boolean>): BuildOptions {
  const options: BuildOptions = {};
  for (const [flag, value] of Object.entries(args)) {
    if (flag === "--alias" && typeof value === "string") {
      const at = value.indexOf("=");
      options.alias = { ...options.alias, [value.slice(0, at)]: value.slice(at + 1) };
    } else if (flag.startsWith("--alias:") && typeof value === "string") {
      options.alias = { ...options.alias, [flag.slice("--alias:".length)]: value };
    } else if (flag === "--charset" && value === "utf8") {
      options.charset = value;
    } else {
      throw new Error(`deskBuildOptions does not translate the esbuild flag ${flag} of deskBundling yet: add it`);
    }
  }
  return options;
}

/**
 * Every key of `deskBundling` in the JS API's terms. Typed over its keys, so one added there fails the type check here
 * until every function's build and the bench build it too.
 */
const translations: { [K in keyof typeof deskBundling]-?: (value: (typeof deskBundling)[K]) => BuildOptions } = {
  format: (format) => ({ format: format === nodejs.OutputFormat.ESM ? "esm" : "cjs" }),
  mainFields: (mainFields) => ({ mainFields }),
  banner: (js) => ({ banner: { js } }),
  minify: (minify) => ({ minify }),
  // CDK writes the map to its own file beside the bundle and links it from the bundle's last line.
  sourceMap: (sourceMap) => ({ sourcemap: sourceMap ? "linked" : false }),
  sourcesContent: (sourcesContent) => ({ sourcesContent }),
  externalModules: (external) => ({ external }),
  esbuildArgs: esbuildArgsOf,
};

/**
 * The options `cdk deploy` bundles every function with, in esbuild's JS API: platform node, the runtime's target, then
 * `deskBundling`. Every function's build (infra/function-build.mjs) and the bench (bench/bundles.ts) build with them.
 */
export function deskBuildOptions(): BuildOptions {
  let options: BuildOptions = { bundle: true, platform: "node", target: targetOf(deskRuntime.name) };
  for (const key of Object.keys(translations) as (keyof typeof deskBundling)[]) {
    const translate = translations[key] as (value: unknown) => BuildOptions;
    options = { ...options, ...translate(deskBundling[key]) };
  }
  return options;
}

/**
 * CDK's NodejsFunction always bundles with esbuild's command line, which takes no plugins and splits into no chunks; so
 * every function's bundle is built again after CDK's, over CDK's `index.mjs` and its map, by infra/function-build.mjs:
 * esbuild's JS API with the same options, the splitting ones where the function is split, and the plugin that leaves
 * zod's JSON Schema out where it does without (ADR 0050).
 */
function buildCommand(inputDir: string, outputDir: string, entry: string, functionBuild: FunctionBuild): string {
  const options: BuildOptions = {
    ...deskBuildOptions(),
    entryPoints: [path.posix.join(inputDir, entry)],
    absWorkingDir: inputDir,
    outdir: outputDir,
    logLevel: "warning",
  };
  const script = path.posix.join(inputDir, "infra/function-build.mjs");
  return [process.execPath, script, JSON.stringify(options), JSON.stringify(functionBuild)].map(shellQuote).join(" ");
}

const shellQuote = (value: string) => `'${value.replaceAll("'", "'\\''")}'`;

function copyCommands(inputDir: string, outputDir: string, files: BundledFile[]): string[] {
  return files.flatMap(({ from, to }) => {
    const target = path.posix.join(outputDir, to);
    return [
      `mkdir -p ${shellQuote(path.posix.dirname(target))}`,
      `cp ${shellQuote(path.posix.join(inputDir, from))} ${shellQuote(target)}`,
    ];
  });
}
