// Use cases on a State's 1540 Matrix: read it, edit cells of its draft, move it through review, compare versions.
import type { AuditContext } from "../audit/audit-entry.ts";
import { type Clock, checkDayOfMove, deskToday } from "../clock.ts";
import type { PageRequest } from "../dynamo/pagination.ts";
import { Conflict, Invalid, NotFound, PreconditionFailed } from "../errors.ts";
import type { RegistryRepository } from "../registry/repository.ts";
import { getState } from "../registry/states.ts";
import { RESOLUTION_ADOPTED_ON } from "../reporting/schemas.ts";
import { coverageOf } from "./coverage.ts";
import { diffVersions } from "./diff.ts";
import { matrixField } from "./field-catalogue.ts";
import type { CurrentMatrix, MatrixAudit, MatrixRepository } from "./repository.ts";
import {
  MAX_MATRIX_VERSION,
  type MatrixCell,
  type MatrixEdit,
  type MatrixTransition,
  type MatrixVersion,
  type MatrixView,
  type Stamp,
} from "./schemas.ts";
import { applyEdit, assertTransition, type CellEdit, dayOfMove, MatrixNotEditable } from "./workflow.ts";

export interface MatrixDependencies {
  matrix: MatrixRepository;
  registry: RegistryRepository;
  clock: Clock;
}

/** A view with the revision its ETag is made from. */
export interface VersionedMatrixView {
  view: MatrixView;
  revision: number;
}

/** A version as a refusal names it: by its State's name, which the desk knows it by. */
const describeVersion = (stateName: string, version: number) => `Version ${version} of the matrix of ${stateName}`;

export function viewOf(current: CurrentMatrix): VersionedMatrixView {
  const { working, approved } = current;
  return {
    revision: current.revision,
    view: {
      iso3: current.iso3,
      approved: approved ?? null,
      draft: working ?? null,
      coverage: {
        approved: approved ? coverageOf(approved.cells) : null,
        draft: working ? coverageOf(working.cells) : null,
      },
    },
  };
}

/** Refuses a write based on a read older than the matrix as it stands now. */
function assertCurrent(current: CurrentMatrix, expectedRevision: number): void {
  if (expectedRevision !== current.revision) {
    throw new PreconditionFailed(`The matrix of ${current.iso3}`, current.revision, expectedRevision);
  }
}

function stamp(clock: Clock, audit: AuditContext): Stamp {
  return { at: clock.now().toISOString(), by: audit.actor };
}

/** Audit images of the changed cells, keyed by field id; null stands for a blank cell. */
function auditImages(edits: readonly CellEdit[]): {
  before: Record<string, MatrixCell | null>;
  after: Record<string, MatrixCell | null>;
} {
  return {
    before: Object.fromEntries(edits.map((edit) => [edit.fieldId, edit.before ?? null])),
    after: Object.fromEntries(edits.map((edit) => [edit.fieldId, edit.after ?? null])),
  };
}

/** The State (404 when the registry lacks it); its name, for the refusals' words. */
async function requireState(deps: MatrixDependencies, iso3: string): Promise<string> {
  return (await getState(deps.registry)(iso3)).value.name;
}

export const getMatrix =
  (deps: MatrixDependencies) =>
  async (iso3: string): Promise<VersionedMatrixView> => {
    await requireState(deps, iso3);
    return viewOf(await deps.matrix.current(iso3));
  };

/**
 * Applies a batch of cell changes to the working draft, all or nothing. With no working version (none yet,
 * or the latest is approved), a new draft n+1 is started as a copy of the approved version: an approved
 * version is never changed. A batch that changes nothing writes nothing and starts no draft: it says what the working
 * version says already, or, with none, what the approved version (a blank matrix before the first) says.
 */
export const editMatrix =
  (deps: MatrixDependencies) =>
  async (
    iso3: string,
    expectedRevision: number,
    edit: MatrixEdit,
    audit: AuditContext,
  ): Promise<VersionedMatrixView> => {
    const stateName = await requireState(deps, iso3);
    edit.cells.forEach((change, index) => {
      // The route's schema already refuses these; a caller that skipped it must not store an unknown id.
      if (!matrixField(change.fieldId)) {
        throw new Invalid("Unknown matrix field", [{ path: `cells.${index}.fieldId`, message: "unknown field id" }]);
      }
    });
    const current = await deps.matrix.current(iso3);
    assertCurrent(current, expectedRevision);
    // Judged before the version's status: a batch sent twice, the version shared with the State in between, is no edit.
    const { cells, edits } = applyEdit((current.working ?? current.approved)?.cells ?? {}, edit.cells);
    if (!edits.length) return viewOf(current);

    const audits: MatrixAudit[] = [];
    let base: MatrixVersion;
    if (current.working) {
      if (current.working.status !== "draft") {
        throw new MatrixNotEditable(describeVersion(stateName, current.working.version), current.working.status);
      }
      base = current.working;
    } else {
      const version = (current.approved?.version ?? 0) + 1;
      if (version > MAX_MATRIX_VERSION)
        throw new Conflict(`The matrix of ${iso3} has reached ${MAX_MATRIX_VERSION} versions`);
      const basedOn = current.approved?.version;
      base = {
        iso3,
        version,
        status: "draft",
        ...(basedOn === undefined ? {} : { basedOn }),
        created: stamp(deps.clock, audit),
        history: [],
        cells: { ...(current.approved?.cells ?? {}) },
      };
      audits.push({ ...audit, action: "matrix.draft.create", after: { version, basedOn: basedOn ?? null } });
    }

    const next: MatrixVersion = { ...base, cells, lastEdited: stamp(deps.clock, audit) };
    audits.push({ ...audit, action: "matrix.cells.edit", ...auditImages(edits) });
    const revision = await deps.matrix.save(current, next, audits);
    return viewOf({ ...current, revision, working: next });
  };

/**
 * Moves the working version: share it with the State, take it back to draft, or record its approval, dated `on` (today
 * by default): not in the future, nor before the matrix's previous move (its own last one, or the approval of the
 * version it was drafted from), or 422.
 */
export const transitionMatrix =
  (deps: MatrixDependencies) =>
  async (
    iso3: string,
    expectedRevision: number,
    { to, on: given }: MatrixTransition,
    audit: AuditContext,
  ): Promise<VersionedMatrixView> => {
    const stateName = await requireState(deps, iso3);
    const current = await deps.matrix.current(iso3);
    assertCurrent(current, expectedRevision);
    const { working, approved } = current;
    if (!working) {
      if (approved) assertTransition(describeVersion(stateName, approved.version), "approved", to);
      throw new Conflict(`The matrix of ${stateName} has no version yet; editing a cell starts its first draft`);
    }
    assertTransition(describeVersion(stateName, working.version), working.status, to);
    const today = deskToday(deps.clock);
    const on = given ?? today;
    const previous = working.history.at(-1) ?? approved?.approved;
    // A State's first matrix has no earlier move: no move of it precedes the resolution.
    checkDayOfMove(
      on,
      previous
        ? { today, previous: dayOfMove(previous) }
        : { today, previous: RESOLUTION_ADOPTED_ON, previousIs: "resolution 1540 was adopted" },
    );

    const now = { ...stamp(deps.clock, audit), on };
    const next: MatrixVersion = {
      ...working,
      status: to,
      history: [...working.history, { from: working.status, to, ...now }],
      ...(to === "shared-with-state" ? { shared: now } : {}),
      ...(to === "approved" ? { approved: now } : {}),
    };
    const revision = await deps.matrix.save(current, next, [
      {
        ...audit,
        action: "matrix.transition",
        before: { version: working.version, status: working.status },
        after: { version: next.version, status: to, on },
      },
    ]);
    return viewOf(
      to === "approved"
        ? { ...current, revision, working: undefined, approved: next }
        : { ...current, revision, working: next },
    );
  };

export const listMatrixVersions = (deps: MatrixDependencies) => async (iso3: string, page: PageRequest) => {
  await requireState(deps, iso3);
  return deps.matrix.listVersions(iso3, page);
};

export const getMatrixVersion =
  (deps: MatrixDependencies) =>
  async (iso3: string, version: number): Promise<MatrixVersion> => {
    await requireState(deps, iso3);
    const found = await deps.matrix.getVersion(iso3, version);
    if (!found) throw new NotFound("Matrix version", `${iso3} v${version}`);
    return found;
  };

export const diffMatrixVersions = (deps: MatrixDependencies) => async (iso3: string, from: number, to: number) => {
  await requireState(deps, iso3);
  const [before, after] = await Promise.all([deps.matrix.getVersion(iso3, from), deps.matrix.getVersion(iso3, to)]);
  if (!before) throw new NotFound("Matrix version", `${iso3} v${from}`);
  if (!after) throw new NotFound("Matrix version", `${iso3} v${to}`);
  return diffVersions(before, after);
};
