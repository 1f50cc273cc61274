/**
 * Text for a terminal: control characters (C0, DEL, C1), line and paragraph
 * separators and bidirectional overrides become visible escapes (`\x1b`, `\n`,
 * `\u202e`), so text quoted from a model or a file name cannot move the cursor,
 * clear the screen, ring the bell, reorder what is shown or start a new line
 * of its own. JSON and SARIF escape these already; text output and the
 * one-line errors on stderr go through here.
 */
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => {
    const named = NAMED[c];
    if (named) return named;
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
