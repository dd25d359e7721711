// A State's letters with the kind of letter each is (its wave's template kind): what the assistance follow-up rule
// (shared/assistance/follow-ups.ts) reads. Only a letter that left on or after the day asked for is looked up; a
// wave is read once per reader, and a template once however many waves were written from it.
import { hasLeft, type StateLetter, type StateLettersOf } from "../assistance/follow-ups.ts";
import { onceEach } from "../concurrency.ts";
import { ownerText } from "../contacts/schemas.ts";
import type { TemplateRepository } from "../templates/repository.ts";
import type { Template } from "../templates/schemas.ts";
import type { WaveRepository } from "../waves/repository.ts";
import { deskDay } from "../zoned-time.ts";
import type { Ledger } from "./ledger.ts";

export interface StateLetterStores {
  ledger: Pick<Ledger, "lettersOf">;
  waves: Pick<WaveRepository, "get">;
  templates: Pick<TemplateRepository, "get">;
}

/** A reader of States' letters; a wave deleted or a template removed since leaves its letters without a kind. */
export function stateLetters(stores: StateLetterStores): StateLettersOf {
  const templateIdOf = onceEach(async (waveId) => (await stores.waves.get(waveId))?.value.templateId);
  const kindOfTemplate = onceEach(async (templateId) => (await stores.templates.get(templateId))?.value.kind);
  const kindOf = async (waveId: string): Promise<Template["kind"] | undefined> => {
    const templateId = await templateIdOf(waveId);
    return templateId ? kindOfTemplate(templateId) : undefined;
  };
  return async (iso3, since) => {
    const letters = (await stores.ledger.lettersOf(ownerText({ kind: "state", iso3 })))
      // The letter is dated the New York day it was written (letter-values.ts, deskDay).
      .map((letter) => ({ ...letter, on: deskDay(letter.createdAt) }))
      .filter((letter) => hasLeft(letter.status) && letter.on >= since);
    return Promise.all(
      letters.map(
        async (letter): Promise<StateLetter> => ({
          kind: await kindOf(letter.waveId),
          status: letter.status,
          on: letter.on,
        }),
      ),
    );
  };
}
