/**
 * The workspace model: names across files, the fixed errors, defaults, and the
 * reading of `rules { }` and `// seams-ignore`. Uses a small rule catalogue of its
 * own so that it tests the model, not the rule registry.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compareDiagnostics } from '../../server/src/core/diagnostics.js';
import { buildModel, type KnownRule } from '../../server/src/core/model/build-model.js';
import type { Model } from '../../server/src/core/model/model.js';
import { parseSeams } from '../../server/src/core/syntax/parse.js';

const KNOWN: KnownRule[] = [{ code: 'team-overload', defaultMax: 5 }, { code: 'shared-database' }, { code: 'missing-owner' }];

function model(files: Record<string, string>): Model {
  const parsed = Object.entries(files).map(([file, text]) => parseSeams(text, file));
  for (const p of parsed) assert.deepEqual(p.diagnostics, [], `syntax errors in ${p.ast.file}`);
  return buildModel(
    parsed.map((p) => p.ast),
    KNOWN,
  );
}

/** `code file "text at the range": message` for each fixed error, in file and text order. */
function errors(m: Model): string[] {
  return [...m.diagnostics].sort(compareDiagnostics).map((d) => {
    const text = m.files.get(d.location.file)!.text.slice(d.location.start, d.location.end);
    return `${d.code} ${d.location.file} "${text}": ${d.message}`;
  });
}

describe('names resolve across files', () => {
  test('owner, calls, apis and events in other files', () => {
    const m = model({
      'a.seams': 'service orders { owner team-a calls catalog.catalog-api v2 subscribes catalog.changed v1 }',
      'b.seams': 'team team-a\nservice catalog { api catalog-api v1 v2 event changed v1 }',
    });
    assert.deepEqual(errors(m), []);
    const orders = m.services.get('orders')!;
    const catalog = m.services.get('catalog')!;
    assert.equal(orders.owner?.target, m.teams.get('team-a'));
    assert.deepEqual(m.teams.get('team-a')!.services, [orders]);
    assert.equal(orders.calls[0].target.target, catalog);
    assert.equal(orders.calls[0].api?.target, catalog.apis.get('catalog-api'));
    assert.deepEqual(catalog.callers, [orders.calls[0]]);
    assert.equal(orders.subscriptions[0].event?.target, catalog.events.get('changed'));
    assert.deepEqual(catalog.subscribers, [orders.subscriptions[0]]);
  });

  test('unresolved references name what is missing and suggest a close name', () => {
    const a = 'team payments\nservice orders { owner paymnts calls catalgo calls catalog.nope subscribes catalog.chnged }';
    const m = model({
      'a.seams': a,
      'b.seams': 'service catalog { api catalog-api v1 event changed v1 }',
    });
    assert.deepEqual(errors(m), [
      'unresolved-reference a.seams "paymnts": no team named paymnts; did you mean payments?',
      'unresolved-reference a.seams "catalgo": no service named catalgo; did you mean catalog?',
      'unresolved-reference a.seams "nope": service catalog has no api named nope',
      'unresolved-reference a.seams "chnged": service catalog publishes no event named chnged; did you mean changed?',
    ]);
    const fix = m.diagnostics.find((d) => d.message.startsWith('no team'))?.fixes?.[0];
    const at = a.indexOf('paymnts');
    assert.deepEqual(fix?.edits, [{ file: 'a.seams', start: at, end: at + 'paymnts'.length, newText: 'payments' }]);
  });
});

describe('duplicate-definition', () => {
  test('teams, systems and services are unique model-wide, with the first as related', () => {
    const m = model({
      'a.seams': 'team t\nsystem s { }\nservice x { }',
      'b.seams': 'team t\nsystem s { service x { } }',
    });
    assert.deepEqual(errors(m), [
      'duplicate-definition b.seams "t": team t is already defined',
      'duplicate-definition b.seams "s": system s is already defined',
      'duplicate-definition b.seams "x": service x is already defined',
    ]);
    assert.deepEqual(m.diagnostics[0].related?.[0].location, { file: 'a.seams', start: 5, end: 6 });
  });

  test('within a service: members, contracts, stores, versions, policy settings', () => {
    const m = model({
      'a.seams': [
        'service x {',
        '  owner t owner t',
        '  tier internal tier background',
        '  api a v1 v1',
        '  api a v2',
        '  event a v1',
        '  store db store db',
        '  slo latency p99 1s slo latency p50 1s',
        '  calls x { timeout 1s timeout 2s }',
        '}',
        'team t',
      ].join('\n'),
    });
    assert.deepEqual(errors(m), [
      'duplicate-definition a.seams "owner": service x already has an owner',
      'duplicate-definition a.seams "tier": service x already has a tier',
      'duplicate-definition a.seams "v1": api a lists version v1 twice',
      'duplicate-definition a.seams "a": service x already has an api named a',
      'duplicate-definition a.seams "db": service x declares store db twice',
      'duplicate-definition a.seams "latency": service x already has a latency objective',
      'duplicate-definition a.seams "timeout": timeout is set twice in the call to x',
    ]);
  });

  test('a dropped repeat is tagged unnecessary; a second system block is not, its services still count', () => {
    const m = model({
      'a.seams': 'system s { }\nservice x { owner t owner t api a v1 v2 v1 calls y { timeout 1s timeout 2s } }\nservice y { }\nteam t',
      'b.seams': 'system s { service z { } }\nservice y { }',
    });
    const tagged = (d: Model['diagnostics'][number]) => `${d.location.file}:${d.message}: ${d.tags?.join(',') ?? 'no tags'}`;
    assert.deepEqual([...m.diagnostics].sort(compareDiagnostics).map(tagged), [
      'a.seams:service x already has an owner: unnecessary',
      'a.seams:api a lists version v1 twice: unnecessary',
      'a.seams:timeout is set twice in the call to y: unnecessary',
      'b.seams:system s is already defined: no tags',
      'b.seams:service y is already defined: unnecessary',
    ]);
    assert.ok(m.services.has('z'), 'the services of a second system block are kept');
  });

  test('a version listed twice offers to remove the repeat, separator included', () => {
    const text = 'service x { api a v1 v2 v1 rest }';
    const m = model({ 'a.seams': text });
    const fix = m.diagnostics[0]?.fixes?.[0];
    assert.equal(fix?.title, 'Remove the repeated v1');
    const [edit] = fix!.edits;
    const fixed = text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
    assert.equal(fixed, 'service x { api a v1 v2 rest }');
    assert.deepEqual(model({ 'a.seams': fixed }).diagnostics, []);
  });

  test('the same store in two services is sharing, not a duplicate', () => {
    const m = model({ 'a.seams': 'service x { store db }', 'b.seams': 'service y { store db postgres }' });
    assert.deepEqual(errors(m), []);
    assert.deepEqual(
      m.stores.get('db')!.map((u) => u.service.name),
      ['x', 'y'],
    );
  });
});

describe('invalid-value', () => {
  test('unknown enumerations, zero durations, fractional retries, availability range', () => {
    const m = model({
      'a.seams': [
        'service x {',
        '  tier public cadence hourly',
        '  slo latency p42 1s availability 0%',
        '  calls x { timeout 0ms retry 1.5 backoff linear }',
        '}',
        'service y { slo availability 100.5% }',
      ].join('\n'),
    });
    assert.deepEqual(errors(m), [
      'invalid-value a.seams "public": unknown tier public; expected user-facing, gateway, internal or background',
      'invalid-value a.seams "hourly": unknown cadence hourly; expected daily, weekly, monthly or quarterly',
      'invalid-value a.seams "p42": unknown percentile p42; expected p50, p90, p95 or p99',
      'invalid-value a.seams "0%": availability must be more than 0% and at most 100%, not 0%',
      'invalid-value a.seams "0ms": a timeout must be longer than zero',
      'invalid-value a.seams "1.5": retry takes a whole number of retries, not 1.5',
      'invalid-value a.seams "linear": unknown backoff linear; expected exponential, fixed or none',
      'invalid-value a.seams "100.5%": availability must be more than 0% and at most 100%, not 100.5%',
    ]);
  });
});

describe('defaults', () => {
  test('fill in what a call leaves unset, only inside their system', () => {
    const m = model({
      'a.seams': [
        'system s {',
        '  defaults { timeout 2s circuit-breaker }',
        '  defaults { retry 1 backoff fixed }',
        '  service a { calls b { timeout 300ms } calls b }',
        '}',
        'service b { calls a }',
      ].join('\n'),
    });
    assert.deepEqual(errors(m), []);
    const [own, bare] = m.services.get('a')!.calls;
    assert.deepEqual(own.policy, { timeoutMs: 300, retry: 1, backoff: 'fixed', circuitBreaker: true });
    assert.deepEqual(own.policySources, {
      timeoutMs: 'call',
      retry: 'system-defaults',
      backoff: 'system-defaults',
      circuitBreaker: 'system-defaults',
    });
    assert.deepEqual(bare.policy, { timeoutMs: 2000, retry: 1, backoff: 'fixed', circuitBreaker: true });
    assert.deepEqual(m.services.get('b')!.calls[0].policy, {});
  });

  test("a setting repeated across a system's defaults blocks is a duplicate", () => {
    const m = model({ 'a.seams': 'system s { defaults { timeout 1s } defaults { timeout 2s } }' });
    assert.deepEqual(errors(m), ['duplicate-definition a.seams "timeout": timeout is set twice in system s\'s defaults']);
    assert.equal(m.systems.get('s')!.defaults.timeoutMs, 1000);
  });
});

describe('rules { } settings', () => {
  test('are merged across blocks and files', () => {
    const m = model({
      'a.seams': 'rules { shared-database off }',
      'b.seams': 'rules { team-overload error max 8 } rules { missing-owner info }',
    });
    assert.deepEqual(errors(m), []);
    assert.deepEqual(
      [...m.ruleSettings.values()].map((s) => [s.code, s.severity, s.max]),
      [
        ['shared-database', 'off', undefined],
        ['team-overload', 'error', 8],
        ['missing-owner', 'info', undefined],
      ],
    );
  });

  test('two settings of one rule: duplicate-rule-setting with the first as related', () => {
    const m = model({ 'a.seams': 'rules { team-overload max 3 }', 'b.seams': 'rules { team-overload warning }' });
    assert.deepEqual(errors(m), ['duplicate-rule-setting b.seams "team-overload": rule team-overload is already configured']);
    assert.equal(m.diagnostics[0].related?.[0].location.file, 'a.seams');
    assert.equal(m.ruleSettings.get('team-overload')?.max, 3);
    assert.deepEqual(m.diagnostics[0].tags, ['unnecessary'], 'the ignored second setting is faded in the editor');
  });

  test('unknown rules, fixed codes, bad severities, misplaced or bad max', () => {
    const m = model({
      'a.seams': [
        'rules {',
        '  no-such-rule off',
        '  syntax off',
        '  shared-database loud',
        '  missing-owner warning max 2',
        '  team-overload max 0',
        '}',
      ].join('\n'),
    });
    assert.deepEqual(errors(m), [
      'invalid-value a.seams "no-such-rule": there is no rule named no-such-rule',
      'invalid-value a.seams "syntax": syntax is a fixed error and cannot be configured',
      'invalid-value a.seams "loud": unknown severity loud; expected hint, info, warning, error or off',
      'invalid-value a.seams "max": rule missing-owner has no threshold, so max does not apply',
      'invalid-value a.seams "0": max takes a positive whole number, not 0',
    ]);
    assert.equal(m.ruleSettings.size, 0);
  });

  test('seams-ignore must name rules that exist and are not fixed errors', () => {
    const m = model({
      'a.seams': '// seams-ignore shared-database, syntax, nope\nservice x { store db }\n// seams-ignore\nservice y { }',
    });
    assert.deepEqual(errors(m), [
      'invalid-value a.seams "syntax": syntax is a fixed error and cannot be silenced',
      'invalid-value a.seams "nope": there is no rule named nope',
      'invalid-value a.seams "// seams-ignore": seams-ignore needs the code of the rule to silence, e.g. // seams-ignore shared-database',
    ]);
  });
});
