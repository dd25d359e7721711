// Build-time constants (set by infra/local/console.ts through Vite's `define`), and what Vite's build takes in.

/** true in the local build only: the sign-in page mints tokens from the local issuer. */
declare const __LOCAL_SIGN_IN__: boolean;

/** A page's stylesheet, imported for its side effect: Vite bundles it. TypeScript checks that such an import resolves. */
declare module "*.css";
