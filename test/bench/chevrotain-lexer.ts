/**
 * The lexer the bench's floors are measured against: Chevrotain's lexer with
 * the Seams token shapes, as the product used before its hand-written scanner
 * (server/src/core/syntax/tokens.ts). Issue 13 defines the floor of `seams
 * check` as this bare lexer, so it stays as it was; only the bench uses it, and
 * Chevrotain is a development dependency for it alone.
 */
import { createToken, Lexer, type TokenType } from 'chevrotain';
import { KEYWORDS as VOCABULARY_KEYWORDS, type Keyword } from '../../server/src/core/vocabulary.js';

const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*/;

/** Any token usable as a required name: identifiers and every keyword. */
export const Name = createToken({ name: 'Name', pattern: Lexer.NA });

/**
 * Any token that can stand in a value position (`timeout 300ms`, `retry 2`). Value
 * positions accept every value token and the parser checks the kind itself, so
 * `timeout fast` costs one error on `fast` and parsing goes on undisturbed.
 * Keywords are not values: a missing value before the next keyword is reported
 * as missing instead of swallowing the keyword.
 */
export const Value = createToken({ name: 'Value', pattern: Lexer.NA });

export const Identifier = createToken({ name: 'Identifier', pattern: IDENTIFIER, categories: [Name, Value] });

function keyword(word: Keyword): TokenType {
  return createToken({
    name: word,
    // Match the keyword only as a whole name: `tier-db` and `teams` are identifiers.
    pattern: new RegExp(word.replace('-', '\\-')),
    longer_alt: Identifier,
    categories: [Name],
  });
}

/** One token per keyword of the vocabulary, in its order. */
const KEYWORD_BY_WORD = new Map<Keyword, TokenType>(VOCABULARY_KEYWORDS.map((w) => [w, keyword(w)]));
const kw = (w: Keyword): TokenType => KEYWORD_BY_WORD.get(w)!;

export const Team = kw('team');
export const System = kw('system');
export const Service = kw('service');
export const Library = kw('library');
export const Rules = kw('rules');
export const Defaults = kw('defaults');
export const Oncall = kw('oncall');
export const Owner = kw('owner');
export const Tier = kw('tier');
export const Cadence = kw('cadence');
export const Scaling = kw('scaling');
export const Compliance = kw('compliance');
export const Store = kw('store');
export const Readonly = kw('readonly');
export const Api = kw('api');
export const Event = kw('event');
export const Slo = kw('slo');
export const Calls = kw('calls');
export const Subscribes = kw('subscribes');
export const Uses = kw('uses');
export const Runtime = kw('runtime');
export const Timeout = kw('timeout');
export const Retry = kw('retry');
export const Backoff = kw('backoff');
export const CircuitBreaker = kw('circuit-breaker');
export const Latency = kw('latency');
export const Availability = kw('availability');
export const Max = kw('max');

export const KEYWORD_TOKENS: readonly TokenType[] = [...KEYWORD_BY_WORD.values()];

/** Every keyword as written, for completion and the grammar tests (the vocabulary's list). */
export const KEYWORDS: readonly string[] = VOCABULARY_KEYWORDS;

export const Version = createToken({ name: 'Version', pattern: /v\d+(?:\.\d+)*/, longer_alt: Identifier, categories: [Value] });
// A number directly followed by a name character is not a duration (`3msx`).
export const Duration = createToken({ name: 'Duration', pattern: /\d+(?:\.\d+)?(?:ms|s|m)(?![A-Za-z0-9_-])/, categories: [Value] });
export const Percent = createToken({ name: 'Percent', pattern: /\d+(?:\.\d+)?%/, categories: [Value] });
export const NumberTok = createToken({ name: 'Number', pattern: /\d+(?:\.\d+)?/, categories: [Value] });
/**
 * Strings are matched by a loop, not a regular expression: V8's regular
 * expressions recurse per repetition of `(?:a|b)*`, so a string literal of a few
 * megabytes overflowed the stack. `"…"` on one line, `\\` escaping the next
 * character, as `/"(?:[^"\\\r\n]|\\.)*"?/` would say.
 */
function scanString(text: string, offset: number): { end: number; closed: boolean } {
  let i = offset + 1;
  let closed = false;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      closed = true;
      i++;
      break;
    }
    if (c === 10 || c === 13) break;
    if (c === 92) {
      // A backslash escapes the next character, unless the line (or text) ends there.
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 10;
      if (next === 10 || next === 13 || next === 0x2028 || next === 0x2029) break;
      i++;
    }
  }
  return { end: i, closed };
}
function stringPattern(wantClosed: boolean) {
  return (text: string, offset: number): [string] | null => {
    if (text.charCodeAt(offset) !== 34) return null;
    const { end, closed } = scanString(text, offset);
    return closed === wantClosed ? [text.slice(offset, end)] : null;
  };
}
export const StringTok = createToken({
  name: 'String',
  pattern: stringPattern(true),
  start_chars_hint: ['"'],
  line_breaks: false,
  categories: [Value],
});
/** A string missing its closing quote: lexed so that the error is reported in words. */
export const UnterminatedString = createToken({
  name: 'UnterminatedString',
  pattern: stringPattern(false),
  start_chars_hint: ['"'],
  line_breaks: false,
});
export const LBrace = createToken({ name: 'LBrace', pattern: '{' });
export const RBrace = createToken({ name: 'RBrace', pattern: '}' });
export const Dot = createToken({ name: 'Dot', pattern: '.' });

export const LineComment = createToken({ name: 'LineComment', pattern: /\/\/[^\r\n]*/, group: 'comments' });
export const BlockComment = createToken({ name: 'BlockComment', pattern: /\/\*[\s\S]*?\*\//, group: 'comments' });
export const UnterminatedComment = createToken({
  name: 'UnterminatedComment',
  pattern: /\/\*[\s\S]*/,
  group: 'comments',
});
// The BOM is accepted anywhere whitespace is; the contract only needs it at the start.
export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r\n\f\uFEFF]+/, group: Lexer.SKIPPED });

export const ALL_TOKENS: TokenType[] = [
  WhiteSpace,
  LineComment,
  BlockComment,
  UnterminatedComment,
  StringTok,
  UnterminatedString,
  LBrace,
  RBrace,
  Duration,
  Percent,
  NumberTok,
  Dot,
  Version,
  ...KEYWORD_TOKENS,
  Identifier,
  Name,
  Value,
];

export const seamsLexer = new Lexer(ALL_TOKENS, {
  positionTracking: 'onlyOffset',
  ensureOptimizations: true,
  skipValidations: true,
});
