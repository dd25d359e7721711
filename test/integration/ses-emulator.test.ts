import { SESClient, SendEmailCommand } from "@aws-sdk/client-ses";
import { describe, expect, inject, it } from "vitest";

describe("the local SES emulator", () => {
  it("accepts SES v1 SendEmail and keeps the message where tests can read it", async () => {
    const endpoint = inject("sesEndpoint");
    const ses = new SESClient({
      region: "us-east-1",
      endpoint,
      credentials: { accessKeyId: "x", secretAccessKey: "x" },
    });
    const subject = `Integration ${Date.now()}`;
    const sent = await ses.send(
      new SendEmailCommand({
        Source: "secretariat@desk.example",
        Destination: { ToAddresses: ["poc@state.example"] },
        Message: { Subject: { Data: subject }, Body: { Text: { Data: "Hello" } } },
      }),
    );
    expect(sent.MessageId).toBeTruthy();
    const store = (await (await fetch(`${endpoint}/store`)).json()) as { emails: { subject: string }[] };
    expect(store.emails.map((email) => email.subject)).toContain(subject);
  });
});
