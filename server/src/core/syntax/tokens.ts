/**
 * The tokens of the Seams language (see docs/language.md, "Lexical rules").
 *
 * Keywords are contextual: each keyword token also belongs to the `Name`
 * category, so a keyword may stand where the grammar requires a name
 * (`service store { }`). Optional trailing names (a store's kind, an api's
 * protocol) accept only plain identifiers, so a keyword there starts the next
 * member instead of being swallowed.
 */
import { createToken, Lexer, type TokenType } from 'chevrotain';

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

function keyword(word: string): TokenType {
  return createToken({
    name: word,
    // Match the keyword only as a whole name: `tier-db` and `teams` are identifiers.
    pattern: new RegExp(word.replace('-', '\\-')),
    longer_alt: Identifier,
    categories: [Name],
  });
}

export const Team = keyword('team');
export const System = keyword('system');
export const Service = keyword('service');
export const Rules = keyword('rules');
export const Defaults = keyword('defaults');
export const Oncall = keyword('oncall');
export const Owner = keyword('owner');
export const Tier = keyword('tier');
export const Cadence = keyword('cadence');
export const Scaling = keyword('scaling');
export const Compliance = keyword('compliance');
export const Store = keyword('store');
export const Api = keyword('api');
export const Event = keyword('event');
export const Slo = keyword('slo');
export const Calls = keyword('calls');
export const Subscribes = keyword('subscribes');
export const Timeout = keyword('timeout');
export const Retry = keyword('retry');
export const Backoff = keyword('backoff');
export const CircuitBreaker = keyword('circuit-breaker');
export const Latency = keyword('latency');
export const Availability = keyword('availability');
export const Max = keyword('max');

export const KEYWORD_TOKENS: readonly TokenType[] = [
  Team, System, Service, Rules, Defaults, Oncall, Owner, Tier, Cadence, Scaling, Compliance, Store, Api,
  Event, Slo, Calls, Subscribes, Timeout, Retry, Backoff, CircuitBreaker, Latency, Availability, Max,
];

/** Every keyword as written, for completion and the grammar tests. */
export const KEYWORDS: readonly string[] = KEYWORD_TOKENS.map((t) => t.name);

export const Version = createToken({ name: 'Version', pattern: /v\d+(?:\.\d+)*/, longer_alt: Identifier, categories: [Value] });
// A number directly followed by a name character is not a duration (`3msx`).
export const Duration = createToken({ name: 'Duration', pattern: /\d+(?:\.\d+)?(?:ms|s|m)(?![A-Za-z0-9_-])/, categories: [Value] });
export const Percent = createToken({ name: 'Percent', pattern: /\d+(?:\.\d+)?%/, categories: [Value] });
export const NumberTok = createToken({ name: 'Number', pattern: /\d+(?:\.\d+)?/, categories: [Value] });
export const StringTok = createToken({ name: 'String', pattern: /"(?:[^"\\\r\n]|\\.)*"/, categories: [Value] });
/** A string missing its closing quote: lexed so that the error is reported in words. */
export const UnterminatedString = createToken({ name: 'UnterminatedString', pattern: /"(?:[^"\\\r\n]|\\.)*/ });
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
