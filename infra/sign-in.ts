// Staff sign-in: the user pool (admin-created accounts in the three groups, TOTP required), its Cognito managed login
// domain, and the one app client: authorization code with PKCE, no secret, redirecting to the terminal's localhost
// listener (`npm run login`, infra/cli/login.ts) and to the staff console (infra/console-site.ts). The API accepts only
// access tokens carrying API_SCOPE, and names the person by the e-mail the pool's pre-token-generation trigger adds to
// each access token (functions/token-claims).
import { CfnOutput, Duration, Lazy, RemovalPolicy, Stack } from "aws-cdk-lib";
import * as cognito from "aws-cdk-lib/aws-cognito";
import { Construct } from "constructs";
import { groupSchema } from "../shared/auth/actor.ts";
import { API_RESOURCE_SERVER, API_SCOPE } from "./api-scope.ts";
import { stringContext } from "./context.ts";
import { DeskFunction } from "./desk-function.ts";
import { TEMPORARY_PASSWORD_DAYS } from "./invitation-validity.ts";
import type { DeskStage } from "./stage.ts";

/** Where the managed login sends the browser back: `npm run login` listens there (infra/cli/login.ts). */
export const LOGIN_REDIRECT_URI = "http://localhost:15400/callback";

/**
 * The invitation Cognito sends a new account ({username} and {####} are Cognito's own placeholders): where to sign in,
 * the staff console first when the stage has one, and the terminal for the API.
 */
export function invitationBody(consoleUrl: string | undefined): string {
  const where = consoleUrl
    ? `Sign in to the staff console at ${consoleUrl} (or from a terminal with \`npm run login\`)`
    : "Sign in with `npm run login`";
  return (
    "An account on the 1540 Committee desk was created for {username}. Your temporary password is {####}. " +
    `${where} within three days; you will choose a password and enrol an authenticator app.`
  );
}

export class StaffSignIn extends Construct {
  readonly userPool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;
  readonly domain: cognito.UserPoolDomain;
  /** Adds the account's e-mail to every access token: the pool generates usernames, so they name no one. */
  readonly tokenClaimsFunction: DeskFunction;
  /** The managed login's base URL, e.g. https://desk1540-prod-123456789012.auth.eu-west-1.amazoncognito.com. */
  readonly domainUrl: string;
  /** The console's addresses, known only once the distribution exists (it fronts an API that names this client). */
  private readonly consoleUrls: string[] = [];

  constructor(scope: Construct, id: string, stage: DeskStage) {
    super(scope, id);
    this.userPool = new cognito.UserPool(this, "Staff", {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      signInCaseSensitive: false,
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      passwordPolicy: {
        minLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(TEMPORARY_PASSWORD_DAYS),
      },
      // Every account enrols an authenticator app at its first sign-in; no SMS. Cognito accepts REQUIRED only when a
      // pool is created, so it is set from the first deploy.
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      // Threat protection needs the paid Plus plan; see infra/nag.ts. Essentials has what the desk uses beyond Lite:
      // access-token customization (the V2_0 trigger below).
      featurePlan: cognito.FeaturePlan.ESSENTIALS,
      userInvitation: {
        emailSubject: "Your account on the 1540 Committee desk",
        // Lazy: the console's address is known only once its distribution exists (allowConsoleAt).
        emailBody: Lazy.string({ produce: () => invitationBody(this.consoleUrls[0]) }),
      },
      // The staff accounts are state too: a stack deletion must not take them along.
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // Signing in by e-mail, the pool generates each username (a UUID), which the access token carries: the trigger
    // adds the e-mail beside it, so the API names people (ADR 0032). The sign-in attributes cannot change without
    // replacing the pool and its accounts.
    this.tokenClaimsFunction = new DeskFunction(this, "TokenClaims", {
      entry: "functions/token-claims/handler.ts",
      description: "Adds the account's e-mail to the staff access tokens (pre-token-generation trigger)",
      environment: { POWERTOOLS_SERVICE_NAME: "desk-1540-token-claims" },
      // Cognito waits 5 seconds for a trigger, then fails the sign-in.
      timeout: Duration.seconds(5),
    });
    this.userPool.addTrigger(
      cognito.UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG,
      this.tokenClaimsFunction.function,
      cognito.LambdaVersion.V2_0,
    );
    for (const group of groupSchema.options) {
      this.userPool.addGroup(`Group-${group}`, { groupName: group, description: `Desk staff group ${group}` });
    }
    const api = new cognito.ResourceServerScope({ scopeName: "api", scopeDescription: "Call the desk's API" });
    const resourceServer = this.userPool.addResourceServer("Api", {
      identifier: API_RESOURCE_SERVER,
      userPoolResourceServerName: "The 1540 Committee desk API",
      scopes: [api],
    });
    this.client = this.userPool.addClient("StaffClient", {
      // A public client: a terminal cannot keep a secret, so PKCE protects the code instead.
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [
          cognito.OAuthScope.OPENID,
          cognito.OAuthScope.EMAIL,
          cognito.OAuthScope.PROFILE,
          cognito.OAuthScope.resourceServer(resourceServer, api),
        ],
        // The terminal and the console are both public clients proving their code with PKCE, so they share the
        // client (one audience for the API, one managed login style); each has its own redirect (ADR 0032).
        callbackUrls: Lazy.list({ produce: () => [LOGIN_REDIRECT_URI, ...this.consoleUrls] }),
        logoutUrls: Lazy.list({ produce: () => [LOGIN_REDIRECT_URI, ...this.consoleUrls] }),
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
    });
    // Globally unique across AWS: the stage and the account make it so unless `-c loginDomainPrefix=` says otherwise.
    const domainPrefix = stringContext(this, "loginDomainPrefix") ?? `desk1540-${stage.name}-${stage.account}`;
    this.domain = this.userPool.addDomain("Login", {
      cognitoDomain: { domainPrefix },
      managedLoginVersion: cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
    // Managed login shows a client's pages only once it has a style: Cognito's own.
    new cognito.CfnManagedLoginBranding(this, "LoginStyle", {
      userPoolId: this.userPool.userPoolId,
      clientId: this.client.userPoolClientId,
      useCognitoProvidedValues: true,
    });
    // baseUrl()'s own form, from the prefix rather than the domain resource: the console's headers name this URL and
    // the invitation names the console, so a reference to the resource would close a cycle through the distribution.
    this.domainUrl = `https://${domainPrefix}.auth.${Stack.of(this).region}.amazoncognito.com`;

    // What `npm run login`, `token` and `users` read from the deploy's outputs file (docs/operations.md).
    const outputs: Record<string, string> = {
      UserPoolId: this.userPool.userPoolId,
      UserPoolClientId: this.client.userPoolClientId,
      LoginDomainUrl: this.domainUrl,
      LoginRedirectUri: LOGIN_REDIRECT_URI,
      ApiScope: API_SCOPE,
      Region: Stack.of(this).region,
    };
    for (const [key, value] of Object.entries(outputs)) new CfnOutput(scope, key, { value });
  }

  /** Lets the managed login send the browser back to (and, after logout, to) the staff console at `url`. */
  allowConsoleAt(url: string): void {
    this.consoleUrls.push(url);
  }
}
