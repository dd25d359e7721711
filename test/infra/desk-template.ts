// What the infra tests share: the desk app built as `cdk synth` builds it, and readers for its templates.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { App, CfnElement, type Stack } from "aws-cdk-lib";
import type { Template } from "aws-cdk-lib/assertions";

export const fromRoot = (file: string) => fileURLToPath(new URL(`../../${file}`, import.meta.url));

/** The same context the CLI passes from cdk.json, so the tests build what `cdk synth` builds. */
export function cdkContext(): Record<string, unknown> {
  const cdkJson: { context?: Record<string, unknown> } = JSON.parse(readFileSync(fromRoot("cdk.json"), "utf8"));
  return cdkJson.context ?? {};
}

/** The context a stage needs (infra/stage.ts, infra/mail.ts), as an operator passes it with `-c`. */
export const STAGE_CONTEXT = {
  account: "123456789012",
  region: "eu-west-1",
  mailFrom: "desk-1540@mail.un.example",
  secretariatAddress: "secretariat@un.example",
} as const;

/**
 * A new app with cdk.json's context, the stage's required context (STAGE_CONTEXT) and any extra. Without `bundle`, no function is bundled (CDK's
 * `aws:cdk:bundling-stacks` left empty): the template is the same but for asset hashes, in a fraction of the time.
 */
export function newApp(options: { bundle?: boolean; context?: Record<string, unknown> } = {}): App {
  return new App({
    context: {
      ...cdkContext(),
      ...STAGE_CONTEXT,
      ...(options.bundle ? {} : { "aws:cdk:bundling-stacks": [] }),
      // A two-file stand-in for the console's build, so no infra test needs a Vite build first (infra/console-site.ts).
      consoleDir: fromRoot("test/infra/console-fixture"),
      ...options.context,
    },
  });
}

export interface Resource {
  Type: string;
  Properties: Record<string, unknown>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
}

export interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}

export function logicalId(stack: Stack, construct: { node: { defaultChild?: unknown } }): string {
  const child = construct.node.defaultChild;
  if (!(child instanceof CfnElement)) throw new Error("construct has no CloudFormation element");
  return stack.getLogicalId(child);
}

export function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`no ${what}`);
  return value;
}

export function resourcesOf(template: Template, type: string): Record<string, Resource> {
  return template.findResources(type) as Record<string, Resource>;
}

export function resource(template: Template, id: string): Resource {
  const found: Record<string, Resource> = template.toJSON().Resources;
  return must(found[id], `resource ${id}`);
}

export const actionsOf = (statement: Statement): string[] =>
  Array.isArray(statement.Action) ? statement.Action : [statement.Action];

/** Every statement of every inline policy attached to a role. */
export function roleStatements(template: Template, roleId: string): Statement[] {
  return Object.values(resourcesOf(template, "AWS::IAM::Policy"))
    .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(`"${roleId}"`))
    .flatMap((policy) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
}

/** A function's environment variables as the template has them (tokens as CloudFormation intrinsics). */
export function environmentOf(template: Template, functionId: string): Record<string, unknown> {
  return (resource(template, functionId).Properties.Environment as { Variables: Record<string, unknown> }).Variables;
}

/** What a CloudFront viewer-request function answers: the request, changed or not, or a response of its own. */
export interface ViewerAnswer {
  uri?: string;
  statusCode?: number;
  headers?: Record<string, { value: string }>;
}

/** A CloudFront Function's source (JavaScript, as synthesized) made callable, to ask it what it does with a request. */
export const viewerRequest = (source: string) =>
  new Function(`${source}; return handler;`)() as (event: {
    request: {
      uri: string;
      headers?: Record<string, { value: string }>;
      querystring?: Record<string, { value: string; multiValue?: { value: string }[] }>;
    };
  }) => ViewerAnswer;
