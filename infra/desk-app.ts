// Builds the whole desk app (both stacks and the nag checks) so that the CLI entry and the tests build the same thing.
import type { App } from "aws-cdk-lib";
import { acknowledgeStatelessFindings, addNagChecks } from "./nag.ts";
import { StatefulStack } from "./stateful-stack.ts";
import { StatelessStack } from "./stateless-stack.ts";

export interface DeskApp {
  stateful: StatefulStack;
  stateless: StatelessStack;
}

export function buildApp(app: App): DeskApp {
  const description = "The 1540 Committee desk";
  const stateful = new StatefulStack(app, "Desk1540Stateful", { description: `${description}: tables` });
  const stateless = new StatelessStack(app, "Desk1540Stateless", {
    description: `${description}: sign-in, API and functions`,
    deskTable: stateful.deskTable,
    auditTable: stateful.auditTable,
  });
  addNagChecks(app);
  acknowledgeStatelessFindings(stateless);
  return { stateful, stateless };
}
