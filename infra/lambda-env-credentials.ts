// Stands in for @aws-sdk/credential-provider-node inside the Lambda bundles (the `--alias` of infra/desk-function.ts):
// the default chain's first link, credentials from environment variables, is the only one that answers on Lambda.
import { type FromEnvInit, fromEnv } from "@aws-sdk/credential-provider-env";

/**
 * The name and shape the SDK clients import (`defaultProvider`, their `credentialDefaultProvider`). As with the full
 * chain, the variables are read when a client first needs credentials, and the client keeps what it got.
 */
export const defaultProvider = (init: FromEnvInit = {}) => fromEnv(init);
