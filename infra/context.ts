// Deploy-time settings read from CDK context (`cdk deploy -c name=value`): a bad value fails the synth, not a send.
import type { Construct } from "constructs";

/** A non-empty string given with `-c name=...`, or undefined. */
export function stringContext(scope: Construct, name: string): string | undefined {
  const value: unknown = scope.node.tryGetContext(name);
  return typeof value === "string" && value ? value : undefined;
}

/** A number given with `-c name=...` (the CLI passes it as text), checked against its range, or the default. */
export function numberContext(
  scope: Construct,
  name: string,
  rule: { fallback: number; min: number; max: number; integer?: boolean },
): number {
  const raw: unknown = scope.node.tryGetContext(name);
  if (raw === undefined || raw === "") return rule.fallback;
  const value = typeof raw === "number" ? raw : Number(raw);
  const integerOk = !rule.integer || Number.isInteger(value);
  if (!Number.isFinite(value) || value < rule.min || value > rule.max || !integerOk) {
    throw new Error(
      `Context ${name}=${String(raw)} must be ${rule.integer ? "an integer" : "a number"} from ${rule.min} to ${rule.max}`,
    );
  }
  return value;
}

/** A string the stage cannot run without: a missing one fails the synth, naming the value and what it is for. */
export function requiredContext(scope: Construct, name: string, what: string): string {
  const value = stringContext(scope, name);
  if (!value) throw new Error(`Context ${name} is missing: ${what} (cdk synth|deploy -c ${name}=...)`);
  return value;
}
