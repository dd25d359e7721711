// Who a contact belongs to, as a type with no imports: modules the console compiles (shared/templates/variables.ts)
// name it without reaching the contacts' schemas.

/** Who a contact belongs to. In text (queries, CSV, the stored item): `STATE:<iso3>` or `ORG:<id>`. */
export type Owner = { kind: "state"; iso3: string } | { kind: "organization"; id: string };
