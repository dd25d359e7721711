// The front door on its own domain (`-c domain=`, ADR 0058): a certificate in us-east-1 validated in the stage's
// hosted zone, the distribution answering on the domain with TLSv1.2_2021, its address records, and the console's and
// API's addresses on it; without the context, CloudFront's own name as before; a domain the zone cannot hold fails.
import { Template } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { buildApp } from "../../infra/desk-app.ts";
import { LOGIN_REDIRECT_URI } from "../../infra/sign-in.ts";
import { logicalId, must, newApp, type Resource, resourcesOf, viewerRequest } from "./desk-template.ts";

const ZONE = { hostedZone: "Z0123456789ABC", hostedZoneName: "un.example" };
const DOMAIN = "desk.un.example";

const withDomain = buildApp(newApp({ context: { ...ZONE, domain: DOMAIN } }));
const edge = Template.fromStack(withDomain.edge);
const stateless = Template.fromStack(withDomain.stateless);
// The zone alone, as a stage sending mail through it has it: nothing of the front door's changes.
const withoutDomain = buildApp(newApp({ context: ZONE }));
const plainEdge = Template.fromStack(withoutDomain.edge);
const plainStateless = Template.fromStack(withoutDomain.stateless);

const only = (found: Record<string, Resource>, what: string): Resource => {
  const values = Object.values(found);
  expect(values, what).toHaveLength(1);
  return must(values[0], what);
};
const distributionConfig = (template: Template) =>
  only(resourcesOf(template, "AWS::CloudFront::Distribution"), "distribution").Properties.DistributionConfig as Record<
    string,
    unknown
  >;
const aliasRecords = (template: Template) =>
  Object.values(resourcesOf(template, "AWS::Route53::RecordSet"))
    .map((record) => record.Properties)
    .filter((record) => record.AliasTarget);

describe("with -c domain=", () => {
  it("makes one certificate for the domain in the edge stack, validated by DNS in the hosted zone", () => {
    const certificate = only(resourcesOf(edge, "AWS::CertificateManager::Certificate"), "certificate").Properties;
    expect(certificate).toMatchObject({
      DomainName: DOMAIN,
      ValidationMethod: "DNS",
      DomainValidationOptions: [{ DomainName: DOMAIN, HostedZoneId: ZONE.hostedZone }],
    });
    expect(certificate.SubjectAlternativeNames).toBeUndefined();
    expect(withDomain.edge.region).toBe("us-east-1");
  });

  it("serves the distribution on the domain with that certificate, SNI and TLSv1.2_2021", () => {
    const config = distributionConfig(stateless);
    expect(config.Aliases).toEqual([DOMAIN]);
    const viewer = config.ViewerCertificate as { AcmCertificateArn: { "Fn::GetAtt": [string, string] } };
    expect(viewer).toMatchObject({ SslSupportMethod: "sni-only", MinimumProtocolVersion: "TLSv1.2_2021" });
    // The certificate's ARN crosses from us-east-1 as the web ACL's does: written by the edge stack, read here.
    const [reader, parameter] = viewer.AcmCertificateArn["Fn::GetAtt"];
    expect(Object.keys(resourcesOf(stateless, "Custom::CrossRegionExportReader"))).toContain(reader);
    const writer = only(resourcesOf(edge, "Custom::CrossRegionExportWriter"), "export writer").Properties;
    const exports = (writer.WriterProps as { exports: Record<string, unknown> }).exports;
    const certificateId = Object.keys(resourcesOf(edge, "AWS::CertificateManager::Certificate"))[0];
    expect(exports[parameter]).toEqual({ Ref: certificateId });
  });

  it("points A and AAAA alias records for the domain at the distribution, in the hosted zone", () => {
    const distribution = logicalId(withDomain.stateless, withDomain.stateless.frontDoor.distribution);
    const records = aliasRecords(stateless);
    expect(records.map((record) => record.Type).sort()).toEqual(["A", "AAAA"]);
    for (const record of records) {
      expect(record).toMatchObject({
        Name: `${DOMAIN}.`,
        HostedZoneId: ZONE.hostedZone,
        AliasTarget: { DNSName: { "Fn::GetAtt": [distribution, "DomainName"] } },
      });
    }
  });

  it("gives the console's sign-in redirects, ConsoleUrl and ApiUrl on the domain", () => {
    const consoleUrl = `https://${DOMAIN}/console/`;
    const client = only(resourcesOf(stateless, "AWS::Cognito::UserPoolClient"), "app client").Properties;
    expect(client.CallbackURLs).toEqual([LOGIN_REDIRECT_URI, consoleUrl]);
    expect(client.LogoutURLs).toEqual([LOGIN_REDIRECT_URI, consoleUrl]);
    const outputs = stateless.toJSON().Outputs;
    expect(outputs.ConsoleUrl.Value).toBe(consoleUrl);
    expect(outputs.ApiUrl.Value).toBe(`https://${DOMAIN}`);
    const pool = only(resourcesOf(stateless, "AWS::Cognito::UserPool"), "user pool").Properties;
    expect(JSON.stringify(pool.AdminCreateUserConfig)).toContain(`staff console at ${consoleUrl}`);
  });
  it("moves the console asked for at CloudFront's own name to the domain, path kept, and serves it on the domain", () => {
    const consoleFunction = only(resourcesOf(stateless, "AWS::CloudFront::Function"), "console function");
    const handler = viewerRequest(String(consoleFunction.Properties.FunctionCode));
    const at = (host: string, uri: string, querystring = {}) =>
      handler({ request: { uri, headers: { host: { value: host } }, querystring } });
    expect(at("d111111abcdef8.cloudfront.net", "/console/")).toMatchObject({
      statusCode: 301,
      headers: { location: { value: `https://${DOMAIN}/console/` } },
    });
    expect(at("d111111abcdef8.cloudfront.net", "/console/assets/index-abc.js").headers?.location?.value).toBe(
      `https://${DOMAIN}/console/assets/index-abc.js`,
    );
    // The query goes along, every value of a repeated name, as it was sent.
    const query = {
      code: { value: "abc%2F1" },
      scope: { value: "a", multiValue: [{ value: "a" }, { value: "b" }] },
      debug: { value: "" },
    };
    expect(at("d111111abcdef8.cloudfront.net", "/console/", query).headers?.location?.value).toBe(
      `https://${DOMAIN}/console/?code=abc%2F1&scope=a&scope=b&debug`,
    );
    expect(at(DOMAIN, "/console/")).toMatchObject({ uri: "/console/index.html" });
    expect(at(DOMAIN, "/console")).toMatchObject({ statusCode: 308, headers: { location: { value: "/console/" } } });
  });
});

describe("without -c domain=", () => {
  it("has no certificate and no address records, and the distribution keeps CloudFront's name and certificate", () => {
    plainEdge.resourceCountIs("AWS::CertificateManager::Certificate", 0);
    expect(aliasRecords(plainStateless)).toEqual([]);
    const config = distributionConfig(plainStateless);
    expect(config.Aliases).toBeUndefined();
    expect(config.ViewerCertificate).toBeUndefined();
    const distribution = logicalId(withoutDomain.stateless, withoutDomain.stateless.frontDoor.distribution);
    expect(plainStateless.toJSON().Outputs.ApiUrl.Value).toEqual({
      "Fn::Join": ["", ["https://", { "Fn::GetAtt": [distribution, "DomainName"] }]],
    });
  });
});

describe("a domain the synth refuses", () => {
  const synth = (context: Record<string, string>) => () => buildApp(newApp({ context }));

  it("without a hosted zone, naming the context it needs", () => {
    expect(synth({ domain: DOMAIN })).toThrow(/Context domain=desk\.un\.example needs hostedZone=<id>/);
  });

  it("outside the hosted zone, naming both", () => {
    expect(synth({ ...ZONE, domain: "desk.un.example.org" })).toThrow(
      /hostedZoneName=un\.example must be the front door's domain desk\.un\.example\.org or a parent of it \(domain\)/,
    );
    // Without hostedZoneName the zone is the sending domain's (mail.un.example), which desk.un.example is not under.
    expect(synth({ hostedZone: ZONE.hostedZone, domain: DOMAIN })).toThrow(
      /hostedZoneName \(not given: the sending domain mail\.un\.example\) must be the front door's domain desk\.un\.example/,
    );
  });

  it.each([
    "Desk.un.example",
    "desk",
    "desk..un.example",
    "-desk.un.example",
    "desk-.un.example",
    "desk.un.example.",
    "desk_1.un.example",
    "https://desk.un.example",
  ])("malformed: %s", (domain) => {
    expect(synth({ ...ZONE, domain })).toThrow(`Context domain=${domain} is not a host name`);
  });
});
