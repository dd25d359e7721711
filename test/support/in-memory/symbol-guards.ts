// The symbols' guard items in memory (shared/reporting/symbol-guard.ts), keyed by the symbol in upper case: one map
// for the reporting and the assistance stores that are to see each other's symbols, as one desk table does.
export interface SymbolGuardItem {
  iso3?: string;
  submissionId?: string;
  requestId?: string;
  requestIso3?: string;
  requestReceivedOn?: string;
}

export type InMemorySymbolGuards = Map<string, SymbolGuardItem>;

export const inMemorySymbolGuards = (): InMemorySymbolGuards => new Map();
