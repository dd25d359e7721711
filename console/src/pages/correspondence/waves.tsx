// The correspondence waves, those in flight first; the secretariat is offered the composer.
import { may } from "../../auth/access.ts";
import type { Session } from "../../auth/session.ts";
import { href } from "../../router.ts";
import { Show, useLoad } from "../../ui/load.tsx";
import { ScrollTable } from "../../ui/scroll-table.tsx";
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
            <ScrollTable label="Waves">
              <table>
                <caption class="visually-hidden">Waves, those in flight first</caption>
                <thead>
                  <tr>
                    <th scope="col">Wave</th>
                    <th scope="col">Status</th>
                    <th scope="col">Audience</th>
                    <th scope="col">Sends</th>
                    <th scope="col">Template</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((wave) => (
                    <tr key={wave.id}>
                      <td>
                        <a href={href.wave(wave.id)}>{wave.description ?? wave.id}</a>
                      </td>
                      <td>{wave.status}</td>
                      <td>{AUDIENCES[wave.audience]}</td>
                      <td>
                        {wave.sendAt.replace("T", " ")} {wave.timeZone}
                        <div class="muted">{utcText(wave.sendInstant)}</div>
                      </td>
                      <td>{wave.templateId}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          )
        }
      </Show>
    </>
  );
}
