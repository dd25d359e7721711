// The matrices store in memory, for unit tests of the use cases: the same contract as the DynamoDB adapter
// (test/contracts/matrix.contract.ts): a head per State (its revision is the lock) and its versions. Not honoured:
// DynamoDB's item size limit on a version or an audit entry.
import type { Clock } from "#shared/clock.ts";
import { Conflict, PreconditionFailed } from "#shared/errors.ts";
import type { CurrentMatrix, MatrixRepository } from "#shared/matrix/repository.ts";
import { type MatrixVersion, matrixVersionSummarySchema } from "#shared/matrix/schemas.ts";
import { type InMemoryAudit, inMemoryAudit } from "./audit.ts";
import { pageOf } from "./paging.ts";

export interface InMemoryMatrix extends MatrixRepository {
  readonly audit: InMemoryAudit;
}

interface Head {
  revision: number;
  latestVersion: number;
  approvedVersion: number | undefined;
}

export function inMemoryMatrix(clock: Clock, audit: InMemoryAudit = inMemoryAudit(clock)): InMemoryMatrix {
  const heads = new Map<string, Head>();
  const versions = new Map<string, MatrixVersion>();
  const copy = <T>(value: T): T => structuredClone(value);
  // Zero-padded as the adapter's sort keys are, so versions sort in order as text.
  const versionKey = (iso3: string, version: number) => `${iso3}#${String(version).padStart(4, "0")}`;

  async function getVersion(iso3: string, version: number): Promise<MatrixVersion | undefined> {
    const found = versions.get(versionKey(iso3, version));
    return found && copy(found);
  }

  return {
    audit,
    getVersion,

    current: async (iso3): Promise<CurrentMatrix> => {
      const head = heads.get(iso3);
      if (!head) return { iso3, revision: 0, working: undefined, approved: undefined };
      const latest = await getVersion(iso3, head.latestVersion);
      return {
        iso3,
        revision: head.revision,
        working: latest?.status === "approved" ? undefined : latest,
        approved: head.approvedVersion === undefined ? undefined : await getVersion(iso3, head.approvedVersion),
      };
    },

    listVersions: async (iso3, page) => {
      const mine = [...versions.entries()]
        .filter(([key]) => key.startsWith(`${iso3}#`))
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([, version]) => matrixVersionSummarySchema.parse(version));
      return pageOf(mine, (summary) => String(summary.version).padStart(4, "0"), {
        ...page,
        scope: `matrix-versions:${iso3}`,
      });
    },

    save: async (current, next, audits) => {
      const { iso3 } = current;
      const stored = heads.get(iso3);
      if ((stored?.revision ?? 0) !== current.revision) {
        throw new PreconditionFailed(`The matrix of ${iso3}`, stored?.revision ?? 0, current.revision);
      }
      const isNew = current.working?.version !== next.version;
      const storedVersion = versions.get(versionKey(iso3, next.version));
      const versionMoved =
        isNew || current.working === undefined
          ? storedVersion !== undefined
          : storedVersion?.status !== current.working.status;
      if (versionMoved) throw new Conflict(`Version ${next.version} of the matrix of ${iso3} changed meanwhile`);
      const revision = current.revision + 1;
      heads.set(iso3, {
        revision,
        latestVersion: next.version,
        approvedVersion: next.status === "approved" ? next.version : current.approved?.version,
      });
      versions.set(versionKey(iso3, next.version), copy(next));
      for (const entry of audits) audit.record({ ...entry, entity: { type: "matrix", id: iso3 } });
      return revision;
    },
  };
}
