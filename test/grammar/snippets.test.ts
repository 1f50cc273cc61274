// The snippets parse, expand to text the grammar accepts, and number their tab stops sensibly.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parseSeams } from '../../server/src/core/syntax/parse.js';
import { TIERS } from '../../server/src/core/vocabulary.js';
import { expandSnippet, tabStops } from './snippet-text.js';
import { invalidTokens, repoRoot, scopesOf, tokenize } from './tokenizer.js';

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description?: string;
}

const snippets = JSON.parse(readFileSync(path.join(repoRoot, 'syntaxes/seams.snippets.json'), 'utf8')) as Record<string, Snippet>;
const bodyText = (s: Snippet) => (Array.isArray(s.body) ? s.body.join('\n') : s.body);

test('snippets for team, system, service, library, calls and defaults exist, each with a prefix, description and body', () => {
  const prefixes = Object.values(snippets).flatMap((s) => s.prefix);
  for (const wanted of ['team', 'system', 'service', 'library', 'calls', 'defaults'])
    assert.ok(prefixes.includes(wanted), `no ${wanted} snippet`);
  for (const [name, s] of Object.entries(snippets)) {
    assert.ok(typeof s.description === 'string' && s.description.length > 10, `${name}: description`);
    assert.ok(bodyText(s).length > 0, `${name}: body`);
  }
});

test('the expander resolves placeholders, choices and mirrors', () => {
  assert.equal(expandSnippet('a ${1:x} ${2|p,q|} $1 ${3:${1:y}-z} \\$4$0'), 'a x p x x-z $4');
  assert.throws(() => expandSnippet('${TM_FILENAME}'));
  assert.throws(() => expandSnippet('${1:open'));
});

for (const [name, s] of Object.entries(snippets)) {
  test(`snippet "${name}" expands to text the grammar tokenizes cleanly`, async () => {
    const text = expandSnippet(bodyText(s));
    assert.doesNotMatch(text, /\$/, 'no snippet syntax left over');
    const tokens = await tokenize(text);
    assert.deepEqual(
      invalidTokens(tokens).map((t) => `${t.line + 1}:${t.start} ${t.text}`),
      [],
      text,
    );
    const stops = tabStops(bodyText(s)).filter((n) => n > 0);
    assert.deepEqual(
      [...stops].sort((a, b) => a - b),
      stops,
      `${name}: tab stops in order`,
    );
    assert.deepEqual(
      stops,
      stops.map((_, i) => i + 1),
      `${name}: tab stops numbered 1..n without gaps`,
    );
  });
}

test('the service snippet offers the tiers as a choice and scopes them as tier values', async () => {
  const service = Object.values(snippets).find((s) => s.prefix === 'service')!;
  assert.match(bodyText(service), new RegExp(`\\$\\{\\d+\\|${TIERS.join(',')}\\|\\}`));
  const tokens = await tokenize(expandSnippet(bodyText(service)));
  assert.ok(scopesOf(tokens, 'user-facing').includes('constant.language.tier.seams'));
  assert.ok(scopesOf(tokens, 'name-db').includes('entity.name.variable.store.seams'));
});

test('the library snippet declares a library with its owner, coloured as such', async () => {
  const library = Object.values(snippets).find((s) => s.prefix === 'library')!;
  const tokens = await tokenize(expandSnippet(bodyText(library)));
  assert.ok(scopesOf(tokens, 'library').includes('keyword.declaration.library.seams'));
  assert.ok(scopesOf(tokens, 'name-lib').includes('entity.name.type.library.seams'));
  assert.ok(scopesOf(tokens, 'team').includes('variable.other.reference.team.seams'));
});

test('the calls snippet sets a timeout, a retry with backoff and a circuit breaker', async () => {
  const calls = Object.values(snippets).find((s) => s.prefix === 'calls')!;
  const tokens = await tokenize(expandSnippet(bodyText(calls)));
  for (const [text, scope] of [
    ['calls', 'keyword.other.member.calls.seams'],
    ['timeout', 'keyword.other.policy.timeout.seams'],
    ['backoff', 'keyword.other.policy.backoff.seams'],
    ['exponential', 'constant.language.backoff.seams'],
    ['circuit-breaker', 'keyword.other.policy.circuit-breaker.seams'],
  ]) {
    assert.ok(scopesOf(tokens, text).includes(scope), `${text} is ${scope}`);
  }
});

test('every snippet, expanded where it belongs, parses without a syntax error', () => {
  const topLevel = new Set(['team', 'system', 'service', 'library', 'rules', 'seams-ignore']);
  for (const [name, s] of Object.entries(snippets)) {
    const text = expandSnippet(bodyText(s));
    const prefix = Array.isArray(s.prefix) ? s.prefix[0] : s.prefix;
    const source = topLevel.has(prefix) ? text : `service wrapper {\n${text}\n}\n`;
    const { diagnostics } = parseSeams(source, `${prefix}.seams`);
    assert.deepEqual(
      diagnostics.map((d) => d.message),
      [],
      `${name}:\n${source}`,
    );
  }
});
