// Which copy of the desk a synth builds: its stage name and the account and region it is pinned to. Each stage is a
// complete, separately named copy (stacks, and from them tables, user pool, queues and schedules), so staging and
// production can share one account.
import type { Construct } from "constructs";
import { stringContext } from "./context.ts";

export interface DeskStage {
  /** `-c stage=<name>`: lowercase letters, digits and dashes; "dev" when not given. */
  name: string;
  account: string;
  region: string;
}

/** The stage when `-c stage=` is not given: a developer's copy, never production by accident. */
export const DEFAULT_STAGE = "dev";

const STAGE_NAME = /^[a-z][a-z0-9-]{0,19}$/;

/** The stage from context, the account and region from context or the CLI's environment; a missing one fails the synth. */
export function readStage(scope: Construct): DeskStage {
  const name = stringContext(scope, "stage") ?? DEFAULT_STAGE;
  if (!STAGE_NAME.test(name)) {
    throw new Error(`Context stage=${name} must be 1-20 lowercase letters, digits or dashes, starting with a letter`);
  }
  const account = stringContext(scope, "account") ?? process.env.CDK_DEFAULT_ACCOUNT;
  const region = stringContext(scope, "region") ?? process.env.CDK_DEFAULT_REGION;
  if (!account || !/^\d{12}$/.test(account)) {
    throw new Error(
      "The stage's AWS account is missing or not 12 digits: give -c account=<id>, or run cdk with credentials " +
        "(CDK_DEFAULT_ACCOUNT)",
    );
  }
  if (!region) {
    throw new Error(
      "The stage's AWS region is missing: give -c region=<name>, or set a default region (CDK_DEFAULT_REGION)",
    );
  }
  return { name, account, region };
}

/** The CloudFormation stack name of one part of a stage, e.g. `Desk1540-prod-Stateful`. */
export function stackNameOf(stage: Pick<DeskStage, "name">, part: string): string {
  return `Desk1540-${stage.name}-${part}`;
}
