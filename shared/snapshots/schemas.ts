// The shapes of a quarterly snapshot: the stored record of a quarter, its figure groups, lists and the change.
//
// Field names are stable: the HTML report (shared/snapshots/report/) and the exports read them. Lists of States
// are sorted ISO 3166-1 alpha-3 codes; `states` names each code once. Figures are as of the period's end where the
// data is dated; the groups named in `asOfComputation` describe the data as it stood when the snapshot was taken,
// because the desk keeps no history for them (docs/adr/0011-snapshots.md).
// Schemas built at import are marked pure: a bundle leaves out, and never builds, those it does not use (ADR 0039).
import * as z from "zod";
import { audienceSchema } from "../correspondence/schemas.ts";
import { unreachedReasonSchema } from "../correspondence/unreached.ts";
import { regionSchema } from "../registry/schemas.ts";
import { RESOLUTION_ADOPTED_ON, submissionKindSchema } from "../reporting/schemas.ts";
import { letterKindSchema } from "../templates/schemas.ts";
import { waveStatusSchema } from "../waves/schemas.ts";
import { DESK_TIME_ZONE } from "../zoned-time.ts";
import { byStatus, count, figureShape, iso3 } from "./figure-declarations.ts";

/**
 * The quarter in which resolution 1540 was adopted: the first one a snapshot can be of. A snapshot is never deleted,
 * so a quarter before it, taken by a typo, would stay for good (and be the previous quarter of every later one).
 */
const FIRST_PERIOD = `${RESOLUTION_ADOPTED_ON.slice(0, 4)}-Q${Math.ceil(Number(RESOLUTION_ADOPTED_ON.slice(5, 7)) / 3)}`;

// YYYY-Qn names sort as text in time order. As stored and answered, any quarter: a snapshot taken before the bound
// below existed still reads, and stays the previous quarter of later ones.
export const storedPeriodSchema = /* @__PURE__ */ z
  .string()
  .regex(/^\d{4}-Q[1-4]$/, "must be a quarter YYYY-Qn, e.g. 2023-Q1")
  .describe("A calendar quarter, YYYY-Qn (Q1 January-March ... Q4 October-December), in New York time");

/** A quarter a caller names, in a body or a path: one that can hold a snapshot. */
export const periodSchema = /* @__PURE__ */ storedPeriodSchema
  .refine(
    (period) => period >= FIRST_PERIOD,
    `must not end before resolution 1540 was adopted on ${RESOLUTION_ADOPTED_ON}: the first quarter is ${FIRST_PERIOD}`,
  )
  .describe(
    `A calendar quarter, YYYY-Qn (Q1 January-March ... Q4 October-December), in New York time; ${FIRST_PERIOD} or later`,
  );
export type Period = z.infer<typeof periodSchema>;

const day = /* @__PURE__ */ (() => z.iso.date())();

export const snapshotStateSchema = /* @__PURE__ */ z
  .object({
    iso3,
    name: z.string(),
    region: regionSchema,
    groupNote: z
      .string()
      .optional()
      .describe(
        "Why the State's group is an edge case, as the registry records it (e.g. the United States, counted with " +
          "WEOG); absent for the others, and in snapshots taken before it was kept",
      ),
  })
  .meta({ id: "SnapshotState" });
export type SnapshotState = z.infer<typeof snapshotStateSchema>;

export const reportingFiguresSchema = /* @__PURE__ */ z
  .object(figureShape("reporting"))
  .meta({ id: "SnapshotReporting" });

export const additionalInformationFiguresSchema = /* @__PURE__ */ z
  .object(figureShape("additionalInformation"))
  .meta({ id: "SnapshotAdditionalInformation" });

export const actionPlanFiguresSchema = /* @__PURE__ */ z
  .object(figureShape("actionPlans"))
  .meta({ id: "SnapshotActionPlans" });

export const pointOfContactFiguresSchema = /* @__PURE__ */ z
  .object({
    evaluatedOn: day.describe(
      "The day the coverage is of: the quarter's last day (snapshots computed before issue 15: the day of computation)",
    ),
    staleBefore: day.describe("A verification before this day was more than 12 months old"),
    ...figureShape("pointOfContact"),
  })
  .meta({
    id: "SnapshotPointOfContact",
    description: "Each State's capital and mission points of contact: current, stale, unreachable or missing",
  });

export const matrixFiguresSchema = /* @__PURE__ */ z.object(figureShape("matrix")).meta({ id: "SnapshotMatrix" });

export const assistanceFiguresSchema = /* @__PURE__ */ z
  .object(figureShape("assistance"))
  .meta({ id: "SnapshotAssistance" });

export const snapshotWaveSchema = /* @__PURE__ */ z
  .object({
    id: z.string(),
    templateId: z.string(),
    letterKind: letterKindSchema.nullable().describe("null when the template is gone"),
    audience: audienceSchema,
    sendInstant: z.iso.datetime(),
    status: waveStatusSchema,
    messages: count,
    byStatus,
    unreached: z
      .array(z.object({ owner: z.string(), reason: unreachedReasonSchema }))
      .optional()
      .describe(
        "The States (or organizations) the wave could not reach at all, neither at a point of contact nor at a " +
          "Permanent Mission, by owner; absent in snapshots taken before it was recorded",
      ),
  })
  .meta({ id: "SnapshotWave" });

export const correspondenceFiguresSchema = /* @__PURE__ */ z
  .object({
    ...figureShape("correspondence"),
    waveList: z.array(snapshotWaveSchema).describe("In send order"),
  })
  .meta({ id: "SnapshotCorrespondence" });

export const responseRowSchema = /* @__PURE__ */ z
  .object({
    iso3,
    letterKind: letterKindSchema,
    waveId: z.string().describe("The first wave of this kind that reached the State in the period"),
    sentOn: day.describe("The New York day it was sent"),
    asks: z.array(submissionKindSchema).describe("The submissions the letter asks for"),
    respondedOn: day.optional().describe("The first such submission received on or after sentOn"),
    submissionKind: submissionKindSchema.optional(),
    days: count.optional().describe("respondedOn - sentOn, in days"),
  })
  .meta({ id: "SnapshotResponse" });
export type ResponseRow = z.infer<typeof responseRowSchema>;

export const responseFiguresSchema = /* @__PURE__ */ z
  .object({
    ...figureShape("responses"),
    rows: z.array(responseRowSchema).describe("One per State and tracked letter kind, by State"),
  })
  .meta({ id: "SnapshotResponses" });

export const figureChangeSchema = /* @__PURE__ */ (() =>
  z.object({
    figure: z.string().describe("The figure's name, e.g. reporting.reported"),
    name: z
      .string()
      .optional()
      .describe("The figure in words, e.g. Non-reporting States (served by GET /snapshots/{period}/diff, not stored)"),
    group: z.string().describe("all, a regional group, a paragraph, a category, a status or an age bucket"),
    groupName: z
      .string()
      .optional()
      .describe("The group in words, e.g. Latin American and Caribbean (served by the diff route, not stored)"),
    from: z.number().nullable().describe("In the earlier snapshot; null when it had no such figure"),
    to: z.number().nullable().describe("In the later snapshot; null when it has no such figure"),
    change: z.number().nullable().describe("to - from; null when either is missing"),
    unit: z
      .enum(["share"])
      .optional()
      .describe("share: a fraction from 0 to 1, its change in the same terms (served by the diff route, not stored)"),
  }))();
export type FigureChange = z.infer<typeof figureChangeSchema>;

export const listChangeSchema = /* @__PURE__ */ (() =>
  z.object({
    list: z.string().describe("The list's name, e.g. reporting.nonReportingStates"),
    name: z.string().optional().describe("The list in words (served by GET /snapshots/{period}/diff, not stored)"),
    group: z.string(),
    added: z.array(z.string()),
    removed: z.array(z.string()),
  }))();
export type ListChange = z.infer<typeof listChangeSchema>;

export const snapshotDiffSchema = /* @__PURE__ */ z
  .object({
    from: storedPeriodSchema,
    to: storedPeriodSchema,
    fromComputedAt: z.iso
      .datetime()
      .optional()
      .describe("When the from snapshot was computed; absent from changes stored before it was recorded"),
    toComputedAt: z.iso.datetime().optional().describe("When the to snapshot was computed"),
    figures: z.array(figureChangeSchema).describe("Every numeric figure, with its change"),
    lists: z.array(listChangeSchema).describe("Every list of States or providers, with what entered and left it"),
  })
  .meta({ id: "SnapshotDiff" });
export type SnapshotDiff = z.infer<typeof snapshotDiffSchema>;

/** The figure groups that describe the data as it stood at computation, not at the period's end. */
export const AS_OF_COMPUTATION = [
  "pointOfContact",
  "assistance.providers",
  "assistance.staleProviders",
  "correspondence.byStatus",
  "correspondence.waveList.letterKind",
  "responses.respondedOn",
] as const;

const snapshotHeadFields = /* @__PURE__ */ (() => ({
  period: storedPeriodSchema,
  periodStart: day.describe("The first day of the quarter"),
  periodEnd: day.describe("The last day of the quarter"),
  timeZone: z.literal(DESK_TIME_ZONE),
  asOf: day.describe("Dated figures count what was received or done by the end of this day"),
  computedAt: z.iso.datetime(),
  computedBy: z.string().describe("The actor that computed it: a user id, or snapshot for the schedule"),
  computedByName: z
    .string()
    .optional()
    .describe(
      "The username of the person who took it, as the timeline names actors; absent for the schedule and for " +
        "snapshots taken before it was kept",
    ),
  previousPeriod: storedPeriodSchema
    .nullable()
    .describe("The latest snapshot of an earlier quarter, whichever order the quarters were taken in"),
}))();

export const snapshotSchema = /* @__PURE__ */ z
  .object({
    ...snapshotHeadFields,
    asOfComputation: z
      .array(z.string())
      .describe("Figure groups that describe the data at computedAt: the desk keeps no history for them"),
    states: z.array(snapshotStateSchema).describe("Every Member State, by code: names and groups for the lists"),
    reporting: reportingFiguresSchema,
    additionalInformation: additionalInformationFiguresSchema,
    actionPlans: actionPlanFiguresSchema,
    pointOfContact: pointOfContactFiguresSchema,
    matrix: matrixFiguresSchema,
    assistance: assistanceFiguresSchema,
    correspondence: correspondenceFiguresSchema,
    responses: responseFiguresSchema,
    change: snapshotDiffSchema.nullable().describe("From previousPeriod to this period; null for the first snapshot"),
  })
  .meta({ id: "Snapshot", description: "An immutable record of a quarter. Counts, never a compliance score" });
export type Snapshot = z.infer<typeof snapshotSchema>;

export const snapshotSummarySchema = /* @__PURE__ */ z.object(snapshotHeadFields).meta({ id: "SnapshotSummary" });
export type SnapshotSummary = z.infer<typeof snapshotSummarySchema>;

/** One row of the export: a figure in a group, each by its code and in words, its value and its change. */
export const figureRowSchema = /* @__PURE__ */ z
  .object({
    figure: z.string().describe("The figure's code, e.g. reporting.nonReporting"),
    name: z.string().describe("The figure in words, e.g. Non-reporting States"),
    group: z.string().describe("The group's code: all, a regional group, a paragraph, a category, a status..."),
    groupName: z.string().describe("The group in words, e.g. All, Latin American and Caribbean, OP1, Nuclear"),
    value: z.number().nullable().describe("null for a share of nothing (0/0) or a median of no values"),
    change: z.number().nullable().describe("Since previousPeriod; null for the first snapshot"),
  })
  .meta({ id: "SnapshotFigure" });
export type FigureRow = z.infer<typeof figureRowSchema>;

export const newSnapshotRequestSchema = /* @__PURE__ */ z
  .strictObject({ period: periodSchema })
  .meta({ id: "NewSnapshot" });
