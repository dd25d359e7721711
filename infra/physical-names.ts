// Physical names that must be unique in an account or region, for the resources where CDK would derive them from the
// construct path alone: that path is the same for every stage (the stack ids carry no stage), the stack's name is not
// (infra/stage.ts), so two stages can share an account (ADR 0046).
import { Stack, Token } from "aws-cdk-lib";
import type { Construct } from "constructs";

/** A service's rule for the names it accepts. */
export interface NameRule {
  /** Who sets the rule, for the error: e.g. "An AWS Backup vault name". */
  what: string;
  maxLength: number;
  /** The characters allowed, as a character class body: e.g. "a-zA-Z0-9_-". */
  characters: string;
}

/** `<stack name>-<suffix>`, e.g. `Desk1540-prod-Stateful-Backups`; a name the service would refuse fails the synth. */
export function stageScopedName(scope: Construct, suffix: string, rule: NameRule): string {
  const stackName = Stack.of(scope).stackName;
  if (Token.isUnresolved(stackName)) throw new Error(`${scope.node.path}: the stack's name must be known at synth`);
  const name = `${stackName}-${suffix}`;
  if (name.length > rule.maxLength || !new RegExp(`^[${rule.characters}]+$`).test(name)) {
    throw new Error(
      `${scope.node.path}: ${rule.what} must be at most ${rule.maxLength} of [${rule.characters}], not ${name}`,
    );
  }
  return name;
}
