// Operators hear of what would otherwise fail in silence: an SNS topic that AWS services can really publish to, and
// the one way the desk builds an alarm on it.
import { ArnFormat, Duration, Stack } from "aws-cdk-lib";
import * as cloudwatch from "aws-cdk-lib/aws-cloudwatch";
import * as cloudwatchActions from "aws-cdk-lib/aws-cloudwatch-actions";
import * as iam from "aws-cdk-lib/aws-iam";
import * as kms from "aws-cdk-lib/aws-kms";
import * as sns from "aws-cdk-lib/aws-sns";
import * as subscriptions from "aws-cdk-lib/aws-sns-subscriptions";
import { Construct } from "constructs";
import { stringContext } from "./context.ts";

/**
 * The AWS services that publish to the operators' topic, each with the ARN pattern of what publishes (its source).
 * A service added here gets the key and the topic policy it needs; nothing else may publish.
 */
export const TOPIC_PUBLISHERS = [
  { service: "cloudwatch.amazonaws.com", sourceArn: { service: "cloudwatch", resource: "alarm" } },
];

/**
 * The operators' topic: encrypted with its own customer-managed key (rotated yearly), TLS only, published to only by
 * TOPIC_PUBLISHERS from this account. The AWS-managed `alias/aws/sns` key cannot be used: its policy cannot be changed
 * and it lets no AWS service encrypt, so CloudWatch could not deliver a single alarm. `-c alarmEmail=...` subscribes an
 * address at deploy time (the address must confirm it, docs/operations.md).
 */
export function operatorsTopic(scope: Construct, id: string): sns.Topic {
  const stack = Stack.of(scope);
  const key = new kms.Key(scope, `${id}Key`, {
    description: "Encrypts the 1540 desk operators' topic; CloudWatch alarms publish to it",
    enableKeyRotation: true,
  });
  // As AWS documents for services publishing to an encrypted topic: the publisher makes the data key and decrypts it.
  // The topic policy below holds the account and source conditions.
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: "AwsServicesPublishToTheOperatorsTopic",
      principals: TOPIC_PUBLISHERS.map(({ service }) => new iam.ServicePrincipal(service)),
      actions: ["kms:Decrypt", "kms:GenerateDataKey*"],
      resources: ["*"],
    }),
  );
  const topic = new sns.Topic(scope, id, { displayName: "1540 desk operators", enforceSSL: true, masterKey: key });
  for (const { service, sourceArn } of TOPIC_PUBLISHERS) {
    topic.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: `Publish-${sourceArn.service}`,
        principals: [new iam.ServicePrincipal(service)],
        actions: ["sns:Publish"],
        resources: [topic.topicArn],
        conditions: {
          StringEquals: { "aws:SourceAccount": stack.account },
          ArnLike: {
            "aws:SourceArn": stack.formatArn({
              ...sourceArn,
              resourceName: "*",
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            }),
          },
        },
      }),
    );
  }
  const email = stringContext(scope, "alarmEmail");
  if (email) topic.addSubscription(new subscriptions.EmailSubscription(email));
  return topic;
}

export interface OperatorAlarmProps {
  /** What happened and where to look, as the operator reads it in the notification. */
  description: string;
  metric: cloudwatch.IMetric;
  /** Breaches above 0 unless said otherwise. */
  threshold?: number;
  comparison?: cloudwatch.ComparisonOperator;
  /** The runbook's section for it, `Alarm <section>` (docs/operations.md); the alarm's id unless said otherwise. */
  runbookSection?: string;
  /** Periods that must all breach; one unless said otherwise. */
  evaluationPeriods?: number;
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
      alarmDescription: `${props.description}. ${runbook(`Alarm ${props.runbookSection ?? id}`)}`,
      metric: props.metric,
      threshold: props.threshold ?? 0,
      comparisonOperator: props.comparison ?? cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: props.evaluationPeriods ?? 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(this.notify);
    this.alarms.push(alarm);
    return alarm;
  }
}

/** Where an alarm's description sends the operator: a section of the runbook. */
export function runbook(section: string): string {
  return `Runbook: docs/operations.md, "${section}".`;
}

/** The usual alarm period for failures: five minutes. */
export const ALARM_PERIOD = Duration.minutes(5);
