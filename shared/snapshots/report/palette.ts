// The report's colours: the Okabe-Ito palette, distinguishable with every common colour-vision deficiency.

/** A fill and the text colour that reads on it (contrast 4.5:1 or better). */
export interface Swatch {
  fill: string;
  text: string;
}

export const palette = {
  blue: { fill: "#0072B2", text: "#FFFFFF" },
  vermillion: { fill: "#D55E00", text: "#000000" },
  bluishGreen: { fill: "#009E73", text: "#000000" },
  orange: { fill: "#E69F00", text: "#000000" },
  skyBlue: { fill: "#56B4E9", text: "#000000" },
  reddishPurple: { fill: "#CC79A7", text: "#000000" },
  yellow: { fill: "#F0E442", text: "#000000" },
  // Not an Okabe-Ito hue: the neutral for "nothing there" (a missing point of contact), lighter than every hue.
  grey: { fill: "#BBBBBB", text: "#000000" },
} as const satisfies Record<string, Swatch>;

/** The colour of the text and rules drawn around the bars. */
export const ink = "#1A1A1A";
