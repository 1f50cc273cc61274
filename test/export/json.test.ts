/**
 * The JSON export: the model itself, validated against the project's JSON
 * Schema (docs/seams-model.schema.json) with ajv, and checked against the model.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Ajv } from 'ajv';
import { exportJson, exportJsonModel } from '../../server/src/core/export/json.js';
import { exportModels, modelFromText, ROOT } from './export-fixtures.js';

const schema = JSON.parse(readFileSync(join(ROOT, 'docs', 'seams-model.schema.json'), 'utf8')) as object;
const ajv = new Ajv({ allErrors: true, strict: true });
const validate = ajv.compile(schema);

function assertValid(document: unknown): void {
  if (!validate(document)) assert.fail(ajv.errorsText(validate.errors, { separator: '\n' }));
}

describe('seams export --format json', () => {
  for (const { name, model } of exportModels()) {
    it(`the export of ${name} matches the JSON Schema and has every element`, () => {
      const document = JSON.parse(exportJson(model)) as ReturnType<typeof exportJsonModel>;
      assertValid(document);
      assert.equal(document.services.length, model.services.size);
      assert.equal(document.teams.length, model.teams.size);
      assert.equal(document.systems.length, model.systems.size);
      assert.equal(document.stores.length, model.stores.size);
      assert.equal(document.calls.length, model.calls.length);
      assert.equal(document.subscriptions.length, model.subscriptions.length);
    });
  }

  it('the schema really rejects what is not a model', () => {
    const document = exportJsonModel(modelFromText('service a {}\n'));
    assertValid(document);
    assert.equal(validate({ ...document, services: [{ name: 'a' }] }), false);
    assert.equal(validate({ ...document, extra: 1 }), false);
    assert.equal(validate({ ...document, calls: [{ ...document.services[0] }] }), false);
  });

  it('gives each element its file, line and column, and keeps unresolved references', () => {
    const document = exportJsonModel(
      modelFromText(
        [
          'team shop-team "Shop" {',
          '  oncall "#shop"',
          '}',
          'system shop "The \\"shop\\"" {',
          '  defaults { timeout 2s }',
          '  service orders "Orders" {',
          '    owner shop-team',
          '    tier user-facing',
          '    store orders-db postgres',
          '    api orders-api v1 v2 grpc',
          '    event placed v3',
          '    slo latency p99 200ms availability 99.9%',
          '    calls billing.invoice-api v2 { retry 2 backoff exponential }',
          '    calls nowhere',
          '  }',
          '  service billing {',
          '    api invoice-api v2 rest',
          '    subscribes orders.placed v3',
          '  }',
          '}',
          'rules {',
          '  sync-fan-out max 3',
          '}',
          '',
        ].join('\n'),
        'shop.seams',
      ),
    );
    assertValid(document);
    assert.deepEqual(document.files, ['shop.seams']);
    assert.deepEqual(document.teams, [
      { name: 'shop-team', title: 'Shop', oncall: ['#shop'], services: ['orders'], file: 'shop.seams', line: 1, column: 6 },
    ]);
    assert.deepEqual(document.systems[0], {
      name: 'shop',
      title: 'The "shop"',
      defaults: { timeoutMs: 2000 },
      services: ['orders', 'billing'],
      file: 'shop.seams',
      line: 4,
      column: 8,
    });
    const orders = document.services[0];
    assert.equal(orders.system, 'shop');
    assert.equal(orders.tier, 'user-facing');
    assert.deepEqual(orders.stores, [{ name: 'orders-db', kind: 'postgres', readonly: false, file: 'shop.seams', line: 9, column: 11 }]);
    assert.deepEqual(orders.slo, { latency: { percentile: 'p99', ms: 200 }, availability: 99.9 });
    assert.deepEqual(document.contracts[0], {
      kind: 'api',
      service: 'orders',
      name: 'orders-api',
      versions: ['v1', 'v2'],
      protocol: 'grpc',
      file: 'shop.seams',
      line: 10,
      column: 9,
    });
    assert.deepEqual(document.calls[0], {
      from: 'orders',
      to: 'billing',
      api: 'invoice-api',
      version: 'v2',
      resolved: true,
      policy: { timeoutMs: 2000, retry: 2, backoff: 'exponential' },
      policySources: document.calls[0].policySources,
      file: 'shop.seams',
      line: 13,
      column: 5,
    });
    assert.equal(document.calls[0].policySources.retry, 'call');
    assert.notEqual(document.calls[0].policySources.timeoutMs, 'call');
    assert.equal(document.calls[1].to, 'nowhere');
    assert.equal(document.calls[1].resolved, false);
    assert.deepEqual(document.subscriptions, [
      {
        subscriber: 'billing',
        publisher: 'orders',
        event: 'placed',
        version: 'v3',
        resolved: true,
        file: 'shop.seams',
        line: 18,
        column: 5,
      },
    ]);
    assert.deepEqual(document.rules, [{ code: 'sync-fan-out', max: 3, file: 'shop.seams', line: 22, column: 3 }]);
  });
});
