// Item keys of snapshots in the desk table, and the index overload that lists them (desk gsi2, like waves).
import { statePartition } from "../registry/keys.ts";
import type { Period } from "./schemas.ts";

/** One item per quarter: the whole snapshot, written once. */
export const snapshotKey = (period: Period) => ({ pk: `SNAPSHOT#${period}`, sk: "SNAPSHOT" });

export const ALL_SNAPSHOTS = "SNAPSHOTS";

/** gsi2: every snapshot, by period (`2023-Q4` sorts before `2024-Q1`). */
export const snapshotIndexKeys = (period: Period) => ({ gsi2pk: ALL_SNAPSHOTS, gsi2sk: period });

/**
 * The head item of a State's matrix (shared/matrix/repository.ts: `approvedVersion` names its latest approved
 * version), which that module keeps private; named here so the snapshot reads the heads of all States in a batch.
 */
export const matrixHeadKey = (iso3: string) => ({ pk: statePartition(iso3), sk: "MATRIX" });
