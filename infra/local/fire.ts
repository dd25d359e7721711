// `npm run fire -- <target> [json-input]` runs one schedule target now, against the running local stack's data;
// `npm run fire -- <schedule id>` runs a programme schedule's target with its own input.
import { programme } from "../../events/programme.ts";
import { readConfig } from "../../shared/config.ts";
import { type ScheduleInput, scheduleSchema } from "../../shared/schedules/schema.ts";
import { dynamoDbAnswers } from "./dynamodb-local.ts";
import { fireFailure } from "./fire-failure.ts";
import { localEnvironment, localLogger, localPortsFromEnv, localTableNames } from "./stack.ts";
import { localTargets } from "./targets.ts";

// The team runs Node 20 on purpose (see the design); the SDK's reminder about Node 22 is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

const USAGE = [
  "Usage: npm run fire -- <target> [json-input]   (the stack must be running: npm start)",
  "       npm run fire -- <programme schedule id>   (its target, with its input)",
  `  e.g. npm run fire -- wave-dispatch '{"waveId":"<wave id>"}'`,
  `       npm run fire -- wave-dispatch '{"programmeWave":{"key":"first-report-request",` +
    `"templateId":"programme-first-report-request","audience":"non-reporting-states","notAfterHours":72,"deadlineDays":90}}'`,
  `       npm run fire -- ses-events '{"waveId":"<wave id>","recipient":"<letter's recipient>","outcome":"bounce"}'` +
    "   (what SES would report: delivery, bounce, soft-bounce, complaint)",
].join("\n");

function fail(message: string, code: number): never {
  console.error(message);
  process.exit(code);
}

const [name, inputText, ...extra] = process.argv.slice(2);
if (!name || extra.length > 0) fail(USAGE, 2);

let ports: ReturnType<typeof localPortsFromEnv>;
try {
  ports = localPortsFromEnv();
} catch (error) {
  fail(error instanceof Error ? error.message : String(error), 2);
}
// The same endpoints and tables as `npm start` with the same environment.
const dynamoEndpoint = `http://127.0.0.1:${ports.dynamodb}`;
const targets = localTargets(
  readConfig({
    ...process.env,
    ...localEnvironment({
      tableNames: localTableNames(),
      dynamoEndpoint,
      sesEndpoint: `http://127.0.0.1:${ports.ses}`,
    }),
  }),
  localLogger(),
);
// A target by name, else a programme schedule by id (unless an input is given: a schedule brings its own).
const schedule = Object.hasOwn(targets, name) ? undefined : programme.schedules.find((s) => s.id === name);
const targetName = schedule?.target ?? name;
const target =
  Object.hasOwn(targets, targetName) && (!schedule || inputText === undefined) ? targets[targetName] : undefined;
if (!target) {
  const known = Object.keys(targets);
  fail(
    `Unknown target "${name}". Available targets: ${known.length > 0 ? known.join(", ") : "none yet"}; ` +
      `programme schedules: ${programme.schedules.map((s) => s.id).join(", ")}.\n${USAGE}`,
    1,
  );
}

let input: ScheduleInput = schedule?.input ?? {};
if (inputText !== undefined) {
  let parsed: unknown;
  try {
    parsed = JSON.parse(inputText);
  } catch {
    fail(`The input must be JSON, e.g. '{"waveId":"01J..."}'; got ${inputText}`, 2);
  }
  // The same shape a schedule's `input` has in the programme.
  const checked = scheduleSchema.shape.input.unwrap().safeParse(parsed);
  if (!checked.success) fail("The input must be a JSON object", 2);
  input = checked.data;
}

if (!(await dynamoDbAnswers(dynamoEndpoint))) {
  fail(`Nothing answers at ${dynamoEndpoint}: start the local stack first (npm start), with the same ports.`, 1);
}

try {
  const result = await target(input);
  if (result !== undefined) console.log(JSON.stringify(result, null, 2));
  process.exit(0);
} catch (error) {
  fail(fireFailure(name, targetName, error), 1);
}
