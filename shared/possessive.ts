// A name's possessive as the desk's words write it. No import: the console compiles it too.

/** "Kenya's", "the Philippines'", "Association of Southeast Asian Nations'": a name ending in s takes "'" alone. */
export const possessive = (name: string): string => (/s$/i.test(name.trim()) ? `${name}'` : `${name}'s`);
