/**
 * Escaping for text and attribute values in SVG/XML. Every string that comes
 * from a `.seams` file (names, titles, messages) passes through here before it
 * becomes markup, in `seams render` output and in the preview's export alike.
 */

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Characters that XML 1.0 forbids outright (C0 controls other than tab, line
 * feed and carriage return; lone surrogates; U+FFFE/U+FFFF). A parser rejects
 * the whole document on one of them, so they become U+FFFD.
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Safe in element content and in single- or double-quoted attribute values. */
export function escapeXml(text: string): string {
  return text.replace(FORBIDDEN, '\uFFFD').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
