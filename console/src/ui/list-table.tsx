// A list as a table: its caption for screen readers, a header per column, a row per item; it scrolls inside its own
// region on a narrow screen (ScrollTable), so the page never grows wider than the window.
import type { ComponentChildren } from "preact";
import { ScrollTable } from "./scroll-table.tsx";

export interface Column<Row> {
  header: string;
  cell: (row: Row) => ComponentChildren;
  /** Right-aligned, for counts. */
  numeric?: boolean;
  /** The cell that names the row (a `th scope="row"`). */
  names?: boolean;
  /** The cell's `data-field`, which the e2e tests read a value by. */
  field?: string;
}

export function ListTable<Row>(props: {
  label: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  keyOf: (row: Row) => string;
  classOf?: (row: Row) => string | undefined;
  /** What to say instead of an empty table. */
  empty?: string;
  /** The caption, where it says more than the label (e.g. the rows' order); the label otherwise. */
  caption?: string;
  /** The table's `data-list`, which the e2e tests find a list by. */
  list?: string;
}) {
  if (props.rows.length === 0 && props.empty) return <p>{props.empty}</p>;
  return (
    <ScrollTable label={props.label}>
      <table data-list={props.list}>
        <caption class="visually-hidden">{props.caption ?? props.label}</caption>
        <thead>
          <tr>
            {props.columns.map((column) => (
              <th key={column.header} scope="col" class={column.numeric ? "number" : undefined}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={props.keyOf(row)} class={props.classOf?.(row)}>
              {props.columns.map((column) =>
                column.names ? (
                  <th key={column.header} scope="row" data-field={column.field}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={column.header} class={column.numeric ? "number" : undefined} data-field={column.field}>
                    {column.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
