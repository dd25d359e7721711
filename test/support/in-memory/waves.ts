// The waves store in memory, for unit tests of the use cases: the same contract as the DynamoDB adapter
// (test/contracts/waves.contract.ts), with its ledger messages read from what the test put beside it.
import type { AuditEntry } from "#shared/audit/audit-entry.ts";
import type { Clock } from "#shared/clock.ts";
import type { Message } from "#shared/correspondence/schemas.ts";
import { Conflict } from "#shared/errors.ts";
import type { Versioned } from "#shared/versioning.ts";
import { WAVE_MOVE_ACTIONS } from "#shared/waves/move-actions.ts";
import { moveRefusal, type WaveRepository } from "#shared/waves/repository.ts";
import type { Wave } from "#shared/waves/schemas.ts";
import { type InMemoryAudit, inMemoryAudit } from "./audit.ts";
import { pageOf, sortedBy } from "./paging.ts";

export interface InMemoryWaves extends WaveRepository {
  readonly audit: InMemoryAudit;
  /** Puts a ledger message beside the waves, as dispatch would (the ledger shares the wave's partition). */
  addMessage(message: Message): void;
}

export function inMemoryWaves(clock: Clock, audit: InMemoryAudit = inMemoryAudit(clock)): InMemoryWaves {
  const waves = new Map<string, Versioned<Wave>>();
  const messages = new Map<string, Message>();
  const entity = (id: string): AuditEntry["entity"] => ({ type: "wave", id });
  const copy = <T>(value: T): T => structuredClone(value);
  // The status index's sort key is `<updatedAt>#<id>`: the longest in the status first.
  const statusKey = ({ value }: Versioned<Wave>) => `${value.updatedAt}#${value.id}`;
  const inStatusIndex = (status: Wave["status"], moved?: { before: string } | { after: string }) =>
    sortedBy(
      [...waves.values()].filter((wave) => {
        if (wave.value.status !== status) return false;
        if (!moved) return true;
        return "before" in moved ? statusKey(wave) < moved.before : statusKey(wave) > moved.after;
      }),
      statusKey,
    ).map(copy);

  return {
    audit,
    addMessage: (message) => {
      messages.set(`${message.waveId}\u0000${message.recipient}`, copy(message));
    },

    get: async (id) => {
      const found = waves.get(id);
      return found && copy(found);
    },

    list: async (page) =>
      pageOf(
        sortedBy(waves.values(), ({ value }) => value.id),
        ({ value }) => value.id,
        { ...page, scope: "waves" },
      ),

    create: async (wave, context) => {
      if (waves.has(wave.id)) throw new Conflict(`A wave with id ${wave.id} exists already`);
      waves.set(wave.id, { value: copy(wave), version: 1 });
      audit.record({ ...context, action: "wave.create", entity: entity(wave.id), after: wave });
      return { value: copy(wave), version: 1 };
    },

    move: async (current, expectedVersion, next, context) => {
      const stored = waves.get(next.id);
      const from = current.value.status;
      if (!stored || stored.version !== expectedVersion || stored.value.status !== from) {
        throw moveRefusal(
          stored && { version: stored.version, status: stored.value.status, haltReason: stored.value.haltReason },
          expectedVersion,
          next,
        );
      }
      const version = expectedVersion + 1;
      waves.set(next.id, { value: copy(next), version });
      audit.record({
        ...context,
        action: WAVE_MOVE_ACTIONS[next.status],
        entity: entity(next.id),
        before: current.value,
        after: next,
      });
      return { value: copy(next), version };
    },

    recordTestSend: async (sent, context) => {
      audit.record({ ...context, action: "wave.test-send", entity: entity(sent.waveId), after: sent });
    },

    messages: async (waveId, status, page) => {
      const mine = [...messages.values()].filter(
        (message) => message.waveId === waveId && (status === undefined || message.status === status),
      );
      const scope = status ? `wave-messages:${waveId}:${status}` : `wave-messages:${waveId}`;
      return pageOf(
        sortedBy(mine, (message) => message.recipient),
        (message) => message.recipient,
        { ...page, scope },
      );
    },

    inStatus: async (status) => inStatusIndex(status),

    inStatusSince: async (status, movedBefore) => inStatusIndex(status, { before: movedBefore }),

    inStatusMovedAfter: async (status, movedAfter) => inStatusIndex(status, { after: movedAfter }),

    recordRedispatch: async (request, context) => {
      audit.record({ ...context, action: "wave.redispatch", entity: entity(request.waveId), after: request });
    },
  };
}
