// The desk API's OAuth scope, apart from the CDK so that the local gateway, which checks it as the deployed JWT
// authorizer does, loads no CDK module.

/** The resource server of the desk's API and its one scope; only access tokens carry scopes. */
export const API_RESOURCE_SERVER = "desk-1540";
export const API_SCOPE = `${API_RESOURCE_SERVER}/api`;
