// The local stack's ports from the environment (infra/local/prelude.ts): what `npm start` and `npm run fire` read,
// refused with the variable's name before anything starts.
import { describe, expect, it } from "vitest";
import { localPortsFromEnv } from "../../infra/local/prelude.ts";

describe("the local stack's ports from the environment", () => {
  it("falls back to each service's own port, and takes 0 as any free port", () => {
    expect(localPortsFromEnv({})).toEqual({ api: 4540, dynamodb: 8540, ses: 8005 });
    expect(localPortsFromEnv({ API_PORT: "0", DYNAMODB_PORT: "0", SES_PORT: "0" })).toEqual({
      api: 0,
      dynamodb: 0,
      ses: 0,
    });
  });

  it("refuses a value that is not a port, naming its variable", () => {
    expect(() => localPortsFromEnv({ SES_PORT: "80a" })).toThrow(
      'SES_PORT must be a port number from 0 (any free port) to 65535; got "80a"',
    );
    expect(() => localPortsFromEnv({ API_PORT: "65536" })).toThrow(/^API_PORT must be a port number/);
  });

  it("refuses two services on one port, naming both variables", () => {
    expect(() => localPortsFromEnv({ DYNAMODB_PORT: "8641", SES_PORT: "8641" })).toThrow(
      "DYNAMODB_PORT and SES_PORT are both 8641: each service needs a port of its own",
    );
    // A variable set to another service's default is the same clash.
    expect(() => localPortsFromEnv({ API_PORT: "8540" })).toThrow(/^API_PORT and DYNAMODB_PORT are both 8540/);
  });
});
