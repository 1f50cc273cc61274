// syntaxes/language-configuration.json: it parses, every regex in it compiles
// the way VS Code compiles it, and the patterns do what the editor relies on.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { repoRoot } from './tokenizer.js';

const config = JSON.parse(readFileSync(path.join(repoRoot, 'syntaxes/language-configuration.json'), 'utf8'));
/** Keys whose values VS Code turns into a RegExp (a string, or `{ pattern, flags }`). */
const REGEX_KEYS = new Set([
  'wordPattern',
  'increaseIndentPattern',
  'decreaseIndentPattern',
  'indentNextLinePattern',
  'unIndentedLinePattern',
  'beforeText',
  'afterText',
  'previousLineText',
  'start',
  'end',
]);

/** Every regex-valued entry in the configuration, with its JSON path. */
function regexEntries(value: unknown, at = '$'): Array<{ at: string; pattern: string; flags: string }> {
  if (Array.isArray(value)) return value.flatMap((v, i) => regexEntries(v, `${at}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) => {
    const here = `${at}.${key}`;
    if (REGEX_KEYS.has(key) && typeof v === 'string') return [{ at: here, pattern: v, flags: '' }];
    if (REGEX_KEYS.has(key) && v && typeof v === 'object' && 'pattern' in v) {
      const r = v as { pattern: string; flags?: string };
      return [{ at: here, pattern: r.pattern, flags: r.flags ?? '' }];
    }
    return regexEntries(v, here);
  });
}

function regex(key: string): RegExp {
  const entry = regexEntries(config).find((e) => e.at.endsWith(`.${key}`));
  assert.ok(entry, `no ${key}`);
  return new RegExp(entry.pattern, entry.flags);
}

test('every regex in the language configuration compiles', () => {
  const entries = regexEntries(config);
  // wordPattern, 2 indentation patterns, 2 folding markers, onEnterRules texts.
  assert.ok(entries.length >= 9, `found ${entries.map((e) => e.at).join(', ')}`);
  for (const e of entries) {
    assert.doesNotThrow(() => new RegExp(e.pattern, e.flags), `${e.at}: ${e.pattern}`);
    // VS Code adds the global flag to the word pattern when it searches a line.
    assert.doesNotThrow(() => new RegExp(e.pattern, `${e.flags}g`), e.at);
  }
});

test('comments, brackets and pairs', () => {
  assert.deepEqual(config.comments, { lineComment: '//', blockComment: ['/*', '*/'] });
  assert.deepEqual(config.brackets, [['{', '}']]);
  const pairs = config.autoClosingPairs as Array<{ open: string; close: string; notIn?: string[] }>;
  const quote = pairs.find((p) => p.open === '"');
  assert.deepEqual(quote?.notIn?.sort(), ['comment', 'string']);
  assert.ok(pairs.some((p) => p.open === '{' && p.close === '}'));
  assert.deepEqual(config.surroundingPairs, [
    ['{', '}'],
    ['"', '"'],
  ]);
});

test('the word pattern keeps kebab-case names, versions, durations and percentages whole', () => {
  const words = (line: string) => line.match(new RegExp(regex('wordPattern').source, 'g'));
  assert.deepEqual(words('store tier-db postgres'), ['store', 'tier-db', 'postgres']);
  assert.deepEqual(words('calls catalog.catalog-api v1.4.0 {'), ['calls', 'catalog', 'catalog-api', 'v1.4.0']);
  assert.deepEqual(words('slo latency p99 1.5s availability 99.9%'), ['slo', 'latency', 'p99', '1.5s', 'availability', '99.9%']);
  assert.deepEqual(words('timeout 300ms retry 2 backoff none'), ['timeout', '300ms', 'retry', '2', 'backoff', 'none']);
  assert.deepEqual(words('api orders_api v2 grpc'), ['api', 'orders_api', 'v2', 'grpc']);
});

test('indentation: indent after an open brace, outdent on a closing one', () => {
  const increase = regex('increaseIndentPattern');
  const decrease = regex('decreaseIndentPattern');
  for (const line of [
    'service orders {',
    'system shop "Online shop" {',
    '  calls a.b v1 {  // policy',
    'team t "a } b" {',
    'rules { /* tuning */',
  ]) {
    assert.match(line, increase);
  }
  for (const line of ['service orders { owner t }', 'team t "title {"', '// service orders {', 'owner t', '}']) {
    assert.doesNotMatch(line, increase);
  }
  assert.match('  }', decrease);
  assert.match('}', decrease);
  assert.doesNotMatch('  owner t', decrease);
});

test('region markers fold', () => {
  assert.match('// #region payments', regex('start'));
  assert.match('  // #endregion', regex('end'));
  assert.doesNotMatch('// regional services', regex('start'));
});

test('Enter inside a block comment continues it', () => {
  const rules = config.onEnterRules as Array<{ beforeText: string; afterText?: string; action: { appendText?: string } }>;
  const opening = rules.find((r) => r.afterText === undefined && new RegExp(r.beforeText).test('/* the payment path'));
  assert.equal(opening?.action.appendText, ' * ');
  const middle = rules.find((r) => new RegExp(r.beforeText).test(' * more words'));
  assert.equal(middle?.action.appendText, '* ');
  assert.ok(!rules.some((r) => new RegExp(r.beforeText).test('/* closed */')), 'a closed comment does not continue');
});
