/**
 * The version 2 additions to the model: gateways, service defaults (setting by
 * setting, call > service > system), readonly stores, libraries and `uses`,
 * runtimes, and invalid values that count as present.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compareDiagnostics } from '../../server/src/core/diagnostics.js';
import { buildModel } from '../../server/src/core/model/build-model.js';
import type { Model } from '../../server/src/core/model/model.js';
import { parseSeams } from '../../server/src/core/syntax/parse.js';
import { isUserFacingOrGateway, TIERS } from '../../server/src/core/vocabulary.js';

function model(files: Record<string, string>, allowSyntax = false): Model {
  const parsed = Object.entries(files).map(([file, text]) => parseSeams(text, file));
  if (!allowSyntax) for (const p of parsed) assert.deepEqual(p.diagnostics, [], `syntax errors in ${p.ast.file}`);
  return buildModel(parsed.map((p) => p.ast));
}

function errors(m: Model): string[] {
  return [...m.diagnostics].sort(compareDiagnostics).map((d) => {
    const text = m.files.get(d.location.file)!.text.slice(d.location.start, d.location.end);
    return `${d.code} ${d.location.file} "${text}": ${d.message}`;
  });
}

describe('tier gateway', () => {
  test('is a tier, and counts as user-facing for the helper', () => {
    const m = model({ 'a.seams': 'service edge { tier gateway }\nservice web { tier user-facing }\nservice b { tier internal }' });
    assert.deepEqual(errors(m), []);
    assert.equal(m.services.get('edge')!.tier, 'gateway');
    assert.ok(TIERS.includes('gateway'));
    assert.equal(isUserFacingOrGateway(m.services.get('edge')!), true);
    assert.equal(isUserFacingOrGateway(m.services.get('web')!), true);
    assert.equal(isUserFacingOrGateway(m.services.get('b')!), false);
  });

  test('an unknown tier or cadence is invalid-value, leaves the value unset and says it was written', () => {
    const m = model({ 'a.seams': 'service a { tier frontend cadence hourly }' });
    assert.deepEqual(errors(m), [
      'invalid-value a.seams "frontend": unknown tier frontend; expected user-facing, gateway, internal or background',
      'invalid-value a.seams "hourly": unknown cadence hourly; expected daily, weekly, monthly or quarterly',
    ]);
    const a = m.services.get('a')!;
    assert.equal(a.tier, undefined);
    assert.equal(a.cadence, undefined);
    assert.deepEqual(a.invalid, { tier: true, cadence: true });
    assert.equal(model({ 'b.seams': 'service b { tier internal }' }).services.get('b')!.invalid, undefined);
  });
});

describe('service defaults', () => {
  const text = [
    'system s {',
    '  defaults { timeout 2s retry 3 backoff fixed circuit-breaker }',
    '  service a {',
    '    defaults { timeout 500ms }',
    '    defaults { retry 1 }',
    '    calls b',
    '    calls b { timeout 100ms }',
    '    calls b { retry 2 backoff exponential }',
    '  }',
    '  service b { }',
    '  service c { calls b }',
    '}',
  ].join('\n');

  test("a call's own setting wins over its service's defaults, which win over its system's", () => {
    const m = model({ 'a.seams': text });
    assert.deepEqual(errors(m), []);
    const a = m.services.get('a')!;
    assert.deepEqual(a.defaults, { timeoutMs: 500, retry: 1 });
    const [plain, timed, retried] = a.calls;
    assert.deepEqual(plain.policy, { timeoutMs: 500, retry: 1, circuitBreaker: true });
    assert.deepEqual(plain.policySources, { timeoutMs: 'service-defaults', retry: 'service-defaults', circuitBreaker: 'system-defaults' });
    assert.deepEqual(timed.policy, { timeoutMs: 100, retry: 1, circuitBreaker: true });
    assert.equal(timed.policySources.timeoutMs, 'call');
    assert.deepEqual(retried.policy, { timeoutMs: 500, retry: 2, backoff: 'exponential', circuitBreaker: true });
    assert.deepEqual(retried.policySources, {
      timeoutMs: 'service-defaults',
      retry: 'call',
      backoff: 'call',
      circuitBreaker: 'system-defaults',
    });
    const c = m.services.get('c')!;
    assert.deepEqual(c.defaults, {});
    assert.deepEqual(c.calls[0].policy, { timeoutMs: 2000, retry: 3, backoff: 'fixed', circuitBreaker: true });
  });

  test('retry and its backoff are one setting: a retry without backoff does not borrow one', () => {
    const m = model({ 'a.seams': 'system s { defaults { retry 3 backoff exponential }\n service a { calls a { retry 2 } } }' });
    const call = m.services.get('a')!.calls[0];
    assert.deepEqual(call.policy, { retry: 2 });
    assert.deepEqual(call.policySources, { retry: 'call' });
  });

  test('service defaults work outside any system', () => {
    const m = model({ 'a.seams': 'service a { defaults { timeout 1s circuit-breaker } calls a }' });
    assert.deepEqual(m.services.get('a')!.calls[0].policy, { timeoutMs: 1000, circuitBreaker: true });
  });

  test("a setting repeated across a service's defaults blocks is a duplicate", () => {
    const m = model({ 'a.seams': 'service a { defaults { timeout 1s } defaults { timeout 2s } }' });
    assert.deepEqual(errors(m), ['duplicate-definition a.seams "timeout": timeout is set twice in service a\'s defaults']);
    assert.equal(m.services.get('a')!.defaults.timeoutMs, 1000);
  });

  test("defaults may stand anywhere among the members, and a system's defaults after a service stay the system's", () => {
    const m = model({ 'a.seams': 'system s { service a { calls a defaults { timeout 1s } tier internal } defaults { retry 1 } }' });
    assert.deepEqual(errors(m), []);
    const a = m.services.get('a')!;
    assert.equal(a.tier, 'internal');
    assert.deepEqual(a.defaults, { timeoutMs: 1000 });
    assert.deepEqual(m.systems.get('s')!.defaults, { retry: 1 });
    assert.equal(a.decl.defaults.length, 1);
    assert.equal(m.systems.get('s')!.decl.defaults.length, 1);
  });
});

describe('invalid values count as present and are reported once', () => {
  test('timeout 0ms on a call: invalid-value, flagged, no value', () => {
    const m = model({ 'a.seams': 'system s { defaults { timeout 2s } service a { calls a { timeout 0ms } } }' });
    assert.deepEqual(errors(m), ['invalid-value a.seams "0ms": a timeout must be longer than zero']);
    const call = m.calls[0];
    assert.equal(call.policy.timeoutMs, undefined, 'an invalid own timeout is not replaced by the defaults');
    assert.deepEqual(call.policy.invalid, { timeout: true });
    assert.equal(call.policySources.timeoutMs, 'call');
  });

  test('an invalid timeout in system defaults is reported once, on the defaults, and inherited as invalid', () => {
    const m = model({ 'a.seams': 'system s { defaults { timeout 0s }\n service a { calls b calls b }\n service b { calls a } }' });
    assert.deepEqual(errors(m), ['invalid-value a.seams "0s": a timeout must be longer than zero']);
    for (const call of m.calls) {
      assert.equal(call.policy.timeoutMs, undefined);
      assert.deepEqual(call.policy.invalid, { timeout: true });
      assert.equal(call.policySources.timeoutMs, 'system-defaults');
    }
    assert.deepEqual(m.systems.get('s')!.defaults.invalid, { timeout: true });
  });

  test('an invalid setting in service defaults shadows a valid system default', () => {
    const m = model({ 'a.seams': 'system s { defaults { timeout 2s } service a { defaults { timeout 0ms } calls a } }' });
    assert.deepEqual(errors(m), ['invalid-value a.seams "0ms": a timeout must be longer than zero']);
    assert.deepEqual(m.calls[0].policy, { invalid: { timeout: true } });
    assert.equal(m.calls[0].policySources.timeoutMs, 'service-defaults');
  });

  test('backoff sideways: invalid-value, retry kept, backoff flagged', () => {
    const m = model({ 'a.seams': 'service a { calls a { retry 2 backoff sideways } }' });
    assert.deepEqual(errors(m), ['invalid-value a.seams "sideways": unknown backoff sideways; expected exponential, fixed or none']);
    assert.deepEqual(m.calls[0].policy, { retry: 2, invalid: { backoff: true } });
    assert.deepEqual(m.calls[0].policySources, { retry: 'call', backoff: 'call' });
  });

  test('retry 1.5 is flagged as an invalid retry', () => {
    const m = model({ 'a.seams': 'service a { calls a { retry 1.5 } }' });
    assert.deepEqual(m.calls[0].policy, { invalid: { retry: true } });
  });

  test('a timeout whose value is a syntax error still counts as written (no second diagnostic follows)', () => {
    const m = model({ 'a.seams': 'service a { calls a { timeout fast } }' }, true);
    assert.deepEqual(errors(m), []);
    assert.deepEqual(m.calls[0].policy, { invalid: { timeout: true } });
  });
});

describe('readonly stores', () => {
  test('readonly is a flag after the name and the kind, never a kind', () => {
    const m = model({
      'a.seams': 'service a { store db postgres }\nservice b { store db postgres readonly }\nservice c { store db readonly }',
    });
    assert.deepEqual(errors(m), []);
    const uses = m.stores.get('db')!;
    assert.deepEqual(
      uses.map((u) => [u.service.name, u.kind, u.readonly]),
      [
        ['a', 'postgres', false],
        ['b', 'postgres', true],
        ['c', undefined, true],
      ],
    );
    const c = m.files.get('a.seams')!.text;
    const decl = uses[2].decl;
    assert.equal(c.slice(decl.readonly!.start, decl.readonly!.end), 'readonly');
  });
});

describe('libraries', () => {
  test('declared at top level with a label and an owner; uses resolve across files, in order', () => {
    const m = model({
      'a.seams': 'service a { uses auth-lib uses log-lib }\nservice b { uses auth-lib }',
      'b.seams': 'team platform\nlibrary auth-lib "Auth client" { owner platform }\nlibrary log-lib',
    });
    assert.deepEqual(errors(m), []);
    const lib = m.libraries.get('auth-lib')!;
    assert.equal(lib.title, 'Auth client');
    assert.equal(lib.owner?.target, m.teams.get('platform'));
    assert.deepEqual(
      lib.users.map((s) => s.name),
      ['a', 'b'],
    );
    assert.deepEqual(
      m.services.get('a')!.uses.map((u) => [u.name, u.target?.name]),
      [
        ['auth-lib', 'auth-lib'],
        ['log-lib', 'log-lib'],
      ],
    );
    assert.deepEqual(m.teams.get('platform')!.services, [], 'owning a library is not owning a service');
  });

  test('unresolved uses and owner, duplicate uses, duplicate library, second owner', () => {
    const m = model({
      'a.seams': [
        'team platform',
        'library auth-lib { owner platfrom }',
        'library auth-lib',
        'library log-lib { owner platform owner platform }',
        'service a { uses auth-lb uses log-lib uses log-lib }',
      ].join('\n'),
    });
    assert.deepEqual(errors(m), [
      'unresolved-reference a.seams "platfrom": no team named platfrom; did you mean platform?',
      'duplicate-definition a.seams "auth-lib": library auth-lib is already defined',
      'duplicate-definition a.seams "owner": library log-lib already has an owner',
      'unresolved-reference a.seams "auth-lb": no library named auth-lb; did you mean auth-lib?',
      'duplicate-definition a.seams "log-lib": service a uses library log-lib twice',
    ]);
    assert.deepEqual(
      m.libraries.get('log-lib')!.users.map((s) => s.name),
      ['a'],
    );
    assert.deepEqual(
      m.services.get('a')!.uses.map((u) => u.name),
      ['auth-lb', 'log-lib'],
    );
  });

  test('library names are their own namespace', () => {
    const m = model({ 'a.seams': 'team auth\nservice auth { uses auth }\nlibrary auth { owner auth }' });
    assert.deepEqual(errors(m), []);
    assert.equal(m.services.get('auth')!.uses[0].target, m.libraries.get('auth'));
  });
});

describe('runtime', () => {
  test('a free identifier; a second runtime is a duplicate-definition', () => {
    const m = model({ 'a.seams': 'service a { runtime java runtime go }\nservice b { runtime node }' });
    assert.deepEqual(errors(m), ['duplicate-definition a.seams "runtime": service a already has a runtime']);
    assert.equal(m.services.get('a')!.runtime?.name, 'java');
    assert.equal(m.services.get('b')!.runtime?.name, 'node');
  });
});
