// What the layers' global setups hand their files (`project.provide`, read with `inject`).
declare module "vitest" {
  export interface ProvidedContext {
    /** The layer's DynamoDB Local engine, started once for all its files. */
    dynamoEndpoint: string;
    /** The SES emulator the integration layer's files share. */
    sesEndpoint: string;
  }
}

export {};
