/**
 * Expands a VS Code snippet body to the text the user gets by pressing Tab
 * through it without typing: each placeholder keeps its default, a choice its
 * first option, an empty tab stop (or a mirror) the default given elsewhere for
 * that number. Variables are not used by Seams snippets and are rejected, as
 * is any malformed `$` construct, so a broken snippet fails its test.
 */
export function expandSnippet(body: string): string {
  const defaults = new Map<string, string>();
  const pending: Array<{ index: string; at: number }> = [];
  let out = '';

  // Parses from `pos` until `stop` (a closing `}` of an enclosing placeholder), appending to `out`.
  function parse(pos: number, insidePlaceholder: boolean): number {
    while (pos < body.length) {
      const ch = body[pos];
      if (ch === '\\' && pos + 1 < body.length && '$}\\'.includes(body[pos + 1])) {
        out += body[pos + 1];
        pos += 2;
      } else if (ch === '}' && insidePlaceholder) {
        return pos;
      } else if (ch === '$') {
        pos = parseDollar(pos);
      } else {
        out += ch;
        pos += 1;
      }
    }
    if (insidePlaceholder) throw new Error(`unclosed placeholder in ${JSON.stringify(body)}`);
    return pos;
  }

  function parseDollar(pos: number): number {
    const simple = /^\$(\d+)/.exec(body.slice(pos));
    if (simple) {
      pending.push({ index: simple[1], at: out.length });
      return pos + simple[0].length;
    }
    const open = /^\$\{(\d+)(:|\||\})/.exec(body.slice(pos));
    if (!open) throw new Error(`unsupported $ construct at ${pos} in ${JSON.stringify(body)}`);
    const index = open[1];
    pos += open[0].length;
    if (open[2] === '}') {
      pending.push({ index, at: out.length });
      return pos;
    }
    if (open[2] === '|') {
      const close = body.indexOf('|}', pos);
      if (close < 0) throw new Error(`unclosed choice in ${JSON.stringify(body)}`);
      const options = body.slice(pos, close).split(',');
      if (options.some((o) => o === '')) throw new Error(`empty choice in ${JSON.stringify(body)}`);
      out += options[0];
      defaults.set(index, options[0]);
      return close + 2;
    }
    const start = out.length;
    pos = parse(pos, true);
    // Placeholders sharing a number are linked: the first one's text shows in all of them.
    const first = defaults.get(index);
    if (first === undefined) defaults.set(index, out.slice(start));
    else out = out.slice(0, start) + first;
    return pos + 1;
  }

  parse(0, false);
  // Fill empty tab stops that mirror a placeholder, from the end so offsets stay valid.
  for (const p of pending.reverse()) {
    out = out.slice(0, p.at) + (defaults.get(p.index) ?? '') + out.slice(p.at);
  }
  return out;
}

/** Tab stop numbers used in a body, in order of first appearance. */
export function tabStops(body: string): number[] {
  const seen: number[] = [];
  for (const m of body.matchAll(/(?<!\\)\$\{?(\d+)/g)) {
    const n = Number(m[1]);
    if (!seen.includes(n)) seen.push(n);
  }
  return seen;
}
