/**
 * Scope assertions written inside fixture files, under the line they test:
 *
 *     store tier-db postgres
 *     //    ^^^^^^^ entity.name.variable.store.seams -keyword
 *     // <---- keyword.other.member.store.seams
 *
 * `^` marks columns of the nearest source line above; `<` followed by dashes
 * marks as many columns from the start of that line as the arrow is long
 * (for text at column 0, where `//` would cover it). Each scope listed must be
 * on the stack of every marked column; `-prefix` demands that no scope there
 * starts with `prefix`. Assertion lines are ordinary comments to the grammar.
 */
import type { Token } from './tokenizer.js';

export interface ScopeAssertion {
  /** 1-based line of the assertion in the fixture, for messages. */
  at: number;
  /** Zero-based line and columns of the source text asserted on. */
  line: number;
  columns: number[];
  present: string[];
  absent: string[];
}

const CARETS = /^\s*\/\/(\s*)(\^+)\s+(.+)$/;
const ARROW = /^\s*\/\/\s*(<-*)\s+(.+)$/;

export function readAssertions(text: string): ScopeAssertion[] {
  const lines = text.split(/\r\n|\r|\n/);
  const assertions: ScopeAssertion[] = [];
  let source = -1;
  lines.forEach((lineText, index) => {
    const carets = CARETS.exec(lineText);
    const arrow = carets ? null : ARROW.exec(lineText);
    if (!carets && !arrow) {
      source = index;
      return;
    }
    if (source < 0) throw new Error(`line ${index + 1}: an assertion needs a source line above it`);
    let columns: number[];
    let spec: string;
    if (carets) {
      const first = lineText.indexOf('^');
      columns = Array.from({ length: carets[2].length }, (_, i) => first + i);
      spec = carets[3];
    } else {
      columns = Array.from({ length: arrow![1].length }, (_, i) => i);
      spec = arrow![2];
    }
    const words = spec.trim().split(/\s+/);
    assertions.push({
      at: index + 1,
      line: source,
      columns,
      present: words.filter((w) => !w.startsWith('-')),
      absent: words.filter((w) => w.startsWith('-')).map((w) => w.slice(1)),
    });
  });
  return assertions;
}

/** The scope stack at one column, or undefined past the end of the line. */
export function scopesAt(tokens: Token[], line: number, column: number): string[] | undefined {
  return tokens.find((t) => t.line === line && t.start <= column && column < t.start + t.text.length)?.scopes;
}

/** Human-readable failures of `assertions` against `tokens` (empty when all hold). */
export function checkAssertions(tokens: Token[], assertions: ScopeAssertion[], sourceLines: string[]): string[] {
  const failures: string[] = [];
  for (const a of assertions) {
    for (const column of a.columns) {
      const scopes = scopesAt(tokens, a.line, column);
      const where =
        `assertion on line ${a.at} (source line ${a.line + 1}, column ${column}, ` + `${JSON.stringify(sourceLines[a.line]?.[column])})`;
      if (!scopes) {
        failures.push(`${where}: no token there`);
        continue;
      }
      const missing = a.present.filter((s) => !scopes.includes(s));
      const forbidden = a.absent.filter((p) => scopes.some((s) => s === p || s.startsWith(`${p}.`)));
      if (missing.length || forbidden.length) {
        failures.push(
          `${where}: has [${scopes.join(' ')}]` +
            (missing.length ? `, missing ${missing.join(' ')}` : '') +
            (forbidden.length ? `, must not have ${forbidden.join(' ')}` : ''),
        );
      }
    }
  }
  return failures;
}
