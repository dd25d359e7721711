// A new assistance request as its form holds it, the fields left empty (or a State no Member State's name or code)
// refused at each field in plain words before anything is sent (the API's own checks come back as its 422 at the same
// fields), and the body the API takes. Pure (types only from the generated schema), tested in Node.
import type { components } from "../api/schema";
import { noSuchState } from "./correspondence/state-entry.ts";
import { type NamedState, stateCodeOf } from "./named-states.ts";

type Schemas = components["schemas"];
type Problem = Schemas["Problem"];
type NewRequest = Schemas["NewAssistanceRequest"];
type AssistanceArea = NewRequest["areas"][number];

export interface RequestForm {
  /** The State as typed: its name or its ISO code (given, on the State's own page). */
  iso3: string;
  areas: AssistanceArea[];
  description: string;
  receivedOn: string;
  symbol: string;
  consentedToCirculation: boolean;
}

/** The body fields the form lays out: the API's 422 paths name them. */
export const REQUEST_FIELDS = [
  "iso3",
  "areas",
  "description",
  "receivedOn",
  "symbol",
  "consentedToCirculation",
] as const;

/** An empty form; a State's own page gives its State. */
export const emptyRequestForm = (iso3 = ""): RequestForm => ({
  iso3,
  areas: [],
  description: "",
  receivedOn: "",
  symbol: "",
  consentedToCirculation: false,
});

/** What each field must hold before the form is sent, in the reader's words. */
function missing(form: RequestForm, states: readonly NamedState[]): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  if (!form.iso3.trim()) {
    issues.push({
      path: "body.iso3",
      message: "Choose the State the request is from: its name or its code, e.g. Malawi.",
    });
  } else if (!stateCodeOf(form.iso3, states)) {
    issues.push({ path: "body.iso3", message: noSuchState(form.iso3) });
  }
  if (form.areas.length === 0) issues.push({ path: "body.areas", message: "Choose at least one area." });
  if (!form.description.trim()) {
    issues.push({ path: "body.description", message: "Say what the State asks for." });
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.receivedOn.trim())) {
    issues.push({ path: "body.receivedOn", message: "Give the day the request was received, as YYYY-MM-DD." });
  }
  if (form.symbol.trim().length < 3) {
    issues.push({ path: "body.symbol", message: "Give the request's document symbol, e.g. S/AC.44/2024/(02)/5." });
  }
  return issues;
}

/**
 * The form's refusal before sending, as the API words one (422, a message at each field); none when it may go. `states`
 * to name the State from; while they are read, its code is taken as typed.
 */
export function requestFormRefusal(form: RequestForm, states: readonly NamedState[] = []): Problem | undefined {
  const errors = missing(form, states);
  if (errors.length === 0) return undefined;
  return { type: "about:blank", title: "The request is not complete", status: 422, errors };
}

/** The body for a form `requestFormRefusal` lets go: the State's code from its name or its code. */
export const newRequestOf = (form: RequestForm, states: readonly NamedState[] = []): NewRequest => ({
  iso3: stateCodeOf(form.iso3, states) ?? form.iso3.trim().toUpperCase(),
  areas: form.areas,
  description: form.description,
  receivedOn: form.receivedOn.trim(),
  symbol: form.symbol.trim(),
  consentedToCirculation: form.consentedToCirculation,
});
