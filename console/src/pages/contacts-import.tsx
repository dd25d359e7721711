// Contacts import: a CSV is checked first (the API's dry run, row by row), and only a file that passed can be applied.
// A bad row comes back as the API's 422, each problem at its line and column, shown beside the row as written; the
// text is kept to be mended and checked again.
import { useState } from "preact/hooks";
import { api, dataOf, type Problem, type Schemas } from "../api/client.ts";
import { href } from "../router.ts";
import { BusyButton } from "../ui/busy-button.tsx";
import { useFocusReturn } from "../ui/focus-return.ts";
import { problemWords, useWrites } from "../ui/form.tsx";
import { ScrollTable } from "../ui/scroll-table.tsx";
import { fileProblems, importFileText, namesOnLines, problemsByRow, stateOfOwner } from "./contacts-import-rows.ts";

type ImportResult = Schemas["ContactImportResult"];

async function importCsv(csv: string, dryRun: boolean): Promise<ImportResult> {
  return dataOf(
    await api.POST("/contacts/import", {
      params: { query: { dryRun: dryRun ? "true" : "false" } },
      body: csv,
      bodySerializer: (text: string) => text,
      headers: { "content-type": "text/csv" },
    }),
  );
}

/** What the import does with each row of `csv`, the text it was sent: each contact by the name its row gives. */
function ResultRows({ result, csv, id }: { result: ImportResult; csv: string; id?: string }) {
  const nameOn = namesOnLines(csv);
  return (
    <>
      <p aria-live="polite" id={id} tabIndex={id ? -1 : undefined}>
        {result.dryRun
          ? `Dry run: nothing written. ${result.created} to create, ${result.updated} to update, ${result.unchanged} unchanged.`
          : `Applied: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged.`}
      </p>
      <ScrollTable label="The import row by row">
        <table>
          <caption class="visually-hidden">Each row of the file and what the import does with it</caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Action</th>
              <th scope="col">Owner</th>
              <th scope="col">Contact</th>
              <th scope="col">Changes</th>
            </tr>
          </thead>
          <tbody>
            {result.rows.map((row) => (
              <tr key={row.line}>
                <td class="number">{row.line}</td>
                <td>{row.action}</td>
                <td>
                  <OwnerLink owner={row.owner} />
                </td>
                <td>{nameOn(row.line)}</td>
                <td>{(row.changed ?? []).join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </>
  );
}

function OwnerLink({ owner }: { owner: string }) {
  const iso3 = stateOfOwner(owner);
  return iso3 ? <a href={href.state(iso3)}>{owner}</a> : owner;
}

/** Each row the API found a problem in, as written, with its problems beside it. */
function RowProblemsTable({ problem, csv }: { problem: Problem; csv: string }) {
  const rows = problemsByRow(problem, csv);
  if (rows.length === 0) return null;
  return (
    <ScrollTable label="Rows with problems">
      <table data-list="row-problems">
        <caption class="visually-hidden">Each row with a problem, as written, and what is wrong with it</caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">Row as written</th>
            <th scope="col">Problems</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.line} data-line={row.line}>
              <td class="number">{row.line}</td>
              <td>
                <code>{row.text}</code>
              </td>
              <td class="field-problem">
                <ul>
                  {row.problems.map((at) => (
                    <li key={`${at.column ?? ""}-${at.message}`}>
                      {at.column ? `${at.column}: ` : ""}
                      {at.message}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

export function ContactsImport() {
  const [csv, setCsv] = useState("");
  const [fileName, setFileName] = useState<string>();
  const [checked, setChecked] = useState<{ csv: string; result: ImportResult }>();
  const [applied, setApplied] = useState<{ csv: string; result: ImportResult }>();
  // A chosen file that is not UTF-8, refused before it is read into the text or sent.
  const [fileRefusal, setFileRefusal] = useState<string>();
  // The text the problem was found in: its rows are shown as they were checked while the text is mended.
  const [problemCsv, setProblemCsv] = useState<string>();
  const { busy, problem, run } = useWrites();
  // Applied, the file has nothing left to apply and its button turns disabled: the focus goes to what was applied.
  const focusReturn = useFocusReturn();

  const write = (dryRun: boolean) => async () => {
    const result = await importCsv(csv, dryRun).catch((error: unknown) => {
      setChecked(undefined);
      setProblemCsv(csv);
      throw error;
    });
    if (dryRun) setChecked({ csv, result });
    else {
      setApplied({ csv, result });
      setChecked(undefined);
      focusReturn.closed(() => document.getElementById("import-applied"));
    }
  };

  const problemId = "csv-problem";
  const fileRefusalId = "csv-file-refusal";
  return (
    <>
      <h1>Import contacts</h1>
      <p>
        A CSV saved as CSV UTF-8, with the columns owner, role, name and email (title, agency, phone, language,
        designatedOn and lastVerifiedOn optional), or an export sent back. Every row is checked first; the import is all
        or nothing.
      </p>
      <form class="record" aria-labelledby="import-title" onSubmit={(event) => void run(event, write(true))}>
        <h2 id="import-title">The file</h2>
        <div class={problem || fileRefusal ? "field invalid" : "field"}>
          <label for="csv-file">CSV file</label>
          <input
            id="csv-file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby={fileRefusal ? fileRefusalId : problem ? problemId : undefined}
            aria-invalid={fileRefusal !== undefined}
            onChange={async (event) => {
              const file = event.currentTarget.files?.[0];
              if (!file) return;
              const read = importFileText(await file.text());
              setChecked(undefined);
              if ("refusal" in read) {
                setFileName(undefined);
                setCsv("");
                setFileRefusal(`${file.name}: ${read.refusal}`);
                return;
              }
              setFileRefusal(undefined);
              setFileName(file.name);
              setCsv(read.csv);
            }}
          />
          {fileRefusal && (
            <p id={fileRefusalId} class="field-problem" role="alert">
              {fileRefusal}
            </p>
          )}
        </div>
        <div class={problem ? "field invalid" : "field"}>
          <label for="csv-text">Or the CSV's text{fileName ? ` (from ${fileName})` : ""}</label>
          <textarea
            id="csv-text"
            rows={8}
            value={csv}
            aria-describedby={problem ? problemId : undefined}
            aria-invalid={problem !== undefined}
            onInput={(event) => {
              setCsv(event.currentTarget.value);
              setChecked(undefined);
            }}
          />
        </div>
        {problem && (
          <div id={problemId} class="field-problem" role="alert">
            <p>{problemWords(problem)}</p>
            {fileProblems(problem).length > 0 && (
              <ul>
                {fileProblems(problem).map((error) => (
                  <li key={`${error.path}-${error.message}`}>
                    {error.path}: {error.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        {problem && <RowProblemsTable problem={problem} csv={problemCsv ?? csv} />}
        <BusyButton type="submit" busy={busy} disabled={csv.trim() === ""}>
          Check the file (dry run)
        </BusyButton>{" "}
        <BusyButton
          type="button"
          busy={busy}
          disabled={checked?.csv !== csv}
          onClick={(event) => {
            focusReturn.opened();
            void run(event, write(false));
          }}
        >
          Apply the import
        </BusyButton>
      </form>
      {checked && <ResultRows result={checked.result} csv={checked.csv} />}
      {applied && <ResultRows result={applied.result} csv={applied.csv} id="import-applied" />}
    </>
  );
}
