// The CDK app entry (cdk.json runs it): the desk's stacks, checked by cdk-nag on every synth.
import { App } from "aws-cdk-lib";
import { ensureDeployableConsole } from "./console-site.ts";
import { buildApp } from "./desk-app.ts";

// Synth builds the api's OpenAPI document with an SDK client (never called); its Node-version notice is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
// The console the stateless stack deploys is built from the sources first (a no-op when they have not changed).
await ensureDeployableConsole((line) => console.error(line));
const app = new App();
buildApp(app);
app.synth();
