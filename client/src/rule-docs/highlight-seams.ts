/**
 * Colours a ```seams code block in VS Code's Markdown preview, where the rule pages are
 * shown. It emits highlight.js class names (`hljs-keyword`, `hljs-string`, …) because the
 * preview already colours those to suit the current theme, light, dark or high contrast.
 *
 * A small tokenizer of its own rather than the language's lexer: the client bundle stays
 * free of the core (test/grammar/markdown-highlight.test.ts keeps the word lists equal to
 * the vocabulary's). Everything it returns is escaped.
 */

/** Every keyword of the language (the vocabulary's KEYWORDS). */
export const HIGHLIGHT_KEYWORDS: ReadonlySet<string> = new Set([
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
]);

/** Keyword values: tiers, cadences, backoffs, percentiles, severities and `off`. */
export const HIGHLIGHT_VALUES: ReadonlySet<string> = new Set([
  'user-facing',
  'gateway',
  'internal',
  'background',
  'daily',
  'weekly',
  'monthly',
  'quarterly',
  'exponential',
  'fixed',
  'none',
  'p50',
  'p90',
  'p95',
  'p99',
  'hint',
  'info',
  'warning',
  'error',
  'off',
]);

const TOKEN = new RegExp(
  [
    String.raw`(?<comment>\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$))`,
    String.raw`(?<string>"(?:[^"\\\n]|\\.)*"?)`,
    String.raw`(?<number>\bv\d+(?:\.\d+)*\b|\b\d+(?:\.\d+)?(?:ms|s|m|%)?(?![A-Za-z0-9_-]))`,
    String.raw`(?<word>[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*)`,
  ].join('|'),
  'g',
);

const CLASS_OF = {
  comment: 'hljs-comment',
  string: 'hljs-string',
  number: 'hljs-number',
  keyword: 'hljs-keyword',
  value: 'hljs-literal',
} as const;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function span(kind: keyof typeof CLASS_OF, text: string): string {
  return `<span class="${CLASS_OF[kind]}">${escapeHtml(text)}</span>`;
}

/** The HTML of one code block's text (no surrounding <pre>). */
export function highlightSeams(code: string): string {
  let html = '';
  let last = 0;
  for (const match of code.matchAll(TOKEN)) {
    const groups = match.groups!;
    const start = match.index!;
    html += escapeHtml(code.slice(last, start));
    last = start + match[0].length;
    if (groups.comment !== undefined) html += span('comment', match[0]);
    else if (groups.string !== undefined) html += span('string', match[0]);
    else if (groups.number !== undefined) html += span('number', match[0]);
    else if (HIGHLIGHT_KEYWORDS.has(match[0])) html += span('keyword', match[0]);
    else if (HIGHLIGHT_VALUES.has(match[0])) html += span('value', match[0]);
    else html += escapeHtml(match[0]);
  }
  return html + escapeHtml(code.slice(last));
}
