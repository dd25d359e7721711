// Operators hear of what would otherwise fail in silence: an SNS topic, and the one way the desk builds an alarm on it.
import { Duration } from "aws-cdk-lib";
import * as cloudwatch from "aws-cdk-lib/aws-cloudwatch";
import * as cloudwatchActions from "aws-cdk-lib/aws-cloudwatch-actions";
import * as kms from "aws-cdk-lib/aws-kms";
import * as sns from "aws-cdk-lib/aws-sns";
import * as subscriptions from "aws-cdk-lib/aws-sns-subscriptions";
import { Construct } from "constructs";
import { stringContext } from "./context.ts";

export interface OperatorAlarmProps {
  /** What happened and where to look, as the operator reads it in the notification. */
  description: string;
  metric: cloudwatch.IMetric;
  /** Breaches above 0 unless said otherwise. */
  threshold?: number;
  comparison?: cloudwatch.ComparisonOperator;
}

/** The operators' topic (encrypted, TLS only); `-c operatorsEmail=...` subscribes an address at deploy time. */
export function operatorsTopic(scope: Construct, id: string): sns.Topic {
  const topic = new sns.Topic(scope, id, {
    displayName: "1540 desk operators",
    enforceSSL: true,
    masterKey: kms.Alias.fromAliasName(scope, `${id}Key`, "alias/aws/sns"),
  });
  const email = stringContext(scope, "operatorsEmail");
  if (email) topic.addSubscription(new subscriptions.EmailSubscription(email));
  return topic;
}

/** The alarms that notify the operators' topic; each is one call of `alarm`. */
export class OperatorAlarms extends Construct {
  readonly alarms: cloudwatch.Alarm[] = [];
  private readonly notify: cloudwatchActions.SnsAction;

  constructor(scope: Construct, id: string, topic: sns.ITopic) {
    super(scope, id);
    this.notify = new cloudwatchActions.SnsAction(topic);
  }

  /** One evaluation period: a single failed letter or dead letter is worth a look. No data is not a breach. */
  alarm(id: string, props: OperatorAlarmProps): cloudwatch.Alarm {
    const alarm = new cloudwatch.Alarm(this, id, {
      alarmDescription: props.description,
      metric: props.metric,
      threshold: props.threshold ?? 0,
      comparisonOperator: props.comparison ?? cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(this.notify);
    this.alarms.push(alarm);
    return alarm;
  }
}

/** The usual alarm period for failures: five minutes. */
export const ALARM_PERIOD = Duration.minutes(5);
