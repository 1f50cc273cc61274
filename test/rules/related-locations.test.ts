/**
 * Where the contract asks for related locations: the other declarations of a
 * shared store, the rest of a cycle, and where a worst case comes from.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkSources } from '../../server/src/core/check.js';
import type { Diagnostic } from '../../server/src/core/diagnostics.js';
import { readFixture } from './fixture.js';

function related(name: string, code: string): { at: string; related: string[] }[] {
  const sources = readFixture(name);
  const text = (file: string) => sources.find((s) => s.file === file)!.text;
  const show = (d: Diagnostic['location']) => text(d.file).slice(d.start, d.end);
  return checkSources(sources)
    .diagnostics.filter((d) => d.code === code)
    .map((d) => ({ at: show(d.location), related: (d.related ?? []).map((r) => `${show(r.location)} — ${r.message}`) }));
}

test('shared-database: each declaration relates the others', () => {
  const catalog = related('shared-database.seams', 'shared-database').filter((d) => d.at === 'catalog-db');
  assert.equal(catalog.length, 3);
  assert.deepEqual(catalog[0].related, [
    'catalog-db — pricing also declares store catalog-db',
    'catalog-db — search also declares store catalog-db',
  ]);
});

test('compliance-leak: each declaration relates the others with their tags', () => {
  const leak = related('compliance-leak.seams', 'compliance-leak')[0];
  assert.deepEqual(leak.related, ['payments-db — reporting (no compliance tags) declares store payments-db']);
});

test('sync-cycle: the other calls of the cycle are related', () => {
  const ring = related('sync-cycle.seams', 'sync-cycle').find((d) => d.at === 'calls y.y-api v1');
  assert.deepEqual(ring?.related, ['calls z.z-api v1 — y calls z', 'calls x.x-api v1 — z calls x']);
});

test('sync-cycle: overlapping cycles are one report, every other call of the group related', () => {
  const reports = related('sync-cycle.seams', 'sync-cycle');
  const hub = reports.filter(
    (d) => d.at.startsWith('calls left-spoke') || d.at.startsWith('calls right-spoke') || d.at.startsWith('calls hub'),
  );
  assert.equal(hub.length, 1);
  assert.deepEqual(hub[0].related, [
    'calls right-spoke.right-spoke-api v1 — hub calls right-spoke',
    'calls hub.hub-api v1 — left-spoke calls hub',
    'calls hub.hub-api v1 — right-spoke calls hub',
  ]);
});

test("timeout-budget: the callee's slowest call is related", () => {
  const budget = related('timeout-budget.seams', 'timeout-budget').find((d) => d.at === 'calls mid.mid-api v1');
  assert.deepEqual(budget?.related, ['calls low.low-api v1 — mid → low may take 1.2s']);
});

test('sync-chain-depth: the later hops of the chain are related', () => {
  const chain = related('sync-chain-depth.seams', 'sync-chain-depth')[0];
  assert.equal(chain.at, 'calls orders.orders-api v1');
  assert.deepEqual(chain.related, [
    'calls payments.payments-api v1 — then orders calls payments',
    'calls ledger.ledger-api v1 — then payments calls ledger',
    'calls fx.fx-api v1 — then ledger calls fx',
  ]);
});

test("inappropriate-intimacy: the writer's declaration is related", () => {
  const reads = related('inappropriate-intimacy.seams', 'inappropriate-intimacy');
  assert.deepEqual(
    reads.map((d) => d.related),
    [['billing-db — billing writes store billing-db'], ['billing-db — billing writes store billing-db']],
  );
});

test('shared-library: each uses is related', () => {
  const [lib] = related('shared-library.seams', 'shared-library');
  assert.deepEqual(lib.related, [
    'money-lib — billing uses money-lib',
    'money-lib — checkout uses money-lib',
    'money-lib — refunds uses money-lib',
  ]);
});

test('too-many-standards: the first declaration of each other value is related, in path order', () => {
  const [runtimes, protocols] = related('too-many-standards.seams', 'too-many-standards');
  assert.deepEqual(runtimes.related, [
    'java — catalog runs on java',
    'go — orders runs on go',
    'node — web runs on node',
    'python — reports runs on python',
  ]);
  assert.deepEqual(protocols.related, [
    'rest — catalog.catalog-api speaks rest',
    'grpc — orders.orders-api speaks grpc',
    'graphql — web.web-api speaks graphql',
  ]);
});

test('no-api-gateway: the other user-facing services are related, in path order', () => {
  const [d] = related('no-api-gateway.seams', 'no-api-gateway');
  assert.equal(d.at, 'storefront');
  assert.deepEqual(d.related, ['partner-api — partner-api is user-facing too', 'mobile-api — mobile-api is user-facing too']);
});
