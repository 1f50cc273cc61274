/**
 * The registry is the contract's table: every code once, kebab-case, in the
 * contract's order, with its default severity and threshold, a one-line
 * summary, a one-paragraph rationale, and a page in docs/rules/.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { FIXED_CODES } from '../../server/src/core/diagnostics.js';
import { RULES } from '../../server/src/core/rules/registry.js';
import { RULE_TABLE } from './rule-table.js';

test("the registry holds the contract's rules, in its order, with its defaults", () => {
  assert.deepEqual(
    RULES.map((r) => [r.code, r.defaultSeverity, r.defaultMax]),
    RULE_TABLE.map(({ code, severity, max }) => [code, severity, max]),
  );
});

test("codes are unique, kebab-case and never a fixed error's code", () => {
  const codes = RULES.map((r) => r.code);
  assert.equal(new Set(codes).size, codes.length, 'two rules share a code');
  for (const code of codes) {
    assert.match(code, /^[a-z]+(-[a-z]+)*$/, `${code} is not kebab-case`);
    assert.ok(!(FIXED_CODES as readonly string[]).includes(code), `${code} is a fixed error's code`);
  }
});

test('each rule has a one-line summary and a one-paragraph rationale', () => {
  for (const r of RULES) {
    assert.ok(r.summary.length > 10 && !r.summary.includes('\n'), `${r.code} summary`);
    assert.ok(r.rationale.length > 150 && !r.rationale.includes('\n'), `${r.code} rationale`);
    assert.match(r.rationale, /\.$/, `${r.code} rationale ends a sentence`);
  }
});

test('each rule has its page in docs/rules/', () => {
  const docs = join(import.meta.dirname, '..', '..', 'docs', 'rules');
  const missing = RULES.filter((r) => !existsSync(join(docs, `${r.code}.md`))).map((r) => r.code);
  assert.deepEqual(missing, [], 'rules without a docs/rules/<code>.md page');
});
