// A State's letters with the kind of letter each is (its wave's template kind): what the assistance follow-up rule
// (shared/assistance/follow-ups.ts) reads. A wave and its template are read once per reader, however many States
// got the wave's letters.
import type { StateLetter, StateLettersOf } from "../assistance/follow-ups.ts";
import { ownerText } from "../contacts/schemas.ts";
import type { TemplateRepository } from "../templates/repository.ts";
import type { Template } from "../templates/schemas.ts";
import { deskDay } from "../zoned-time.ts";
import type { Ledger } from "./ledger.ts";

export interface StateLetterStores {
  ledger: Pick<Ledger, "lettersOf" | "templateIdOf">;
  templates: Pick<TemplateRepository, "get">;
}

/** A reader of States' letters; a wave deleted or a template removed since leaves its letters without a kind. */
export function stateLetters(stores: StateLetterStores): StateLettersOf {
  const kinds = new Map<string, Promise<Template["kind"] | undefined>>();
  const kindOf = (waveId: string) => {
    let kind = kinds.get(waveId);
    if (!kind) {
      kind = (async () => {
        const templateId = await stores.ledger.templateIdOf(waveId);
        return templateId ? (await stores.templates.get(templateId))?.value.kind : undefined;
      })();
      kinds.set(waveId, kind);
    }
    return kind;
  };
  return async (iso3) => {
    const letters = await stores.ledger.lettersOf(ownerText({ kind: "state", iso3 }));
    return Promise.all(
      letters.map(
        async (letter): Promise<StateLetter> => ({
          kind: await kindOf(letter.waveId),
          status: letter.status,
          // The letter is dated the New York day it was written (letter-values.ts, letterDate).
          on: deskDay(letter.createdAt),
        }),
      ),
    );
  };
}
