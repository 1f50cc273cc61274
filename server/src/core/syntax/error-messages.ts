/**
 * Words for Chevrotain's parse errors where the grammar gives no ERR_MSG of its
 * own. Users read "expected a version such as v1, found `{`", never a token name.
 */
import type { IParserErrorMessageProvider, IToken, TokenType } from 'chevrotain';
import { DECLARATION_KEYWORDS, oneOfWords, SERVICE_MEMBER_KEYWORDS } from '../vocabulary.js';

/** "`team`, `system`, `service`, `library` or `rules`": what may start a declaration. */
export const DECLARATION_WORDS = oneOfWords(DECLARATION_KEYWORDS.map((w) => `\`${w}\``));

const TOKEN_WORDS: Record<string, string> = {
  Name: 'a name',
  Identifier: 'a name',
  Version: 'a version such as v1',
  Duration: 'a duration such as 300ms',
  Percent: 'a percentage such as 99.9%',
  Number: 'a number',
  String: 'a string in double quotes',
  LBrace: '`{`',
  RBrace: '`}`',
  Dot: '`.`',
  EOF: 'the end of the file',
};

/** How a token type is named to users. Keywords are quoted as written. */
export function describeTokenType(type: TokenType): string {
  return TOKEN_WORDS[type.name] ?? `\`${type.name}\``;
}

/** How the token actually found is named to users. */
export function describeFound(tok: IToken): string {
  if (tok.tokenType.name === 'EOF' || Number.isNaN(tok.startOffset)) return 'the end of the file';
  if (tok.tokenType.name === 'UnterminatedString') return 'a string with no closing quote';
  const image = tok.image.length > 30 ? `${tok.image.slice(0, 30)}…` : tok.image;
  return `\`${image}\``;
}

function oneOf(words: string[]): string {
  const unique = [...new Set(words)];
  if (unique.length <= 1) return unique[0] ?? 'something else';
  return `${unique.slice(0, -1).join(', ')} or ${unique[unique.length - 1]}`;
}

/** What may start each rule, in words, for "no viable alternative" errors. */
const RULE_WORDS: Record<string, string> = {
  declaration: DECLARATION_WORDS,
  member: `a service member (${oneOfWords(SERVICE_MEMBER_KEYWORDS)}) or \`}\``,
  library: '`owner` or `}`',
  system: '`service`, `defaults` or `}`',
  policy: '`timeout`, `retry`, `circuit-breaker` or `}`',
  slo: '`latency` or `availability`',
};

export const seamsErrorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, ruleName }) {
    if (expected.name === 'RBrace' && RULE_WORDS[ruleName]) {
      return `expected ${RULE_WORDS[ruleName]}, found ${describeFound(actual)}`;
    }
    if (expected.name === 'RBrace' && ruleName === 'service') {
      return `expected ${RULE_WORDS.member}, found ${describeFound(actual)}`;
    }
    return `expected ${describeTokenType(expected)}, found ${describeFound(actual)}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `unexpected ${describeFound(firstRedundant)}: expected ${DECLARATION_WORDS}`;
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual, ruleName }) {
    const words = RULE_WORDS[ruleName];
    if (words) return `expected ${words}, found ${describeFound(actual[0])}`;
    const firsts = expectedPathsPerAlt.flatMap((paths) => paths.map((p) => describeTokenType(p[0])));
    return `expected ${oneOf(firsts)}, found ${describeFound(actual[0])}`;
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual, ruleName }) {
    const words = RULE_WORDS[ruleName];
    if (words) return `expected ${words}, found ${describeFound(actual[0])}`;
    const firsts = expectedIterationPaths.map((p) => describeTokenType(p[0]));
    return `expected ${oneOf(firsts)}, found ${describeFound(actual[0])}`;
  },
};
