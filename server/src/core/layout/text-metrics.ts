/**
 * Text sizes without a DOM. Layout runs in Node (CLI, worker) and in the browser
 * alike, and must give the same numbers in both, so it cannot ask a canvas.
 * Widths are estimated per character class for a sans-serif face; the renderer
 * uses the same font sizes, and boxes get padding to absorb the error.
 */

/** Font sizes (px) shared by the layout and every renderer. */
export const FONT = {
  label: 13,
  sublabel: 11,
  edgeLabel: 11,
  groupTitle: 12,
} as const;

const NARROW = new Set("iljtfrI.,:;'|!()[] ");
const WIDE = new Set('mwMW@%');

/** Approximate rendered width of `text` in px at `fontSize`. */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) {
    if (NARROW.has(ch)) em += 0.32;
    else if (WIDE.has(ch)) em += 0.86;
    else if (ch >= 'A' && ch <= 'Z') em += 0.68;
    else if (ch.charCodeAt(0) > 0x2e7f)
      em += 1; // CJK and other full-width characters
    else em += 0.56;
  }
  return Math.ceil(em * fontSize);
}
