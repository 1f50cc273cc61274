/**
 * Completion contexts, as data: each case is a text with the cursor written as
 * `|` and what must (or must not) be offered there. The model comes from a
 * small two-file workspace, so names resolve across files.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkSources } from '../../server/src/core/check.js';
import { completeAt } from '../../server/src/core/query/completion.js';
import type { Rule } from '../../server/src/core/rules/rule.js';

const MODEL = checkSources([
  { file: 'teams.seams', text: 'team web-team\nteam data-team "Data"\nlibrary auth-lib "Auth" { owner web-team }\nlibrary log-lib\n' },
  {
    file: 'shop.seams',
    text: `system shop {
  service catalog {
    owner web-team
    store catalog-db postgres
    api catalog-api v1 v2 v10 rest
    event item-changed v1 v3
  }
  service orders {
    owner web-team
    calls catalog.catalog-api v2
  }
  service quiet {
    api quiet-api v1
    runtime kotlin
  }
}
`,
  },
]).model;

const RULES: Rule[] = [
  { code: 'sync-fan-out', defaultSeverity: 'warning', defaultMax: 4, summary: 's', rationale: 'r', check: () => [] },
  { code: 'missing-owner', defaultSeverity: 'warning', summary: 's', rationale: 'r', check: () => [] },
];

function labels(source: string): string[] {
  const offset = source.indexOf('|');
  assert.ok(offset >= 0, 'the case marks the cursor with |');
  const text = source.slice(0, offset) + source.slice(offset + 1);
  return completeAt(text, offset, MODEL, RULES).candidates.map((c) => c.label);
}

const MEMBERS = [
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
];
const DECLARATIONS = ['team', 'system', 'service', 'library', 'rules'];

const CASES: { name: string; text: string; exactly?: string[]; includes?: string[]; excludes?: string[] }[] = [
  { name: 'top level', text: '|', exactly: DECLARATIONS },
  { name: 'top level after a declaration', text: 'team a\n|', exactly: DECLARATIONS },
  { name: 'a new name after service', text: 'service |', exactly: [] },
  { name: 'inside a system', text: 'system s {\n  |\n}', exactly: ['service', 'defaults'] },
  { name: 'inside a service', text: 'service s {\n  |\n}', exactly: MEMBERS },
  { name: 'after a finished member', text: 'service s {\n  owner web-team\n  |\n}', exactly: MEMBERS },
  { name: 'after a policy block closes', text: 'service s {\n  calls catalog { timeout 1s }\n  |\n}', exactly: MEMBERS },
  { name: 'teams after owner', text: 'service s {\n  owner |\n}', exactly: ['web-team', 'data-team'] },
  { name: 'a partly typed team', text: 'service s {\n  owner da|\n}', exactly: ['web-team', 'data-team'] },
  { name: 'services after calls, not itself', text: 'service orders {\n  calls |\n}', exactly: ['catalog', 'quiet'] },
  { name: 'publishers after subscribes', text: 'service s {\n  subscribes |\n}', exactly: ['catalog'] },
  { name: 'apis after calls X.', text: 'service s {\n  calls catalog.|\n}', exactly: ['catalog-api'] },
  { name: 'events after subscribes X.', text: 'service s {\n  subscribes catalog.|\n}', exactly: ['item-changed'] },
  { name: 'api versions, newest first', text: 'service s {\n  calls catalog.catalog-api |\n}', includes: ['v10', 'v2', 'v1'] },
  { name: 'a partly typed version', text: 'service s {\n  calls catalog.catalog-api v1|\n}', includes: ['v10', 'v2', 'v1'] },
  { name: 'event versions', text: 'service s {\n  subscribes catalog.item-changed |\n}', includes: ['v3', 'v1', 'calls'] },
  { name: 'no apis of an unknown service', text: 'service s {\n  calls nowhere.|\n}', exactly: [] },
  { name: 'tiers', text: 'service s {\n  tier |\n}', exactly: ['user-facing', 'gateway', 'internal', 'background'] },
  { name: 'cadences', text: 'service s {\n  cadence |\n}', exactly: ['daily', 'weekly', 'monthly', 'quarterly'] },
  { name: 'store names in use', text: 'service s {\n  store |\n}', exactly: ['catalog-db'] },
  { name: 'store kinds in use', text: 'service s {\n  store x-db |\n}', includes: ['postgres', 'readonly', 'owner'] },
  {
    name: 'readonly after a store kind',
    text: 'service s {\n  store x-db postgres |\n}',
    includes: ['readonly', 'owner'],
    excludes: ['postgres'],
  },
  { name: 'nothing more after readonly', text: 'service s {\n  store x-db postgres readonly |\n}', exactly: MEMBERS },
  { name: 'libraries after uses', text: 'service s {\n  uses |\n}', exactly: ['auth-lib', 'log-lib'] },
  { name: 'a partly typed library', text: 'service s {\n  uses au|\n}', exactly: ['auth-lib', 'log-lib'] },
  { name: 'runtimes after runtime', text: 'service s {\n  runtime |\n}', includes: ['kotlin', 'java', 'go', 'node'] },
  { name: 'owner in a library', text: 'library l {\n  |\n}', exactly: ['owner'] },
  { name: 'teams after owner in a library', text: 'library l {\n  owner |\n}', exactly: ['web-team', 'data-team'] },
  { name: 'a new name after library', text: 'library |', exactly: [] },
  {
    name: 'policy keywords in service defaults',
    text: 'service s {\n  defaults {\n    |\n  }\n}',
    exactly: ['timeout', 'retry', 'circuit-breaker'],
  },
  {
    name: 'backoff values in service defaults',
    text: 'service s {\n  defaults { retry 1 backoff | }\n}',
    exactly: ['exponential', 'fixed', 'none'],
  },
  { name: 'members after service defaults', text: 'service s {\n  defaults { timeout 1s }\n  |\n}', exactly: MEMBERS },
  { name: 'durations after timeout', text: 'service s {\n  calls catalog { timeout | }\n}', includes: ['100ms', '2s'] },
  { name: 'policy keywords', text: 'service s {\n  calls catalog { timeout 1s | }\n}', exactly: ['timeout', 'retry', 'circuit-breaker'] },
  { name: 'backoff after retry N', text: 'service s {\n  calls catalog { retry 2 | }\n}', includes: ['backoff'] },
  { name: 'backoff values', text: 'system x {\n  defaults { retry 2 backoff | }\n}', exactly: ['exponential', 'fixed', 'none'] },
  { name: 'percentiles', text: 'service s {\n  slo latency |\n}', exactly: ['p50', 'p90', 'p95', 'p99'] },
  { name: 'durations after a percentile', text: 'service s {\n  slo latency p99 |\n}', includes: ['250ms'] },
  { name: 'slo entries', text: 'service s {\n  slo |\n}', exactly: ['latency', 'availability'] },
  { name: 'on-call in a team', text: 'team t {\n  |\n}', exactly: ['oncall'] },
  { name: 'rule codes in rules', text: 'rules {\n  |\n}', exactly: ['sync-fan-out', 'missing-owner'] },
  {
    name: 'severities and max for a rule with a threshold',
    text: 'rules {\n  sync-fan-out |\n}',
    exactly: ['error', 'warning', 'info', 'hint', 'off', 'max'],
  },
  { name: 'no max for a rule without one', text: 'rules {\n  missing-owner |\n}', exactly: ['error', 'warning', 'info', 'hint', 'off'] },
  { name: 'max after a severity', text: 'rules {\n  sync-fan-out warning |\n}', exactly: ['max'] },
  { name: 'the next rule after a setting', text: 'rules {\n  missing-owner off\n  |\n}', exactly: ['sync-fan-out', 'missing-owner'] },
  { name: 'rule codes in seams-ignore', text: 'service s {\n  // seams-ignore |\n}', exactly: ['sync-fan-out', 'missing-owner'] },
  { name: 'nothing in a plain comment', text: 'service s {\n  // owner |\n}', exactly: [] },
  { name: 'nothing in a string', text: 'service s "the |title" {\n}', exactly: [] },
  { name: 'nothing in an unterminated string', text: 'team t {\n  oncall "#te|\n}', exactly: [] },
  { name: 'nothing in a block comment', text: '/* calls | */', exactly: [] },
];

for (const c of CASES) {
  test(`completion: ${c.name}`, () => {
    const got = labels(c.text);
    if (c.exactly) assert.deepEqual([...got].sort(), [...c.exactly].sort());
    for (const x of c.includes ?? []) assert.ok(got.includes(x), `${x} in ${got.join(', ')}`);
    for (const x of c.excludes ?? []) assert.ok(!got.includes(x), `${x} not in ${got.join(', ')}`);
  });
}

test('completion: versions come newest first (v10 before v2)', () => {
  assert.deepEqual(labels('service s {\n  calls catalog.catalog-api |\n}').slice(0, 3), ['v10', 'v2', 'v1']);
});

test('completion: the replaced span is the name typed so far, a version included', () => {
  const text = 'service s {\n  calls catalog.catalog-api v1.2\n}';
  const offset = text.indexOf('v1.2') + 4;
  const r = completeAt(text, offset, MODEL, RULES);
  assert.equal(text.slice(r.replaceStart, r.replaceEnd), 'v1.2');
  assert.deepEqual(
    r.candidates.slice(0, 3).map((c) => c.label),
    ['v10', 'v2', 'v1'],
  );
  const kebab = 'service s {\n  owner data-te\n}';
  const at = kebab.indexOf('data-te') + 7;
  const k = completeAt(kebab, at, MODEL, RULES);
  assert.equal(kebab.slice(k.replaceStart, k.replaceEnd), 'data-te');
});

test('completion: works without a model (before the first check)', () => {
  const r = completeAt('service s {\n  calls \n}', 'service s {\n  calls '.length, undefined, RULES);
  assert.deepEqual(r.candidates, []);
});
