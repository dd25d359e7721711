// Use cases on waves: create one (validated against its template), read it with its ledger counts, preview its
// audience, schedule, cancel, list its messages, and dispatch it (the step a scheduled send time fires).
import type { AuditContext } from "../audit/audit-entry.ts";
import { systemActor } from "../auth/actor.ts";
import type { AudienceDependencies, ResolvedAudience } from "../correspondence/audiences.ts";
import { resolveAudience } from "../correspondence/audiences.ts";
import { type DispatchDependencies, type DispatchSummary, dispatch } from "../correspondence/dispatch.ts";
import type { Ledger } from "../correspondence/ledger.ts";
import type { MessageStatus } from "../correspondence/schemas.ts";
import type { PageRequest } from "../dynamo/pagination.ts";
import { Conflict, type FieldIssue, Invalid, NotFound, PreconditionFailed } from "../errors.ts";
import { newId } from "../ids.ts";
import type { TemplateRepository } from "../templates/repository.ts";
import type { Template } from "../templates/schemas.ts";
import { placeholdersOf, type TemplateVariable } from "../templates/variables.ts";
import { etagOf, type Versioned } from "../versioning.ts";
import type { WaveRepository } from "./repository.ts";
import { assertWaveTransition, localToInstant } from "./rules.ts";
import type { NewWave, Wave, WaveStatus } from "./schemas.ts";

export interface WaveDependencies extends AudienceDependencies {
  waves: WaveRepository;
  templates: TemplateRepository;
  ledger: Ledger;
}

export type WaveDispatchDependencies = WaveDependencies & DispatchDependencies;

/** Every variable the template names, in any language and part. */
function variablesOf(template: Template): Set<TemplateVariable> {
  const names = new Set<TemplateVariable>();
  for (const variant of Object.values(template.variants)) {
    if (!variant) continue;
    for (const part of [variant.subject, variant.text, variant.html]) {
      for (const name of placeholdersOf(part, "").names) names.add(name);
    }
  }
  return names;
}

/** Values the wave itself supplies: a template naming one the wave lacks would fail every letter at dispatch. */
const WAVE_VALUES: readonly { variable: TemplateVariable; field: "deadline" | "chair" }[] = [
  { variable: "deadline", field: "deadline" },
  { variable: "committee.chair", field: "chair" },
];

export const createWave =
  (deps: WaveDependencies) =>
  async (input: NewWave, audit: AuditContext): Promise<Versioned<Wave>> => {
    const issues: FieldIssue[] = [];
    const template = await deps.templates.get(input.templateId);
    if (!template) issues.push({ path: "body.templateId", message: `no template ${input.templateId}` });
    else {
      const used = variablesOf(template.value);
      for (const { variable, field } of WAVE_VALUES) {
        if (used.has(variable) && !input[field]) {
          issues.push({ path: `body.${field}`, message: `the template uses {{${variable}}}: give its value` });
        }
      }
    }
    // Throws its own 422 for a local time the clocks skip.
    const sendInstant = localToInstant(input.sendAt, input.timeZone).toISOString();
    if (new Date(input.notAfter).getTime() <= new Date(sendInstant).getTime()) {
      issues.push({ path: "body.notAfter", message: `must be after sendAt (${sendInstant} in UTC)` });
    }
    if (issues.length) throw new Invalid("The wave cannot be created", issues);
    const now = deps.clock.now().toISOString();
    return deps.waves.create(
      {
        ...input,
        id: newId(deps.clock),
        notAfter: new Date(input.notAfter).toISOString(),
        sendInstant,
        status: "draft",
        createdAt: now,
        updatedAt: now,
      },
      audit,
    );
  };

export const getWave = (deps: Pick<WaveDependencies, "waves">) => async (id: string) => {
  const wave = await deps.waves.get(id);
  if (!wave) throw new NotFound("Wave", id);
  return wave;
};

/** The wave with how many of its messages are in each status (one counting Query per status on the index). */
export const getWaveWithCounts = (deps: WaveDependencies) => async (id: string) => {
  const wave = await getWave(deps)(id);
  return { wave, counts: await deps.ledger.counts(id) };
};

export const listWaves = (deps: Pick<WaveDependencies, "waves">) => (page: PageRequest) => deps.waves.list(page);

/** Who the wave would write to if dispatched now, and who would be left out and why; writes nothing. */
export const previewAudience =
  (deps: WaveDependencies) =>
  async (id: string): Promise<ResolvedAudience> => {
    const wave = await getWave(deps)(id);
    return resolveAudience(deps, wave.value.audience);
  };

export const listWaveMessages =
  (deps: WaveDependencies) => async (id: string, status: MessageStatus | undefined, page: PageRequest) => {
    await getWave(deps)(id);
    return deps.waves.messages(id, status, page);
  };

async function moveWave(
  deps: WaveDependencies,
  current: Versioned<Wave>,
  expectedVersion: number,
  to: WaveStatus,
  audit: AuditContext,
) {
  const { value } = current;
  if (current.version !== expectedVersion) throw new PreconditionFailed(`Wave ${value.id}`, etagOf(current.version));
  assertWaveTransition(value.id, value.status, to);
  const next: Wave = { ...value, status: to, updatedAt: deps.clock.now().toISOString() };
  return deps.waves.move(current, expectedVersion, next, audit);
}

/** draft -> scheduled, refused once the not-after deadline has passed (every letter would only expire). */
export const scheduleWave =
  (deps: WaveDependencies) => async (id: string, expectedVersion: number, audit: AuditContext) => {
    const current = await getWave(deps)(id);
    if (current.version !== expectedVersion) throw new PreconditionFailed(`Wave ${id}`, etagOf(current.version));
    assertWaveTransition(id, current.value.status, "scheduled");
    if (deps.clock.now().toISOString() >= current.value.notAfter) {
      throw new Conflict(`Wave ${id} cannot be scheduled: its notAfter ${current.value.notAfter} has passed`);
    }
    return moveWave(deps, current, expectedVersion, "scheduled", audit);
  };

export const cancelWave =
  (deps: WaveDependencies) => async (id: string, expectedVersion: number, audit: AuditContext) =>
    moveWave(deps, await getWave(deps)(id), expectedVersion, "cancelled", audit);

export interface WaveDispatchResult {
  wave: Versioned<Wave>;
  summary: DispatchSummary;
}

/**
 * What a scheduled send time fires: scheduled -> dispatching (conditional, audited), then the ledger's dispatch.
 * A wave already dispatching is dispatched again, since dispatch is idempotent: a run that crashed between the
 * move and the last enqueue is finished by the retry. Any other status is an illegal transition (a cancelled
 * wave whose schedule still fired sends nothing).
 */
export const dispatchWave =
  (deps: WaveDispatchDependencies) =>
  async (
    waveId: string,
    audit: AuditContext = { actor: systemActor("wave-dispatch") },
  ): Promise<WaveDispatchResult> => {
    let wave = await getWave(deps)(waveId);
    if (wave.value.status !== "dispatching") wave = await moveWave(deps, wave, wave.version, "dispatching", audit);
    const { id, templateId, audience, notAfter, deadline, chair } = wave.value;
    const summary = await dispatch(deps)({ id, templateId, audience, notAfter, deadline, chair });
    return { wave, summary };
  };

/**
 * dispatching -> completed once the ledger holds nothing queued or sending (every letter sent, refused, expired or
 * skipped); answers the wave unchanged while letters are still on their way. For the sender or a periodic check
 * to call; `unknown` messages do not hold the wave open, they are reconciled from SES events on their own.
 */
export const completeWaveIfSettled =
  (deps: WaveDependencies) =>
  async (waveId: string, audit: AuditContext = { actor: systemActor("wave-dispatch") }): Promise<Versioned<Wave>> => {
    const wave = await getWave(deps)(waveId);
    if (wave.value.status !== "dispatching") return wave;
    const counts = await deps.ledger.counts(waveId);
    if (counts.queued + counts.sending > 0) return wave;
    return moveWave(deps, wave, wave.version, "completed", audit);
  };
