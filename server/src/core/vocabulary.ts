/**
 * The words of the Seams language, in one place: its keywords and the values
 * each keyword takes. The lexer's keyword tokens, the model's checks of values,
 * completion, hover and the grammar tests all derive from these lists, so a new
 * word is added here once.
 *
 * Pure data and tiny predicates; imports nothing.
 */

/** Every keyword, as written. The lexer makes one token per word (syntax/tokens.ts). */
export const KEYWORDS = [
  'team',
  'system',
  'service',
  'library',
  'rules',
  'defaults',
  'oncall',
  'owner',
  'tier',
  'cadence',
  'scaling',
  'compliance',
  'store',
  'readonly',
  'api',
  'event',
  'slo',
  'calls',
  'subscribes',
  'uses',
  'runtime',
  'timeout',
  'retry',
  'backoff',
  'circuit-breaker',
  'latency',
  'availability',
  'max',
] as const;
export type Keyword = (typeof KEYWORDS)[number];

/** Keywords that start a top-level declaration. */
export const DECLARATION_KEYWORDS = ['team', 'system', 'service', 'library', 'rules'] as const;

/** Keywords that start a member of a service body (`defaults` included). */
export const SERVICE_MEMBER_KEYWORDS = [
  'owner',
  'tier',
  'cadence',
  'scaling',
  'compliance',
  'runtime',
  'store',
  'api',
  'event',
  'slo',
  'calls',
  'subscribes',
  'uses',
  'defaults',
] as const;

/** Settings of a policy block (a call's `{ }` and `defaults { }`). */
export const POLICY_KEYWORDS = ['timeout', 'retry', 'circuit-breaker'] as const;

export const TIERS = ['user-facing', 'gateway', 'internal', 'background'] as const;
export type Tier = (typeof TIERS)[number];

export const CADENCES = ['daily', 'weekly', 'monthly', 'quarterly'] as const;
export type Cadence = (typeof CADENCES)[number];

export const BACKOFFS = ['exponential', 'fixed', 'none'] as const;
export type Backoff = (typeof BACKOFFS)[number];

/** Severities a rule can be set to in `rules { }` (besides `off`). */
export const SEVERITIES = ['hint', 'info', 'warning', 'error'] as const;
export type SeverityWord = (typeof SEVERITIES)[number];

/** What a `rules { }` line may say instead of a severity. */
export const RULE_OFF = 'off';

export const SLO_PERCENTILES = ['p50', 'p90', 'p95', 'p99'] as const;
export type SloPercentile = (typeof SLO_PERCENTILES)[number];

/** `// seams-ignore` at the start of a line comment (the text after it holds the codes). */
export const SEAMS_IGNORE = /^\/\/\s*seams-ignore(?![A-Za-z0-9_-])/;
/** One rule code inside a `seams-ignore` directive (global: use with matchAll). */
export const SEAMS_IGNORE_CODE = /[A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*/g;
/** Separates the codes of a `seams-ignore` directive from its reason. */
export const SEAMS_IGNORE_REASON = '--';

/** True when `word` is one of `values` (and narrows it). */
export function isOneOf<T extends string>(values: readonly T[], word: string): word is T {
  return (values as readonly string[]).includes(word);
}

export function isTier(word: string): word is Tier {
  return isOneOf(TIERS, word);
}
export function isCadence(word: string): word is Cadence {
  return isOneOf(CADENCES, word);
}
export function isBackoff(word: string): word is Backoff {
  return isOneOf(BACKOFFS, word);
}
export function isSloPercentile(word: string): word is SloPercentile {
  return isOneOf(SLO_PERCENTILES, word);
}

/**
 * A service that takes user traffic: `tier user-facing` or `tier gateway`. The
 * contract counts a gateway as user-facing wherever a rule speaks of
 * user-facing services (chain origins, `missing-slo`), except `no-api-gateway`.
 */
export function isUserFacingOrGateway(s: { tier?: Tier }): boolean {
  return s.tier === 'user-facing' || s.tier === 'gateway';
}

/** `a, b, c or d`: how a list of allowed values is named in messages. */
export function oneOfWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}
