// Stands in for bowser, the browser user-agent parser, inside the Lambda bundles (the `--alias` of
// infra/desk-function.ts). The SDK core loads it with a dynamic import() only to describe a browser in its user agent,
// code that never runs on Node. A single-file bundle shakes that code out, but a bundle split into chunks (the api
// functions, ADR 0038) still writes every import() target as a chunk of its own: 35 KB shipped and never read. Were it
// ever reached, it fails loudly here rather than silently.
const missing = () => {
  throw new Error("bowser is not bundled in this function (infra/lambda-no-bowser.mjs)");
};

export const parse = missing;

export default { parse: missing };
