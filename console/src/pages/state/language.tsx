// The State's language of letters and on what it rests: an official language of the State, a best guess (76 of the
// 193 start as one: shared/registry/member-states.csv), or the secretariat's confirmation. The secretariat confirms or
// corrects it here against the State as the dossier read it. A change made meanwhile is the API's 412: the State is
// read again, and the form says what is on record now and by whom, keeps the reader's choice, and names the button by
// what pressing it again does (puts that choice over the colleague's: language-on-record.ts).
import { useState } from "preact/hooks";
import { FieldForm, useSubmit } from "../../ui/form.tsx";
import { latestLanguageChange } from "./colleague-reads.ts";
import { changeStateLanguage, type Dossier } from "./data.ts";
import { BASIS_WORDS, codeIn, LANGUAGES } from "./labels.ts";
import { type LanguageChange, languageOnRecordWords, languageSubmitLabel } from "./language-on-record.ts";

export function LanguageOfLetters({ dossier, onChanged }: { dossier: Dossier; onChanged: () => Promise<void> }) {
  const { state } = dossier;
  const [form, setForm] = useState<Record<"language", string>>({ language: state.language });
  const [done, setDone] = useState<string>();
  // Once a save is refused as stale and the State read again: the latest change of its language, where the timeline
  // names it. Until the next save.
  const [stale, setStale] = useState<{ change: LanguageChange | undefined }>();
  const submitting = useSubmit(
    async () => {
      const changed = await changeStateLanguage(dossier, codeIn(LANGUAGES, form.language) ?? state.language);
      setStale(undefined);
      setDone(
        `Letters to ${changed.name} go in ${LANGUAGES[changed.language]}, ${BASIS_WORDS[changed.languageBasis]}.`,
      );
      // Busy until the dossier is read again, with the State's new ETag: a second change writes against that.
      await onChanged();
    },
    {
      onStale: async () => {
        const [change] = await Promise.all([latestLanguageChange(state.iso3), onChanged()]);
        setDone(undefined);
        setStale({ change });
      },
    },
  );
  return (
    <FieldForm
      name="language-of-letters"
      prefix="state"
      title="Language of letters"
      level={2}
      fields={[{ name: "language", label: "Language of letters", control: "select", options: LANGUAGES }]}
      values={form}
      onChange={(_, language) => {
        setDone(undefined);
        setForm({ language });
      }}
      submitting={submitting}
      submitLabel={languageSubmitLabel(form.language, state.language, stale !== undefined)}
    >
      <p class="muted">Its points of contact without a language of their own change with it.</p>
      {stale && (
        <p role="status" id="state-language-now">
          {languageOnRecordWords(state.language, stale.change, form.language)}
        </p>
      )}
      {done && <p role="status">{done}</p>}
    </FieldForm>
  );
}
