// The correspondence waves, those in flight first; the secretariat is offered the composer.
import { may } from "../../auth/access.ts";
import type { Session } from "../../auth/session.ts";
import { href } from "../../router.ts";
import { ListTable } from "../../ui/list-table.tsx";
import { Show, useLoad } from "../../ui/load.tsx";
import { listWaves } from "./data.ts";
import { utcText } from "./time.ts";
import { AUDIENCES, inFlightFirst } from "./wave-facts.ts";

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
                { header: "Status", cell: (wave) => wave.status },
                { header: "Audience", cell: (wave) => AUDIENCES[wave.audience] },
                {
                  header: "Sends",
                  cell: (wave) => (
                    <>
                      {wave.sendAt.replace("T", " ")} {wave.timeZone}
                      <div class="muted">{utcText(wave.sendInstant)}</div>
                    </>
                  ),
                },
                { header: "Template", cell: (wave) => wave.templateId },
              ]}
            />
          )
        }
      </Show>
    </>
  );
}
