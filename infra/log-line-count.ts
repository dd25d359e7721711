// A metric counted from a function's own log lines (their `message`), so the function publishes none: the alarms on
// what a run noticed but did not fail on (a wave halted, a wave missed, letters the sweep failed) read its warnings.
import { type Duration, Stack } from "aws-cdk-lib";
import * as cloudwatch from "aws-cdk-lib/aws-cloudwatch";
import * as logs from "aws-cdk-lib/aws-logs";
import type { Construct } from "constructs";

export interface LogLineCountProps {
  logGroup: logs.ILogGroup;
  /** The log lines counted, by their whole `message`. */
  messages: readonly [string, ...string[]];
  /** The metric's name after the stack's, as the stage's other metrics are named (`<stack>-WavesHalted`). */
  name: string;
  period: Duration;
  /** The line's numeric field the metric sums (a count the line carries); each line counts 1 without it. */
  sums?: string;
}

/** The filter is made in `scope` as `<name>Filter`; the metric sums the lines (or the field `sums`) per period. */
export function logLineCount(scope: Construct, props: LogLineCountProps): cloudwatch.Metric {
  const filter = new logs.MetricFilter(scope, `${props.name}Filter`, {
    logGroup: props.logGroup,
    filterPattern: logs.FilterPattern.any(
      ...props.messages.map((message) => logs.FilterPattern.stringValue("$.message", "=", message)),
    ),
    metricNamespace: "Desk1540",
    metricName: `${Stack.of(scope).stackName}-${props.name}`,
    metricValue: props.sums === undefined ? "1" : `$.${props.sums}`,
  });
  return filter.metric({ period: props.period, statistic: cloudwatch.Stats.SUM });
}
