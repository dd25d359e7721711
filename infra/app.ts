// The CDK app entry (cdk.json runs it): the desk's stacks, checked by cdk-nag on every synth.
import { App } from "aws-cdk-lib";
import { buildApp } from "./desk-app.ts";

const app = new App();
buildApp(app);
app.synth();
