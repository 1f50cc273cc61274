/**
 * Element builders for the webview. Text goes in through `textContent` and
 * attributes through `setAttribute`, never through markup: every string drawn
 * here may come from a user's `.seams` file, and neither path can create
 * elements or run script, whatever the string holds.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

export type Attrs = Record<string, string | number | undefined>;

function setAttrs(el: Element, attrs: Attrs): void {
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== undefined) el.setAttribute(name, String(value));
  }
}

export function svgEl<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Attrs = {}, text?: string): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs);
  if (text !== undefined) el.textContent = text;
  return el;
}

export function htmlEl<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, text?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  if (text !== undefined) el.textContent = text;
  return el;
}

/** Round to 0.1 px: enough for a crisp picture, short attribute strings. */
export function r(n: number): number {
  return Math.round(n * 10) / 10;
}
