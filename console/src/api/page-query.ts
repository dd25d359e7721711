// A paged list's query: how many items a page holds, and where the last page ended (absent: from the first).
export const pageQuery = (cursor: string | undefined, limit = "100") => ({ limit, ...(cursor ? { cursor } : {}) });
