// Stands in for @smithy/core/event-streams inside the Lambda bundles (the `--alias` of infra/desk-function.ts). The
// SDK's HTTP protocols load event-stream support with a dynamic import() on an operation that streams events; esbuild
// bundles that module (its codec and serde) into every function, and wraps what it reaches. None of the clients the
// functions use (DynamoDB, SES, Scheduler, SQS) has such an operation, so the bundles carry none of it; an operation
// that did would fail loudly here rather than silently.
const missing = () => {
  throw new Error("Event streams are not bundled in this function (infra/lambda-no-event-streams.mjs)");
};

export const eventStreamSerdeProvider = missing;

export class EventStreamSerde {
  constructor() {
    missing();
  }
}
