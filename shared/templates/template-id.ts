// A template's id rules, zod-free: the API's schema (schemas.ts) and the console's copy form (which says them before
// sending, without zod in its bundle) read the same three.
export const TEMPLATE_ID_WORDS = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const TEMPLATE_ID_MAX_LENGTH = 80;
/** GET /templates/variables: an id of that name would be shadowed by it. */
export const RESERVED_TEMPLATE_ID = "variables";
