// How long an invitation's temporary password lasts: the user pool's setting (sign-in.ts) and the words of the users
// CLI (cli/users.ts), which sends an unused invitation again. Import-free, so the CLI does not load the CDK.

export const TEMPORARY_PASSWORD_DAYS = 3;
