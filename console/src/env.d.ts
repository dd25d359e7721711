// Build-time constants (set by infra/local/console.ts through Vite's `define`).

/** true in the local build only: the sign-in page mints tokens from the local issuer. */
declare const __LOCAL_SIGN_IN__: boolean;
