// What the layers' global setups hand their files (`project.provide`, read with `inject`).

import type { TableNames } from "#shared/tables.ts";
import type { LocalSeed } from "../../functions/seed/local.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The layer's DynamoDB Local engine, started once for all its files. */
    dynamoEndpoint: string;
    /**
     * The e2e layer's tables on that engine, seeded once as a local stack seeds its own, what the seed said, and the
     * desk's day it seeded on.
     */
    seededTables: { tableNames: TableNames; seed: LocalSeed; seededOn: string };
    /** The SES emulator the integration layer's files share. */
    sesEndpoint: string;
  }
}
