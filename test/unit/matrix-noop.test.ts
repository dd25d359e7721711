// PATCH /states/{iso3}/matrix with a batch whose every cell says what the matrix says already: nothing is written, no
// draft is started after an approval, and a version shared with the State answers as it stands rather than 409.
import { beforeEach, describe, expect, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { PreconditionFailed } from "#shared/errors.ts";
import { editMatrix, getMatrix, transitionMatrix } from "#shared/matrix/matrix.ts";
import type { CellChange } from "#shared/matrix/schemas.ts";
import { MatrixNotEditable } from "#shared/matrix/workflow.ts";
import { loadMemberStates } from "#shared/registry/member-states.ts";
import { refusal } from "../support/fixtures.ts";
import { type InMemoryMatrix, inMemoryMatrix } from "../support/in-memory/matrix.ts";
import { inMemoryRegistry } from "../support/in-memory/registry.ts";

const audit = { actor: systemActor("test") };
const clock = fixedClock("2027-03-01T09:00:00Z");
const source = { document: "S/AC.44/2004/(02)/51", article: "Art. 4" };
const npt: CellChange = { fieldId: "op1.npt", value: "X", source };
const hcoc: CellChange = { fieldId: "op1.hcoc", value: "NA" };
const blankCwc: CellChange = { fieldId: "op1.cwc", value: "" };

let matrix: InMemoryMatrix;
let deps: Parameters<typeof editMatrix>[0];
const edit = (revision: number, cells: CellChange[]) => editMatrix(deps)("FRA", revision, { cells }, audit);
const move = (revision: number, to: "shared-with-state" | "approved") =>
  transitionMatrix(deps)("FRA", revision, { to }, audit);
const trail = () => matrix.audit.actionsOf({ type: "matrix", id: "FRA" });

beforeEach(async () => {
  const registry = inMemoryRegistry(clock);
  await registry.addMissingStates(loadMemberStates(), () => [], audit);
  matrix = inMemoryMatrix(clock);
  deps = { matrix, registry, clock };
});

describe("a matrix batch that changes nothing", () => {
  it("starts no first draft when it only blanks blank cells", async () => {
    const same = await edit(0, [blankCwc]);
    expect(same).toEqual(await getMatrix(deps)("FRA"));
    expect(same).toMatchObject({ revision: 0, view: { draft: null, approved: null } });
    expect(trail()).toEqual([]);
  });

  it("starts no new draft after an approval when it says what the approved version says", async () => {
    const first = await edit(0, [npt, hcoc]);
    const approved = await move((await move(first.revision, "shared-with-state")).revision, "approved");
    const before = trail();
    const same = await edit(approved.revision, [npt, hcoc, blankCwc]);
    expect(same).toEqual(approved);
    expect(same.view.draft).toBeNull();
    expect(trail()).toEqual(before);
    const changed = await edit(approved.revision, [{ ...hcoc, value: "" }]);
    expect(changed.view.draft).toMatchObject({ version: 2, basedOn: 1 });
  });

  it("answers a version shared with the State as it stands, where an edit of it is refused", async () => {
    const first = await edit(0, [npt]);
    const shared = await move(first.revision, "shared-with-state");
    const before = trail();
    expect(await edit(shared.revision, [npt])).toEqual(shared);
    expect(await refusal(edit(shared.revision, [hcoc]))).toBeInstanceOf(MatrixNotEditable);
    expect(trail()).toEqual(before);
  });

  it("still refuses a stale revision with 412, even when it would change nothing", async () => {
    const first = await edit(0, [npt]);
    await edit(first.revision, [hcoc]);
    expect(await refusal(edit(first.revision, [npt]))).toBeInstanceOf(PreconditionFailed);
  });
});
