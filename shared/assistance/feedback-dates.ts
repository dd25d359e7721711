// The days a requesting State's assistance-feedback obligation is dated by (ADRs 0064, 0071, 0073): its documents of
// that kind and its feedback that counts on its own, on any of its requests. Read when a note's day moves or a note
// stops counting, so that a first or last day can move back, which widening never could.
import { earliest, latest } from "../reporting/obligations.ts";
import type { Obligation } from "../reporting/schemas.ts";
import { allSubmissions } from "../reporting/submissions.ts";
import { countsOnItsOwn } from "./feedback-open.ts";
import type { AssistanceDependencies } from "./requests.ts";
import type { AssistanceFeedback } from "./schemas.ts";

type DatingDependencies = Pick<AssistanceDependencies, "assistance" | "registry" | "reporting" | "clock">;

/**
 * The days of every note `iso3`'s assistance-feedback obligation counts, `changed` as it will be: its documents of
 * that kind, and its feedback on any of its requests that counts on its own.
 */
export async function noteDays(deps: DatingDependencies, iso3: string, changed: AssistanceFeedback): Promise<string[]> {
  const documents = (await allSubmissions(deps, iso3)).filter((one) => one.kind === "assistance-feedback");
  const days = documents.map((document) => document.receivedOn);
  let cursor: string | undefined;
  do {
    const page = await deps.assistance.listRequests({ iso3, limit: 100, cursor });
    for (const { value: request } of page.items) {
      const file = await deps.assistance.requestFile(request.id);
      for (const { value: feedback } of file?.feedback ?? []) {
        const counted = feedback.id === changed.id ? changed : feedback;
        if (countsOnItsOwn(counted)) days.push(counted.receivedOn);
      }
    }
    cursor = page.cursor;
  } while (cursor);
  return days;
}

/** The obligation dated by the notes it counts, as they will be; its count and status as they are. */
export function redated(before: Obligation, days: readonly string[]): Obligation {
  const { firstReceivedOn: _first, lastReceivedOn: _last, ...rest } = before;
  const [first, last] = [earliest([...days]), latest([...days])];
  return { ...rest, ...(first ? { firstReceivedOn: first } : {}), ...(last ? { lastReceivedOn: last } : {}) };
}
