// The State's language of letters and on what it rests: an official language of the State, a best guess (76 of the
// 193 start as one: shared/registry/member-states.csv), or the secretariat's confirmation. The secretariat confirms or
// corrects it here against the State as the dossier read it (a change made meanwhile is the API's 412).
import { useState } from "preact/hooks";
import { FieldForm, useSubmit } from "../../ui/form.tsx";
import { changeStateLanguage, type Dossier, type State } from "./data.ts";
import { codeIn, LANGUAGES } from "./labels.ts";

export const BASIS_WORDS: Readonly<Record<State["languageBasis"], string>> = {
  "official language": "an official language of the State",
  inferred: "a best guess, not yet confirmed",
  confirmed: "confirmed by the secretariat",
};

export function LanguageOfLetters({ dossier, onChanged }: { dossier: Dossier; onChanged: () => Promise<void> }) {
  const { state } = dossier;
  const [form, setForm] = useState<Record<"language", string>>({ language: state.language });
  const [done, setDone] = useState<string>();
  const submitting = useSubmit(
    async () => {
      const changed = await changeStateLanguage(dossier, codeIn(LANGUAGES, form.language) ?? state.language);
      setDone(
        `Letters to ${changed.name} go in ${LANGUAGES[changed.language]}, ${BASIS_WORDS[changed.languageBasis]}.`,
      );
      // Busy until the dossier is read again, with the State's new ETag: a second change writes against that.
      await onChanged();
    },
    { onStale: onChanged },
  );
  const unchanged = form.language === state.language;
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
      submitLabel={unchanged ? "Confirm this language" : "Change the language of letters"}
    >
      <p class="muted">Its points of contact without a language of their own change with it.</p>
      {done && <p role="status">{done}</p>}
    </FieldForm>
  );
}
