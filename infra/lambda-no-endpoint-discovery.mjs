// Stands in for @aws-sdk/endpoint-cache inside the Lambda bundles (the `--alias` of infra/desk-function.ts). The
// DynamoDB client builds an endpoint cache (an LRU from mnemonist, 8 KB bundled) for endpoint discovery, yet no
// DynamoDB command of the SDK version in use adds the discovery middleware, so the cache is built and never read. A
// lookup finds nothing here, as it would in the real, empty cache; anything else would mean discovery is in use, which
// these bundles do not carry: it fails loudly rather than silently.
const missing = () => {
  throw new Error("Endpoint discovery is not bundled in this function (infra/lambda-no-endpoint-discovery.mjs)");
};

export class EndpointCache {
  getEndpoint() {
    return undefined;
  }

  get() {
    missing();
  }

  set() {
    missing();
  }

  delete() {
    missing();
  }

  has() {
    missing();
  }

  clear() {
    missing();
  }
}
