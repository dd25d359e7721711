// Bundling options tried beside the deployed ones, each measured on every bundle in the same run: what it would save.
import type { BuildOptions } from "esbuild";
import { type Bundle, bundle, type OptionChange } from "./bundles.ts";

export interface Trial {
  key: string;
  /** What differs from the deployed options. */
  title: string;
  /** Whether the deployed options have it, and why. */
  verdict: string;
  change: OptionChange;
}

/** The deployed options less the `--alias` of the SDK's credential chain: the bundles as they were before it. */
export const withoutCredentialsAlias: OptionChange = ({ alias, ...options }: BuildOptions) => options;

export const trials: readonly Trial[] = [
  {
    key: "credentials-chain",
    title: "the SDK's whole default credential chain (no `--alias` of @aws-sdk/credential-provider-node)",
    verdict:
      "deployed with the alias: on Lambda the chain's first link (environment variables) always answers, so the " +
      "others (SSO, INI, process, web identity, instance metadata) and the STS/SSO clients they load never run",
    change: withoutCredentialsAlias,
  },
  {
    key: "endpoint-cache",
    title: "the SDK's endpoint cache bundled (no `--alias` of @aws-sdk/endpoint-cache)",
    verdict:
      "deployed with the alias (infra/lambda-no-endpoint-discovery.mjs, ADR 0029): the DynamoDB client builds the " +
      "cache, with mnemonist's LRU, but no command of the SDK version in use discovers endpoints, so nothing reads it",
    change: ({ alias, ...options }: BuildOptions) => {
      const { "@aws-sdk/endpoint-cache": _, ...others } = alias ?? {};
      return { ...options, alias: others };
    },
  },
  {
    key: "legal-comments-none",
    title: "`legalComments: none` (esbuild moves licence comments to the end of the file by default)",
    verdict: "not deployed: the licence notices stay with the code they cover, for the few bytes they weigh",
    change: (options) => ({ ...options, legalComments: "none" }),
  },
  {
    key: "charset-utf8",
    title: "`charset: utf8` (non-ASCII characters written as UTF-8, not as `\\u` escapes)",
    verdict: "not deployed: the bundles hold few non-ASCII characters",
    change: (options) => ({ ...options, charset: "utf8" }),
  },
  {
    key: "conditions-module",
    title: '`conditions: ["module"]` (packages\' export maps asked for their `module` builds)',
    verdict: "not deployed: no package here offers a smaller build under that condition",
    change: (options) => ({ ...options, conditions: ["module"] }),
  },
  {
    key: "main-fields-default",
    title: "no `mainFields` (esbuild's default for node, main then module: the SDK's CommonJS builds)",
    verdict: "module, main is deployed: the ES module builds let esbuild drop what is never imported",
    change: ({ mainFields, ...options }: BuildOptions) => options,
  },
];

export interface TrialResult {
  trial: Trial;
  /** Bundle name to its size in bytes with the trial's options. */
  bytes: Map<string, number>;
}

export async function measureTrials(bundles: readonly Bundle[], outDir: string): Promise<TrialResult[]> {
  const results: TrialResult[] = [];
  for (const trial of trials) {
    const bytes = new Map<string, number>();
    for (const deployed of bundles) {
      const tried = await bundle(deployed.name, deployed.entry, `${outDir}/trial-${trial.key}`, trial.change);
      bytes.set(deployed.name, tried.bytes);
    }
    results.push({ trial, bytes });
  }
  return results;
}
