/**
 * Words for syntax errors that the grammar does not spell out where it checks
 * a token. Users read "expected `service`, `defaults` or `}`, found `x`", never
 * a token kind.
 */
import { DECLARATION_KEYWORDS, oneOfWords, SERVICE_MEMBER_KEYWORDS } from '../vocabulary.js';

/** "`team`, `system`, `service`, `library` or `rules`": what may start a declaration. */
export const DECLARATION_WORDS = oneOfWords(DECLARATION_KEYWORDS.map((w) => `\`${w}\``));

/** What may stand in each block, in words, for a block left with something else in it. */
export const BLOCK_WORDS = {
  team: '`}`',
  rules: '`}`',
  service: `a service member (${oneOfWords(SERVICE_MEMBER_KEYWORDS)}) or \`}\``,
  library: '`owner` or `}`',
  system: '`service`, `defaults` or `}`',
  policy: '`timeout`, `retry`, `circuit-breaker` or `}`',
} as const;

/** What an `slo` takes. */
export const SLO_WORDS = '`latency` or `availability`';

/** How a token found in the text is named to users: its text, cut at 30 characters. */
export function describeImage(image: string): string {
  return `\`${image.length > 30 ? `${image.slice(0, 30)}…` : image}\``;
}

export const END_OF_FILE = 'the end of the file';
