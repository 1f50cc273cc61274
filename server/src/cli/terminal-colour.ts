/**
 * Whether to colour output, and the few ANSI styles the text format uses.
 *
 * Colour only on a terminal. `FORCE_COLOR` (any value but `0` or `false`) turns it
 * on even when piped, and wins over `NO_COLOR`, as in Node's own tty module;
 * `NO_COLOR` (any non-empty value, see no-color.org) and `TERM=dumb` turn it off.
 */
export function shouldColour(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR) return false;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

export interface Styles {
  bold(s: string): string;
  dim(s: string): string;
  underline(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  blue(s: string): string;
  green(s: string): string;
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;

const ANSI: Styles = {
  bold: wrap(1, 22),
  dim: wrap(2, 22),
  underline: wrap(4, 24),
  red: wrap(31, 39),
  yellow: wrap(33, 39),
  blue: wrap(34, 39),
  green: wrap(32, 39),
};

const identity = (s: string) => s;
const PLAIN: Styles = {
  bold: identity,
  dim: identity,
  underline: identity,
  red: identity,
  yellow: identity,
  blue: identity,
  green: identity,
};

export function styles(colour: boolean): Styles {
  return colour ? ANSI : PLAIN;
}
