// The runbook and the stack agree: every alarm names a section of docs/operations.md that exists, every alarm section
// is named by an alarm, the dashboard shows every dead-letter queue, and `npm run ops` knows what each one holds.
import { readFileSync } from "node:fs";
import { Template } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { routeGroupNames } from "../../functions/api/groups.ts";
import { kindOfQueue } from "../../infra/cli/dead-letter-replay.ts";
import { buildApp } from "../../infra/desk-app.ts";
import { fromRoot, newApp, resourcesOf } from "./desk-template.ts";

const { stateless } = buildApp(newApp());
const template = Template.fromStack(stateless);
const runbook = readFileSync(fromRoot("docs/operations.md"), "utf8");
const alarmSections = [...runbook.matchAll(/^### Alarm (\S+)\s*$/gm)].map(([, section]) => section);
const alarms = Object.entries(resourcesOf(template, "AWS::CloudWatch::Alarm")).map(([id, alarm]) => ({
  id,
  description: JSON.stringify(alarm.Properties.AlarmDescription),
}));
const sectionOf = (description: string) => /Runbook: docs\/operations\.md, \\"Alarm (\w+)\\"/.exec(description)?.[1];
const deadLetterQueues = Object.keys(resourcesOf(template, "AWS::SQS::Queue")).filter((id) =>
  id.includes("DeadLetters"),
);

describe("the runbook's alarm sections", () => {
  it("has the section every alarm names", () => {
    expect(alarms.length).toBeGreaterThan(20);
    for (const { id, description } of alarms) {
      const section = sectionOf(description);
      expect(section, `${id} names no runbook section`).toBeDefined();
      expect(alarmSections, `${id} names "Alarm ${section}"`).toContain(section);
    }
  });

  it("has no alarm section that no alarm names", () => {
    const named = new Set(alarms.map(({ description }) => sectionOf(description)));
    expect(alarmSections.filter((section) => !named.has(section))).toEqual([]);
  });

  it("lists in FunctionErrors every function whose errors alarm sends the operator there", () => {
    const heading = "### Alarm FunctionErrors\n\n";
    const section = runbook.slice(runbook.indexOf(heading) + heading.length);
    const listed = section.slice(0, section.indexOf("\n\n"));
    for (const { description } of alarms.filter((alarm) => sectionOf(alarm.description) === "FunctionErrors")) {
      const name = /The (\S+) function failed/.exec(description)?.[1] ?? "";
      expect(listed, name).toContain(name);
    }
  });
});

describe("the api's alarms", () => {
  it("say which api function serves which paths, every route group's function named", () => {
    const heading = "### Alarm ApiServerErrors\n\n";
    const section = runbook.slice(runbook.indexOf(heading) + heading.length).split("\n### ")[0] ?? "";
    for (const group of routeGroupNames) {
      expect(section, group).toContain(`\`Api${group.charAt(0).toUpperCase()}${group.slice(1)}\``);
    }
  });
});

describe("the letters' alarms", () => {
  const descriptionOf = (name: string) => alarms.find(({ id }) => id.startsWith(`Alarms${name}`))?.description ?? "";

  it("tells a halted wave's failed letters from SES's refusals", () => {
    expect(descriptionOf("MessagesFailed")).toContain("wave halted:");
  });

  it("says an unknown letter may be sent again by the secretariat once its event window has closed", () => {
    expect(descriptionOf("MessagesUnknown")).toContain("POST /waves/{id}/messages/{recipient}/resend");
  });
});

describe("the dead-letter queues", () => {
  it("are all on the dashboard's dead-letter graph", () => {
    const [dashboard] = Object.values(resourcesOf(template, "AWS::CloudWatch::Dashboard"));
    const body = JSON.stringify(dashboard?.Properties.DashboardBody);
    expect(deadLetterQueues.length).toBe(4);
    for (const queue of deadLetterQueues) expect(body, queue).toContain(`"${queue}"`);
  });

  it("that hold failed runs send the operator to the replay from their alarms", () => {
    for (const name of ["ScheduleDeadLetters", "SesEventDeadLetters"]) {
      const alarm = alarms.find(({ id }) => id.startsWith(`Alarms${name}`));
      expect(alarm?.description, name).toContain("npm run ops -- replay --stage <stage>");
    }
  });

  it("are each known to npm run ops as failed runs, wave keys or stream batches", () => {
    expect(deadLetterQueues.map((queue) => [queue, kindOfQueue(queue)]).filter(([, kind]) => !kind)).toEqual([]);
  });
});

describe("the halted-wave alarm", () => {
  it("counts wave-dispatch's halt warnings, under a metric named for the stack", () => {
    const filters = Object.values(resourcesOf(template, "AWS::Logs::MetricFilter"));
    const halted = filters.find((filter) => JSON.stringify(filter.Properties.FilterPattern).includes("wave halted"));
    expect(halted?.Properties.FilterPattern).toContain('$.message = "programme wave halted"');
    const [transformation = { MetricName: "", MetricNamespace: "" }] = (halted?.Properties.MetricTransformations ??
      []) as { MetricName: string; MetricNamespace: string }[];
    expect(transformation.MetricName).toBe(`${stateless.stackName}-WavesHalted`);
    const alarm = Object.values(resourcesOf(template, "AWS::CloudWatch::Alarm")).find(
      (resource) => resource.Properties.MetricName === transformation.MetricName,
    );
    expect(alarm?.Properties.Namespace).toBe(transformation.MetricNamespace);
  });
});
