// Builds the whole desk app for one stage (its stacks and the nag checks) so that the CLI entry and the tests build the
// same thing.
import { type App, Tags } from "aws-cdk-lib";
import { EDGE_REGION, EdgeStack, frontDoorDomain } from "./front-door.ts";
import { keepEveryFunctionsLogs } from "./function-logs.ts";
import {
  acknowledgeEdgeFindings,
  acknowledgeStatefulFindings,
  acknowledgeStatelessFindings,
  addNagChecks,
} from "./nag.ts";
import { readStage, stackNameOf } from "./stage.ts";
import { StatefulStack } from "./stateful-stack.ts";
import { StatelessStack } from "./stateless-stack.ts";

export interface DeskApp {
  stateful: StatefulStack;
  stateless: StatelessStack;
  /** The WAF web ACL, and the custom domain's certificate, in us-east-1. */
  edge: EdgeStack;
}

export function buildApp(app: App): DeskApp {
  const stage = readStage(app);
  const env = { account: stage.account, region: stage.region };
  const description = `The 1540 Committee desk (${stage.name})`;
  const stateful = new StatefulStack(app, "Desk1540Stateful", {
    env,
    stackName: stackNameOf(stage, "Stateful"),
    description: `${description}: tables and backups`,
  });
  const edge = new EdgeStack(app, "Desk1540Edge", {
    env: { account: stage.account, region: EDGE_REGION },
    stackName: stackNameOf(stage, "Edge"),
    description: `${description}: the front door's WAF web ACL (CloudFront's must be in ${EDGE_REGION})`,
    crossRegionReferences: true,
    domain: frontDoorDomain(app),
  });
  const stateless = new StatelessStack(app, "Desk1540Stateless", {
    env,
    stackName: stackNameOf(stage, "Stateless"),
    description: `${description}: sign-in, front door, API and functions`,
    crossRegionReferences: true,
    stage,
    webAclArn: edge.webAcl.attrArn,
    domain: edge.domain,
    deskTable: stateful.deskTable,
    auditTable: stateful.auditTable,
  });
  const tags = { "desk-1540:stage": stage.name };
  for (const [key, value] of Object.entries(tags)) Tags.of(app).add(key, value);
  keepEveryFunctionsLogs(app, tags);
  addNagChecks(app);
  acknowledgeStatefulFindings(stateful);
  acknowledgeEdgeFindings(edge);
  acknowledgeStatelessFindings(stateless);
  return { stateful, stateless, edge };
}
