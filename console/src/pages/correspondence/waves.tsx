// The correspondence waves, those in flight first, a halted one with why; the secretariat is offered the composer.
import { may } from "../../auth/access.ts";
import type { Session } from "../../auth/session.ts";
import { href } from "../../router.ts";
import { ListTable } from "../../ui/list-table.tsx";
import { Show, useLoad } from "../../ui/load.tsx";
import { listWaves } from "./data.ts";
import { AUDIENCES, inFlightFirst, sendTimeLines } from "./wave-facts.ts";
import { statusWithWhy } from "./wave-halted.ts";

/** A wave's send time: in its zone, the UTC instant under it; a wave in UTC's once. */
function Sends({ wave }: { wave: Parameters<typeof sendTimeLines>[0] }) {
  const { first, utc } = sendTimeLines(wave);
  return (
    <>
      {first}
      {utc && <div class="muted">{utc}</div>}
    </>
  );
}

export function Waves({ session }: { session: Session }) {
  const [waves] = useLoad(async () => inFlightFirst(await listWaves()), "waves");
  return (
    <>
      <h1>Correspondence waves</h1>
      <p>
        {may(session.group, "POST /waves") && (
          <>
            <a href={href.waveNew()}>Compose a wave</a> ·{" "}
          </>
        )}
        <a href={href.templates()}>Letter templates</a>
      </p>
      <Show what={waves}>
        {(list) =>
          list.length === 0 ? (
            <p>No wave yet.</p>
          ) : (
            <ListTable
              label="Waves"
              caption="Waves, those in flight first"
              rows={list}
              keyOf={(wave) => wave.id}
              columns={[
                { header: "Wave", cell: (wave) => <a href={href.wave(wave.id)}>{wave.description ?? wave.id}</a> },
                { header: "Status", cell: (wave) => statusWithWhy(wave) },
                { header: "Audience", cell: (wave) => AUDIENCES[wave.audience] },
                { header: "Sends", cell: (wave) => <Sends wave={wave} /> },
                { header: "Template", cell: (wave) => wave.templateId },
              ]}
            />
          )
        }
      </Show>
    </>
  );
}
