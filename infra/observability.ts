// What operators see and hear beyond failures: one dashboard for the stage (API, waves, queues, mail reputation,
// scheduled runs, tables) and the alarms on load and limits: API 5xx and latency, throttled functions and tables, a
// wave queue that does not drain, dispatch running close to its timeout, and a wave dispatch halted unsent.
import { Aspects, Duration, type IAspect, Stack } from "aws-cdk-lib";
import type * as apigw from "aws-cdk-lib/aws-apigatewayv2";
import * as cloudwatch from "aws-cdk-lib/aws-cloudwatch";
import type * as dynamodb from "aws-cdk-lib/aws-dynamodb";
import type * as sqs from "aws-cdk-lib/aws-sqs";
import { Construct, type IConstruct } from "constructs";
import { ALARM_PERIOD, type OperatorAlarms } from "./alarms.ts";
import { DeskFunction } from "./desk-function.ts";
import { logLineCount } from "./log-line-count.ts";
import type { WavePipeline } from "./wave-pipeline.ts";

export interface ObservabilityProps {
  alarms: OperatorAlarms;
  api: apigw.HttpApi;
  tables: { deskTable: dynamodb.ITableV2; auditTable: dynamodb.ITableV2 };
  wavePipeline: WavePipeline;
  /** The scheduled runs shown on the dashboard, by the name an operator knows them by. */
  scheduledRuns: Record<string, DeskFunction>;
  /** Every dead-letter queue of the stage, by name. */
  deadLetterQueues: Record<string, sqs.IQueue>;
}

/** API 5xx answers in five minutes that page the operators: a few are a blip, five are a fault. */
export const API_5XX_THRESHOLD = 5;
/** The API's p99 latency, held for three periods of five minutes, that pages the operators. */
export const API_P99_LATENCY_MS = 3000;
/**
 * How old the wave queue's oldest key may get: at the sandbox's 1 letter a second, a wave of 3,000 letters takes 50
 * minutes to drain, so an hour and a half means the senders are not taking letters (throttled, failing, disabled).
 */
export const WAVE_QUEUE_MAX_AGE = Duration.minutes(90);
/** The share of wave-dispatch's timeout that its longest run may take before the operators hear of it. */
export const DISPATCH_TIMEOUT_SHARE = 0.8;

export class Observability extends Construct {
  readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    const { alarms, api, wavePipeline: waves } = props;

    alarms.alarm("ApiServerErrors", {
      description: `The API answered ${API_5XX_THRESHOLD} or more 5xx in five minutes; see the access logs and the api functions' logs`,
      metric: api.metricServerError({ period: ALARM_PERIOD, statistic: cloudwatch.Stats.SUM }),
      threshold: API_5XX_THRESHOLD,
      comparison: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    });
    alarms.alarm("ApiLatency", {
      description: `The API's p99 latency stayed above ${API_P99_LATENCY_MS} ms for fifteen minutes`,
      metric: api.metricLatency({ period: ALARM_PERIOD, statistic: cloudwatch.Stats.p(99) }),
      threshold: API_P99_LATENCY_MS,
      evaluationPeriods: 3,
    });
    for (const [name, table] of Object.entries(props.tables)) {
      alarms.alarm(`${name.charAt(0).toUpperCase()}${name.slice(1)}Throttles`, {
        description: `DynamoDB throttled reads or writes on the ${name} (on-demand capacity grows, but a hot key or a sudden doubling is throttled)`,
        metric: tableThrottles(name, table),
        runbookSection: "TableThrottles",
      });
    }
    alarms.alarm("WaveQueueAge", {
      description:
        `A key has waited on the wave queue for more than ${WAVE_QUEUE_MAX_AGE.toMinutes()} minutes: the senders are ` +
        "not taking letters (throttled, failing or disabled)",
      metric: waves.queue.metricApproximateAgeOfOldestMessage({
        period: ALARM_PERIOD,
        statistic: cloudwatch.Stats.MAXIMUM,
      }),
      threshold: WAVE_QUEUE_MAX_AGE.toSeconds(),
    });
    const dispatchTimeout = waves.dispatchFunction.function.timeout ?? Duration.seconds(3);
    alarms.alarm("WaveDispatchNearTimeout", {
      description:
        `A wave-dispatch run took more than ${DISPATCH_TIMEOUT_SHARE * 100} % of its ${dispatchTimeout.toMinutes()}-minute ` +
        "timeout; a larger audience would time out (dispatch is idempotent: a retry continues, but raise the timeout)",
      metric: waves.dispatchFunction.function.metricDuration({
        period: ALARM_PERIOD,
        statistic: cloudwatch.Stats.MAXIMUM,
      }),
      threshold: DISPATCH_TIMEOUT_SHARE * dispatchTimeout.toMilliseconds(),
    });
    alarms.alarm("WavesHalted", {
      description:
        "wave-dispatch halted a wave before writing any letter: its template's letters changed after the wave was " +
        "scheduled (ADR 0015); nothing was sent and no letter alarm fires, so the secretariat must send a new wave",
      // Counted from wave-dispatch's warnings: the function itself publishes no metric for it.
      metric: logLineCount(this, {
        logGroup: waves.dispatchFunction.logGroup,
        messages: ["wave halted", "programme wave halted"],
        name: "WavesHalted",
        period: ALARM_PERIOD,
      }),
      runbookSection: "WavesHalted",
    });
    // Every function of the stack, including those added after this construct: an aspect visits them all at synth.
    Aspects.of(Stack.of(this)).add(new ThrottleAlarms(alarms));

    this.dashboard = new cloudwatch.Dashboard(this, "Dashboard", {
      defaultInterval: Duration.days(1),
      widgets: dashboardRows(props),
    });
  }
}

/** Read and write throttle events of a table, summed. */
function tableThrottles(name: string, table: dynamodb.ITableV2): cloudwatch.MathExpression {
  const events = (metricName: string) =>
    new cloudwatch.Metric({
      namespace: "AWS/DynamoDB",
      metricName,
      dimensionsMap: { TableName: table.tableName },
      statistic: cloudwatch.Stats.SUM,
      period: ALARM_PERIOD,
    });
  return new cloudwatch.MathExpression({
    // Ids unique per table: one graph shows both tables' expressions.
    expression: `FILL(reads_${name}, 0) + FILL(writes_${name}, 0)`,
    usingMetrics: {
      [`reads_${name}`]: events("ReadThrottleEvents"),
      [`writes_${name}`]: events("WriteThrottleEvents"),
    },
    label: "Throttle events",
    period: ALARM_PERIOD,
  });
}

/** One throttle alarm per DeskFunction: a throttled api call fails its caller, a throttled async run is delayed. */
class ThrottleAlarms implements IAspect {
  private readonly seen = new Set<DeskFunction>();

  constructor(private readonly alarms: OperatorAlarms) {}

  visit(node: IConstruct): void {
    if (!(node instanceof DeskFunction) || this.seen.has(node)) return;
    this.seen.add(node);
    this.alarms.alarm(`Throttles-${node.node.path.replaceAll("/", "-")}`, {
      description: `Lambda throttled ${node.node.path} (the account's or the function's concurrency is exhausted)`,
      metric: node.function.metricThrottles({ period: ALARM_PERIOD, statistic: cloudwatch.Stats.SUM }),
      runbookSection: "FunctionThrottles",
    });
  }
}

function dashboardRows(props: ObservabilityProps): cloudwatch.IWidget[][] {
  const { api, wavePipeline: waves } = props;
  const sum = { statistic: cloudwatch.Stats.SUM, period: ALARM_PERIOD };
  const graph = (title: string, left: cloudwatch.IMetric[], right: cloudwatch.IMetric[] = []) =>
    new cloudwatch.GraphWidget({ title, left, right, width: 8, height: 6 });
  const reputation = (metricName: string, label: string) =>
    new cloudwatch.Metric({
      namespace: "AWS/SES",
      metricName,
      label,
      statistic: cloudwatch.Stats.MAXIMUM,
      period: Duration.hours(1),
    });
  const depth = Object.entries(props.deadLetterQueues).map(([name, queue]) =>
    queue.metricApproximateNumberOfMessagesVisible({
      label: name,
      statistic: cloudwatch.Stats.MAXIMUM,
      period: ALARM_PERIOD,
    }),
  );
  const runs = Object.entries(props.scheduledRuns).flatMap(([name, fn]) => [
    fn.function.metricInvocations({ ...sum, label: `${name} runs` }),
    fn.function.metricErrors({ ...sum, label: `${name} errors` }),
  ]);
  return [
    [
      graph("API requests", [api.metricCount({ ...sum, label: "requests" })]),
      graph("API errors", [
        api.metricClientError({ ...sum, label: "4xx" }),
        api.metricServerError({ ...sum, label: "5xx" }),
      ]),
      graph("API latency (ms)", [
        api.metricLatency({ statistic: cloudwatch.Stats.p(50), label: "p50" }),
        api.metricLatency({ statistic: cloudwatch.Stats.p(99), label: "p99" }),
        api.metricIntegrationLatency({ statistic: cloudwatch.Stats.p(99), label: "integration p99" }),
      ]),
    ],
    [
      graph("Letters", [
        waves.metricSendOutcome("MessagesSent").with({ label: "sent" }),
        waves.metricSendOutcome("MessagesFailed").with({ label: "failed" }),
        waves.metricSendOutcome("MessagesUnknown").with({ label: "unknown" }),
      ]),
      graph(
        "Wave queue",
        [
          waves.queue.metricApproximateNumberOfMessagesVisible({
            label: "waiting",
            statistic: cloudwatch.Stats.MAXIMUM,
          }),
          waves.queue.metricApproximateNumberOfMessagesNotVisible({
            label: "in flight",
            statistic: cloudwatch.Stats.MAXIMUM,
          }),
        ],
        [waves.queue.metricApproximateAgeOfOldestMessage({ label: "oldest (s)", statistic: cloudwatch.Stats.MAXIMUM })],
      ),
      graph("Dead letters", depth),
    ],
    [
      graph("Bounce and complaint rates", [
        reputation("Reputation.BounceRate", "bounce rate"),
        reputation("Reputation.ComplaintRate", "complaint rate"),
      ]),
      graph("Snapshot and report runs", runs),
      graph(
        "Table throttles",
        Object.entries(props.tables).map(([name, table]) => tableThrottles(name, table).with({ label: name })),
      ),
    ],
  ];
}
