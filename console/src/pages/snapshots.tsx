// The quarterly snapshots: the list, taking one (offered to the groups that may), and each one's report and export.
import { useState } from "preact/hooks";
import { allPages, api, dataOf, type Problem, ProblemError } from "../api/client.ts";
import { may } from "../auth/access.ts";
import type { Session } from "../auth/session.ts";
import { href } from "../router.ts";
import { saveBlob } from "../ui/download.ts";
import { Field, fieldProblem, formProblem } from "../ui/form.tsx";
import { messageOf, Show, useLoad } from "../ui/load.tsx";
import { ScrollTable } from "../ui/scroll-table.tsx";

function listSnapshots() {
  return allPages(async (cursor) =>
    dataOf(await api.GET("/snapshots", { params: { query: { limit: "100", ...(cursor ? { cursor } : {}) } } })),
  );
}

async function download(period: string, what: "report" | "csv"): Promise<void> {
  const path = { period };
  if (what === "report") {
    const result = await api.GET("/snapshots/{period}/report", { params: { path }, parseAs: "blob" });
    saveBlob(dataOf(result), `snapshot-${period}.html`);
  } else {
    const result = await api.GET("/snapshots/{period}/export", {
      params: { path, query: { format: "csv" } },
      parseAs: "blob",
    });
    saveBlob(dataOf(result), `snapshot-${period}.csv`);
  }
}

function TakeSnapshot({ onTaken }: { onTaken: () => void }) {
  const [period, setPeriod] = useState("");
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    try {
      dataOf(await api.POST("/snapshots", { body: { period } }));
      setProblem(undefined);
      onTaken();
    } catch (error) {
      setProblem(
        error instanceof ProblemError ? error.problem : { type: "about:blank", title: messageOf(error), status: 0 },
      );
    } finally {
      setBusy(false);
    }
  }
  const general = formProblem(problem, ["period"]);
  return (
    <form class="record" onSubmit={submit} aria-labelledby="take-title" noValidate>
      <h2 id="take-title">Take a snapshot</h2>
      {general && (
        <p role="alert" class="error">
          {general}
        </p>
      )}
      <Field id="period" label="Quarter (YYYY-Qn, ended)" problem={fieldProblem(problem, "period")}>
        {(describedBy, invalid) => (
          <input
            id="period"
            value={period}
            placeholder="2026-Q3"
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onInput={(e) => setPeriod(e.currentTarget.value)}
          />
        )}
      </Field>
      <button type="submit" disabled={busy}>
        Take the snapshot
      </button>
    </form>
  );
}

export function Snapshots({ session }: { session: Session }) {
  const [snapshots, reload] = useLoad(listSnapshots, "snapshots");
  const [failure, setFailure] = useState<string>();
  const fetchFile = (period: string, what: "report" | "csv") =>
    download(period, what).then(
      () => setFailure(undefined),
      (error: unknown) => setFailure(messageOf(error)),
    );
  return (
    <>
      <h1>Quarterly snapshots</h1>
      <p>
        <a href={href.snapshotsDiff()}>Compare two quarters</a>
      </p>
      <Show what={snapshots}>
        {(list) =>
          list.length === 0 ? (
            <p>No quarter's snapshot has been taken yet.</p>
          ) : (
            <ScrollTable label="Snapshots taken">
              <table>
                <caption class="visually-hidden">Snapshots taken, oldest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Quarter</th>
                    <th scope="col">As of</th>
                    <th scope="col">Taken</th>
                    <th scope="col">Files</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((snapshot) => (
                    <tr key={snapshot.period}>
                      <th scope="row">{snapshot.period}</th>
                      <td>{snapshot.asOf}</td>
                      <td>
                        {snapshot.computedAt.slice(0, 16).replace("T", " ")} UTC by {snapshot.computedBy}
                      </td>
                      <td>
                        <button type="button" onClick={() => fetchFile(snapshot.period, "report")}>
                          Report {snapshot.period} (HTML)
                        </button>{" "}
                        <button type="button" onClick={() => fetchFile(snapshot.period, "csv")}>
                          Figures {snapshot.period} (CSV)
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          )
        }
      </Show>
      {failure && (
        <p role="alert" class="error">
          {failure}
        </p>
      )}
      {may(session.group, "POST /snapshots") && <TakeSnapshot onTaken={reload} />}
    </>
  );
}
