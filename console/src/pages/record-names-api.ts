// The session's names of records read from the API (record-names.ts): a wave's description (GET /waves/{id}), an
// assistance request's symbol (GET /assistance/requests/{id}), both readable by every group.
import { api, dataOf } from "../api/client.ts";
import { type RecordNames, recordNames } from "./record-names.ts";

export const RECORD_NAMES: RecordNames = recordNames({
  wave: async (id) => dataOf(await api.GET("/waves/{id}", { params: { path: { id } } })).description,
  "assistance-request": async (id) =>
    dataOf(await api.GET("/assistance/requests/{id}", { params: { path: { id } } })).symbol,
});
