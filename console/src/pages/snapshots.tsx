// The quarterly snapshots: the list, taking one (offered to the groups that may), and each one's report and export.
import { useState } from "preact/hooks";
import { allPages, api, dataOf } from "../api/client.ts";
import { may } from "../auth/access.ts";
import type { Session } from "../auth/session.ts";
import { href } from "../router.ts";
import { saveBlob } from "../ui/download.ts";
import { FormFrame, fieldProblem, formProblem, InputField, useSubmit } from "../ui/form.tsx";
import { ListTable } from "../ui/list-table.tsx";
import { messageOf, Show, useLoad } from "../ui/load.tsx";
import { takenAtWords, takenWords, takerWords } from "./snapshot-words.ts";

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

/**
 * The usernames of the takers of snapshots taken before a snapshot kept its taker's name, read from the audit trail (an
 * entry carries its actor's username) by the groups that may read it; the others are told the taker's group
 * (snapshot-words.ts).
 */
async function takerNames(group: Session["group"], takers: readonly string[]): Promise<Map<string, string>> {
  if (!may(group, "GET /audit")) return new Map();
  const named = await Promise.all(
    [...new Set(takers)].map(async (actor) => {
      const page = dataOf(await api.GET("/audit", { params: { query: { actor, limit: "1" } } }));
      const entry = page.items[0];
      return entry?.actor.kind === "user" && entry.actor.username ? [[actor, entry.actor.username] as const] : [];
    }),
  );
  return new Map(named.flat());
}

async function snapshotsWithTakers(group: Session["group"]) {
  const snapshots = await listSnapshots();
  const usernames = await takerNames(
    group,
    snapshots.filter((snapshot) => !snapshot.computedByName).map((snapshot) => snapshot.computedBy),
  );
  return { snapshots, usernames };
}

function TakeSnapshot({ onTaken }: { onTaken: () => void }) {
  const [period, setPeriod] = useState("");
  const [taken, setTaken] = useState<string>();
  const { problem, busy, submit } = useSubmit(async () => {
    setTaken(undefined);
    const answer = await api.POST("/snapshots", { body: { period } });
    setTaken(takenWords(dataOf(answer), answer.response.status === 201));
    onTaken();
  });
  const general = formProblem(problem, ["period"]);
  return (
    <FormFrame
      titleId="take-title"
      title="Take a snapshot"
      level={2}
      general={general}
      refusal={problem}
      onSubmit={submit}
      busy={busy}
      submitLabel="Take the snapshot"
    >
      <InputField
        id="period"
        label="Quarter (YYYY-Qn, ended)"
        problem={fieldProblem(problem, "period")}
        placeholder="2026-Q3"
        value={period}
        onInput={setPeriod}
      />
      {taken && <p role="status">{taken}</p>}
    </FormFrame>
  );
}

export function Snapshots({ session }: { session: Session }) {
  const [snapshots, reload] = useLoad(() => snapshotsWithTakers(session.group), "snapshots");
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
        {({ snapshots: list, usernames }) =>
          list.length === 0 ? (
            <p>No quarter's snapshot has been taken yet.</p>
          ) : (
            <ListTable
              label="Snapshots taken"
              caption="Snapshots taken, oldest first"
              rows={list}
              keyOf={(snapshot) => snapshot.period}
              columns={[
                { header: "Quarter", names: true, cell: (snapshot) => snapshot.period },
                { header: "As of", cell: (snapshot) => snapshot.asOf },
                {
                  header: "Taken",
                  cell: (snapshot) => takenAtWords(snapshot, takerWords(snapshot, usernames)),
                },
                {
                  header: "Files",
                  cell: (snapshot) => (
                    <>
                      <button type="button" onClick={() => fetchFile(snapshot.period, "report")}>
                        Report {snapshot.period} (HTML)
                      </button>{" "}
                      <button type="button" onClick={() => fetchFile(snapshot.period, "csv")}>
                        Figures {snapshot.period} (CSV)
                      </button>
                    </>
                  ),
                },
              ]}
            />
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
