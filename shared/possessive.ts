// A name's possessive as the desk's words write it. No import: the console compiles it too.

/**
 * The names that are plurals, which take the apostrophe alone: the Member States' and organizations' names whose
 * last word is one ("the Philippines", "United Arab Emirates", "Association of Southeast Asian Nations",
 * "Organisation for the Prohibition of Chemical Weapons"). A singular name ending in s takes 's as any other
 * ("Belarus's", "Cyprus's", "Saint Kitts and Nevis's").
 */
const PLURAL_LAST_WORD =
  /\b(Bahamas|Comoros|Emirates|Grenadines|Islands|Maldives|Nations|Netherlands|Philippines|Seychelles|States|Weapons)$/i;

/** "Kenya's", "Belarus's", "the Philippines'", "Association of Southeast Asian Nations'". */
export const possessive = (name: string): string => (PLURAL_LAST_WORD.test(name.trim()) ? `${name}'` : `${name}'s`);
