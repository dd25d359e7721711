// Hash routes (#/states/MLI): a static host serves one index.html for every page, no rewrite rules needed. Pure,
// so they are tested in Node (test/unit/console-routes.test.ts); router.ts follows the window's hash.
export type Route =
  | { page: "home" }
  | { page: "states"; query: URLSearchParams }
  | { page: "state"; iso3: string }
  | { page: "assistance"; query: URLSearchParams }
  | { page: "assistance-request"; id: string }
  | { page: "snapshots" }
  | { page: "programme" }
  | { page: "contacts-import" }
  | { page: "templates" }
  | { page: "template"; id: string }
  | { page: "waves" }
  | { page: "wave-new"; templateId: string | undefined; restOf: string | undefined }
  | { page: "wave"; id: string }
  | { page: "not-found"; path: string }
  | { page: "assistance-offers"; query: URLSearchParams }
  | { page: "assistance-reports" }
  | { page: "assistance-report"; id: string }
  | { page: "snapshots-diff"; query: URLSearchParams }
  | { page: "programme-item"; year: number; id: string }
  | { page: "programme-year"; year: number }
  | { page: "organizations" }
  | { page: "organization"; id: string }
  | { page: "audit"; query: URLSearchParams }
  | { page: "search"; query: URLSearchParams }
  | { page: "holidays" }
  | { page: "holidays-year"; year: number };

export function routeOf(hash: string): Route {
  const [path = "", search = ""] = hash.replace(/^#/, "").split("?");
  const parts = path.split("/").filter(Boolean);
  if (parts.length === 0) return { page: "home" };
  if (parts[0] === "states" && parts.length === 1) return { page: "states", query: new URLSearchParams(search) };
  if (parts[0] === "states" && parts.length === 2 && /^[A-Za-z]{3}$/.test(parts[1] ?? "")) {
    return { page: "state", iso3: (parts[1] ?? "").toUpperCase() };
  }
  if (parts[0] === "snapshots" && parts.length === 1) return { page: "snapshots" };
  if (parts[0] === "programme" && parts.length === 1) return { page: "programme" };
  if (parts[0] === "contacts" && parts[1] === "import" && parts.length === 2) return { page: "contacts-import" };
  if (parts[0] === "assistance" && parts.length === 1)
    return { page: "assistance", query: new URLSearchParams(search) };
  if (parts[0] === "assistance" && parts[1] === "offers" && parts.length === 2)
    return { page: "assistance-offers", query: new URLSearchParams(search) };
  if (parts[0] === "assistance" && parts[1] === "reports" && parts.length === 2) return { page: "assistance-reports" };
  if (parts[0] === "assistance" && parts[1] === "reports" && parts.length === 3 && /^\d{4}-[123]$/.test(parts[2] ?? ""))
    return { page: "assistance-report", id: parts[2] ?? "" };
  if (parts[0] === "snapshots" && parts[1] === "diff" && parts.length === 2)
    return { page: "snapshots-diff", query: new URLSearchParams(search) };
  if (parts[0] === "programme" && parts.length === 2 && /^\d{4}$/.test(parts[1] ?? ""))
    return { page: "programme-year", year: Number(parts[1]) };
  if (parts[0] === "programme" && parts.length === 3 && /^\d{4}$/.test(parts[1] ?? "") && parts[2])
    return { page: "programme-item", year: Number(parts[1]), id: decodeURIComponent(parts[2]) };
  if (parts[0] === "assistance" && parts.length === 2 && parts[1]) {
    return { page: "assistance-request", id: decodeURIComponent(parts[1]) };
  }
  if (parts[0] === "templates" && parts.length === 1) return { page: "templates" };
  if (parts[0] === "templates" && parts.length === 2 && parts[1]) {
    return { page: "template", id: decodeURIComponent(parts[1]) };
  }
  if (parts[0] === "waves" && parts.length === 1) return { page: "waves" };
  // A wave id is letters, digits, _ and - (upper-case from newId), so the composer's "new" names no wave.
  if (parts[0] === "waves" && parts[1] === "new" && parts.length === 2) {
    const query = new URLSearchParams(search);
    return {
      page: "wave-new",
      templateId: query.get("template") ?? undefined,
      // The rest of a halted wave: its audience less those it wrote to (compose-rest-of.ts).
      restOf: query.get("restOf") ?? undefined,
    };
  }
  if (parts[0] === "waves" && parts.length === 2 && parts[1]) return { page: "wave", id: decodeURIComponent(parts[1]) };
  if (parts[0] === "organizations" && parts.length === 1) return { page: "organizations" };
  if (parts[0] === "organizations" && parts.length === 2 && parts[1]) {
    return { page: "organization", id: decodeURIComponent(parts[1]) };
  }
  if (parts[0] === "audit" && parts.length === 1) return { page: "audit", query: new URLSearchParams(search) };
  if (parts[0] === "search" && parts.length === 1) return { page: "search", query: new URLSearchParams(search) };
  if (parts[0] === "holidays" && parts.length === 1) return { page: "holidays" };
  if (parts[0] === "holidays" && parts.length === 2 && /^\d{4}$/.test(parts[1] ?? ""))
    return { page: "holidays-year", year: Number(parts[1]) };
  return { page: "not-found", path };
}

export const href = {
  home: () => "#/",
  states: (query?: URLSearchParams) => (query && query.size > 0 ? `#/states?${query}` : "#/states"),
  state: (iso3: string) => `#/states/${iso3}`,
  assistance: (status?: string) => (status ? `#/assistance?status=${encodeURIComponent(status)}` : "#/assistance"),
  assistanceRequest: (id: string) => `#/assistance/${encodeURIComponent(id)}`,
  snapshots: () => "#/snapshots",
  programme: () => "#/programme",
  contactsImport: () => "#/contacts/import",
  templates: () => "#/templates",
  template: (id: string) => `#/templates/${encodeURIComponent(id)}`,
  waves: () => "#/waves",
  waveNew: (templateId?: string) =>
    templateId ? `#/waves/new?template=${encodeURIComponent(templateId)}` : "#/waves/new",
  wave: (id: string) => `#/waves/${encodeURIComponent(id)}`,
  waveRest: (haltedId: string) => `#/waves/new?restOf=${encodeURIComponent(haltedId)}`,
  assistanceOffers: (provider?: string) =>
    provider ? `#/assistance/offers?provider=${encodeURIComponent(provider)}` : "#/assistance/offers",
  assistanceReports: () => "#/assistance/reports",
  assistanceReport: (id: string) => `#/assistance/reports/${id}`,
  snapshotsDiff: (from?: string, to?: string) =>
    from && to ? `#/snapshots/diff?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}` : "#/snapshots/diff",
  programmeYear: (year: number) => `#/programme/${year}`,
  programmeItem: (year: number, id: string) => `#/programme/${year}/${encodeURIComponent(id)}`,
  organizations: () => "#/organizations",
  organization: (id: string) => `#/organizations/${encodeURIComponent(id)}`,
  audit: (query?: URLSearchParams) => (query && query.size > 0 ? `#/audit?${query}` : "#/audit"),
  search: (query?: URLSearchParams) => (query && query.size > 0 ? `#/search?${query}` : "#/search"),
  holidays: () => "#/holidays",
  holidaysYear: (year: number) => `#/holidays/${year}`,
};
