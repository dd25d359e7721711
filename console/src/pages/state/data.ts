// A State's dossier as the console reads and writes it: the State, its obligations and submissions, contacts,
// assistance requests, matrix versions and timeline, each through its documented route.
import { possessive } from "../../../../shared/possessive.ts";
import { allPages, api, dataOf, ProblemError, type Schemas } from "../../api/client.ts";
import { pageQuery } from "../../api/page-query.ts";
import { type Versioned, versionedOf } from "../../api/versioned.ts";
import { fieldWords } from "./readings.ts";

export type State = Schemas["State"];
export type Submission = Schemas["Submission"];
export type Contact = Schemas["Contact"];
export type TimelineEntry = Schemas["TimelineEntry"];
export type TrailKind = TimelineEntry["kind"];

export interface Dossier {
  state: State;
  /** The State's ETag as read with the dossier: its language is corrected against it. */
  stateEtag: string;
  obligations: Schemas["Obligation"][];
  submissions: Submission[];
}

export async function dossierOf(iso3: string): Promise<Dossier> {
  const path = { iso3 };
  const [read, obligations, submissions] = await Promise.all([
    api.GET("/states/{iso3}", { params: { path } }),
    api.GET("/states/{iso3}/obligations", { params: { path } }).then(dataOf),
    allPages(async (cursor) =>
      dataOf(await api.GET("/states/{iso3}/submissions", { params: { path, query: pageQuery(cursor) } })),
    ),
  ]);
  const { value: state, etag: stateEtag } = versionedOf(dataOf(read), read.response);
  return { state, stateEtag, obligations: obligations.items, submissions };
}

/** Confirms or corrects the State's language of letters; its contacts without a language of their own follow it. */
export async function changeStateLanguage(dossier: Dossier, language: State["language"]): Promise<State> {
  const { iso3 } = dossier.state;
  return dataOf(
    await api.PATCH("/states/{iso3}", {
      params: { path: { iso3 }, header: { "If-Match": dossier.stateEtag } },
      body: { language },
    }),
  );
}

export type TimelinePage = { items: TimelineEntry[]; cursor?: string };

/** A page of the State's timeline, newest first; `kinds` narrows it (the letters panel reads only letters). */
export async function timelinePage(iso3: string, cursor?: string, kinds?: readonly TrailKind[]): Promise<TimelinePage> {
  return dataOf(
    await api.GET("/states/{iso3}/timeline", {
      params: { path: { iso3 }, query: { ...pageQuery(cursor, "20"), ...(kinds ? { kinds: kinds.join(",") } : {}) } },
    }),
  );
}

export type NewSubmission = Schemas["NewSubmission"];
export type SubmissionCorrection = Schemas["SubmissionCorrection"];

export async function recordSubmission(iso3: string, body: NewSubmission): Promise<Submission> {
  return dataOf(await api.POST("/states/{iso3}/submissions", { params: { path: { iso3 } }, body }));
}

export async function submissionWithEtag(iso3: string, id: string): Promise<Versioned<Submission>> {
  const result = await api.GET("/states/{iso3}/submissions/{id}", { params: { path: { iso3, id } } });
  return versionedOf(dataOf(result), result.response);
}

export async function correctSubmission(
  current: Versioned<Submission>,
  body: SubmissionCorrection,
): Promise<Submission> {
  const { iso3, id } = current.value;
  return dataOf(
    await api.PATCH("/states/{iso3}/submissions/{id}", {
      params: { path: { iso3, id }, header: { "If-Match": current.etag } },
      body,
    }),
  );
}

export async function voidSubmission(current: Versioned<Submission>, reason: string): Promise<Submission> {
  const { iso3, id } = current.value;
  return dataOf(
    await api.POST("/states/{iso3}/submissions/{id}/void", {
      params: { path: { iso3, id }, header: { "If-Match": current.etag } },
      body: { reason },
    }),
  );
}

/** An owner's contacts (`STATE:<iso3>`, `ORG:<id>`), active and deactivated, as the API shows them to the group. */
export function contactsOf(owner: string): Promise<Contact[]> {
  return allPages(async (cursor) =>
    dataOf(await api.GET("/contacts", { params: { query: { owner, ...pageQuery(cursor) } } })),
  );
}

export async function addContact(body: Schemas["NewContact"]): Promise<Contact> {
  return dataOf(await api.POST("/contacts", { body }));
}

/** The contact as it stands now (the page shows it to the reader after a stale write). */
export async function currentContact(id: string): Promise<Contact> {
  return dataOf(await api.GET("/contacts/{id}", { params: { path: { id } } }));
}

/**
 * The contact with its ETag, refused as the API refuses a stale ETag (412) when it changed after the list the reader
 * acted on was read: a verification confirms the details the reader saw, not whatever they have become since.
 */
async function contactAsListed(listed: Contact): Promise<Versioned<Contact>> {
  const result = await api.GET("/contacts/{id}", { params: { path: { id: listed.id } } });
  const current = versionedOf(dataOf(result), result.response);
  if (current.value.updatedAt !== listed.updatedAt) {
    throw new ProblemError({
      type: "about:blank",
      title: "Changed since listed",
      status: 412,
      detail: `${possessive(listed.name ?? "The contact")} details changed since this list was read: read them again and check them`,
    });
  }
  return current;
}

export async function verifyContact(listed: Contact): Promise<Contact> {
  const current = await contactAsListed(listed);
  return dataOf(
    await api.POST("/contacts/{id}/verify", {
      params: { path: { id: listed.id }, header: { "If-Match": current.etag } },
    }),
  );
}

export async function deactivateContact(listed: Contact, reason: string): Promise<Contact> {
  const current = await contactAsListed(listed);
  return dataOf(
    await api.POST("/contacts/{id}/deactivate", {
      params: { path: { id: listed.id }, header: { "If-Match": current.etag } },
      body: { reason },
    }),
  );
}

/** Corrects the contact as listed (refused as stale when it changed since): only the fields in `changes`. */
export async function correctContact(listed: Contact, changes: Schemas["ContactChanges"]): Promise<Contact> {
  const current = await contactAsListed(listed);
  return dataOf(
    await api.PATCH("/contacts/{id}", {
      params: { path: { id: listed.id }, header: { "If-Match": current.etag } },
      body: changes,
    }),
  );
}

export function stateRequests(iso3: string): Promise<Schemas["AssistanceRequest"][]> {
  return allPages(async (cursor) =>
    dataOf(await api.GET("/assistance/requests", { params: { query: { iso3, ...pageQuery(cursor) } } })),
  );
}

export type MatrixVersion = Schemas["MatrixVersionSummary"];

let catalogueRead: Promise<Schemas["MatrixFieldCatalogue"]> | undefined;
/** The field catalogue: the same for every State and every group, and fixed while the console runs, so read once. */
function matrixCatalogue(): Promise<Schemas["MatrixFieldCatalogue"]> {
  catalogueRead ??= api
    .GET("/matrix/fields")
    .then(dataOf)
    .catch((error: unknown) => {
      // A failed read is not kept: the next page asks again.
      catalogueRead = undefined;
      throw error;
    });
  return catalogueRead;
}
export type MatrixDiff = Schemas["MatrixDiff"];

export function matrixVersions(iso3: string): Promise<MatrixVersion[]> {
  return allPages(async (cursor) =>
    dataOf(await api.GET("/states/{iso3}/matrix/versions", { params: { path: { iso3 }, query: pageQuery(cursor) } })),
  );
}

/** The diff between two versions, with the catalogue's label of each field it names. */
export async function matrixDiff(
  iso3: string,
  from: number,
  to: number,
): Promise<{ diff: MatrixDiff; labels: Map<string, string> }> {
  const [diff, fields] = await Promise.all([
    api
      .GET("/states/{iso3}/matrix/diff", { params: { path: { iso3 }, query: { from: String(from), to: String(to) } } })
      .then(dataOf),
    matrixCatalogue(),
  ]);
  const catalogue = fields.paragraphs.flatMap((paragraph) => paragraph.fields);
  return { diff, labels: new Map(catalogue.map((field) => [field.id, fieldWords(field)])) };
}

export type MatrixView = Schemas["Matrix"];
export type MatrixCatalogue = Schemas["MatrixFieldCatalogue"];

/** The State's matrix as it stands, with its ETag (every write names it), and the catalogue its cells are read by. */
export async function matrixNow(iso3: string): Promise<{ matrix: Versioned<MatrixView>; catalogue: MatrixCatalogue }> {
  const [result, catalogue] = await Promise.all([
    api.GET("/states/{iso3}/matrix", { params: { path: { iso3 } } }),
    matrixCatalogue(),
  ]);
  return { matrix: versionedOf(dataOf(result), result.response), catalogue };
}

/** Sets the cells of the working draft (the API starts one when there is none), all or nothing; answers the matrix
 * as written, with its new ETag. */
export async function editMatrixCells(
  current: Versioned<MatrixView>,
  cells: Schemas["MatrixCellChange"][],
): Promise<Versioned<MatrixView>> {
  const { iso3 } = current.value;
  const result = await api.PATCH("/states/{iso3}/matrix", {
    params: { path: { iso3 }, header: { "If-Match": current.etag } },
    body: { cells },
  });
  return versionedOf(dataOf(result), result.response);
}

export async function moveMatrix(
  current: Versioned<MatrixView>,
  body: Schemas["MatrixTransition"],
): Promise<Versioned<MatrixView>> {
  const { iso3 } = current.value;
  const result = await api.POST("/states/{iso3}/matrix/transitions", {
    params: { path: { iso3 }, header: { "If-Match": current.etag } },
    body,
  });
  return versionedOf(dataOf(result), result.response);
}
